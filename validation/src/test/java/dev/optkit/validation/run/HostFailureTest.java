package dev.optkit.validation.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cause of a host's failure, read from its log: never just its last line, never more than a few lines. */
class HostFailureTest {
  @TempDir Path dir;

  private String describe(int exit, String log) throws Exception {
    Path file = dir.resolve("host.log");
    Files.writeString(file, log);
    return HostFailure.describe("migrated, scenario 's'", exit, false, HostLog.read(file, "s"),
        HostLog.read(dir.resolve("absent.log"), "s"), file, dir.resolve("absent.log"), 300);
  }

  @Test
  void theMarkedRootCauseIsReportedNotTheShutdownNoiseAfterIt() throws Exception {
    StringBuilder log = new StringBuilder("""
        optkit-host: s: starting the fixture
        optkit-host: FAILED: java.net.ConnectException: Connection refused
        optkit-host:   at tiny.Fixture.connect(Fixture.java:12)
        optkit-host:   at tiny.Fixture.start(Fixture.java:7)
        optkit-host:   (the root cause of dev.optkit.validation.spec.WorkloadException)
        dev.optkit.validation.spec.WorkloadException: fixture factory tiny.Fixture#start failed
        \tat dev.optkit.validation.harness.ScenarioDriver.createFixture(ScenarioDriver.java:140)
        Caused by: java.net.ConnectException: Connection refused
        \tat tiny.Fixture.connect(Fixture.java:12)
        """);
    for (int i = 0; i < 200; i++) {
      log.append("INFO shutting down worker ").append(i).append('\n');
    }
    String message = describe(1, log.toString());
    assertTrue(message.startsWith("migrated, scenario 's': the host JVM failed during starting the fixture (exit 1): "
        + "java.net.ConnectException: Connection refused\n    at tiny.Fixture.connect(Fixture.java:12)"), message);
    assertFalse(message.contains("shutting down"), message);
    assertTrue(message.endsWith("see " + dir.resolve("host.log")), message);
    assertTrue(message.lines().count() <= HostFailure.MAX_LINES, message);
  }

  @Test
  void withoutAMarkTheDeepestCauseOfTheLastStackTraceIsReported() throws Exception {
    String message = describe(1, """
        optkit-host: s: replay
        Exception in thread "main" java.lang.IllegalStateException: pool closed
        \tat tiny.Pool.take(Pool.java:3)
        Caused by: java.sql.SQLException: database is locked
        \tat tiny.Db.open(Db.java:9)
        \t... 4 more
        bye
        """);
    assertTrue(message.contains("during the replay (exit 1): java.sql.SQLException: database is locked\n"
        + "    at tiny.Db.open(Db.java:9)"), message);
  }

  @Test
  void aSignalAnOutOfMemoryErrorAndAJvmThatDidNotStartAreNamed() throws Exception {
    assertTrue(describe(137, "").contains("(exit 137, SIGKILL): SIGKILL: killed from outside, often by the kernel's "
        + "out-of-memory killer"), describe(137, ""));
    String oom = describe(3, "optkit-host: s: load test\nTerminating due to java.lang.OutOfMemoryError: Java heap space\n");
    assertTrue(oom.contains("ran out of memory during the load test (exit 3): java.lang.OutOfMemoryError: Java heap space"),
        oom);
    assertTrue(oom.contains("its heap was 300 MB") && oom.contains("raise limits.fixtureHeapMegabytes"), oom);
    String start = describe(1, "Error: Could not find or load main class dev.optkit.validation.harness.HostMain\n"
        + "Caused by: java.lang.ClassNotFoundException: dev.optkit.validation.harness.HostMain\n");
    assertTrue(start.contains("java.lang.ClassNotFoundException: dev.optkit.validation.harness.HostMain"), start);
    assertTrue(describe(1, "").contains("(exit 1): it printed nothing"), describe(1, ""));
  }

  @Test
  void aCallThatTimedOutIsReportedAsTheWatchdogDescribedIt() throws Exception {
    String message = describe(124, """
        optkit-host: s: replay
        optkit-host: FAILED: call 3 of 10 in the replay, a read get(3) (tiny.Fixture.get) did not return within 2 s (limits.callSeconds or --call-timeout): abandoned, and the run stopped
        optkit-host:   at java.base/java.lang.Thread.sleep(Native Method)
        optkit-host:   at tiny.Fixture.get(Fixture.java:9)
        """);
    assertEquals("""
        migrated, scenario 's': call 3 of 10 in the replay, a read get(3) (tiny.Fixture.get) did not return within 2 s \
        (limits.callSeconds or --call-timeout): abandoned, and the run stopped
            at java.base/java.lang.Thread.sleep(Native Method)
            at tiny.Fixture.get(Fixture.java:9)
          see\s""" + dir.resolve("host.log"), message);
  }

  @Test
  void aHugeLogIsReadOnlyAtItsEndAndItsLinesAreCut() throws Exception {
    Path file = dir.resolve("host.log");
    try (Writer out = Files.newBufferedWriter(file)) {
      out.write("java.lang.IllegalStateException: an early failure, long before the end\n");
      String noise = "x".repeat(1000) + "\n";
      for (int i = 0; i < 20_000; i++) {
        out.write(noise); // 20 MB, over the 8 MB read
      }
      out.write("java.lang.IllegalArgumentException: " + "y".repeat(100_000) + "\n");
    }
    String message = HostFailure.describe("migrated, scenario 's'", 1, false, HostLog.read(file, "s"), HostLog.empty(),
        file, file, 300);
    assertTrue(message.contains("java.lang.IllegalArgumentException: yyy"), message);
    assertFalse(message.contains("early failure"), message);
    assertTrue(message.lines().allMatch(line -> line.length() <= 303), message);
  }
}
