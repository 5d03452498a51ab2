package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.optkit.analyzers.io.AtomicFile;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.Journal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.rewriters.plan.Migrator;
import dev.optkit.rewriters.plan.Recovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full disk on a real file system: a small tmpfs, mounted where the test runs as root (as CI
 * does). A migration the disk cannot hold is refused before anything is written; a disk that fills
 * up between the check and the writes (another process) fails the write with the kernel's own
 * ENOSPC, and the tree is left original, byte for byte.
 */
class TmpfsFullDiskTest {
  @TempDir Path dir;
  private Path mount;

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
  }

  @BeforeEach
  void mountSmallTmpfs() throws Exception {
    mount = Files.createDirectories(dir.resolve("disk"));
    boolean mounted = "root".equals(System.getProperty("user.name"))
        && run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString());
    // CI runs as root and mounts it; elsewhere FullDiskTest's stubbed file system covers the same cases
    assumeTrue(mounted, "needs root and mount (CI has both)");
  }

  @AfterEach
  void unmount() throws Exception {
    AtomicFile.hookChannelsForTests(java.util.function.UnaryOperator.identity());
    if (mount != null) {
      run("umount", "-l", mount.toString());
    }
  }

  /** Fills the disk until at most {@code left} bytes are free. */
  private void fill(Path filler, long left) throws IOException {
    long free = Files.getFileStore(mount).getUsableSpace();
    byte[] block = new byte[4096];
    try (var out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND)) {
      for (long written = 0; written + left < free; written += block.length) {
        out.write(block);
      }
    } catch (IOException e) {
      // full: what was wanted
    }
  }

  @Test
  void aMigrationTheDiskCannotHoldIsRefusedAndOneThatFillsItMidwayIsPutBack() throws Exception {
    Path project = mount.resolve("project");
    MigrationPlan plan = new MigrationFixture(project).java(MigrationFixture.NAMES_SERVICE).plan();
    byte[] original = Files.readAllBytes(project.resolve("src/main/java/shop/Names.java"));
    Path filler = mount.resolve("filler");

    fill(filler, 64 * 1024);
    Migrator.Refused refused = org.junit.jupiter.api.Assertions.assertThrows(Migrator.Refused.class,
        () -> Migrator.apply(plan, "test", null));
    assertTrue(refused.getMessage().startsWith("not enough free space for the migration"), refused.getMessage());
    assertArrayEquals(original, Files.readAllBytes(project.resolve("src/main/java/shop/Names.java")));
    Files.delete(filler);

    // the disk fills while the migration is written: at the n-th file written, for every n
    for (int at = 1; ; at++) {
      AtomicInteger opened = new AtomicInteger();
      int fillAt = at;
      AtomicFile.hookChannelsForTests(channel -> {
        if (opened.incrementAndGet() == fillAt) {
          try {
            fill(filler, 0);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
        return channel;
      });
      try {
        Migrator.apply(plan, "test", null);
        AtomicFile.hookChannelsForTests(java.util.function.UnaryOperator.identity());
        for (FileChange change : plan.changes()) {
          assertArrayEquals(change.after(), Files.readAllBytes(project.resolve(change.path())), change.path());
        }
        assertTrue(at > plan.changes().size(), "the disk was full before the last write, yet it succeeded");
        break; // filled after the last write: the migration is whole
      } catch (Migrator.WriteFailed e) {
        AtomicFile.hookChannelsForTests(java.util.function.UnaryOperator.identity());
        Files.deleteIfExists(filler);
        // put back by the failed command, or by the next one when even that could not be written
        List<String> repaired = Recovery.run(project);
        assertArrayEquals(original, Files.readAllBytes(project.resolve("src/main/java/shop/Names.java")),
            at + ": " + e.getMessage() + " " + repaired);
        assertTrue(!Files.exists(project.resolve("src/main/java/shop/OptkitCaching.java")), at + ": " + e.getMessage());
        assertTrue(Journal.latestApplied(project).isEmpty(), "no migration left applied");
      }
      Files.deleteIfExists(filler);
      assertTrue(at < 50, "ends");
    }
    assertEquals(0, 0);
  }
}
