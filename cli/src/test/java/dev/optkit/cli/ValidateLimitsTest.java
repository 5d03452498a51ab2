package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate under its limits, on a tiny project compiled here (no build tool): a call or a fixture
 * that hangs ends the run with the call named, a host past the scenario's limit is ended with the
 * processes it started, counts over their caps are refused before anything is built, and a host
 * that fails is reported by its cause. Timeouts are small: these check behaviour, not timing.
 */
class ValidateLimitsTest {
  @TempDir Path dir;

  /** A project whose only class is {@code tiny.Fixture} with the given body, and a workload for it. */
  private Path project(String fixtureBody, String workload) throws Exception {
    return TinyFixtureProject.create(dir, fixtureBody, workload);
  }

  private static final String SLEEPS_FOREVER = """
        static void sleepForever() {
          while (true) {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
              // a call that does not give up
            }
          }
        }
      """;

  private static CliRun validate(Path project, String... options) {
    List<String> args = new java.util.ArrayList<>(List.of("validate", project.toString(), "--baseline-only",
        "--no-bench"));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aCallThatHangsEndsTheRunWithinItsTimeoutNamingTheScenarioAndTheCall() throws Exception {
    Path project = project("""
          public static Fixture start() {
            return new Fixture();
          }
          public String get(long key) {
            if (key == 3) {
              sleepForever();
            }
            return "v" + key;
          }
        """ + SLEEPS_FOREVER, """
        limits: {callSeconds: 2}
        scenarios: [{name: hangs, method: get, calls: 10, args: [{sequence: 1}]}]
        """);
    CliRun run = validate(project);
    assertEquals(3, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("optkit validate: current, scenario 'hangs': call 3 of 10 in the replay, a read get(3) "
        + "(tiny.Fixture.get) did not return within 2 s (limits.callSeconds or --call-timeout): abandoned, and the run "
        + "stopped"), run.err());
    assertTrue(run.err().contains("stopped\n    at java.lang.Thread.sleep(Native Method)\n"
        + "    at tiny.Fixture.sleepForever(Fixture.java:16)\n    at tiny.Fixture.get(Fixture.java:9)\n  see "),
        "where it hung, down to where the harness called: " + run.err());
    // the message says the call limit ended it, not the run's 30-minute limit: no clock asked (issue 67)
  }

  @Test
  void aFixtureThatHangsOnStartIsEndedByTheFixtureLimitAndTheCommandLineSetsTheCallLimit() throws Exception {
    Path project = project("""
          public static Fixture start() {
            sleepForever();
            return null;
          }
          public String get() {
            return "";
          }
        """ + SLEEPS_FOREVER, """
        limits: {fixtureSeconds: 2}
        scenarios: [{name: never-starts, method: get}]
        """);
    CliRun run = validate(project);
    assertEquals(3, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("current, scenario 'never-starts': starting the fixture tiny.Fixture#start (and "
        + "finding the scenario's methods) did not return within 2 s (limits.fixtureSeconds)"), run.err());

    CliRun bad = validate(project, "--call-timeout", "0");
    assertEquals(2, bad.exitCode(), bad.err());
    assertTrue(bad.err().contains("--call-timeout and --scenario-timeout must be at least 1"), bad.err());
  }

  @Test
  void aCallThatHangsOnlyUnderJmhEndsTheHostAndIsReported() throws Exception {
    // only JMH has the measuring property: the replay passes, and so does JMH's fill pass (the
    // first call of each distinct read); the benchmark's first read hangs
    Path project = project("""
          private static int jmhCalls;
          public static Fixture start() {
            return new Fixture();
          }
          public String get(long key) {
            if (System.getProperty("optkit.validation.jmh") != null && ++jmhCalls > 1) {
              sleepForever();
            }
            return "v" + key;
          }
        """ + SLEEPS_FOREVER, """
        limits: {callSeconds: 2}
        scenarios: [{name: bench-hangs, method: get, calls: 10, args: [{value: 1}]}]
        """);
    CliRun run = CliRun.of("validate", project.toString(), "--baseline-only", "--quick", "--warmup", "0",
        "--iterations", "1");
    assertEquals(3, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("current, scenario 'bench-hangs': a read in a JMH iteration of 1 s did not return "
        + "within 3 s (limits.callSeconds or --call-timeout, "
        + "after the iteration's 1 s): abandoned, and the run stopped"), run.err());
    assertTrue(run.err().contains("at tiny.Fixture.sleepForever(Fixture.java"), run.err());
  }

  @Test
  void aHostPastTheScenarioLimitIsEndedWithTheProcessesItStarted() throws Exception {
    Path pidFile = dir.resolve("child.pid");
    Path project = project("""
          public static Fixture start() throws Exception {
            Process child = new ProcessBuilder("sleep", "300").start(); // a server the fixture runs
            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), String.valueOf(child.pid()));
            return new Fixture();
          }
          public String get(long key) {
            sleepForever();
            return null;
          }
        """.formatted(pidFile) + SLEEPS_FOREVER, """
        scenarios: [{name: slow, method: get, args: [{value: 1}]}]
        """);
    CliRun run = validate(project, "--call-timeout", "600", "--scenario-timeout", "10");
    assertEquals(3, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("optkit validate: current, scenario 'slow': the host JVM did not finish within 10 s "
        + "(limits.scenarioSeconds or --scenario-timeout); it and 1 process it started were ended, during the replay"),
        run.err());
    assertTrue(Files.exists(pidFile), "the fixture started its child process");
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the fixture's child was ended too");
  }

  @Test
  void countsOverTheirCapsAreRefusedBeforeAnyBuild() throws Exception {
    Path project = project("public static Fixture start() { return new Fixture(); }", """
        scenarios:
          - {name: many-calls, method: get, calls: 2000000000}
          - {name: many-users, method: get, load: {users: 200000}}
        """);
    CliRun run = validate(project);
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("scenario 'many-calls': calls is 2,000,000,000, over the cap of 1,000,000"), run.err());
    assertTrue(run.err().contains("scenario 'many-users': load.users is 200,000, over the cap of 1,000"), run.err());
    assertFalse(Files.exists(project.resolve("built")), "the build command did not run");
    assertFalse(Files.exists(project.resolve(".optkit/runs")), "no run folder was made");

    Files.writeString(project.resolve("workload.yaml"), """
        classpath: {build: touch built, entries: [classes]}
        fixture: {factory: tiny.Fixture#start}
        limits: {fixtureHeapMegabytes: 4000}
        scenarios: [{name: heavy, method: get, calls: 1000000}]
        """);
    CliRun heap = validate(project);
    assertEquals(2, heap.exitCode(), heap.err());
    assertTrue(heap.err().contains("scenario 'heavy': needs an estimated 4,489 MB of heap"), heap.err());
    assertTrue(heap.err().contains("over the cap of 4,096 MB: lower limits.fixtureHeapMegabytes, calls"), heap.err());
    assertFalse(Files.exists(project.resolve("built")), "the build command did not run");
  }

