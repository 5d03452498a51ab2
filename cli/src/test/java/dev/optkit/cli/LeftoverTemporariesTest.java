package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill mid-write leaves {@code .<name>.<digits>.optkit-tmp} in {@code .optkit/} (issue 66 item 8): {@code migrate
 * --repair}, and the recovery every migrate command with journals runs first, remove those and only those.
 */
class LeftoverTemporariesTest {
  @TempDir Path dir;
  private Path project;
  private Path state;

  @BeforeEach
  void project() throws IOException {
    project = dir.resolve("project");
    Path file = project.resolve("src/main/java/shop/Catalog.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "package shop;\n\npublic class Catalog {\n}\n");
    Files.writeString(project.resolve("pom.xml"), "<project/>\n");
    state = Files.createDirectories(project.resolve(".optkit"));
    Files.writeString(state.resolve(".gitignore"), "*\n");
  }

  private Path leftover(String relative) throws IOException {
    Path file = state.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "half a write");
    return file;
  }

  private static Path old(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    return file;
  }

  @Test
  void repairRemovesTheTemporariesOfKilledWritesAndNothingElse() throws IOException {
    Path ofIgnore = leftover("..gitignore.4432789012.optkit-tmp");
    Path ofCacheOld = old(leftover("cache/.facts-v5.smile.77.optkit-tmp"));
    Path ofCacheYoung = leftover("cache/.assessment-v1.smile.78.optkit-tmp"); // a write in progress, maybe
    Path quarantined = leftover("quarantine/m1-1/.journal.json.5.optkit-tmp");
    List<Path> notOptkits = List.of(leftover("notes.optkit-tmp"), leftover(".x.optkit-tmp"), leftover(".x.12a.optkit-tmp"),
        leftover("..12.optkit-tmp"), leftover("cache/facts-v5.smile"));
    Path outside = Files.writeString(dir.resolve("outside.txt"), "outside\n");
    Path link = Files.createSymbolicLink(state.resolve(".cache.9.optkit-tmp"), outside);
    Path folder = Files.createDirectories(state.resolve(".runs.10.optkit-tmp"));

    CliRun run = CliRun.of("migrate", project.toString(), "--repair");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertFalse(Files.exists(ofIgnore), run.err());
    assertFalse(Files.exists(ofCacheOld), "an old leftover in the cache goes too");
    assertTrue(Files.exists(ofCacheYoung), "a young one in a folder written without the lock may be a write in progress");
    assertTrue(Files.exists(quarantined), "quarantine is kept as it is");
    notOptkits.forEach(file -> assertTrue(Files.exists(file), file + " is not optkit's temporary file"));
    assertTrue(Files.isSymbolicLink(link) && Files.exists(outside), "a link is neither removed nor followed");
    assertTrue(Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS), "a folder is not a temporary file");
    assertTrue(run.err().contains(".optkit/..gitignore.4432789012.optkit-tmp"), "each removal is named: " + run.err());
  }

  @Test
  void theRecoveryEveryMigrateWithJournalsRunsRemovesThemToo() throws IOException {
    Files.createDirectories(state.resolve("migrations"));
    Path ofIgnore = leftover("..gitignore.12.optkit-tmp");
    Path ofJournal = leftover("migrations/..lock.34.optkit-tmp");

    CliRun dryRun = CliRun.of("migrate", project.toString(), "--no-maven-repo");

    assertEquals(0, dryRun.exitCode(), dryRun.out() + dryRun.err());
    assertFalse(Files.exists(ofIgnore), dryRun.err());
    assertFalse(Files.exists(ofJournal), dryRun.err());
  }

  @Test
  void aDryRunWithNoJournalsWritesNothingNotEvenARemoval() throws IOException {
    Path ofIgnore = leftover("..gitignore.12.optkit-tmp");

    CliRun dryRun = CliRun.of("migrate", project.toString(), "--no-maven-repo");

    assertEquals(0, dryRun.exitCode(), dryRun.out() + dryRun.err());
    assertTrue(Files.exists(ofIgnore), "left for --repair");
  }
}
