package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.Hashes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What every migrate command does first: finds migrations and undos that a kill, a crash or a full
 * disk cut short, and converges the project to a state a command could have left: an apply cut short
 * is rolled back (files still as migrated get their original bytes, created files go), an undo cut
 * short is finished, a journal whose plan was never completely recorded is removed (no project file
 * was written before it was), and the temporary files of interrupted atomic writes are deleted.
 */
public final class Recovery {
  private static final String TEMPORARY_SUFFIX = ".optkit-tmp";

  private Recovery() {}

  /**
   * Repairs what it finds and says what it did, one line per migration; empty when there was nothing.
   * Call it holding the {@link MigrationLock}: a migration in progress looks exactly like an interrupted one.
   */
  public static List<String> run(Path root) throws IOException {
    List<String> report = new ArrayList<>();
    Path migrations = root.resolve(Journal.DIRECTORY);
    if (!Files.isDirectory(migrations) || Files.isSymbolicLink(migrations)) {
      return report;
    }
    List<Path> directories = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(migrations)) {
      entries.forEach(directories::add);
    }
    directories.sort(Comparator.naturalOrder());
    for (Path directory : directories) {
      String id = directory.getFileName().toString();
      if (!Journal.isPlainId(id) || id.startsWith(".") || !Files.isDirectory(directory) || Files.isSymbolicLink(directory)) {
        continue;
      }
      if (!Files.isRegularFile(directory.resolve(Journal.FILE)) || !Files.isRegularFile(directory.resolve(Journal.STATE))
          && !Files.exists(directory.resolve(Journal.LEGACY_UNDONE)) && isNewFormat(directory)) {
        deleteTree(directory);
        report.add("removed the journal of migration " + id + ", cut short before any file was written");
        continue;
      }
      Journal.State state = Journal.state(root, id);
      if (state == Journal.State.APPLYING || state == Journal.State.UNDOING) {
        for (Journal.Entry entry : Journal.read(root, id).files()) {
          removeTemporaries(Journal.inside(root, entry.path()));
        }
      }
      if (state == Journal.State.APPLYING) {
        report.add("rolled back migration " + id + ", cut short while applying: " + rollBack(root, id));
      } else if (state == Journal.State.UNDOING) {
        try {
          List<String> restored = Migrator.finishUndo(root, id);
          report.add("finished undoing migration " + id + ", cut short while undoing"
              + (restored.isEmpty() ? "" : ": restored " + String.join(", ", restored)));
        } catch (Migrator.Refused e) {
          report.add("could not finish undoing migration " + id + ": " + e.getMessage());
        }
      }
    }
    return report;
  }

  /** Journals of this version record migrated copies; older ones are complete once journal.json exists. */
  private static boolean isNewFormat(Path directory) {
    return Files.isDirectory(directory.resolve(Journal.MIGRATED));
  }

  private static String rollBack(Path root, String id) throws IOException {
    Journal journal = Journal.read(root, id);
    List<String> restored = new ArrayList<>();
    List<String> leftAlone = new ArrayList<>();
    for (Journal.Entry entry : journal.files()) {
      Path file = Journal.inside(root, entry.path());
      String current = Files.exists(file) ? Hashes.sha256(Files.readAllBytes(file)) : null;
      if (Objects.equals(current, entry.sha256Before())) {
        continue;
      }
      if (!entry.sha256After().equals(current)) {
        leftAlone.add(entry.path());
        continue;
      }
      if (entry.sha256Before() == null) {
        Files.deleteIfExists(file);
      } else {
        dev.optkit.analyzers.io.AtomicFile.write(file, Files.readAllBytes(journal.original(root, entry.path())));
      }
      restored.add(entry.path());
    }
    Journal.writeState(root, id, Journal.State.ROLLED_BACK);
    return (restored.isEmpty() ? "no file had been written" : "restored " + String.join(", ", restored))
        + (leftAlone.isEmpty() ? "" : "; edited since, left as they are: " + String.join(", ", leftAlone));
  }

  /** Temporary files an interrupted atomic write of {@code file} left beside it. */
  private static void removeTemporaries(Path file) throws IOException {
    Path directory = file.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      return;
    }
    String prefix = "." + file.getFileName() + ".";
    try (Stream<Path> siblings = Files.list(directory)) {
      for (Path sibling : siblings.toList()) {
        String name = sibling.getFileName().toString();
        if (name.startsWith(prefix) && name.endsWith(TEMPORARY_SUFFIX) && Files.isRegularFile(sibling)) {
          Files.deleteIfExists(sibling);
        }
      }
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
