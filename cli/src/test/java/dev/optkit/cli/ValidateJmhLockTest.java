package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMH refuses to run while another process holds its lock, {@code java.io.tmpdir/jmh.lock}: with the
 * machine's shared temporary directory, any other JMH run beside validate ended its scenarios (exit 3).
 * Each host JVM now has a temporary folder of its own in the run's folder, removed afterwards.
 */
class ValidateJmhLockTest {
  @TempDir Path dir;

  @Test
  void aJmhLockHeldByAnotherProcessDoesNotStopARunAndNothingIsLeftBehind() throws Exception {
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
        scenarios: [{name: plain, method: get, calls: 10, args: [{range: [1, 5]}]}]
        """);
    // the lock every JMH run on this machine takes, held here: to the host JVM, another process holds it
    Path sharedLock = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
    CliRun run;
    try (FileChannel channel = FileChannel.open(sharedLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.tryLock()) {
      // null: a JMH run elsewhere on the machine holds it already, which is the same case
      run = CliRun.of("validate", project.toString(), "--baseline-only", "--quick", "--warmup", "0",
          "--iterations", "1");
    }
    assertEquals(0, run.exitCode(), run.out() + run.err());
    Path runs = project.resolve(".optkit/runs");
    Path runDir;
    try (Stream<Path> folders = Files.list(runs)) {
      runDir = folders.findFirst().orElseThrow();
    }
    JsonNode report = new ObjectMapper().readTree(runDir.resolve("report.json").toFile());
    JsonNode bench = report.path("scenarios").path(0).path("migrated").path("bench");
    assertTrue(bench.path("samples").asLong() > 0, "JMH ran and measured: " + bench);
    try (Stream<Path> left = Files.list(runDir)) {
      List<String> temporary = left.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-tmp")).toList();
      assertEquals(List.of(), temporary, "the host's temporary folder (its jmh.lock included) was removed");
    }
  }
}
