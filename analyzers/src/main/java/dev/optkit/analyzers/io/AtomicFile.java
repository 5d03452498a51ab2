package dev.optkit.analyzers.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writes a file so that at every moment it is either wholly old or wholly new: the bytes go to a
 * temporary file in the same directory, which then replaces the target by an atomic rename. The
 * target's permissions are carried over.
 */
public final class AtomicFile {
  private AtomicFile() {}

  public static void write(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Files.createDirectories(directory);
    Set<PosixFilePermission> permissions = null;
    if (Files.exists(absolute) && Files.getFileAttributeView(absolute, PosixFileAttributeView.class) != null) {
      permissions = Files.getPosixFilePermissions(absolute);
    }
    Path temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".optkit-tmp");
    try {
      try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(temporary,
          java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(java.nio.ByteBuffer.wrap(content));
        channel.force(true); // the bytes are on disk before the rename makes them the file
      }
      if (permissions != null) {
        Files.setPosixFilePermissions(temporary, permissions);
      } else if (Files.getFileAttributeView(temporary, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(temporary, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
