package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.validation.hints.PlannerDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assess --check-hints}: the sample's index hints checked by a real PostgreSQL planner with HypoPG, each reported
 * with the planner's verdict. CI installs PostgreSQL and HypoPG and sets OPTKIT_REQUIRE_POSTGRES: there this runs.
 */
class PlannerCheckedHintsTest {
  @TempDir Path dir;

  private static void requirePostgresql() {
    String why = PlannerDatabase.unavailable();
    if (why != null && System.getenv("OPTKIT_REQUIRE_POSTGRES") != null) {
      throw new AssertionError(why + ", and OPTKIT_REQUIRE_POSTGRES says this test must run");
    }
    Assumptions.assumeTrue(why == null, why);
  }

  @Test
  void theSamplesIndexHintsAreEachKeptByThePlanner() throws Exception {
    requirePostgresql();
    Path report = dir.resolve("report.json");
    CliRun run = CliRun.of("assess", CliRun.repoRoot().resolve("samples/spring-service").toString(), "--check-hints",
        "--no-cache", "--offline", "--format", "json", "-o", report.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    Map<String, String> verdicts = new TreeMap<>();
    for (JsonNode finding : new ObjectMapper().readTree(Files.readString(report)).path("findings")) {
      if (finding.path("category").asText().equals("db-hint")) {
        verdicts.put(finding.path("details").path("table").asText() + finding.path("details").path("columns"),
            finding.path("details").path("plannerCheck").path("verdict").asText());
      }
    }
    // the sample runs on H2, which indexes each foreign key itself: customer.country_code and purchase_order.customer_id
    // are served, and the lookup by email is the one missing index
    assertEquals(Map.of("customer[\"email\"]", "kept"), verdicts);
  }

  @Test
  void aThresholdOutsideOneToNinetyNineIsAUsageError() {
    // checked before any scan or server start
    CliRun run = CliRun.of("assess", CliRun.repoRoot().resolve("samples/spring-service").toString(), "--check-hints",
        "--check-hints-threshold", "0");
    assertEquals(ExitCodes.USAGE, run.exitCode());
  }
}
