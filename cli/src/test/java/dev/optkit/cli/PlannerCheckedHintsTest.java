package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assess --check-hints}: the sample's database hints checked by a real PostgreSQL planner with HypoPG, each
 * reported with the planner's verdict. CI installs PostgreSQL and HypoPG and sets OPTKIT_REQUIRE_POSTGRES: there this runs.
 */
class PlannerCheckedHintsTest {
  @TempDir Path dir;

  @Test
  void theSamplesMissingIndexUnindexedForeignKeyAndUnboundedReadAreEachKeptByThePlanner() throws Exception {
    RequiredPostgres.orSkip();
    Path report = dir.resolve("report.json");
    CliRun run = CliRun.of("assess", CliRun.repoRoot().resolve("samples/spring-service").toString(), "--check-hints",
        "--no-cache", "--offline", "--format", "json", "-o", report.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    Map<String, String> verdicts = new TreeMap<>();
    for (JsonNode finding : new ObjectMapper().readTree(Files.readString(report)).path("findings")) {
      if (finding.path("category").asText().equals("db-hint")) {
        verdicts.put(finding.path("ruleId").asText() + " " + finding.path("details").path("table").asText()
                + finding.path("details").path("columns"),
            finding.path("details").path("plannerCheck").path("verdict").asText() + " "
                + finding.path("confidence").asText());
      }
    }
    // production runs on PostgreSQL (production.properties), which indexes no foreign key itself: order_note's key to
    // purchase_order is unindexed; customers are looked up by email with no index; every note is read for a route
    assertEquals(Map.of(
        "MissingIndex customer[\"email\"]", "kept high",
        "UnindexedForeignKey order_note[\"order_id\"]", "kept high",
        "UnboundedRead order_note", "kept high"), verdicts);
  }

  @Test
  void aThresholdOutsideOneToNinetyNineIsAUsageError() {
    // checked before any scan or server start
    CliRun run = CliRun.of("assess", CliRun.repoRoot().resolve("samples/spring-service").toString(), "--check-hints",
        "--check-hints-threshold", "0");
    assertEquals(ExitCodes.USAGE, run.exitCode());
  }
}
