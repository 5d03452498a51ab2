package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.config.ConfigException;
import dev.optkit.cli.report.RunFacts;
import dev.optkit.cli.report.ValidationHtml;
import dev.optkit.cli.report.ValidationText;
import dev.optkit.validation.harness.HostResult;
import dev.optkit.validation.report.CallCosts;
import dev.optkit.validation.report.Criteria;
import dev.optkit.validation.report.ScenarioComparison;
import dev.optkit.validation.report.ScenarioReport;
import dev.optkit.validation.report.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import dev.optkit.validation.report.CriterionResult;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate's report: the versioned JSON (every field documented), the HTML page (self-contained,
 * escaped, with the latency distributions), the run's provenance in every format, the prices from
 * .optkit.yml, --scenario, and a failed run that leaves a report the history lists. Most tests build
 * the report from measurements directly; the few that run validate stop before a JVM starts, or run
 * a tiny project compiled here without JMH.
 */
class ValidateReportTest {
  @TempDir Path dir;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String HOSTILE = "<script>alert(\"x\")</script>&";
  private static final String BASELINE_COMMIT = "0123456789abcdef0123456789abcdef01234567";
  private static final String CURRENT_COMMIT = "fedcba9876543210fedcba9876543210fedcba98";

  // measurements as the host JVM writes them, read the way optkit reads them: a field added to them
  // later (another percentile) does not break these tests
  static final String ORIGINAL = """
      {"scenario": "s", "bench": {"meanMicros": 53622.0, "p50Micros": 52265.0, "p95Micros": 67673.0,
       "p99Micros": 75891.0, "samples": 120, "iterationMediansMicros": [52000.0, 52500.0, 52265.0, 52400.0]},
       "replay": {"reads": 1000, "writes": 0, "readErrors": 0, "readCalls": 1000, "totalCalls": 1000, "counted": true,
        "perSite": {"http\\tPricingClient.getExchangeRate": [1000, 0, 5000000000, 9000000]}, "caches": {},
        "opaqueAnswers": 0},
       "load": {"model": "open", "users": 50, "targetPerSecond": 500.0, "warmupSeconds": 5.0, "seconds": 20.0,
        "callsPerSecond": 500.0, "throughputPerSecond": 500.0, "p50Micros": 6894.0, "p95Micros": 49152.0,
        "p99Micros": 55214.0, "maxMicros": 90000.0, "reads": 10000, "limitedBy": "pacing",
        "limitedReason": "the target rate was met",
        "schedule": {"due": 10000, "backlogged": 0, "neverStarted": 0, "clientLate": 800, "clientLagP99Micros": 12000.0,
         "clientTimeShare": 0.01, "hostCpuLoad": 0.97}}}
      """;
  static final String MIGRATED = """
      {"scenario": "s", "bench": {"meanMicros": 5.9, "p50Micros": 0.1, "p95Micros": 0.4, "p99Micros": 4.7,
       "samples": 90000, "iterationMediansMicros": [0.1, 0.1, 0.11, 0.1]},
       "replay": {"reads": 1000, "writes": 0, "readErrors": 0, "readCalls": 20, "totalCalls": 20, "counted": true,
        "perSite": {"http\\tPricingClient.getExchangeRate": [20, 0, 100000000, 9000000]},
        "caches": {"rates": {"hits": 980, "misses": 20, "recording": true}}, "opaqueAnswers": 0},
       "load": {"model": "open", "users": 50, "targetPerSecond": 500.0, "warmupSeconds": 5.0, "seconds": 20.0,
        "callsPerSecond": 500.0, "throughputPerSecond": 500.0, "p50Micros": 149.0, "p95Micros": 2144.0,
        "p99Micros": 15426.0, "maxMicros": 30000.0, "reads": 10000, "limitedBy": "pacing",
        "limitedReason": "the target rate was met",
        "schedule": {"due": 10000, "backlogged": 0, "neverStarted": 0, "clientLate": 790, "clientLagP99Micros": 12500.0,
         "clientTimeShare": 0.01, "hostCpuLoad": 0.97}}}
      """;

  static ValidationReport.Context context() {
    return new ValidationReport.Context("0.1.0-test",
        new ValidationReport.Refs("HEAD~1", BASELINE_COMMIT, null, CURRENT_COMMIT, true),
        new ValidationReport.Settings(1, 1, 2, 1, true, true, 30, 120, 906, null),
        new ValidationReport.Jdk("/usr/lib/jvm/x/bin/java", "21.0.5", "Eclipse Adoptium"));
  }

