package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate starts the fixture once a host JVM: the replay, the load test and JMH run on one fixture, and JMH's
 * fork is the host itself (a Spring application's start-up was paid three times a scenario and version).
 */
class FixtureStartsOnceTest {
  @TempDir
  Path dir;

  @Test
  void eachHostJvmStartsTheFixtureOnceForReplayLoadTestAndJmh() throws Exception {
    Path starts = dir.resolve("starts.txt");
    Path project = TinyFixtureProject.create(dir, """
          public static Fixture start() throws Exception {
            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), ProcessHandle.current().pid() + "\\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return new Fixture();
          }
          public String get(long key) {
            return "v" + key;
          }
        """.formatted(starts.toString().replace("\\", "\\\\")), """
        scenarios: [{name: reads, method: get, calls: 20, args: [{value: 1}], load: {users: 1, ratePerSecond: 20}}]
        """);
    CliRun run = CliRun.of("validate", project.toString(), "--baseline-only", "--quick", "--warmup", "0",
        "--iterations", "1");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    List<String> pids = Files.readAllLines(starts);
    // --quick's two forks: two host JVMs, each starting the fixture once (the first runs the replay, the load test
    // and its JMH fork on it)
    assertEquals(2, pids.size(), pids.toString());
    assertEquals(2, pids.stream().distinct().count(), pids.toString());
  }
}
