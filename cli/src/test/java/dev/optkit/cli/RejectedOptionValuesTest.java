package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Option values optkit refuses before any work (exit 2, the option named): a file to write in a
 * folder that is not there (no folder is made on the way), a count below its least, a cache folder
 * that is a file (issue 66, item 6).
 */
class RejectedOptionValuesTest {
  @TempDir Path dir;

  @BeforeEach
  void project() throws Exception {
    Path file = dir.resolve("src/main/java/shop/Catalog.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "package shop;\n\npublic class Catalog {\n  int size() { return 1; }\n}\n");
  }

  @Test
  void anOutputInAMissingFolderIsAUsageErrorAndNoFolderIsMade() {
    Path missing = dir.resolve("missing");
    Path out = missing.resolve("deeper/out.json");
    for (String command : new String[] {"assess", "migrate"}) {
      CliRun run = CliRun.of(command, dir.toString(), "--no-maven-repo", "--format", "json", "-o", out.toString());
      assertEquals(ExitCodes.USAGE, run.exitCode(), command + ": " + run.err());
      assertTrue(run.err().contains("--output " + out), command + ": " + run.err());
      assertFalse(Files.exists(missing), command + " made no folder");
    }
    CliRun validate = CliRun.of("validate", dir.toString(), "--baseline-only", "--json", out.toString());
    assertEquals(ExitCodes.USAGE, validate.exitCode(), validate.err());
    assertTrue(validate.err().contains("--json " + out), validate.err());
    assertFalse(Files.exists(missing), "validate made no folder");
  }

  @Test
  void aBaselineInAMissingFolderIsAUsageErrorAndNoFolderIsMade() {
    Path missing = dir.resolve("missing");
    CliRun run = CliRun.of("assess", dir.toString(), "--no-maven-repo", "--format", "json",
        "--write-baseline", missing.resolve("baseline.json").toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertTrue(run.err().contains("--write-baseline"), run.err());
    assertFalse(Files.exists(missing));
  }

  @Test
  void anOutputInAFolderThatExistsIsWritten() throws Exception {
    Path out = dir.resolve("out.json");
    CliRun run = CliRun.of("assess", dir.toString(), "--no-maven-repo", "--format", "json", "-o", out.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(Files.readString(out).startsWith("{"));
  }

  @Test
  void aCountBelowItsLeastIsAUsageErrorNamingTheOption() {
    String[][] refused = {{"--top", "-1"}, {"--max-findings", "-5"}, {"--threads", "0"}, {"--threads", "-2"}};
    for (String[] option : refused) {
      CliRun run = CliRun.of("assess", dir.toString(), "--no-maven-repo", option[0], option[1]);
      assertEquals(ExitCodes.USAGE, run.exitCode(), String.join(" ", option) + ": " + run.err());
      assertTrue(run.err().contains("'" + option[0] + "'"), run.err());
    }
  }

  @Test
  void theLeastOfEachCountIsAccepted() {
    CliRun run = CliRun.of("assess", dir.toString(), "--no-maven-repo", "--no-cache", "--top", "0",
        "--max-findings", "0", "--threads", "1");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
  }

  @Test
  void aCacheDirThatIsAFileIsAUsageError() throws Exception {
    Path file = Files.writeString(dir.resolve("cache"), "a file\n");
    CliRun run = CliRun.of("assess", dir.toString(), "--no-maven-repo", "--cache-dir", file.toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertTrue(run.err().contains("'--cache-dir'"), run.err());
    assertEquals("a file\n", Files.readString(file));
  }
}
