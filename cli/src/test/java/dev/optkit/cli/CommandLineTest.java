package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
  @TempDir Path dir;

  private static String plainSample() {
    return CliRun.repoRoot().resolve("samples/plain-java-service").toString();
  }

  @Test
  void helpListsSubcommandsAndExitCodes() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.exitCode());
    for (String expected : new String[] {"assess", "migrate", "validate", "Exit codes", "internal error"}) {
      assertTrue(run.out().contains(expected), run.out());
    }
    CliRun assessHelp = CliRun.of("assess", "--help");
    assertTrue(assessHelp.out().contains("--fail-on"), assessHelp.out());
  }

  @Test
  void assessKeepsItsCacheOutOfGit() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("A.java"), "class A { int f() { return 1; } }");
    assertEquals(0, CliRun.of("assess", dir.toString(), "--no-maven-repo").exitCode());
    assertTrue(java.nio.file.Files.isRegularFile(dir.resolve(".optkit/cache/facts-v5.smile")));
    assertEquals("*", java.nio.file.Files.readAllLines(dir.resolve(".optkit/.gitignore")).stream()
        .filter(l -> !l.startsWith("#")).findFirst().orElse(""), "the state directory ignores itself");
  }

  @Test
  void versionIsStampedFromTheBuild() {
    CliRun run = CliRun.of("--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("optkit 0."), run.out());
  }

  @Test
  void validateWithoutABaselineChoiceExitsWithTwo() {
    CliRun validate = CliRun.of("validate", dir.toString());
    assertEquals(2, validate.exitCode());
    assertTrue(validate.err().contains("give exactly one of --baseline"), validate.err());
    CliRun noJava = CliRun.of("validate", dir.toString(), "--baseline-only", "--java", dir.resolve("no-jdk").toString());
    assertEquals(2, noJava.exitCode());
    assertTrue(noJava.err().contains("--java " + dir.resolve("no-jdk") + ": no java executable there"), noJava.err());
    CliRun noForks = CliRun.of("validate", dir.toString(), "--baseline-only", "--forks", "0");
    assertEquals(2, noForks.exitCode());
    assertTrue(noForks.err().contains("must be at least 1"), noForks.err());
  }

  @Test
  void migrateUsageErrorsExitWithTwo() {
    CliRun missing = CliRun.of("migrate", dir.resolve("nope").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("not a directory"), missing.err());
    CliRun unknownUndo = CliRun.of("migrate", dir.toString(), "--undo", "no-such-id");
    assertEquals(2, unknownUndo.exitCode());
    assertTrue(unknownUndo.err().contains("no migration 'no-such-id'"), unknownUndo.err());
  }

  @Test
  void usageAndConfigurationErrorsExitWithTwoAndSayWhy() throws Exception {
    CliRun missing = CliRun.of("assess", dir.resolve("nope").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("no such file or directory"), missing.err());

    CliRun badOption = CliRun.of("assess", "--no-such-option");
    assertEquals(2, badOption.exitCode());

    Files.writeString(dir.resolve(".optkit.yml"), "savings:\n  hitrate: 0.5\n");
    Files.writeString(dir.resolve("A.java"), "class A {}\n");
    CliRun badConfig = CliRun.of("assess", dir.toString());
    assertEquals(2, badConfig.exitCode());
    assertTrue(badConfig.err().contains(".optkit.yml:2: unknown key 'hitrate'"), badConfig.err());

    CliRun badFormat = CliRun.of("assess", plainSample(), "--format", "pdf");
    assertEquals(2, badFormat.exitCode());
    assertTrue(badFormat.err().contains("unknown format 'pdf'"), badFormat.err());
  }

  @Test
  void failOnGatesTheExitCode() {
    assertEquals(1, CliRun.of("assess", plainSample(), "--no-maven-repo", "--fail-on", "high").exitCode());
    assertEquals(0, CliRun.of("assess", plainSample(), "--no-maven-repo").exitCode());
    assertEquals(1, CliRun.of("assess", plainSample(), "--no-maven-repo", "--max-findings", "3").exitCode());
  }

  /**
   * A failed gate says why on stderr: how many findings met it, then one line per finding (severity, category, rule,
   * where, method), the same findings the JSON report gives at that severity. Before, --fail-on exited 1 without a word.
   */
  @Test
  void aFailedGateListsTheFindingsThatFailedIt() throws Exception {
    CliRun gated = CliRun.of("assess", plainSample(), "--no-maven-repo", "--fail-on", "high", "--format", "json");
    assertEquals(1, gated.exitCode());
    com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(gated.out());
    java.util.List<String> high = new java.util.ArrayList<>();
    report.get("findings").forEach(f -> {
      if (f.get("severity").asText().equals("high")) {
        high.add("  HIGH " + f.get("category").asText() + " " + f.get("ruleId").asText() + " " + f.get("path").asText()
            + ":" + f.get("line").asInt());
      }
    });
    java.util.List<String> lines = gated.err().lines().toList();
    assertTrue(lines.contains("optkit assess: " + high.size() + " findings at or above --fail-on high:"), gated.err());
    java.util.List<String> listed = lines.stream().filter(l -> l.startsWith("  HIGH "))
        .map(l -> l.substring(0, l.indexOf(' ', l.indexOf(':'))))
        .toList();
    assertEquals(high, listed, gated.err());
    CliRun counted = CliRun.of("assess", plainSample(), "--no-maven-repo", "--max-findings", "3");
    assertEquals(1, counted.exitCode());
    assertTrue(counted.err().lines().anyMatch(l -> l.startsWith("optkit assess: ") && l.endsWith(" findings, more than "
        + "--max-findings 3")), counted.err());
    assertEquals(java.util.List.of(), CliRun.of("assess", plainSample(), "--no-maven-repo").err().lines()
        .filter(l -> l.contains("--fail-on")).toList());
  }

  @Test
  void emptyProjectHasNoFindingsAndExitsZeroEvenWithAThreshold() throws Exception {
    Files.writeString(dir.resolve("A.java"), "class A { int x() { return 1; } }\n");
    CliRun run = CliRun.of("assess", dir.toString(), "--fail-on", "info", "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("\"findings\" : [ ]"), run.out());
  }

  @Test
  void parseFailuresAreWarningsNotStackTraces() throws Exception {
    Files.writeString(dir.resolve("Broken.java"), "class Broken { void x( }\n");
    Files.writeString(dir.resolve("Fine.java"), "class Fine {}\n");
    CliRun json = CliRun.of("assess", dir.toString(), "--format", "json");
    assertEquals(0, json.exitCode(), json.err());
    assertTrue(json.err().contains("warning: Broken.java:1: not analysed"), json.err());
    assertTrue(!json.err().contains("Exception"), json.err());
    // the terminal report on stdout lists it, and stderr does not say it again (both are one screen)
    CliRun run = CliRun.of("assess", dir.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("1 not parsed"), run.out());
    assertTrue(run.out().contains("Broken.java:1:"), run.out());
    assertFalse(run.err().contains("Broken.java"), "said once: " + run.err());
  }

  @Test
  void jsonOutputIsByteIdenticalAcrossRunsAndWritesToAFile() throws Exception {
    Path first = dir.resolve("a.json");
    Path second = dir.resolve("b.json");
    assertEquals(0, CliRun.of("assess", plainSample(), "--format", "json", "-o", first.toString(), "--threads", "1").exitCode());
    assertEquals(0, CliRun.of("assess", plainSample(), "--format", "json", "-o", second.toString(), "--threads", "2").exitCode());
    assertEquals(Files.readString(first), Files.readString(second));
  }

  @Test
  void terminalReportRanksFindingsWithoutColoursWhenNotATerminal() {
    CliRun run = CliRun.of("assess", plainSample(), "--no-maven-repo", "--top", "3");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("  1. HIGH"), run.out());
    assertTrue(run.out().contains("Estimated savings if fixed"), run.out());
    assertTrue(!run.out().contains("\u001b["), "no ANSI colours when stdout is not a terminal");
    assertTrue(run.out().contains("more findings: use --top"), run.out());
  }
}
