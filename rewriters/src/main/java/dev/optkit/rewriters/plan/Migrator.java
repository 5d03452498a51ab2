package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.findings.Finding;

import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.analyzers.io.AtomicFile;
import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateFileException;
import dev.optkit.analyzers.io.Hashes;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Applies a migration plan (journal first, then one atomic write per file) and undoes one (each
 * file back to its original bytes, refusing files edited since unless forced).
 */
public final class Migrator {

  /** Thrown when a migration must not proceed; the message says why and nothing was written. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message);
    }
  }

  private Migrator() {}

  /** Files the plan would write that have uncommitted changes in git (empty outside a git work tree). */
  public static List<String> dirtyFiles(MigrationPlan plan) {
    List<String> paths = plan.changes().stream().filter(c -> !c.created()).map(FileChange::path).toList();
    if (paths.isEmpty()) {
      return List.of();
    }
    List<String> command = new ArrayList<>(List.of("git", "status", "--porcelain", "--"));
    command.addAll(paths);
    try {
      Process process = new ProcessBuilder(command).directory(plan.root().toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return List.of(); // not a git work tree: nothing to protect against
      }
      List<String> dirty = new ArrayList<>();
      for (String line : output.split("\n")) {
        if (line.length() > 3) {
          dirty.add(line.substring(3).trim());
        }
      }
      return dirty;
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** Thrown when a write failed and what was written was put back; the message gives the cause. */
  public static final class WriteFailed extends IOException {
    WriteFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Test hook only: sleep this long between two file writes, so a test can kill a run midway. */
  private static final long WRITE_DELAY_MILLIS = Long.getLong("optkit.test.writeDelayMillis", 0L);

  /**
   * Writes the plan, all or nothing as any later command sees it: checks first that every file is
   * still as planned; records the whole plan (original and migrated bytes of every file) in the
   * journal and marks it {@code APPLYING} before the first project file is written; replaces each
   * file atomically; then marks it {@code APPLIED}. A write that fails puts back every file already
   * written; a run killed midway is rolled back by the next migrate command ({@link Recovery}).
   */
  public static Journal apply(MigrationPlan plan, String optkitVersion, String configText) throws IOException, Refused {
    for (FileChange change : plan.changes()) {
      Path file = Journal.inside(plan.root(), change.path());
      if (change.created() && Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new Refused(change.path() + " already exists; optkit will not overwrite it: move it away (or merge it into your own code and delete it), then run migrate again");
      }
      if (!change.created() && (!Files.isRegularFile(file)
          || !Hashes.sha256(Files.readAllBytes(file)).equals(Hashes.sha256(change.before())))) {
        throw new Refused(change.path() + " changed since the migration was planned; run migrate again");
      }
    }
    Path root = plan.root();
    requireFreeSpace(plan);
    String id = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
        + Hashes.sha256((System.nanoTime() + "/" + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)).substring(0, 6);
    List<Journal.Entry> entries = new ArrayList<>();
    for (FileChange change : plan.changes()) {
      entries.add(new Journal.Entry(change.path(), change.before() == null ? null : Hashes.sha256(change.before()),
          Hashes.sha256(change.after())));
    }
    List<String> cached = new ArrayList<>(plan.targets().stream().map(Migrator::describe).toList());
    plan.loops().forEach(loop -> cached.add("loop: " + loop.describe()));
    List<String> refused = plan.refusals().stream().map(Migrator::describe).toList();
    Journal journal = new Journal(id, optkitVersion, configText, entries, cached, refused);
    StateDirectory state = Journal.stateOf(root);
    try {
      for (FileChange change : plan.changes()) {
        if (change.before() != null) {
          state.write(journal.original(root, change.path()), change.before());
        }
        state.write(journal.migrated(root, change.path()), change.after());
      }
      journal.write(root);
      Journal.writeState(root, id, Journal.State.APPLYING);
    } catch (StateFileException e) {
      throw e;
    } catch (IOException e) {
      state.delete(Journal.directory(root, id)); // not one project file was written: the journal goes too
      throw new WriteFailed("could not record the migration in " + Journal.DIRECTORY + " (" + e.getMessage()
          + "); no project file was written", e);
    }
    List<FileChange> written = new ArrayList<>();
    try {
      for (FileChange change : plan.changes()) {
        pauseForTests();
        Path file = Journal.inside(root, change.path()); // no link on the way: its folders are the project's own
        Files.createDirectories(file.getParent());
        AtomicFile.replace(file, change.after());
        written.add(change);
      }
      Journal.writeState(root, id, Journal.State.APPLIED);
    } catch (IOException e) {
      // a command that fails leaves the project as it found it, even when only the last state could not be written
      String failed = written.size() < plan.changes().size() ? plan.changes().get(written.size()).path()
          : "the journal's state (" + Journal.DIRECTORY + "/" + id + ")";
      List<String> notPutBack = putBack(root, written);
      if (!notPutBack.isEmpty()) {
        // the journal still says APPLYING: the next migrate command rolls back what is left
        throw new WriteFailed("could not write " + failed + " (" + e.getMessage() + "), nor put back "
            + String.join(", ", notPutBack) + "; free some space and run: optkit migrate " + root + " --repair", e);
      }
      try {
        Journal.writeState(root, id, Journal.State.ROLLED_BACK);
      } catch (IOException stillFull) {
        // APPLYING with every file as before: the next command's recovery finds nothing to put back
      }
      throw new WriteFailed("could not write " + failed + " (" + e.getMessage()
          + "); every file already written was put back", e);
    }
    return journal;
  }

  /** Puts the written files back as they were; the paths it could not put back. */
  private static List<String> putBack(Path root, List<FileChange> written) {
    List<String> failed = new ArrayList<>();
    for (FileChange change : written) {
      try {
        Path file = Journal.inside(root, change.path());
        if (change.created()) {
          Files.deleteIfExists(file);
          removeEmptyFolders(root, file.getParent());
        } else {
          AtomicFile.replace(file, change.before());
        }
      } catch (IOException e) {
        failed.add(change.path());
      }
    }
    return failed;
  }

  /** Room for the margin a file system needs beyond the bytes: metadata, the journal, a rename's new blocks. */
  private static final long SPACE_MARGIN_BYTES = 1L << 20;

  /**
   * Refuses a migration the disk cannot hold: the journal's copies of every file (original and
   * migrated), and the new files, each written beside its old one before the rename, plus a margin.
   */
  private static void requireFreeSpace(MigrationPlan plan) throws IOException, Refused {
    long needed = SPACE_MARGIN_BYTES;
    for (FileChange change : plan.changes()) {
      needed += (change.before() == null ? 0 : change.before().length) + 2L * change.after().length;
    }
    long free = Files.getFileStore(plan.root()).getUsableSpace();
    if (free < needed) {
      throw new Refused("not enough free space for the migration: it needs " + needed + " bytes (the journal's copies, "
          + "the new files and a margin of " + SPACE_MARGIN_BYTES + "), and " + free + " are free on the project's disk");
    }
  }

  private static void pauseForTests() {
    if (WRITE_DELAY_MILLIS > 0) {
      try {
        Thread.sleep(WRITE_DELAY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Takes a migration out of the project. A file as the migration left it gets its original bytes
   * back; a file edited since gets the migration's change reversed as a patch, so unrelated edits
   * survive; a file whose migrated lines were changed is a conflict, refused (naming the hunk) unless
   * forced, which restores the original over the edits. Refuses ids that are not plain names,
   * journal paths that leave the project, and migrations already undone. Crash-safe: the journal
   * says {@code UNDOING} before the first write, and the next command finishes the undo.
   */
  public static List<String> undo(Path root, String id, boolean force) throws IOException, Refused {
    return undo(root, id, force, false);
  }

  /**
   * Finishes an undo that was cut short ({@code UNDOING}): files still as migrated are restored,
   * files already restored are left, and a file whose change no longer reverses cleanly (it was
   * reversed as a patch before the cut) is left as it is.
   */
  static List<String> finishUndo(Path root, String id) throws IOException, Refused {
    return undo(root, id, false, true);
  }

  private static List<String> undo(Path root, String id, boolean force, boolean finishing) throws IOException, Refused {
    if (!Journal.isPlainId(id)) {
      throw new Refused("'" + id + "' is not a migration id (letters, digits, '.', '_' and '-' only)");
    }
    Journal journal = Journal.read(root, id);
    Journal.State state = Journal.state(root, id);
    // a rolled-back migration can leave files it could not put back (torn, or edited while it ran): --force restores them
    if (state == Journal.State.UNDONE || state == Journal.State.ROLLED_BACK && !force) {
      throw new Refused("migration " + id + " was already " + (state == Journal.State.UNDONE ? "undone" : "rolled back"));
    }
    List<String> conflicts = new ArrayList<>();
    java.util.Map<String, byte[]> results = new java.util.LinkedHashMap<>();
    for (Journal.Entry entry : journal.files()) {
      Path file;
      try {
        file = Journal.inside(root, entry.path());
      } catch (IOException e) {
        throw new Refused(e.getMessage());
      }
      byte[] current = Journal.current(file, entry.path()).orElse(null);
      String currentHash = current == null ? null : Hashes.sha256(current);
      if (java.util.Objects.equals(currentHash, entry.sha256Before())) {
        continue; // already as before the migration
      }
      byte[] original = null;
      if (entry.sha256Before() != null) {
        original = journal.copy(root, journal.original(root, entry.path()), entry.sha256Before()).orElseThrow(() ->
            new Refused("the journal of migration " + id + " has no copy of " + entry.path() + "'s original"));
      }
      if (entry.sha256After().equals(currentHash) || force) {
        results.put(entry.path(), original);
        continue;
      }
      java.util.Optional<byte[]> migrated = current == null || original == null ? java.util.Optional.empty()
          : journal.copy(root, journal.migrated(root, entry.path()), entry.sha256After());
      if (migrated.isEmpty()) {
        conflicts.add(entry.path() + (current == null ? " was deleted since" : " was edited since"));
        continue;
      }
      try {
        results.put(entry.path(), UndoPatch.reverse(migrated.get(), original, current));
      } catch (UndoPatch.Conflict conflict) {
        conflicts.add(entry.path() + ": " + conflict.getMessage());
      }
    }
    if (!conflicts.isEmpty() && !finishing) {
      throw new Refused("edited since migration " + id + ": " + String.join("; ", conflicts)
          + " (use --force to restore the originals anyway, losing those edits)");
    }
    Journal.writeState(root, id, Journal.State.UNDOING);
    List<String> restored = new ArrayList<>();
    for (java.util.Map.Entry<String, byte[]> result : results.entrySet()) {
      Path file = Journal.inside(root, result.getKey());
      pauseForTests();
      if (result.getValue() == null) {
        if (Files.deleteIfExists(file)) {
          restored.add(result.getKey() + " (removed)");
          removeEmptyFolders(root, file.getParent());
        }
      } else {
        Files.createDirectories(file.getParent()); // its folder may have gone since; no link on the way (inside)
        AtomicFile.replace(file, result.getValue());
        restored.add(result.getKey());
      }
    }
    Journal.writeState(root, id, Journal.State.UNDONE);
    return restored;
  }

  /**
   * Removes a created file's folders that it leaves empty, up to (not including) the project's root: the migration
   * made them (src/test/resources/META-INF/optkit for the test marker), and undo leaves the tree as it found it. A
   * folder with anything in it stays, and so does one that cannot be removed.
   */
  private static void removeEmptyFolders(Path root, Path folder) {
    Path top = root.toAbsolutePath().normalize();
    for (Path at = folder.toAbsolutePath().normalize(); at.startsWith(top) && !at.equals(top); at = at.getParent()) {
      try (java.util.stream.Stream<Path> entries = Files.list(at)) {
        if (entries.findAny().isPresent()) {
          return;
        }
        Files.delete(at);
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Runs the project's build command in the project; true when it succeeds. */
  public static VerifyResult verify(Path root, String command) throws IOException {
    Process process = new ProcessBuilder("sh", "-c", command).directory(root.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return new VerifyResult(false, output + "\n(interrupted)");
    }
    return new VerifyResult(process.exitValue() == 0, output);
  }

  /** The outcome of --verify. */
  public record VerifyResult(boolean success, String output) {}

  static String describe(CachingTarget target) {
    return target.method().fact().ownerType() + "." + target.method().fact().name() + " (" + target.form().name().toLowerCase()
        + ", " + target.cacheName() + ")";
  }

  /** The refused finding's method and the reason; a finding of no method (a schema's foreign key) by its place. */
  public static String describe(Refusal refusal) {
    Finding finding = refusal.finding();
    return (finding.enclosingMethod() == null ? finding.path() + ":" + finding.line()
        : finding.enclosingClass() + "." + finding.enclosingMethod()) + ": " + refusal.reason();
  }

}
