package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.io.AtomicFile;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.Journal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.rewriters.plan.Migrator;
import dev.optkit.rewriters.plan.Recovery;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while a migration is written: every write either lands whole or fails, and
 * the project is left original or completely migrated, byte for byte, by the failed command or by
 * the next one. The file system is stubbed at the channel every write goes through (short writes,
 * then "No space left on device"); {@link TmpfsFullDiskTest} does the same on a real tmpfs.
 */
class FullDiskTest {
  @TempDir Path dir;

  @AfterEach
  void unhook() {
    AtomicFile.hookChannelsForTests(java.util.function.UnaryOperator.identity());
  }

  /** A channel that writes at most {@code chunk} bytes a call, and fails once {@code budget} bytes were written in all. */
  private static java.util.function.UnaryOperator<WritableByteChannel> disk(int chunk, AtomicLong budget) {
    return channel -> new WritableByteChannel() {
      @Override
      public int write(ByteBuffer source) throws IOException {
        if (budget.get() <= 0) {
          throw new IOException("No space left on device");
        }
        int n = (int) Math.min(Math.min(chunk, source.remaining()), budget.get());
        ByteBuffer slice = source.slice().limit(n);
        int written = channel.write(slice);
        source.position(source.position() + written);
        budget.addAndGet(-written);
        return written;
      }

      @Override
      public boolean isOpen() {
        return channel.isOpen();
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  private static Map<String, byte[]> tree(Path root) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(path).toString();
        if (!relative.startsWith(".optkit")) {
          files.put(relative, Files.readAllBytes(path));
        }
      }
    }
    return files;
  }

  private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
    return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
  }

  @Test
  void shortWritesAreContinuedAndTheMigrationLandsWhole() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("project")).java(MigrationFixture.NAMES_SERVICE).plan();
    AtomicFile.hookChannelsForTests(disk(7, new AtomicLong(Long.MAX_VALUE)));
    Migrator.apply(plan, "test", null);
    for (FileChange change : plan.changes()) {
      assertEquals(new String(change.after()), Files.readString(plan.root().resolve(change.path())), change.path());
    }
  }

  @Test
  void aDiskThatFillsAtAnyByteLeavesTheTreeOriginalOrComplete() throws Exception {
    Path project = dir.resolve("project");
    MigrationPlan plan = new MigrationFixture(project).java(MigrationFixture.NAMES_SERVICE).plan();
    Map<String, byte[]> original = tree(project);
    long total = 0;
    for (FileChange change : plan.changes()) {
      total += (change.before() == null ? 0 : change.before().length) + 2L * change.after().length;
    }
    int failures = 0;
    for (long budget = 0; budget < total + 2_000; budget += Math.max(1, total / 40)) {
      AtomicFile.hookChannelsForTests(disk(4096, new AtomicLong(budget)));
      try {
        Migrator.apply(plan, "test", null);
        AtomicFile.hookChannelsForTests(java.util.function.UnaryOperator.identity());
        Map<String, byte[]> migrated = tree(project);
        for (FileChange change : plan.changes()) {
          assertTrue(Arrays.equals(change.after(), migrated.get(change.path())), budget + ": " + change.path());
        }
        Migrator.undo(project, Journal.latestApplied(project).orElseThrow(), false);
      } catch (Migrator.WriteFailed e) {
        failures++;
        AtomicFile.hookChannelsForTests(java.util.function.UnaryOperator.identity());
        if (e.getMessage().contains("nor put back")) {
          // the disk stayed full while it put files back: the next command does it, once there is space
          assertTrue(e.getMessage().contains("--repair"), e.getMessage());
          assertTrue(Recovery.run(project).get(0).startsWith("rolled back migration"), budget + ": " + e.getMessage());
        } else {
          assertTrue(same(original, tree(project)), budget + ": the failed command put the tree back: " + e.getMessage());
          for (String line : Recovery.run(project)) {
            assertTrue(line.contains("no file had been written"), budget + ": nothing half-done: " + line);
          }
        }
      }
      assertTrue(same(original, tree(project)), budget + ": original again");
    }
    assertTrue(failures > 10, "the disk filled at many points: " + failures);
  }
}
