package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code migrate --apply} and {@code migrate --undo} with SIGKILL at random moments (seeded) in
 * a subprocess, then runs the next migrate command, and checks the sample converged to the original
 * or to the complete migration, byte for byte, with no temporary file left.
 */
class InterruptedMigrationTest {
  private static final int APPLY_KILLS = 10;
  private static final int UNDO_KILLS = 6;
  /** Slows each file write (test hook) so that kills land between writes, not only before or after. */
  private static final long WRITE_DELAY_MILLIS = 120;

  @TempDir Path dir;

  @Test
  void killedApplyAndUndoAlwaysConvergeToOriginalOrMigrated() throws Exception {
    Path reference = copySample("reference");
    Map<String, byte[]> original = snapshot(reference);
    long started = System.nanoTime();
    Process full = optkit(reference, "--apply");
    assertEquals(0, full.waitFor(), output(full));
    long applyMillis = (System.nanoTime() - started) / 1_000_000;
    Map<String, byte[]> migrated = snapshot(reference);
    assertTrue(!migrated.equals(original) && migrated.size() > original.size(), "the reference run migrated");

    // applied once; every undo below starts from a copy of this tree, its journal included
    Path applied = copySample("applied");
    CliRun appliedRun = CliRun.of("migrate", applied.toString(), "--apply", "--no-maven-repo", "--allow-dirty");
    Matcher appliedId = Pattern.compile("Applied migration (\\S+):").matcher(appliedRun.out());
    assertTrue(appliedId.find(), appliedRun.out() + appliedRun.err());
    String migrationId = appliedId.group(1);
    assertTrue(same(snapshot(applied), migrated), "the in-process apply migrated as the forked one did");
    Path undoReference = copyTree(applied, dir.resolve("undo-reference"));
    started = System.nanoTime();
    Process fullUndo = optkit(undoReference, "--undo", migrationId);
    assertEquals(0, fullUndo.waitFor(), output(fullUndo));
    long undoMillis = (System.nanoTime() - started) / 1_000_000;

    Random random = new Random(20261122);
    int toOriginal = 0;
    int toMigrated = 0;
    int midWrite = 0;
    for (int i = 0; i < APPLY_KILLS; i++) {
      Path project = copySample("apply" + i);
      Process apply = optkit(project, "--apply");
      long killAt = killWhen(apply, project, "APPLYING", applyMillis, random);
      CliRun next = CliRun.of("migrate", project.toString(), "--no-maven-repo", "--allow-dirty");
      assertTrue(next.exitCode() == 0, next.err());
      midWrite += next.err().contains("cut short while applying: restored") ? 1 : 0;
      Map<String, byte[]> after = snapshot(project);
      boolean isOriginal = same(after, original);
      boolean isMigrated = same(after, migrated);
      assertTrue(isOriginal || isMigrated, "kill " + i + " at " + killAt + " ms left a mixed tree: " + difference(after,
          original, migrated) + "\n" + next.err());
      toOriginal += isOriginal ? 1 : 0;
      toMigrated += isMigrated ? 1 : 0;
    }
    int undoneFully = 0;
    int undoStillMigrated = 0;
    int undoMidWrite = 0;
    for (int i = 0; i < UNDO_KILLS; i++) {
      Path project = copyTree(applied, dir.resolve("undo" + i));
      Process undo = optkit(project, "--undo", migrationId);
      killWhen(undo, project, "UNDOING", undoMillis, random);
      CliRun next = CliRun.of("migrate", project.toString(), "--no-maven-repo", "--allow-dirty");
      assertEquals(0, next.exitCode(), next.err());
      undoMidWrite += next.err().contains("cut short while undoing") ? 1 : 0;
      Map<String, byte[]> after = snapshot(project);
      boolean isOriginal = same(after, original);
      assertTrue(isOriginal || same(after, migrated), "undo kill " + i + " left a mixed tree: "
          + difference(after, original, migrated) + "\n" + next.err());
      undoneFully += isOriginal ? 1 : 0;
      undoStillMigrated += isOriginal ? 0 : 1;
    }
    System.out.printf("interrupted apply: %d kills (%d between file writes), %d back to the original, %d completed; "
        + "interrupted undo: %d kills (%d between file writes), %d undone, %d still migrated%n", APPLY_KILLS, midWrite,
        toOriginal, toMigrated, UNDO_KILLS, undoMidWrite, undoneFully, undoStillMigrated);
    assertTrue(midWrite > 0 && undoMidWrite > 0, "some kills landed between two file writes: " + midWrite + ", "
        + undoMidWrite);
  }

