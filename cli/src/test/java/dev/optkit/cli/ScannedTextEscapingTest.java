package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.Printable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the scanned code holds (a file name, a URL literal) reaches the terminal, Markdown and HTML
 * reports of assess and migrate with every control and bidirectional character escaped: a pull
 * request can neither send terminal sequences nor forge a line of a CI log or a comment (issue 66,
 * item 3). Line breaks stay only where optkit puts them.
 */
class ScannedTextEscapingTest {
  /** ESC (a terminal title, a screen clear), BEL, U+202E and a line break that would forge a CI annotation. */
  private static final String HOSTILE = "\u001b]0;pwned\u0007\u202e\u001b[2J\n::error::forged";

  @TempDir Path dir;

  @BeforeEach
  void project() throws Exception {
    // a file name and a URL literal of the code, each carrying the hostile text raw
    Path file = dir.resolve("src/main/java/shop/Cat" + HOSTILE.replace("/", "") + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        package shop;

        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;

        class Catalog {
            private final HttpClient http = HttpClient.newHttpClient();

            public String fetchName(String sku) throws Exception {
                return http.send(HttpRequest.newBuilder(URI.create("https://c.example.com/%s/" + sku)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
        }
        """.formatted(HOSTILE.replace("\n", "")));
  }

  @Test
  void assessEscapesTheCodesTextInTheTerminalMarkdownAndHtmlReports() throws Exception {
    Map<String, String> reports = new LinkedHashMap<>();
    for (String format : new String[] {"terminal", "markdown", "html"}) {
      CliRun run = CliRun.of("assess", dir.toString(), "--no-maven-repo", "--no-cache", "--color", "never",
          "--format", format);
      assertEquals(ExitCodes.OK, run.exitCode(), run.err());
      reports.put("assess " + format, run.out());
      reports.put("assess " + format + " (stderr)", run.err());
    }
    assertSafe(reports);
    assertTrue(reports.get("assess terminal").contains("\\u001b]0;pwned\\u0007\\u202e"), reports.get("assess terminal"));
  }

  @Test
  void migrateEscapesTheCodesTextInItsPlanDiffAndReports() throws Exception {
    Map<String, String> reports = new LinkedHashMap<>();
    Path markdown = dir.resolve("plan.md");
    Path html = dir.resolve("plan.html");
    CliRun run = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--color", "never",
        "--format", "terminal", "--output", "-", "--format", "markdown", "--output", markdown.toString(),
        "--format", "html", "--output", html.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    reports.put("migrate terminal", run.out());
    reports.put("migrate stderr", run.err());
    reports.put("migrate markdown", Files.readString(markdown));
    reports.put("migrate html", Files.readString(html));
    assertSafe(reports);
    String terminal = reports.get("migrate terminal");
    assertTrue(terminal.contains("change: ") && terminal.contains("+++ "), "a plan with a diff: " + terminal);
    assertTrue(terminal.contains("\\u001b[2J\\u000a::error::forged"), "the file name, escaped: " + terminal);
  }

  /** No control or bidirectional character but the line feeds optkit writes, and no line the code forged. */
  private static void assertSafe(Map<String, String> reports) {
    reports.forEach((name, text) -> {
      text.codePoints().filter(c -> c != '\n' && Printable.unsafe(c)).findFirst().ifPresent(c ->
          org.junit.jupiter.api.Assertions.fail(name + " holds U+" + Integer.toHexString(c) + " raw:\n" + text));
      assertFalse(text.lines().anyMatch(line -> line.startsWith("::error")), name + " has a forged line:\n" + text);
    });
  }
}