  /** A scenario compared as validate compares it: the two versions' figures and answers files. */
  private ScenarioReport scenario(String name, CallCosts costs, String migratedAnswer) throws Exception {
    Path before = dir.resolve("before-" + Math.abs(name.hashCode()) + ".tsv");
    Path after = dir.resolve("after-" + Math.abs(name.hashCode()) + ".tsv");
    Files.writeString(before, "R\t0\tgetExchangeRate(C01)\t1.5\nR\t1\tgetExchangeRate(C02)\t2.5\n");
    Files.writeString(after, "R\t0\tgetExchangeRate(C01)\t1.5\nR\t1\tgetExchangeRate(C02)\t" + migratedAnswer + "\n");
    return ScenarioComparison.compare(name, MAPPER.readValue(ORIGINAL, HostResult.class),
        MAPPER.readValue(MIGRATED, HostResult.class), before, after, costs);
  }

  private ValidationReport report(String scenarioName, String migratedAnswer) throws Exception {
    ScenarioReport s = scenario(scenarioName, CallCosts.defaults(), migratedAnswer);
    return ValidationReport.completed(context(), CallCosts.defaults(), "20260101-000000-aaaaaa", "/p/workload.yaml",
        false, true, List.of(s), ScenarioComparison.check(s, Criteria.defaults()));
  }

  @Test
  void theJsonIsVersionedRecordsWhatWasComparedAndHowAndIsTheSameBytesEveryTime() throws Exception {
    ValidationReport report = report("rates", "2.5");
    JsonNode json = MAPPER.readTree(report.toJson());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("schemaVersion", "outcome", "cause", "runId", "workload", "optkitVersion", "refs", "settings",
        "jdk", "costs", "baselineOnly", "callsCounted", "scenarios", "criteria"), keys, "the documented order");
    assertEquals(ValidationReport.SCHEMA_VERSION, json.get("schemaVersion").asInt());
    assertEquals(1, json.get("schemaVersion").asInt(), "bump it only with a removal or a rename, and say so in the docs");
    assertEquals("passed", json.get("outcome").asText(), json.toPrettyString());
    assertTrue(json.get("cause").isNull());
    assertEquals("HEAD~1", json.at("/refs/baseline").asText());
    assertEquals(BASELINE_COMMIT, json.at("/refs/baselineCommit").asText());
    assertEquals(CURRENT_COMMIT, json.at("/refs/currentCommit").asText());
    assertTrue(json.at("/refs/currentChanged").asBoolean());
    assertEquals(2, json.at("/settings/iterations").asInt());
    assertEquals(906, json.at("/settings/scenarioSeconds").asInt());
    assertTrue(json.at("/settings/bench").asBoolean() && json.at("/settings/load").asBoolean());
    assertEquals("21.0.5", json.at("/jdk/version").asText());
    assertEquals(0.001, json.at("/costs/perCall/http").asDouble());
    assertEquals(0.0005, json.at("/costs/otherKinds").asDouble());
    assertEquals("defaults", json.at("/costs/source").asText());
    assertEquals("0.1.0-test", json.get("optkitVersion").asText());

