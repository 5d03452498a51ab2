package dev.optkit.analyzers.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The temporary files that killed writes ({@link AtomicFile#replace}) left in optkit's state, {@code .optkit/}, and
 * only those: regular files named {@code .<target>.<digits>.optkit-tmp}. Links are never followed nor removed,
 * quarantined folders are kept as they are for a human to look at. In {@code .optkit/} itself and in
 * {@code migrations/}, written only by a command holding the migration lock (or creating the folder's
 * {@code .gitignore}), every leftover goes; in the other folders (assess's caches, validate's runs, written without
 * that lock) only one older than a write in progress can be.
 */
public final class LeftoverTemporaries {
  /** How old a temporary file in an unlocked folder must be to be a leftover, not a write in progress. */
  static final long STALE_MILLIS = 10 * 60_000L;
  private static final String MIGRATIONS = "migrations";
  private static final String QUARANTINE = "quarantine";

  private LeftoverTemporaries() {}

  /** Removes them; the paths removed, as {@link StateDirectory#shown} shows them. Empty when there is no state. */
  public static List<String> remove(StateDirectory state) throws IOException {
    Path base = state.path();
    List<String> removed = new ArrayList<>();
    if (!state.isDirectory(base)) {
      return removed;
    }
    long staleBefore = System.currentTimeMillis() - STALE_MILLIS;
    Files.walkFileTree(base, new SimpleFileVisitor<>() { // links are not followed: visited as files, never entered
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return dir.equals(base.resolve(QUARANTINE)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        boolean locked = file.getParent().equals(base) || file.startsWith(base.resolve(MIGRATIONS));
        if (attrs.isRegularFile() && AtomicFile.isTemporary(file.getFileName().toString())
            && (locked || attrs.lastModifiedTime().toMillis() < staleBefore)) {
          Files.deleteIfExists(file);
          removed.add(state.shown(file));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        return FileVisitResult.CONTINUE; // an entry that cannot be read is not optkit's to remove
      }
    });
    return removed;
  }
}
