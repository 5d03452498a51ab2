package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.Assessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report options as migrate, validate and rules take them (assess's own tests cover assess). */
class ReportOptionsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private static final String SERVICE = """
      package shop;

      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;

      public class Catalog {
          private final HttpClient http = HttpClient.newHttpClient();

          public String fetchName(String sku) throws Exception {
              return http.send(HttpRequest.newBuilder(URI.create("https://c.example.com/names/" + sku)).build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }

          public void warm(String sku) throws Exception {
              fetchName(sku);
          }
      }
      """;

  private Path project() throws Exception {
    Path file = dir.resolve("src/main/java/shop/Catalog.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, SERVICE);
    return file;
  }

  /**
   * The terminal report alone may go without an --output: to stdout, the other formats to their files in order (it was
   * refused, asking for `-o -`). Two formats without an output stay an error: which of them goes where is not said.
   */
  @Test
  void theTerminalReportAloneNeedsNoOutput() throws Exception {
    project();
    Path html = Files.createDirectories(dir.resolve("out")).resolve("report.html");
    CliRun run = CliRun.of("assess", dir.toString(), "--no-maven-repo", "--format", "terminal", "--format", "html",
        "--output", html.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("optkit assess:"), run.out());
    assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"), Files.readString(html));
    CliRun ambiguous = CliRun.of("assess", dir.toString(), "--no-maven-repo", "--format", "json", "--format", "html",
        "--output", html.toString());
    assertEquals(2, ambiguous.exitCode(), ambiguous.err());
  }

  @Test
  void migrateWritesItsPlanAsJsonOnStdoutAndMarkdownToAFile() throws Exception {
    Path file = project();
    Path markdown = Files.createDirectories(dir.resolve("out")).resolve("plan.md");
    CliRun run = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--format", "json", "--output", "-",
        "--format", "markdown", "--output", markdown.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode plan = MAPPER.readTree(run.out()); // nothing but the JSON on stdout
    assertEquals("dry-run", plan.get("outcome").asText());
    assertEquals("Catalog.fetchName", plan.at("/caches/0/method").asText());
    assertEquals("src/main/java/shop/Catalog.java", plan.at("/changes/0/path").asText());
    assertTrue(plan.at("/changes/0/diff").asText().contains("+++ b/src/main/java/shop/Catalog.java"), run.out());
    assertTrue(plan.get("notCacheable").toString().contains("Catalog.warm(): returns nothing"), run.out());
    String md = Files.readString(markdown);
    assertTrue(md.startsWith("# optkit migrate"), md);
    assertTrue(md.contains("```diff\n") && md.contains("+++ b/src/main/java/shop/Catalog.java"), md);
    assertEquals(SERVICE, Files.readString(file), "a dry run in any format writes no source");
    CliRun again = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--format", "json");
    assertEquals(run.out(), again.out(), "the same bytes for the same project");
  }

  @Test
  void migrateAppliedSaysSoInJsonWithItsMigrationId() throws Exception {
    project();
    CliRun run = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--apply", "--allow-dirty", "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode plan = MAPPER.readTree(run.out());
    assertEquals("applied", plan.get("outcome").asText());
    assertTrue(Files.isDirectory(dir.resolve(".optkit/migrations/" + plan.get("migration").asText())), run.out());
  }

  @Test
  void migrateRefusesAFormatItDoesNotWriteAndSaysWhichItDoes() throws Exception {
    project();
    CliRun run = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--format", "sarif");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("migrate writes terminal, json, markdown or html, not sarif"), run.err());
  }

  @Test
  void migrateColoursItsDiffOnlyWhenAsked() throws Exception {
    project();
    CliRun always = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--color", "always");
    assertTrue(always.out().contains("\u001b[32m+"), always.out());
    CliRun auto = CliRun.of("migrate", dir.toString(), "--no-maven-repo");
    assertFalse(auto.out().contains("\u001b["), "not a terminal: no colours");
  }

  @Test
  void migrateShowsTheSameProgressBarAsAssessOnStderr() throws Exception {
    project();
    CliRun always = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--progress", "always");
    assertTrue(always.err().contains("1/1 files"), always.err());
    assertFalse(always.out().contains("files]") || always.out().contains("1/1 files"), "never on stdout");
    CliRun assess = CliRun.of("assess", dir.toString(), "--no-maven-repo", "--no-cache", "--progress", "always");
    assertTrue(assess.err().contains("1/1 files"), assess.err());
    CliRun auto = CliRun.of("migrate", dir.toString(), "--no-maven-repo");
    assertFalse(auto.err().contains("1/1 files") || auto.err().contains("\r"), "not a terminal: no bar: " + auto.err());
    assertTrue(auto.err().lines().anyMatch(l -> l.startsWith("optkit migrate: " + Assessor.Phase.PARSE.doing() + " ... ")),
        "a line per phase instead: " + auto.err());
  }

  @Test
  void progressIsOffWithoutATerminalAndInCi() {
    assertTrue(Terminal.progressOnStderr(true, Map.of("TERM", "xterm")));
    assertFalse(Terminal.progressOnStderr(false, Map.of("TERM", "xterm")));
    assertFalse(Terminal.progressOnStderr(true, Map.of("TERM", "xterm", "CI", "true")));
    assertFalse(Terminal.progressOnStderr(true, Map.of("TERM", "dumb")));
    assertTrue(Terminal.colorsOnStdout(true, Map.of("TERM", "xterm")));
    assertFalse(Terminal.colorsOnStdout(true, Map.of("TERM", "xterm", "NO_COLOR", "1")));
  }

  @Test
  void rulesTakesTheSameFormatsAndKeepsItsTextSpelling() throws Exception {
    CliRun json = CliRun.of("rules", "--format", "json");
    assertEquals(0, json.exitCode(), json.err());
    assertTrue(MAPPER.readTree(json.out()).get(0).has("remediation"), json.out());
    assertEquals(CliRun.of("rules", "--format", "terminal").out(), CliRun.of("rules", "--format", "text").out());
    Path file = dir.resolve("rules.md");
    assertEquals(0, CliRun.of("rules", "--format", "markdown", "--output", file.toString()).exitCode());
    assertTrue(Files.readString(file).startsWith("| Rule |"));
  }

  /** A class the validate runs below call: compiled, with a workload of one small scenario. */
  private Path validatedProject() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path source = Files.createDirectories(project.resolve("src/tiny")).resolve("Fixture.java");
    Files.writeString(source, """
        package tiny;

        public class Fixture {
          public static Fixture start() {
            return new Fixture();
          }

          public String get(long key) {
            return "v" + key;
          }
        }
        """);
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d",
        project.resolve("classes").toString(), source.toString()));
    Files.writeString(project.resolve("workload.yaml"), """
        classpath: {entries: [classes]}
        fixture: {factory: tiny.Fixture#start}
        scenarios:
          - {name: one, method: get, calls: 10, args: [{sequence: 1}]}
        """);
    return project;
  }

  @Test
  void validateKeepsItsOldJsonAndMarkdownSpellingsWithADeprecationNote() throws Exception {
    Path project = validatedProject();
    Path json = dir.resolve("old.json");
    Path markdown = dir.resolve("old.md");
    CliRun old = CliRun.of("validate", project.toString(), "--baseline-only", "--no-bench", "--json", json.toString(),
        "--markdown", markdown.toString());
    assertEquals(0, old.exitCode(), old.err());
    assertEquals("measured", MAPPER.readTree(json.toFile()).get("outcome").asText());
    assertTrue(Files.readString(markdown).contains("## one"));
    assertTrue(old.err().contains("--json FILE is deprecated") && old.err().contains("use --format json --output FILE"),
        old.err());
    assertTrue(old.err().contains("--markdown FILE is deprecated"), old.err());

    Path newJson = dir.resolve("new.json");
    CliRun current = CliRun.of("validate", project.toString(), "--baseline-only", "--no-bench", "--format", "terminal",
        "--output", "-", "--format", "json", "--output", newJson.toString());
    assertEquals(0, current.exitCode(), current.err());
    assertEquals("measured", MAPPER.readTree(newJson.toFile()).get("outcome").asText());
    assertTrue(current.out().contains("Scenario one"), current.out());
    assertFalse(current.err().contains("deprecated"), current.err());
  }

  @Test
  void errorMessagesSayWhatToDoNext() throws Exception {
    CliRun noWorkload = CliRun.of("validate", dir.toString(), "--baseline-only");
    assertTrue(noWorkload.err().contains("write one (docs/validate.md) or pass --workload FILE"), noWorkload.err());
    CliRun noProject = CliRun.of("validate", dir.resolve("nope").toString(), "--baseline-only");
    assertEquals(2, noProject.exitCode());
    assertTrue(noProject.err().contains("not a directory: " + dir.resolve("nope") + " (give the project's root folder)"),
        noProject.err());
    CliRun noDir = CliRun.of("migrate", dir.resolve("nope").toString());
    assertTrue(noDir.err().contains("give the project's root folder"), noDir.err());
    CliRun noUndo = CliRun.of("migrate", dir.toString(), "--undo", "no-such-id");
    assertTrue(noUndo.err().contains("--undo without an ID undoes the latest"), noUndo.err());
    CliRun noPath = CliRun.of("assess", dir.resolve("nope").toString());
    assertTrue(noPath.err().contains("give a source folder or file that exists"), noPath.err());
    CliRun noBaseline = CliRun.of("assess", dir.toString(), "--baseline", dir.resolve("b.json").toString());
    assertTrue(noBaseline.err().contains("--write-baseline"), noBaseline.err());
    CliRun noJava = CliRun.of("validate", dir.toString(), "--baseline-only", "--java", dir.resolve("jdk").toString());
    assertTrue(noJava.err().contains("give a JDK's home or its bin/java"), noJava.err());
  }
}
