package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the organisation's report ({@code merge --org}) makes of what it is given: names that must not break its
 * Markdown table, a report of another schema version, and assess's options it inherits. From a hostile review.
 */
class OrganisationReportInputsTest {
  @TempDir static Path dir;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Path report;

  @BeforeAll
  static void assessASample() throws Exception {
    report = SampleCheckout.assessed(dir, "plain-java-service");
  }

  /**
   * The cells of a GitHub-flavoured Markdown table row: split at each pipe that no backslash escapes, where a
   * backslash escapes the ASCII punctuation character after it (a backslash too), as the GFM spec reads a row.
   */
  private static int cells(String row) {
    String inner = row.strip();
    int pipes = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length() && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(inner.charAt(i + 1)) >= 0) {
        i++;
      } else if (c == '|') {
        pipes++;
      }
    }
    return pipes - 1; // a leading and a trailing pipe
  }

  /**
   * Attacks: Markdown table breaking. MarkdownReport.cell escapes a pipe as \| but leaves a backslash as it is, so a
   * name holding \| becomes \\| : an escaped backslash, then a pipe that ends the cell. The repository's row gets a
   * fifth cell and its figures move a column right. A backslash must be escaped before the pipe.
   */
  @Test
  void aBackslashBeforeAPipeInANameDoesNotBreakTheMarkdownTable() throws Exception {
    Path md = dir.resolve("org.md");
    CliRun run = CliRun.of("merge", "--org", "a\\|b=" + report, "--format", "markdown", "-o", md.toString());
    assertEquals(0, run.exitCode(), run.err());
    String header = null;
    String row = null;
    for (String line : Files.readAllLines(md)) {
      if (line.startsWith("| repository | findings |")) {
        header = line;
      } else if (header != null && row == null && line.startsWith("| a")) {
        row = line;
      }
    }
    assertEquals(cells(header), cells(row), "header " + header + "\nrow    " + row);
  }

  /**
   * Attacks: the schema check. read() asks schemaVersion.asInt() != 1, and Jackson's asInt of 1.5 is 1: a report of
   * schema 1.5 (or "1.9") passes as schema 1, where the docs promise a file that is not an assessment of schema 1 is
   * refused, naming it.
   */
  @Test
  void aReportOfAnotherSchemaVersionIsRefused() throws Exception {
    ObjectNode other = (ObjectNode) MAPPER.readTree(report.toFile());
    other.put("schemaVersion", 1.5);
    Path file = dir.resolve("schema-1.5.json");
    MAPPER.writeValue(file.toFile(), other);
    CliRun run = CliRun.of("merge", "--org", file.toString(), "--format", "json", "-o", dir.resolve("o.json").toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertTrue(run.err().contains("schema-1.5.json"), run.err());
  }

  /**
   * Attacks: options merge inherits from assess. --fail-on is accepted with --org and then never read: the
   * organisation's report of a repository with high findings exits 0 under --fail-on high, so a CI gate on it always
   * passes. Either gate (exit 1) or refuse the option (exit 2); silently ignoring it is wrong.
   */
  @Test
  void failOnWithOrgGatesOrIsRefused() {
    CliRun run = CliRun.of("merge", "--org", report.toString(), "--fail-on", "high", "--format", "json", "-o",
        dir.resolve("gate.json").toString());
    assertNotEquals(ExitCodes.OK, run.exitCode(), "plain-java-service has high findings; err: " + run.err());
  }
}
