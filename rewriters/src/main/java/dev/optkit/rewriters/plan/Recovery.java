package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.io.Hashes;
import dev.optkit.analyzers.io.AtomicFile;
import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What every migrate command does first: finds migrations and undos that a kill, a crash or a full
 * disk cut short, and converges the project to a state a command could have left: an apply cut short
 * is rolled back (files still as migrated get their original bytes, created files go), an undo cut
 * short is finished, a journal whose plan was never completely recorded is removed (no project file
 * was written before it was), and the temporary files of interrupted atomic writes are deleted.
 * A journal optkit cannot trust (a link, a malformed or doctored file) is moved aside to
 * {@code .optkit/quarantine/}, named in the report, and blocks nothing.
 */
public final class Recovery {
  private Recovery() {}

  /**
   * Repairs what it finds and says what it did, one line per migration; empty when there was nothing.
   * Call it holding the {@link MigrationLock}: a migration in progress looks exactly like an interrupted one.
   *
   * @throws StateFileException when {@code .optkit} or {@code .optkit/migrations} itself is a link
   *     or a file: nothing under it can be trusted or moved aside
   */
  public static List<String> run(Path root) throws IOException {
    List<String> report = new ArrayList<>();
    StateDirectory state = Journal.stateOf(root);
    Path migrations = Journal.migrations(root);
    if (!state.isDirectory(migrations)) {
      return report;
    }
    for (Path directory : state.list(migrations)) {
      String id = directory.getFileName().toString();
      if (!Journal.isPlainId(id)) {
        continue; // the lock, and names optkit never gives a migration
      }
      try {
        if (!state.isDirectory(directory)) {
          throw new StateFileException(state.shown(directory), "not a migration's folder");
        }
        recover(root, state, directory, id, report);
      } catch (StateFileException e) {
        Path aside = state.quarantine(directory);
        report.add("moved migration " + id + " aside to " + state.shown(aside) + ", which optkit cannot trust: "
            + e.getFile() + ": " + e.problem() + " (the project's files were left as they are)");
      }
    }
    return report;
  }

  private static void recover(Path root, StateDirectory state, Path directory, String id, List<String> report)
      throws IOException {
    // the state is written after the journal, and before the first project file: without it nothing was written
    if (!state.isFile(directory.resolve(Journal.FILE)) || !state.isFile(directory.resolve(Journal.STATE))) {
      state.delete(directory);
      report.add("removed the journal of migration " + id + ", cut short before any file was written");
      return;
    }
    Journal journal = Journal.read(root, id);
    Journal.State recorded = Journal.state(root, id);
    if (recorded == Journal.State.APPLYING || recorded == Journal.State.UNDOING) {
      for (Journal.Entry entry : journal.files()) {
        removeTemporaries(Journal.inside(root, entry.path()));
      }
    }
    if (recorded == Journal.State.APPLYING) {
      report.add("rolled back migration " + id + ", cut short while applying: " + rollBack(root, journal));
    } else if (recorded == Journal.State.UNDOING) {
      try {
        List<String> restored = Migrator.finishUndo(root, id);
        report.add("finished undoing migration " + id + ", cut short while undoing"
            + (restored.isEmpty() ? "" : ": restored " + String.join(", ", restored)));
      } catch (Migrator.Refused e) {
        report.add("could not finish undoing migration " + id + ": " + e.getMessage());
      }
    }
  }

  /**
   * Puts back every file the cut-short apply wrote. A file that is neither as before nor as
   * migrated was torn by something optkit could not see (or edited meanwhile): it is left as it is,
   * named, with the command that restores its original.
   */
  private static String rollBack(Path root, Journal journal) throws IOException {
    // everything is read and checked before the first file is written: a bad copy moves the journal
    // aside with the project as it was, never half rolled back
    java.util.Map<Path, byte[]> putBack = new java.util.LinkedHashMap<>();
    List<String> restored = new ArrayList<>();
    List<String> neither = new ArrayList<>();
    for (Journal.Entry entry : journal.files()) {
      Path file = Journal.inside(root, entry.path());
      String current = Journal.current(file, entry.path()).map(Hashes::sha256).orElse(null);
      if (Objects.equals(current, entry.sha256Before())) {
        continue;
      }
      if (!entry.sha256After().equals(current)) {
        neither.add(entry.path());
        continue;
      }
      putBack.put(file, entry.sha256Before() == null ? null
          : journal.copy(root, journal.original(root, entry.path()), entry.sha256Before())
              .orElseThrow(() -> new StateFileException(entry.path(), "has no original in the journal to roll back to")));
      restored.add(entry.path());
    }
    for (java.util.Map.Entry<Path, byte[]> file : putBack.entrySet()) {
      if (file.getValue() == null) {
        Files.deleteIfExists(file.getKey());
      } else {
        AtomicFile.replace(file.getKey(), file.getValue());
      }
    }
    Journal.writeState(root, journal.id(), Journal.State.ROLLED_BACK);
    return (restored.isEmpty() ? "no file had been written" : "restored " + String.join(", ", restored))
        + (neither.isEmpty() ? "" : "; " + String.join(", ", neither) + (neither.size() == 1 ? " matches" : " match")
            + " neither its original nor its migrated bytes (torn by a failed write, or edited since) and "
            + (neither.size() == 1 ? "was" : "were") + " left as it is; to restore the original, run: optkit migrate "
            + root + " --undo " + journal.id() + " --force");
  }

  /** Temporary files an interrupted atomic write of {@code file} left beside it. */
  private static void removeTemporaries(Path file) throws IOException {
    Path directory = file.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      return;
    }
    String name = file.getFileName().toString();
    try (Stream<Path> siblings = Files.list(directory)) {
      for (Path sibling : siblings.toList()) {
        if (AtomicFile.isTemporaryOf(name, sibling.getFileName().toString())
            && Files.isRegularFile(sibling, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(sibling);
        }
      }
    }
  }
}
