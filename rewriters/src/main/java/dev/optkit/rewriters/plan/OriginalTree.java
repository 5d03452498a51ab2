package dev.optkit.rewriters.plan;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * The project as it was before a migration, rebuilt in another directory from the journal's
 * originals: what {@code optkit validate --baseline-journal} measures against. The project itself
 * is only read.
 */
public final class OriginalTree {
  private static final Set<String> SKIPPED = Set.of(".optkit", ".git", "target", "build", ".gradle");

  private OriginalTree() {
  }

  public static void materialize(Path root, String id, Path copy) throws IOException {
    Journal journal = Journal.read(root, id);
    copyProject(root, copy);
    for (Journal.Entry entry : journal.files()) {
      Path target = Journal.inside(copy, entry.path());
      if (entry.sha256Before() == null) {
        Files.deleteIfExists(target); // the migration created it
      } else {
        Files.createDirectories(target.getParent());
        // read without following links, and checked against the journal's hash
        byte[] original = journal.copy(root, journal.original(root, entry.path()), entry.sha256Before()).orElseThrow(() ->
            new java.nio.file.NoSuchFileException("the journal of migration " + id + " has no copy of " + entry.path()));
        Files.write(target, original);
      }
    }
  }

  private static void copyProject(Path root, Path copy) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (!dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(copy.resolve(root.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isRegularFile()) {
          Files.copy(file, copy.resolve(root.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