  @Test
  void moreScenariosThanTheCapAreRefusedBeforeAnyBuild() throws Exception {
    int count = 101; // the cap is 100 (docs/validate.md)
    StringBuilder scenarios = new StringBuilder("scenarios:\n");
    for (int i = 0; i < count; i++) {
      scenarios.append("  - {name: s").append(i).append(", method: get, calls: 1}\n");
    }
    Path project = project("public static Fixture start() { return new Fixture(); }", scenarios.toString());
    CliRun run = validate(project);
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains(count + " scenarios, over the cap of " + (count - 1)), run.err());
    assertTrue(run.err().contains("limits.maxScenarios"), "says how to raise it: " + run.err());
    assertFalse(Files.exists(project.resolve("built")), "the build command did not run");
    assertFalse(Files.exists(project.resolve(".optkit/runs")), "no run folder was made");
  }

  @Test
  void aHostThatFailsIsReportedByItsRootCauseNotByItsLastLine() throws Exception {
    Path project = project("""
          public static Fixture start() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
              for (int i = 0; i < 100; i++) {
                System.err.println("INFO stopping worker " + i); // what a server logs on its way out
              }
            }));
            throw new IllegalStateException("cannot start the pool",
                new java.net.ConnectException("connection refused by the test's database"));
          }
          public String get() {
            return "";
          }
        """, """
        scenarios: [{name: broken, method: get}]
        """);
    CliRun run = validate(project);
    assertEquals(3, run.exitCode(), run.out() + run.err());
    String reported = run.err().substring(run.err().indexOf("optkit validate: current"));
    assertTrue(reported.startsWith("optkit validate: current, scenario 'broken': the host JVM failed during starting the "
        + "fixture (exit 1): java.net.ConnectException: connection refused by the test's database\n"
        + "    at tiny.Fixture.start(Fixture.java:10)\n"
        + "    (the root cause of dev.optkit.validation.spec.WorkloadException: fixture factory tiny.Fixture#start failed: "
        + "java.lang.IllegalStateException: cannot start the pool)\n  see "), reported);
    assertFalse(reported.contains("stopping worker"), reported);
    assertTrue(reported.lines().count() <= 10, reported);
  }
}
