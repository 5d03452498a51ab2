package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate checks the workload against both code versions' sources before it builds anything: a
 * misspelt method is exit 2 in seconds, naming it; what the sources cannot show is left to the run;
 * and the README's flow works: migrate, commit, write the fixture, validate against {@code HEAD~1},
 * whose tree has no fixture until validate copies it in. Tiny projects built with javac.
 */
class ValidatePreflightTest {
  @TempDir Path dir;

  private static final String JAVAC = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
  private static final String BUILD = "rm -rf classes && mkdir classes && " + JAVAC + " -d classes $(find src -name '*.java')";

  /** Reads over HTTP from a loopback server the fixture starts: the agent counts each as a downstream call. */
  private static final String RATES = """
      package tiny;

      public class Rates {
        private final String base;

        public Rates(String base) {
          this.base = base;
        }

        public String rate(String currency) {
          try {
            java.net.HttpURLConnection connection =
                (java.net.HttpURLConnection) new java.net.URL(base + "/" + currency).openConnection();
            try (java.io.InputStream in = connection.getInputStream()) {
              return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
      """;

  private static final String FIXTURE = """
      package tiny.validation;

      import com.sun.net.httpserver.HttpServer;
      import java.net.InetSocketAddress;
      import tiny.Rates;

      public final class Fixture implements AutoCloseable {
        private final HttpServer server;
        private final Rates rates;

        private Fixture(HttpServer server) {
          this.server = server;
          this.rates = new Rates("http://127.0.0.1:" + server.getAddress().getPort());
        }

        public static Fixture start() throws java.io.IOException {
          HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
          server.createContext("/", exchange -> {
            byte[] body = ("rate of " + exchange.getRequestURI().getPath().substring(1)).getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
          server.start();
          return new Fixture(server);
        }

        public Rates rates() {
          return rates;
        }

        @Override
        public void close() {
          server.stop(0);
        }
      }
      """;

  private static String workload(String method) {
    return """
        classpath: {build: "%s", entries: [classes]}
        fixture: {factory: tiny.validation.Fixture#start, teardown: close}
        scenarios:
          - name: rates
            target: rates
            method: %s
            args: [{repeats: {share: 0.9, keys: 3, of: {fixed: [A, B, C, D, E, F, G, H]}}}]
            calls: 200
        """.formatted(BUILD, method);
  }

  private Path project() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    write(project, "src/main/java/tiny/Rates.java", RATES);
    SampleCheckout.git(project, "init", "-q");
    SampleCheckout.commit(project, "the original code");
    return project;
  }

  private static void write(Path project, String file, String text) throws Exception {
    Path path = project.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  /** The run, and what it printed on the process's stderr (its progress: the CLI's own err is the run's). */
  private record Run(CliRun cli, String progress) {}

  private static Run validate(String... args) {
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream progress = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(progress, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      return new Run(CliRun.of(args), progress.toString(java.nio.charset.StandardCharsets.UTF_8));
    } finally {
      System.setErr(stderr);
    }
  }

  private static String commandsLog(Path project) throws Exception {
    try (Stream<Path> runs = Files.list(project.resolve(".optkit/runs"))) {
      Path run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
      Path log = run.resolve("commands.log");
      return Files.exists(log) ? Files.readString(log) : "";
    }
  }

  @Test
  void aMisspeltMethodIsExitTwoInSecondsNamedWithWhatTheTypeHasAndNothingIsBuilt() throws Exception {
    Path project = project();
    write(project, "src/test/java/tiny/validation/Fixture.java", FIXTURE);
    SampleCheckout.commit(project, "the fixture");
    write(project, "workload.yaml", workload("rat"));

    CliRun run = validate("validate", project.toString(), "--baseline", "HEAD", "--no-bench").cli();
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertEquals("optkit validate: scenario 'rates': tiny.Rates has no public method rat with 1 parameter in the "
        + "original and migrated code; it has: rate(1)\n", run.err());
    // "in seconds" is counted, not timed (issue 67): refused before anything is built, so before the minutes a build takes
    assertFalse(Files.exists(project.resolve("classes")), "the current code was not built");
    assertFalse(commandsLog(project).contains(JAVAC), "no build ran: " + commandsLog(project));
  }

  @Test
  void aTargetTheSourcesCannotResolveIsLeftToTheRunWhichFindsIt() throws Exception {
    Path project = project();
    // the fixture is a map: its entries are known only when it runs
    write(project, "src/test/java/tiny/validation/Fixture.java", """
        package tiny.validation;

        public final class Fixture {
          public static java.util.Map<String, Object> start() {
            return java.util.Map.of("rates", new Rates());
          }

          public static final class Rates {
            public String rate(String currency) {
              return "rate of " + currency;
            }
          }
        }
        """);
    write(project, "workload.yaml", workload("rate").replace(", teardown: close", ""));
    Run validated = validate("validate", project.toString(), "--baseline-only", "--no-bench");
    CliRun run = validated.cli();
    assertEquals(0, run.exitCode(), run.out() + run.err() + validated.progress());
    assertTrue(validated.progress().contains("optkit validate: checked in the sources before building, but for what only the run "
        + "can resolve: the fixture's calls (tiny.validation.Fixture#start returns a type outside the sources)\n"),
        validated.progress());
    assertTrue(run.out().contains("hottest keys: rates.rate(\""), "the run found the map's entry: " + run.out());
  }

  @Test
  void theReadmeFlowValidatesWithTheFixtureWrittenAfterTheBaseline() throws Exception {
    Path project = project();
    // "migrate": the read cached, committed; then the fixture and the workload, written after that commit
    write(project, "src/main/java/tiny/Rates.java", RATES.replace("  public String rate(String currency) {", """
          private final java.util.Map<String, String> cache = new java.util.concurrent.ConcurrentHashMap<>();

          public String rate(String currency) {
            return cache.computeIfAbsent(currency, this::fetch);
          }

          private String fetch(String currency) {"""));
    SampleCheckout.commit(project, "migrated");
    write(project, "src/test/java/tiny/validation/Fixture.java", FIXTURE);
    write(project, "workload.yaml", workload("rate"));

    Run validated = validate("validate", project.toString(), "--baseline", "HEAD~1", "--no-bench");
    CliRun run = validated.cli();
    assertEquals(0, run.exitCode(), run.out() + run.err() + validated.progress());
    assertTrue(validated.progress().contains("optkit validate: original: the fixture tiny.validation.Fixture is not "
        + "in the baseline: copied it from the current code, src/test/java/tiny/validation/Fixture.java"),
        validated.progress());
    assertTrue(run.out().contains("differing answers: 0 of 200"), run.out());
    assertTrue(run.out().contains("PASSED"), run.out());
    assertEquals(List.of("?? src/test/java/tiny/validation/Fixture.java", "?? workload.yaml"), status(project),
        "the user's tree as it was, but for the build's output and optkit's state");
  }

  private static List<String> status(Path project) throws Exception {
    Process git = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=all").directory(project.toFile())
        .redirectErrorStream(true).start();
    List<String> lines = new String(git.getInputStream().readAllBytes()).lines()
        .filter(line -> !line.contains(" classes/") && !line.contains(" .optkit/")).toList();
    git.waitFor();
    return lines;
  }
}