    assertEquals(new String(report.toJson(), StandardCharsets.UTF_8), new String(report.toJson(), StandardCharsets.UTF_8));
    // read back (as --history reads it) and written again: not one byte moves, map keys sorted
    ValidationReport reread = MAPPER.readValue(report.toJson(), ValidationReport.class);
    assertEquals(new String(report.toJson(), StandardCharsets.UTF_8), new String(reread.toJson(), StandardCharsets.UTF_8));
  }

  @Test
  void everyFieldOfTheJsonIsDocumented() throws Exception {
    String docs = Files.readString(CliRun.repoRoot().resolve("docs/validate.md"));
    String section = docs.substring(docs.indexOf("## Report"));
    JsonNode json = MAPPER.readTree(report("rates", "stale").toJson()); // a differing answer: every part present
    List<String> missing = new ArrayList<>();
    for (String path : List.of("", "/refs", "/settings", "/jdk", "/costs", "/scenarios/0", "/criteria/0",
        "/scenarios/0/differences/0", "/scenarios/0/hottestKeys/0", "/scenarios/0/savings", "/scenarios/0/migrated",
        "/scenarios/0/migrated/bench", "/scenarios/0/migrated/replay", "/scenarios/0/migrated/replay/caches/rates",
        "/scenarios/0/migrated/load")) {
      assertFalse(json.at(path).isMissingNode(), path);
      for (Iterator<String> names = json.at(path).fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!section.contains("`" + name + "`")) {
          missing.add(path + "/" + name);
        }
      }
    }
    assertEquals(List.of(), missing, "each field named in docs/validate.md's Report section");
    assertTrue(section.contains("schemaVersion"), section);
  }

  @Test
  void aFailedRunsCauseIsItsFirstLineNeverAStackTrace() {
    ValidationReport failed = ValidationReport.failed(context(), CallCosts.defaults(), "id", "w.yaml", false,
        "current, scenario 'hangs': call 3 of 10 did not return within 2 s\n    at java.lang.Thread.sleep(Native Method)\n"
            + "    at tiny.Fixture.get(Fixture.java:9)\n  see /tmp/host.log");
    assertEquals("current, scenario 'hangs': call 3 of 10 did not return within 2 s", failed.cause());
    assertEquals("failed", failed.outcome());
    assertFalse(failed.passed(), "a run that stopped never passes, though it has no criterion to miss");
    assertFalse(new String(failed.toJson(), StandardCharsets.UTF_8).contains("Fixture.java"));
    assertTrue(ValidationText.terminal(failed).contains("RUN FAILED: current, scenario 'hangs'"));
  }

  @Test
  void theHtmlPageIsSelfContainedEscapesWhatItShowsAndDrawsBothDistributions() throws Exception {
    ValidationReport report = report(HOSTILE, "<b>stale</b>");
    String page = ValidationHtml.render(report);
    assertFalse(page.contains("<script"), "a scenario name is text, never markup");
    assertFalse(page.contains("<b>stale"), "an answer is text, never markup");
    assertTrue(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;"), page);
    assertTrue(page.contains("&lt;b&gt;stale&lt;/b&gt;"), page);
    for (String external : new String[] {"<link", "src=", "href=", "url(", "@import"}) {
      assertFalse(page.contains(external), "self-contained: no " + external);
    }
    assertTrue(page.contains("FAILED: 1 criterion/criteria missed"), "the verdict");
    assertTrue(page.contains("differing answers"), "each criterion");
    assertTrue(page.contains("baseline HEAD~1 (0123456789ab) against the working tree at fedcba987654, changed since"),
        "what was compared");
    assertEquals(2, page.split("<svg", -1).length - 1, "JMH's distribution and the load test's");
    // one bar per figure and code version, its value in its tooltip
    for (String bar : new String[] {"original mean: 53,622.0 µs", "migrated mean: 5.9 µs", "original p99: 75,891.0 µs",
        "migrated p50: 0.10 µs", "original max: 90,000.0 µs", "migrated max: 30,000.0 µs"}) {
      assertTrue(page.contains("<title>" + bar + "</title>"), bar);
    }
    assertEquals(page, ValidationHtml.render(report), "the same page every time");
  }

  @Test
  void theTerminalAndMarkdownSayWhatWasComparedHowAndAtWhatPrices() throws Exception {
    ValidationReport report = report("rates", "2.5");
    String terminal = ValidationText.terminal(report);
    assertTrue(terminal.contains("Compared: baseline HEAD~1 (0123456789ab) against the working tree at fedcba987654, "
        + "changed since\n"), terminal);
    assertTrue(terminal.contains("Settings: JMH 1 fork, 1 warm-up + 2 measured iterations of 1 s; load test on; "
        + "limits 30 s a call, 120 s a fixture step, 906 s a scenario\n"), terminal);
    assertTrue(terminal.contains("JDK: 21.0.5 (Eclipse Adoptium), /usr/lib/jvm/x/bin/java\n"), terminal);
    assertTrue(terminal.contains("Prices per downstream call: http $0.001, jdbc $0.0001, other kinds $0.0005 (defaults)"),
        terminal);
    assertTrue(terminal.contains("PASSED: every criterion holds"), terminal);
    assertTrue(!terminal.contains("\u001b["), "no colours unless asked");
    String coloured = ValidationText.terminal(report, true);
    assertTrue(coloured.contains("\u001b[32mPASSED: every criterion holds\u001b[0m"), coloured);
    assertTrue(coloured.contains("\u001b[32mok  \u001b[0m"), coloured);
    assertEquals(terminal, coloured.replaceAll("\u001b\\[[0-9]+m", ""), "the same text, coloured");
    assertTrue(ValidationText.markdown(report).contains("- **Compared**: baseline HEAD~1"));
  }

  @Test
  void theRefsComeFromGitAndTheJdkFromTheJvmItself() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(repo.resolve("A.java"), "class A {}\n");
    git(repo, "init", "-q");
    git(repo, "add", "A.java");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "a");
    String head = RunFacts.headCommit(repo);
    assertTrue(head != null && head.matches("[0-9a-f]{40}"), head);
    assertEquals(Boolean.FALSE, RunFacts.changedSinceHead(repo));
    Files.createDirectories(repo.resolve(".optkit/runs"));
    Files.writeString(repo.resolve(".optkit/runs/x"), "optkit's own state");
    assertEquals(Boolean.FALSE, RunFacts.changedSinceHead(repo), ".optkit/ is not the code");
    Files.writeString(repo.resolve("A.java"), "class A { int cached; }\n");
    assertEquals(Boolean.TRUE, RunFacts.changedSinceHead(repo));
    ValidationReport.Refs refs = RunFacts.refs(repo, "HEAD~1", null);
    assertEquals(head, refs.currentCommit());
    assertNull(RunFacts.headCommit(Files.createDirectories(dir.resolve("plain"))), "not a repository");

    // --java: the JVM asked for its own properties
    ValidationReport.Jdk jdk = RunFacts.jdk(Path.of(System.getProperty("java.home"), "bin", "java"));
    assertEquals(System.getProperty("java.version"), jdk.version());
    assertEquals(System.getProperty("java.vendor"), jdk.vendor());
    ValidationReport.Jdk none = RunFacts.jdk(dir.resolve("no-such-java"));
    assertNull(none.version(), "no JVM there: nothing made up");
  }

  private static void git(Path repo, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
  }

  @Test
  void pricesComeFromTheProjectsOptkitYmlWithValidatesDefaultsForWhatItDoesNotSet() throws Exception {
    assertEquals(CallCosts.defaults(), CallCosts.ofProject(dir), "no .optkit.yml");
    Files.writeString(dir.resolve(".optkit.yml"), "savings:\n  costPerCallUsd: {api-call: 0.05}\n");
    CallCosts costs = CallCosts.ofProject(dir);
    assertEquals(0.05, costs.of("http"));
    assertEquals(0.0001, costs.of("jdbc"), "db-query not set: validate's default, not assess's $0");
    assertEquals(0.0005, costs.of("grpc"));
    assertEquals(CallCosts.CONFIGURED, costs.source());

    // the savings are priced with them: 980 calls saved per 1,000 reads, at 50 times the price
    double atDefault = scenario("a", CallCosts.defaults(), "2.5").savings().costSavedPer10k();
    double configured = scenario("b", costs, "2.5").savings().costSavedPer10k();
    assertEquals(50.0, configured / atDefault, 1e-9);

    Files.writeString(dir.resolve(".optkit.yml"), "savings:\n  costPerCallUsd: {soap: 1}\n");
    assertThrows(ConfigException.class, () -> CallCosts.ofProject(dir));
  }

  @Test
  void anUnknownScenarioOrABadConfigurationIsAUsageErrorBeforeAnythingIsBuilt() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("workload.yaml"), """
        classpath: {build: touch built, entries: [classes]}
        fixture: {factory: tiny.Fixture#start}
        scenarios: [{name: reads, method: get, calls: 10}, {name: lookups, method: get, calls: 10}]
        """);
    CliRun run = CliRun.of("validate", project.toString(), "--baseline-only", "--scenario", "reads", "--scenario", "nope");
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("no scenario 'nope' in the workload (its scenarios: reads, lookups)"), run.err());
    assertFalse(Files.exists(project.resolve("built")), "nothing was built");
    assertFalse(Files.exists(project.resolve(".optkit/runs")), "no run was started");

    Files.writeString(project.resolve(".optkit.yml"), "savings:\n  costPerCallUsd: {soap: 1}\n");
    CliRun badConfig = CliRun.of("validate", project.toString(), "--baseline-only");
    assertEquals(2, badConfig.exitCode(), badConfig.out() + badConfig.err());
    assertTrue(badConfig.err().contains(".optkit.yml") && badConfig.err().contains("soap"), badConfig.err());
    assertFalse(Files.exists(project.resolve("built")), "nothing was built");
  }

  @Test
  void aRunThatFailsLeavesAReportThatTheHistoryListsWithItsCauseRefsAndSettings() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    // a fixture the sources have, so the run gets past the check before any build and fails in the build
    Path fixture = Files.createDirectories(project.resolve("src/test/java/tiny")).resolve("Fixture.java");
    Files.writeString(fixture, """
        package tiny;
        public class Fixture {
          public static Fixture start() { return new Fixture(); }
          public String get() { return "v"; }
        }
        """);
    Files.writeString(project.resolve("workload.yaml"), """
        classpath: {build: "echo compiler says no >&2; exit 7", entries: [classes]}
        fixture: {factory: tiny.Fixture#start}
        scenarios: [{name: reads, method: get, calls: 10}]
        """);
    Path out = Files.createDirectories(dir.resolve("out")).resolve("report.json");
    CliRun run = CliRun.of("validate", project.toString(), "--baseline-only", "--no-bench", "--scenario", "reads",
        "--format", "json", "--output", out.toString());
    assertEquals(3, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("(exit 7)"), run.err());

    Path runDir;
    try (Stream<Path> runs = Files.list(project.resolve(".optkit/runs"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    JsonNode recorded = MAPPER.readTree(runDir.resolve("report.json").toFile());
    assertEquals("failed", recorded.get("outcome").asText());
    String cause = recorded.get("cause").asText();
    assertTrue(cause.contains("(exit 7): compiler says no") && !cause.contains("\n"), cause);
    assertEquals(List.of("reads"), MAPPER.convertValue(recorded.at("/settings/scenarios"), List.class));
    assertFalse(recorded.at("/settings/bench").asBoolean());
    assertEquals(System.getProperty("java.version"), recorded.at("/jdk/version").asText());
    assertTrue(recorded.at("/refs/currentCommit").isNull(), "not a git repository");
    assertEquals(recorded, MAPPER.readTree(out.toFile()), "the report asked for says so too");

    CliRun history = CliRun.of("validate", project.toString(), "--history");
    assertEquals(0, history.exitCode(), history.err());
    String id = runDir.getFileName().toString();
    assertTrue(history.out().contains(id + "  RUN FAILED: 'sh -c echo compiler says no >&2; exit 7' failed in "),
        history.out());
    assertTrue(history.out().contains("failed; the current code (not in a git repository), measured alone; "
        + "Settings JMH off (--no-bench); load test on; limits 30 s a call, 120 s a fixture step, 900 s a scenario; "
        + "only reads; JDK " + System.getProperty("java.version")), history.out());
  }

  @Test
  void theHistoryShowsOnlyWhatItParsedAndRefusesAnOutcomeOptkitNeverWrites() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path runs = Files.createDirectories(project.resolve(".optkit/runs"));
    ValidationReport planted = report("rates", "2.5");
    JsonNode json = MAPPER.readTree(planted.toJson());
    ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("refs")).put("baseline", "\u001b]0;title\u0007evil\n::error::x");
    Files.createDirectories(runs.resolve("20260101-000000-aaaaaa"));
    Files.write(runs.resolve("20260101-000000-aaaaaa/report.json"), MAPPER.writeValueAsBytes(json));
    ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("outcome", "owned");
    Files.createDirectories(runs.resolve("20260101-000001-bbbbbb"));
    Files.write(runs.resolve("20260101-000001-bbbbbb/report.json"), MAPPER.writeValueAsBytes(json));

    Path escaping = Files.createDirectories(runs.resolve("20260101-000002-\u001b[31mred"));
    Files.writeString(escaping.resolve("report.json"), "{}");

    CliRun history = CliRun.of("validate", project.toString(), "--history");
    assertEquals(0, history.exitCode(), history.err());
    String out = history.out();
    assertTrue(out.contains("20260101-000000-aaaaaa  rates"), out);
    assertTrue(out.contains("20260101-000002-\\u001b[31mred skipped: report.json is not a report optkit wrote"), out);
    assertTrue(out.contains("passed; baseline \\u001b]0;title\\u0007evil\\u000a::error::x (0123456789ab) against the "
        + "working tree at "
        + "fedcba987654, changed since; Settings JMH 1 fork"), out);
    assertFalse(out.contains("\u001b") || out.contains("\n::error"), out);
    assertTrue(out.contains("20260101-000001-bbbbbb  skipped: report.json is not a report optkit wrote"), out);
  }

  @Test
  void theHistoryGivesEachScenarioItsOwnGate() throws Exception {
    // a run of two scenarios where only the second missed: the first's row says pass (it said FAIL, the run's gate)
    Path project = Files.createDirectories(dir.resolve("project"));
    Path run = Files.createDirectories(project.resolve(".optkit/runs/20260101-000000-aaaaaa"));
    ScenarioReport fresh = scenario("fresh", CallCosts.defaults(), "2.5");
    ScenarioReport stale = scenario("stale", CallCosts.defaults(), "9.9");
    List<CriterionResult> criteria = new ArrayList<>(ScenarioComparison.check(fresh, Criteria.defaults()));
    criteria.addAll(ScenarioComparison.check(stale, Criteria.defaults()));
    ValidationReport report = ValidationReport.completed(context(), CallCosts.defaults(), "20260101-000000-aaaaaa",
        "/p/workload.yaml", false, true, List.of(fresh, stale), criteria);
    Files.write(run.resolve("report.json"), report.toJson());
    CliRun history = CliRun.of("validate", project.toString(), "--history");
    assertEquals(0, history.exitCode(), history.err());
    List<String> rows = history.out().lines().filter(line -> line.startsWith("20260101-000000-aaaaaa")).toList();
    assertEquals(2, rows.size(), history.out());
    assertTrue(rows.get(0).contains(" fresh ") && rows.get(0).endsWith("pass"), rows.get(0));
    assertTrue(rows.get(1).contains(" stale ") && rows.get(1).endsWith("FAIL"), rows.get(1));
    assertTrue(ValidationText.terminal(report).contains("FAIL stale: differing answers"), "criteria name their scenario");
  }

  @Test
  void onlyTheScenariosNamedRunAndEveryFormatIsWrittenInOneRun() throws Exception {
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
          - {name: skipped, method: get, calls: 10, args: [{sequence: 1}]}
          - {name: chosen, method: get, calls: 10, args: [{sequence: 1}]}
        """);
    Path out = Files.createDirectories(dir.resolve("out"));
    CliRun run = CliRun.of("validate", project.toString(), "--baseline-only", "--no-bench", "--scenario", "chosen",
        "--format", "terminal", "--format", "json", "--output", "-", "--output", out.resolve("r.json").toString(),
        "--format", "html", "--markdown", out.resolve("r.md").toString());
    assertEquals(2, run.exitCode(), "three formats, two outputs: " + run.err());
    assertFalse(Files.exists(project.resolve(".optkit/runs")), "refused before the run");
    assertTrue(run.err().contains("one --output per --format"), run.err());

    run = CliRun.of("validate", project.toString(), "--baseline-only", "--no-bench", "--scenario", "chosen",
        "--format", "terminal", "--output", "-", "--format", "json", "--output", out.resolve("r.json").toString(),
        "--format", "html", "--output", out.resolve("r.html").toString(), "--markdown", out.resolve("r.md").toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("Scenario chosen") && !run.out().contains("skipped"), run.out());
    JsonNode json = MAPPER.readTree(out.resolve("r.json").toFile());
    assertEquals("measured", json.get("outcome").asText());
    assertEquals(1, json.get("scenarios").size());
    assertEquals("chosen", json.at("/scenarios/0/scenario").asText());
    assertNull(json.at("/scenarios/0/original").textValue());
    assertEquals(10, json.at("/scenarios/0/migrated/replay/reads").asInt());
    String page = Files.readString(out.resolve("r.html"));
    assertTrue(page.contains("<h2>Scenario chosen</h2>") && !page.contains("skipped"), page);
    assertTrue(page.contains("MEASURED"), page);
    assertTrue(Files.readString(out.resolve("r.md")).contains("## chosen"));
    try (Stream<Path> runs = Files.list(project.resolve(".optkit/runs"))) {
      Path runDir = runs.findFirst().orElseThrow();
      assertEquals(json, MAPPER.readTree(runDir.resolve("report.json").toFile()), "the run's own copy is the same report");
    }
  }
}
