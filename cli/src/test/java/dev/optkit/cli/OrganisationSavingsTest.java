package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The savings the organisation's report ({@code merge --org}) gives each repository and in all: a repository's are
 * what its own assessment says it saves, money adds up below a cent as assess's does, and numbers no sum can hold are
 * refused, not wrapped. From a hostile review of the organisation's report.
 */
class OrganisationSavingsTest {
  @TempDir static Path dir;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Path report;

  @BeforeAll
  static void assessASample() throws Exception {
    report = SampleCheckout.assessed(dir, "plain-java-service");
  }

  private static JsonNode org(Path out, String... reports) throws Exception {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("merge"));
    for (String given : reports) {
      args.addAll(java.util.List.of("--org", given));
    }
    args.addAll(java.util.List.of("--format", "json", "-o", out.toString()));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return MAPPER.readTree(out.toFile());
  }

  /**
   * Attacks: the sum. assess's totalSavings counts each call site once: cacheable-read findings re-express call-site
   * savings per method and "are not added again" (Assessment.Summary). OrgReport adds every finding's savings, so
   * plain-java-service's row says 49,955,000 ms and $168 a day where its own report says 42,360,000 ms and $70: the
   * organisation's report overstates every repository with a cacheable read, and its totals with them.
   */
  @Test
  void aRepositorysSavingsAreWhatItsOwnReportSays() throws Exception {
    JsonNode own = MAPPER.readTree(report.toFile()).path("summary").path("totalSavings");
    JsonNode org = org(dir.resolve("one.json"), "plain=" + report);
    JsonNode row = org.path("repositories").path(0);
    assertEquals("plain", row.path("name").asText());
    assertEquals(own.path("timeSavedMsPerDay").asLong(), row.path("savings").path("timeSavedMsPerDay").asLong(),
        "time saved per day");
    assertEquals(own.path("costSavedUsdPerDay").asDouble(), row.path("savings").path("costSavedUsdPerDay").asDouble(),
        "cost saved per day");
    assertEquals(own.path("timeSavedMsPerDay").asLong(), org.path("totals").path("savings").path("timeSavedMsPerDay")
        .asLong(), "the organisation's total of one repository");
  }

  /**
   * Attacks: money rounding. assess keeps a finding's cost to the hundredth of a cent (Savings.round, 4 places): a
   * cheap API at $0.0000002 a call, 20,000 calls a day, is $0.004. OrgReport's Savings.plus rounds to the cent at
   * every addition, so each such finding is rounded to $0.00 on its own: 100 of them (really $0.40 a day) sum to $0.
   * A sub-cent cost is lost per finding, however many there are.
   */
  @Test
  void costsBelowACentAddUp() throws Exception {
    ObjectNode doctored = (ObjectNode) MAPPER.readTree(report.toFile());
    ArrayNode findings = (ArrayNode) doctored.path("findings");
    ObjectNode template = findings.path(0).deepCopy();
    findings.removeAll();
    for (int i = 0; i < 100; i++) {
      ObjectNode finding = template.deepCopy();
      finding.put("line", i + 1);
      ((ObjectNode) finding.path("savings")).put("costSavedUsdPerDay", 0.004);
      findings.add(finding);
    }
    Path cheap = dir.resolve("cheap.json");
    MAPPER.writeValue(cheap.toFile(), doctored);
    JsonNode org = org(dir.resolve("cheap-org.json"), "cheap=" + cheap);
    // the rule's sum of its findings (the repository's total is its own report's, which the doctoring leaves as it was)
    assertEquals(0.40, org.path("rules").path(0).path("savings").path("costSavedUsdPerDay").asDouble(), 1e-9,
        "100 findings of $0.004 a day");
  }

  /**
   * Attacks: huge numbers in a hostile report. Two findings of callsSavedPerDay 2^62 each sum past Long.MAX_VALUE and
   * Savings.plus wraps to a negative number, written as the organisation's total without a word. A report whose sums
   * no long holds is no assessment optkit made: refuse it (exit 2), or saturate, but never print a wrapped total.
   */
  @Test
  void savingsNoLongHoldsAreNotWrappedIntoNegativeTotals() throws Exception {
    ObjectNode doctored = (ObjectNode) MAPPER.readTree(report.toFile());
    ArrayNode findings = (ArrayNode) doctored.path("findings");
    ObjectNode template = findings.path(0).deepCopy();
    findings.removeAll();
    for (int i = 0; i < 2; i++) {
      ObjectNode finding = template.deepCopy();
      finding.put("line", i + 1);
      ((ObjectNode) finding.path("savings")).put("callsSavedPerDay", 1L << 62).put("timeSavedMsPerDay", 1L << 62);
      findings.add(finding);
    }
    Path huge = dir.resolve("huge.json");
    MAPPER.writeValue(huge.toFile(), doctored);
    CliRun run = CliRun.of("merge", "--org", "huge=" + huge, "--format", "json", "-o", dir.resolve("huge-org.json")
        .toString());
    if (run.exitCode() == ExitCodes.USAGE) {
      return; // refused: right
    }
    JsonNode totals = MAPPER.readTree(dir.resolve("huge-org.json").toFile()).path("totals").path("savings");
    assertTrue(totals.path("callsSavedPerDay").asLong() >= 0 && totals.path("timeSavedMsPerDay").asLong() >= 0,
        "wrapped: " + totals);
  }
}
