package dev.optkit.analyzers.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes a file so that at every moment it is either wholly old or wholly new: the bytes go to a
 * temporary file created exclusively in the same directory, every byte of them (a short write is
 * continued, never taken for the end), are forced to disk, and the temporary file then replaces the
 * target by an atomic rename, after which the directory is forced too. The target's permissions are
 * carried over.
 */
public final class AtomicFile {
  private static final String TEMPORARY_SUFFIX = ".optkit-tmp";

  /**
   * Test hook only: wraps the channel each write goes through, so a test can make a file system
   * return short writes or run out of space without mounting one.
   */
  private static volatile UnaryOperator<WritableByteChannel> channelHook = UnaryOperator.identity();

  private AtomicFile() {}

  /** Sets the test hook ({@link #channelHook}); identity puts it back. */
  public static void hookChannelsForTests(UnaryOperator<WritableByteChannel> hook) {
    channelHook = hook;
  }

  /**
   * Replaces a report or another file the user named: a symbolic link is followed (the link
   * stays, its target gets the bytes), and a device or a FIFO is written in place (renaming over
   * {@code /dev/null}, as root, would replace the device). No folder is made on the way: a missing
   * one fails the write (NoSuchFileException).
   */
  public static void write(Path target, byte[] content) throws IOException {
    Path absolute = linkTarget(target.toAbsolutePath());
    if (Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isDirectory(absolute)) {
      // a device or a FIFO (--output /dev/null, a pipe): written in place, never replaced by a file
      try (FileChannel channel = FileChannel.open(absolute, StandardOpenOption.WRITE)) {
        writeFully(channel, content);
      }
      return;
    }
    replace(absolute, content); // in a folder that exists: a missing one is the caller's error, never made here
  }

  /**
   * Replaces {@code target} itself, never what a link there names: the rename puts the new file
   * where the link was. For optkit's state and for project files, whose paths are checked first.
   */
  public static void replace(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Set<PosixFilePermission> permissions = null;
    if (Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)
        && Files.getFileAttributeView(absolute, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null) {
      permissions = Files.getPosixFilePermissions(absolute, LinkOption.NOFOLLOW_LINKS);
    }
    Path temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", TEMPORARY_SUFFIX);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
          LinkOption.NOFOLLOW_LINKS)) {
        writeFully(channelHook.apply(channel), content);
        channel.force(true); // the bytes are on disk before the rename makes them the file
      }
      if (permissions != null) {
        Files.setPosixFilePermissions(temporary, permissions);
      } else if (Files.getFileAttributeView(temporary, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory(directory);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Whether {@code name} is what an interrupted write of a file named {@code target} leaves beside it. */
  public static boolean isTemporaryOf(String target, String name) {
    return name.startsWith("." + target + ".") && name.endsWith(TEMPORARY_SUFFIX);
  }

  /**
   * Whether {@code name} is what an interrupted write of any file leaves: {@code .<target>.<digits>.optkit-tmp},
   * exactly the names {@link #replace} creates (the digits are the temporary file's random part).
   */
  public static boolean isTemporary(String name) {
    if (!name.startsWith(".") || !name.endsWith(TEMPORARY_SUFFIX)) {
      return false;
    }
    String middle = name.substring(1, name.length() - TEMPORARY_SUFFIX.length());
    int dot = middle.lastIndexOf('.');
    if (dot <= 0 || dot == middle.length() - 1) {
      return false;
    }
    for (int i = dot + 1; i < middle.length(); i++) {
      if (middle.charAt(i) < '0' || middle.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Writes every byte: a channel may write fewer than asked (a nearly full disk), and the rest is not lost. */
  static void writeFully(WritableByteChannel channel, byte[] content) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(content);
    for (int idle = 0; buffer.hasRemaining(); ) {
      idle = channel.write(buffer) == 0 ? idle + 1 : 0;
      if (idle == 1_000) { // a blocking file channel that writes nothing a thousand times in a row will not
        throw new IOException("the file system accepts no more bytes (" + buffer.remaining() + " left to write)");
      }
    }
  }

  /** The rename is on disk once the directory is: without this a crash can bring back the old file. */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // some systems (Windows) cannot open a directory; the rename is atomic there all the same
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