  /**
   * Kills the run at a random moment: two in three times shortly after the journal says {@code state}
   * (so between file writes, whatever the machine's speed), else anywhere in a normal run's duration.
   *
   * @return when it was killed, in milliseconds after the wait began
   */
  private static long killWhen(Process process, Path project, String state, long runMillis, Random random)
      throws Exception {
    long begin = System.nanoTime();
    if (random.nextInt(3) < 2) {
      while (process.isAlive() && !inState(project, state)) {
        Thread.sleep(2);
      }
      Thread.sleep(random.nextInt((int) (WRITE_DELAY_MILLIS * 4)));
    } else {
      process.waitFor((long) (runMillis * random.nextDouble() * 1.2), TimeUnit.MILLISECONDS);
    }
    if (process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
    return (System.nanoTime() - begin) / 1_000_000;
  }

  private static boolean inState(Path project, String state) throws IOException {
    Path migrations = project.resolve(".optkit/migrations");
    if (!Files.isDirectory(migrations)) {
      return false;
    }
    try (Stream<Path> journals = Files.list(migrations)) {
      for (Path journal : journals.toList()) {
        String id = journal.getFileName().toString();
        if (Files.isRegularFile(journal.resolve("state")) && dev.optkit.rewriters.plan.Journal.isPlainId(id)) {
          try {
            if (dev.optkit.rewriters.plan.Journal.state(project, id).name().equals(state)) {
              return true;
            }
          } catch (IOException e) {
            // a state being written: not there yet
          }
        }
      }
    }
    return false;
  }

  private Process optkit(Path project, String... args) throws IOException {
    // C1 only and the serial collector: a short-lived CLI run starts sooner (the kills are timed against its own
    // reference run, made the same way)
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Doptkit.test.writeDelayMillis=" + WRITE_DELAY_MILLIS,
        "-cp", System.getProperty("java.class.path"),
        "dev.optkit.cli.Main", "migrate", project.toString(), "--no-maven-repo", "--allow-dirty"));
    command.addAll(Arrays.asList(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("last-run.log").toFile()).start();
  }

  private String output(Process process) throws IOException {
    return Files.readString(dir.resolve("last-run.log"));
  }

  /**
   * A project tree copied whole, optkit's state (the journal) included, into {@code to} beside the parent poms.
   *
   * @return the copy's project directory
   */
  private Path copyTree(Path project, Path to) throws IOException {
    Path root = project.getParent().getParent(); // the sample's copy: ROOT/samples/plain-java-service
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path source : walk.toList()) {
        Path destination = to.resolve(root.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(source, destination);
        }
      }
    }
    return to.resolve(root.relativize(project).toString());
  }

  private Path copySample(String name) throws IOException {
    Path project = dir.resolve(name).resolve("samples/plain-java-service");
    Path repo = CliRun.repoRoot();
    Files.createDirectories(project);
    Files.copy(repo.resolve("pom.xml"), dir.resolve(name).resolve("pom.xml"));
    Files.copy(repo.resolve("samples/pom.xml"), dir.resolve(name).resolve("samples/pom.xml"));
    Path from = repo.resolve("samples/plain-java-service");
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        String relative = from.relativize(source).toString();
        if (relative.startsWith("target") || relative.startsWith(".optkit")) {
          continue;
        }
        Path destination = project.resolve(relative);
        if (Files.isDirectory(source)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(source, destination);
        }
      }
    }
    return project;
  }

  /** Every file but optkit's own state, by relative path; temporary files count, so leftovers fail. */
  private static Map<String, byte[]> snapshot(Path project) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(project)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = project.relativize(file).toString();
        if (!relative.startsWith(".optkit")) {
          files.put(relative, Files.readAllBytes(file));
        }
      }
    }
    return files;
  }

  private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
    return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
  }

  private static String difference(Map<String, byte[]> now, Map<String, byte[]> original, Map<String, byte[]> migrated) {
    List<String> differs = new ArrayList<>();
    for (String key : new java.util.TreeSet<>(now.keySet())) {
      boolean asOriginal = original.containsKey(key) && Arrays.equals(now.get(key), original.get(key));
      boolean asMigrated = migrated.containsKey(key) && Arrays.equals(now.get(key), migrated.get(key));
      differs.add(key + (asOriginal && asMigrated ? "" : asOriginal ? " (original)" : asMigrated ? " (migrated)" : " (neither)"));
    }
    return String.join(", ", differs);
  }
}
