package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organisation's report ({@code merge --org}) of three repositories' assessments: totals that are the sums of
 * theirs, findings ranked across them, savings by repository and by rule; the same bytes whatever order the reports
 * come in; names from the reports escaped in every format; a file that is no assessment refused.
 */
class OrganisationReportTest {
  @TempDir Path dir;

  private static final List<String> SAMPLES = List.of("spring-service", "plain-java-service", "legacy-java8-service");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @BeforeEach
  void assessEachSample() throws Exception {
    for (String sample : SAMPLES) {
      SampleCheckout.assessed(dir, sample);
    }
  }

  private CliRun org(List<String> reports, String... more) {
    List<String> args = new ArrayList<>(List.of("merge"));
    reports.forEach(report -> args.addAll(List.of("--org", report)));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private List<String> reports(List<String> samples) {
    return samples.stream().map(sample -> dir.resolve(sample + ".json").toString()).toList();
  }

  @Test
  void totalsAreTheRepositoriesSumsAndTheOrderOfTheReportsChangesNothing() throws Exception {
    CliRun first = org(reports(SAMPLES), "--format", "json", "-o", dir.resolve("org.json").toString(), "--top", "5");
    assertEquals(0, first.exitCode(), first.err());
    CliRun reversed = org(reports(List.of(SAMPLES.get(2), SAMPLES.get(1), SAMPLES.get(0))), "--format", "json", "-o", dir.resolve("org2.json").toString(),
        "--top", "5");
    assertEquals(0, reversed.exitCode(), reversed.err());
    assertEquals(Files.readString(dir.resolve("org.json")), Files.readString(dir.resolve("org2.json")));

    JsonNode org = MAPPER.readTree(dir.resolve("org.json").toFile());
    int findings = 0;
    long timeSaved = 0;
    for (String sample : SAMPLES) {
      JsonNode one = MAPPER.readTree(dir.resolve(sample + ".json").toFile());
      findings += one.path("findings").size();
      // the repository's own total, as assess sums it (its cacheable reads restate call sites' savings)
      timeSaved += one.path("summary").path("totalSavings").path("timeSavedMsPerDay").asLong();
      JsonNode row = null;
      for (JsonNode repository : org.path("repositories")) {
        if (repository.path("name").asText().equals(sample)) {
          row = repository;
        }
      }
      assertEquals(one.path("findings").size(), row.path("findings").asInt(), sample);
    }
    assertEquals(3, org.path("totals").path("repositories").asInt());
    assertEquals(findings, org.path("totals").path("findings").asInt());
    assertEquals(timeSaved, org.path("totals").path("savings").path("timeSavedMsPerDay").asLong());
    assertEquals(5, org.path("topFindings").size());
    // ranked across the repositories by time saved
    long previous = Long.MAX_VALUE;
    for (JsonNode top : org.path("topFindings")) {
      long saved = top.path("savings").path("timeSavedMsPerDay").asLong();
      assertTrue(saved <= previous, org.path("topFindings").toString());
      previous = saved;
    }
    int byRule = 0;
    for (JsonNode rule : org.path("rules")) {
      byRule += rule.path("findings").asInt();
    }
    assertEquals(findings, byRule);
  }

  /** A repository's name comes from the command line or a file name, and is written escaped in every format. */
  @Test
  void aRepositorysNameIsEscapedInTheMarkdownAndHtmlPages() throws Exception {
    List<String> named = List.of("<script>alert(1)</script>|x=" + dir.resolve("spring-service.json"),
        dir.resolve("plain-java-service.json").toString());
    CliRun run = org(named, "--format", "markdown", "-o", dir.resolve("org.md").toString(), "--format", "html", "-o",
        dir.resolve("org.html").toString());
    assertEquals(0, run.exitCode(), run.err());
    String html = Files.readString(dir.resolve("org.html"));
    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
    String markdown = Files.readString(dir.resolve("org.md"));
    assertFalse(markdown.contains("<script>"), markdown);
    assertTrue(markdown.contains("\\|x"), markdown);
  }

  @Test
  void aFileThatIsNoAssessmentIsRefused() throws Exception {
    Path planted = dir.resolve("planted.json");
    Files.writeString(planted, "{\"tool\": {\"name\": \"other\"}, \"findings\": []}");
    CliRun run = org(List.of(planted.toString()));
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertTrue(run.err().contains("not an assessment report of optkit's"), run.err());
    CliRun sarif = org(reports(SAMPLES), "--format", "sarif");
    assertEquals(ExitCodes.USAGE, sarif.exitCode(), sarif.err());
  }

  @Test
  void shardsOrReportsNotBoth() {
    CliRun run = org(reports(SAMPLES), "--shard-file", dir.resolve("shard").toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
  }
}
