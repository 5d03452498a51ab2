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
 * target's permissions are carried over; a symbolic link is followed (the link stays), and a device
 * or a FIFO is written in place (renaming over {@code /dev/null}, as root, would replace the device).
 */
public final class AtomicFile {
  private AtomicFile() {}

  public static void write(Path target, byte[] content) throws IOException {
    Path absolute = linkTarget(target.toAbsolutePath());
    if (Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isDirectory(absolute)) {
      // a device or a FIFO (--output /dev/null, a pipe): written in place, never replaced by a file
      try (var out = Files.newOutputStream(absolute, java.nio.file.StandardOpenOption.WRITE)) {
        out.write(content);
      }
      return;
    }
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

  /** Where a symbolic link (or a chain of them) points: the link stays a link, its target gets the bytes. */
  private static Path linkTarget(Path path) throws IOException {
    Path current = path;
    for (int hops = 0; Files.isSymbolicLink(current); hops++) {
      if (hops == 40) {
        throw new IOException("too many levels of symbolic links: " + path);
      }
      current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
    }
    return current;
  }
}
