package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatsTest {
  @TempDir Path dir;

  private static String plainSample() {
    return CliRun.repoRoot().resolve("samples/plain-java-service").toString();
  }

  @Test
  void sarifIsValidAgainstTheOfficialSchemaAndCarriesFingerprints() throws Exception {
    CliRun run = CliRun.of("assess", plainSample(), "--format", "sarif", "--no-maven-repo");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode sarif = new ObjectMapper().readTree(run.out());
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    Set<ValidationMessage> errors = schema.validate(sarif);
    assertEquals(Set.of(), errors);
    JsonNode run0 = sarif.get("runs").get(0);
    assertEquals(1, sarif.get("runs").size());
    assertEquals(dev.optkit.analyzers.rules.Rules.all().size(), run0.get("tool").get("driver").get("rules").size());
    JsonNode result = run0.get("results").get(0);
    assertTrue(result.get("partialFingerprints").get("optkitFingerprint/v1").asText().matches("[0-9a-f]{20}"));
    String uri = result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText();
    assertTrue(uri.startsWith("src/main/java/"), uri);
    assertEquals("error", result.get("level").asText());
    // GitHub code scanning's own rules: every rule a helpUri into the docs, every result a location
    run0.get("tool").get("driver").get("rules").forEach(rule -> assertTrue(rule.get("helpUri").asText()
        .startsWith("https://github.com/optkit/optkit/blob/main/docs/rules.md#"), rule.toString()));
    run0.get("results").forEach(r -> assertTrue(r.get("locations").size() > 0, r.toString()));
    assertGitHubAccepts(sarif);
    assertTrue(run0.path("automationDetails").isMissingNode(), "no category unless asked: the upload's decides");
  }

  private JsonSchema sarifSchema() throws java.io.IOException {
    try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  /**
   * What GitHub code scanning asks beyond the schema: every result with a location in a file, every rule a helpUri,
   * and no two runs of one tool with one category (automationDetails.id up to its last slash): a file with two is
   * rejected since July 2025.
   */
  private static void assertGitHubAccepts(JsonNode sarif) {
    Set<String> toolAndCategory = new java.util.HashSet<>();
    for (JsonNode run : sarif.get("runs")) {
      String id = run.path("automationDetails").path("id").asText("");
      String category = id.contains("/") ? id.substring(0, id.lastIndexOf('/')) : "";
      assertTrue(toolAndCategory.add(run.get("tool").get("driver").get("name").asText() + "\n" + category),
          "two runs of one tool and category: " + category);
      run.get("tool").get("driver").get("rules").forEach(rule -> assertTrue(rule.path("helpUri").asText()
          .startsWith("https://"), rule.toString()));
      for (JsonNode result : run.get("results")) {
        assertTrue(result.path("locations").size() > 0, result.toString());
        result.get("locations").forEach(location -> assertTrue(!location.path("physicalLocation")
            .path("artifactLocation").path("uri").asText("").isBlank(), result.toString()));
      }
    }
  }

  /**
   * A job assessing several modules uploads each one's SARIF under a category of its own: --sarif-category writes it
   * into the file as GitHub's automationDetails.id, NAME and a closing slash; several roots assessed at once are one
   * run, whatever their number.
   */
  @Test
  void aSarifCategoryIsTheRunsAutomationIdAndSeveralRootsAreOneRun() throws Exception {
    CliRun run = CliRun.of("assess", plainSample(), CliRun.repoRoot().resolve("samples/spring-service").toString(),
        "--format", "sarif", "--no-maven-repo", "--sarif-category", "optkit/services");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode sarif = new ObjectMapper().readTree(run.out());
    assertEquals(Set.of(), sarifSchema().validate(sarif));
    assertEquals(1, sarif.get("runs").size());
    assertEquals("optkit/services/", sarif.get("runs").get(0).get("automationDetails").get("id").asText());
    assertGitHubAccepts(sarif);
    java.util.Set<String> roots = new java.util.TreeSet<>();
    sarif.get("runs").get(0).get("results").forEach(r -> roots.add(r.get("locations").get(0).get("physicalLocation")
        .get("artifactLocation").get("uri").asText().contains("spring") ? "spring" : "plain"));
    assertEquals(Set.of("plain", "spring"), roots, "both roots' findings in the one run");

    CliRun without = CliRun.of("assess", plainSample(), "--format", "json", "--no-maven-repo",
        "--sarif-category", "optkit");
    assertEquals(2, without.exitCode(), without.err());
    CliRun blank = CliRun.of("assess", plainSample(), "--format", "sarif", "--no-maven-repo", "--sarif-category", " ");
    assertEquals(2, blank.exitCode(), blank.err());
  }

  /**
   * A project whose dependencies cannot be had: its warnings (about the build, not a line) are notifications with the
   * build file as their location, and the file still passes the schema and GitHub's rules.
   */
  @Test
  void warningsAboutTheBuildKeepTheFileValid() throws Exception {
    Path project = Files.createDirectories(dir.resolve("unresolved"));
    Files.writeString(project.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>x</groupId><artifactId>y</artifactId><version>1</version>
          <dependencies>
            <dependency><groupId>no.such</groupId><artifactId>library</artifactId><version>9.9</version></dependency>
          </dependencies>
        </project>
        """);
    Path source = Files.createDirectories(project.resolve("src/main/java/x")).resolve("Rates.java");
    Files.writeString(source, """
        package x;
        class Rates {
          private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
          String rate(String currency) throws Exception {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://rates/" + currency)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
          }
        }
        """);
    Path emptyRepository = Files.createDirectories(dir.resolve("repository"));
    CliRun run = CliRun.of("assess", project.toString(), "--format", "sarif", "--no-cache", "--offline",
        "--dependency-repo", emptyRepository.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode sarif = new ObjectMapper().readTree(run.out());
    assertEquals(Set.of(), sarifSchema().validate(sarif));
    assertGitHubAccepts(sarif);
    JsonNode notifications = sarif.get("runs").get(0).get("invocations").get(0).get("toolExecutionNotifications");
    assertTrue(notifications.size() > 0, run.err());
    notifications.forEach(n -> assertEquals("pom.xml", n.get("locations").get(0).get("physicalLocation")
        .get("artifactLocation").get("uri").asText(), n.toString()));
    // the pom was read: a warning about it is no file left unanalysed
    notifications.forEach(n -> assertTrue(!n.get("message").get("text").asText().startsWith("not analysed"), n.toString()));
  }

  @Test
  void schemaCatchesAnInvalidDocument() throws Exception {
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    JsonNode broken = new ObjectMapper().readTree("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}");
    assertTrue(!schema.validate(broken).isEmpty(), "a run without a tool must be rejected");
  }

  @Test
  void severalFormatsInOneRunAreEachWrittenWhole() throws Exception {
    Path json = Files.createDirectories(dir.resolve("out")).resolve("report.json");
    Path sarif = dir.resolve("out/report.sarif");
    Path markdown = dir.resolve("out/report.md");
    Path html = dir.resolve("out/report.html");
    CliRun run = CliRun.of("assess", plainSample(), "--no-maven-repo",
        "--format", "json", "--output", json.toString(), "--format", "sarif", "--output", sarif.toString(),
        "--format", "markdown", "--output", markdown.toString(), "--format", "html", "--output", html.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.readString(json).startsWith("{"));
    assertTrue(Files.readString(sarif).contains("\"version\" : \"2.1.0\""));
    String md = Files.readString(markdown);
    assertTrue(md.startsWith("## optkit assessment"), md);
    assertTrue(md.contains("### Top findings by estimated savings"), md);
    assertTrue(md.contains("<details>"), md);
    String page = Files.readString(html);
    assertTrue(page.contains("<svg"), "inline chart");
    for (String external : new String[] {"<script", "<link", "src=\"http", "href=\"http", "url(http", "@import"}) {
      assertTrue(!page.contains(external), "self-contained: no " + external);
    }
    try (var files = Files.list(dir.resolve("out"))) {
      assertEquals(4, files.count(), "no temporary files left behind");
    }
  }

  @Test
  void mismatchedFormatsAndOutputsAreAUsageError() {
    CliRun run = CliRun.of("assess", plainSample(), "--format", "json", "--format", "sarif", "--output", "x.json");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("one --output per --format"), run.err());
  }

  @Test
  void validateTakesAssessFormatsButSarifAndPairsOutputsTheSameWay() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project")); // no workload: refused before it is looked for
    CliRun sarif = CliRun.of("validate", project.toString(), "--baseline-only", "--format", "sarif");
    assertEquals(2, sarif.exitCode(), sarif.err());
    assertTrue(sarif.err().contains("validate writes terminal, json, markdown or html, not sarif"), sarif.err());
    CliRun unknown = CliRun.of("validate", project.toString(), "--baseline-only", "--format", "pdf");
    assertEquals(2, unknown.exitCode(), unknown.err());
    assertTrue(unknown.err().contains("unknown format 'pdf'"), unknown.err());
    CliRun unpaired = CliRun.of("validate", project.toString(), "--baseline-only", "--format", "json", "--format", "html",
        "--output", "x.json");
    assertEquals(2, unpaired.exitCode(), unpaired.err());
    assertTrue(unpaired.err().contains("one --output per --format"), unpaired.err());
    assertTrue(!Files.exists(project.resolve(".optkit")), "nothing started");
  }

  @Test
  void everyFormatIsDeterministic() {
    for (String format : new String[] {"json", "sarif", "markdown", "html"}) {
      String first = CliRun.of("assess", plainSample(), "--format", format, "--no-maven-repo", "--threads", "1").out();
      String second = CliRun.of("assess", plainSample(), "--format", format, "--no-maven-repo", "--threads", "2").out();
      assertEquals(first, second, format);
    }
  }
}
