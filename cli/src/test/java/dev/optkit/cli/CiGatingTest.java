package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** assess as a CI step: baselines, changed-code mode, suppressions and exit codes. */
class CiGatingTest {
  @TempDir Path dir;

  private static final String SERVICE = """
      package shop;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      class Rates {
        private final HttpClient http = HttpClient.newHttpClient();
        String rate(String currency) throws Exception {
          return http.send(HttpRequest.newBuilder(URI.create("https://rates.example.com/" + currency)).build(),
              HttpResponse.BodyHandlers.ofString()).body();
        }
      }
      """;

  private static final String NEW_METHOD = """
        String fee(String currency) throws Exception {
          return http.send(HttpRequest.newBuilder(URI.create("https://fees.example.com/" + currency)).build(),
              HttpResponse.BodyHandlers.ofString()).body();
        }
      }
      """;

  private Path source() throws Exception {
    Path file = dir.resolve("src/main/java/shop/Rates.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, SERVICE);
    return file;
  }

  private static JsonNode json(CliRun run) throws Exception {
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void baselinedFindingsSurviveLineShiftsAndOnlyNewOnesGate() throws Exception {
    Path file = source();
    Path baseline = dir.resolve(".optkit-baseline.json");
    CliRun write = CliRun.of("assess", dir.toString(), "--write-baseline", baseline.toString(), "--format", "json");
    assertEquals(0, write.exitCode(), write.err());
    int recorded = json(write).get("findings").size();
    assertTrue(recorded >= 2, write.out());

    // unrelated edits above the findings move them down: nothing may come back as new
    Files.writeString(file, Files.readString(file)
        .replace("class Rates {", "/** Exchange rates. */\n// TODO tidy\nclass Rates {\n  private final int retries = 3;\n"));
    CliRun shifted = CliRun.of("assess", dir.toString(), "--baseline", baseline.toString(), "--format", "json",
        "--fail-on", "low");
    assertEquals(0, shifted.exitCode(), shifted.out());
    JsonNode summary = json(shifted).get("summary");
    assertEquals(0, summary.get("findings").asInt());
    assertEquals(recorded, summary.get("scope").get("baselined").asInt());
    assertEquals(0, summary.get("scope").get("baselineGone").asInt());

    // a new call is new, and gates
    Files.writeString(file, Files.readString(file).replaceFirst("}\\s*$", "") + NEW_METHOD);
    CliRun added = CliRun.of("assess", dir.toString(), "--baseline", baseline.toString(), "--format", "json",
        "--fail-on", "low");
    assertEquals(1, added.exitCode(), added.out());
    for (JsonNode finding : json(added).get("findings")) {
      assertTrue(finding.get("enclosingMethod").asText().startsWith("fee"), finding.toString());
    }
  }

  @Test
  void sinceReportsOnlyMethodsChangedSinceTheRef() throws Exception {
    Path file = source();
    git("init", "-q");
    git("add", ".");
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "first");
    Files.writeString(file, Files.readString(file).replaceFirst("}\\s*$", "") + NEW_METHOD);
    CliRun run = CliRun.of("assess", dir.toString(), "--since", "HEAD", "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode findings = json(run).get("findings");
    assertTrue(findings.size() >= 1, run.out());
    for (JsonNode finding : findings) {
      assertTrue(finding.get("enclosingMethod").asText().startsWith("fee"), finding.toString());
    }
    assertTrue(json(run).get("summary").get("scope").get("outsideChanges").asInt() >= 1);

    CliRun badRef = CliRun.of("assess", dir.toString(), "--since", "no-such-ref");
    assertEquals(2, badRef.exitCode());
    assertTrue(badRef.err().contains("--since"), badRef.err());
  }

  @Test
  void suppressionsInCodeAreHonouredAndCounted() throws Exception {
    Path file = source();
    Files.writeString(file, Files.readString(file)
        .replace("  String rate(", "  @SuppressWarnings(\"optkit:CacheableReadMethod\")\n  String rate(")
        .replace("    return http.send(", "    // optkit:ignore RemoteApiCall rates are fetched once per deploy\n    return http.send("));
    CliRun run = CliRun.of("assess", dir.toString(), "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode root = json(run);
    assertEquals(0, root.get("findings").size(), run.out());
    assertEquals(2, root.get("summary").get("suppressed").asInt());
  }

  @Test
  void internalErrorsExitWithThreeNeverZero() {
    CommandLine commandLine = Main.commandLine();
    commandLine.addSubcommand("explode", new Exploding());
    java.io.StringWriter err = new java.io.StringWriter();
    commandLine.setErr(new java.io.PrintWriter(err));
    assertEquals(3, commandLine.execute("explode"));
    assertTrue(err.toString().contains("internal error"), err.toString());
  }

  @CommandLine.Command(name = "explode")
  static final class Exploding implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("boom");
    }
  }

  private void git(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
  }
}
