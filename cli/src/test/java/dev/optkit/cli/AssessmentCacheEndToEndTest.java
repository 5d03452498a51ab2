package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every report is the same, byte for byte, whether a run reuses the last answer or computes it. */
class AssessmentCacheEndToEndTest {
  @TempDir Path dir;

  private static String[] assess(Path project, String format, String... more) {
    String[] base = {"assess", project.toString(), "--no-maven-repo", "--format", format};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return args;
  }

  @Test
  void reportsFromTheStoredAnswerEqualThoseOfAFullRun() throws Exception {
    Path project = SampleCheckout.create(dir, "spring-service");
    CliRun first = CliRun.of(assess(project, "terminal"));
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(Files.isRegularFile(project.resolve(".optkit/cache/assessment-v1.smile")), "the answer is stored");
    CliRun second = CliRun.of(assess(project, "terminal"));
    // the terminal report wraps its lines at 100 columns: compared as words, the run's statistics left out
    assertTrue(words(second.out()).contains("nothing changed since the last run: its answer reused"), second.out());
    assertEquals(words(first.out()).replaceAll("\\(\\d+\\.\\d s, [^)]*\\)", ""),
        words(second.out()).replaceAll("\\(\\d+\\.\\d s, [^)]*\\)", ""), "the same report but for the run's statistics");
    for (String format : new String[] {"json", "sarif", "markdown"}) {
      CliRun cached = CliRun.of(assess(project, format));
      CliRun full = CliRun.of(assess(project, format, "--no-cache"));
      assertEquals(full.exitCode(), cached.exitCode());
      assertEquals(full.out(), cached.out(), format);
    }
    // --since narrows by each finding's member range, which the stored answer keeps
    Path service = project.resolve("src/main/java/dev/optkit/samples/spring/SettlementService.java");
    assertTrue(Files.isRegularFile(service), "sample layout changed: " + service);
    Files.writeString(service, Files.readString(service).replaceFirst("\\}\\s*$", "")
        + "\n  public String touched() {\n    return \"x\";\n  }\n}\n");
    CliRun refresh = CliRun.of(assess(project, "terminal"));
    assertEquals(0, refresh.exitCode(), refresh.err());
    assertTrue(!words(refresh.out()).contains("its answer reused"), "a changed file makes a full run: " + refresh.out());
    CliRun cachedSince = CliRun.of(assess(project, "json", "--since", "HEAD"));
    CliRun fullSince = CliRun.of(assess(project, "json", "--since", "HEAD", "--no-cache"));
    assertEquals(fullSince.out(), cachedSince.out());
    assertTrue(fullSince.out().contains("\"outsideChanges\""), fullSince.out());
  }

  @Test
  void aFileAddedOutsideAScannedFolderIsSeenByTheCachedAnswer() throws Exception {
    // migrate's planner refuses when a scanned folder has project files outside it (a schema script
    // may write the data); that verdict is in the report, so the cached answer must follow it
    Path project = dir.resolve("rates");
    Files.createDirectories(project.resolve("src/main/java/demo"));
    Files.writeString(project.resolve("pom.xml"), """
        <project><modelVersion>4.0.0</modelVersion><groupId>demo</groupId><artifactId>rates</artifactId>
        <version>1</version></project>
        """);
    Files.writeString(project.resolve("src/main/java/demo/Rates.java"), """
        package demo;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        public class Rates {
          private final HttpClient client = HttpClient.newHttpClient();
          public String rate(String code) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://rates.example/" + code)).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
          }
        }
        """);
    Path scanned = project.resolve("src/main/java");
    String[] cached = assess(scanned, "json", "--cache-dir", dir.resolve("cache").toString());
    CliRun before = CliRun.of(cached);
    assertEquals(0, before.exitCode(), before.err());
    assertTrue(before.out().contains("\"fixable\" : true"), before.out());
    Files.createDirectories(project.resolve("src/main/resources"));
    Files.writeString(project.resolve("src/main/resources/schema.sql"), "CREATE TABLE rates(code varchar(3));\n");
    CliRun after = CliRun.of(cached);
    CliRun full = CliRun.of(assess(scanned, "json", "--no-cache"));
    assertTrue(full.out().contains("schema.sql"), full.out());
    assertEquals(withoutStats(full.out()), withoutStats(after.out()));
  }

  /** The report less its run statistics (times, cache hits), which differ between any two runs. */
  private static String withoutStats(String json) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
    tree.remove("stats");
    return tree.toPrettyString();
  }

  private static String words(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
