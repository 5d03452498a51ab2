package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A/A: each sample's unchanged code validated against itself. Every answer must compare equal (no
 * identity hashes, no run-dependent text, nothing opaque), and no criterion that claims a win may pass
 * by chance: no hit rate, no calls or cost saved, and never a speedup (the plain sample with JMH; the
 * others without, since their fixtures start a Spring context or a database per fork and the suite has
 * a time budget: their speed is covered by the plain one's, their answers by this). One JMH fork a version:
 * the speedup required is tenfold, which identical code cannot reach by chance with one fork or two, and a
 * second fork of each version would only narrow an interval this test asks to be anything but a pass.
 */
class AaValidationTest {
  @TempDir Path dir;

  @ParameterizedTest
  // the spring sample's scenario with writes alone: its HTTP reads are the plain sample's kind, and SampleValidationTest
  // compares every answer of both its scenarios between two versions
  @CsvSource({"plain-java-service, --forks=1,", "spring-service, --no-bench, descriptions-under-writes",
      "legacy-java8-service, --no-bench,"})
  void unchangedCodeDiffersInNothingAndWinsNothing(String sample, String benchOption, String only)
      throws Exception {
    Path project = SampleCheckout.create(dir, sample);
    Path json = dir.resolve("report.json");
    // --no-load: a load test compares no answers and no criterion reads it (ValidateEndToEndTest runs one)
    List<String> args = new ArrayList<>(List.of("validate", project.toString(), "--baseline", "HEAD", "--quick",
        "--no-load", benchOption, "--json", json.toString()));
    if (only != null) {
      args.addAll(List.of("--scenario", only));
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(1, run.exitCode(), "nothing was migrated, so nothing may be won\n" + run.out() + run.err());
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertFalse(report.at("/settings/load").asBoolean(true));
    assertTrue(report.path("scenarios").size() > 0, run.out());
    for (JsonNode scenario : report.path("scenarios")) {
      String name = scenario.path("scenario").asText();
      assertTrue(scenario.path("answersCompared").asInt() > 0, name);
      assertEquals(0, scenario.path("differingAnswers").asInt(), name + ": " + scenario.path("differences"));
      assertEquals(0, scenario.path("warnings").size(), name + ": " + scenario.path("warnings"));
      assertTrue(scenario.at("/original/load").isMissingNode() || scenario.at("/original/load").isNull(),
          name + ": no load test was asked for: " + scenario.at("/original/load"));
    }
    for (JsonNode criterion : report.path("criteria")) {
      String name = criterion.path("criterion").asText();
      boolean passed = criterion.path("passed").asBoolean();
      switch (name) {
        case "differing answers", "error rate not higher", "writes succeed as before" ->
            assertTrue(passed, "identical code must agree with itself: " + criterion);
        default -> assertFalse(passed, "a win claimed for identical code: " + criterion);
      }
    }
    if (!benchOption.equals("--no-bench")) { // with JMH: the speedup criterion is there, and fails
      assertTrue(run.out().matches("(?s).*\\n  (FAIL|\\?\\?)  *speedup: .*"), run.out());
    }
  }
}
