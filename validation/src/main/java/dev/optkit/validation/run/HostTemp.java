package dev.optkit.validation.run;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A host JVM's temporary folder, inside the run's folder: its {@code java.io.tmpdir} and its JMH forks'.
 * JMH takes its lock on {@code java.io.tmpdir/jmh.lock} and refuses to run while another process holds
 * it; with the machine's shared temporary directory, any other JMH run (another validate, a project's
 * own benchmarks) made a scenario fail. One folder per host also means every file JMH leaves (its lock,
 * compiler hints, fork output of a fork that was killed) is removed with the folder.
 */
final class HostTemp {
  private HostTemp() {
  }

  static Path create(Path runDir, String label, String scenario) throws IOException {
    // mkdir, not mkdirs: fails on anything already there, a planted link included
    return Files.createDirectory(runDir.toAbsolutePath().resolve(label + "-" + scenario + "-tmp"));
  }

  /**
   * Deletes the folder and what is in it; links are deleted, never followed. With {@code failed}, the
   * run's own failure, a problem deleting is added to it rather than hiding it.
   */
  static void delete(Path folder, Throwable failed) throws IOException {
    try {
      deleteTree(folder);
    } catch (IOException e) {
      if (failed == null) {
        throw new IOException("cannot remove the host's temporary folder " + folder + ": " + e.getMessage(), e);
      }
      failed.addSuppressed(e);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE; // a fork's deleteOnExit raced us
        }
        throw e;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.deleteIfExists(directory);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
