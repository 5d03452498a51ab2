package dev.optkit.validation.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  @TempDir Path dir;

  /**
   * A command that prints, then hangs with its output open (a build's test waiting on a socket): the limit
   * stops it and says where its output is. Before, the read of its output blocked until it ended by itself.
   */
  @Test
  void aCommandHangingWithItsOutputOpenIsStoppedAtTheLimit() throws Exception {
    Path log = dir.resolve("build.log");
    ValidationException stopped = assertThrows(ValidationException.class,
        () -> Commands.run(List.of("sh", "-c", "echo started; sleep 30"), dir, log, Duration.ofSeconds(1)));
    assertTrue(stopped.getMessage().contains("took over 1 s and was stopped; its output so far is in " + log),
        stopped.getMessage());
    assertTrue(Files.readString(log).contains("started"), Files.readString(log));
  }

  @Test
  void aCommandThatEndsGivesItsOutput() throws Exception {
    assertTrue(Commands.run(List.of("sh", "-c", "echo done"), dir, dir.resolve("log"), Duration.ofSeconds(30))
        .contains("done"));
  }

  /** A command writing to /dev/stdout by name (Maven's -Dmdep.outputFile=/dev/stdout) gives all of it. */
  @Test
  void aCommandWritingToDevStdoutByNameGivesAllOfIt() throws Exception {
    String printed = Commands.run(List.of("sh", "-c", "echo first; echo second > /dev/stdout"), dir, dir.resolve("log"),
        Duration.ofSeconds(30));
    assertTrue(printed.contains("first") && printed.contains("second"), printed);
  }
}
