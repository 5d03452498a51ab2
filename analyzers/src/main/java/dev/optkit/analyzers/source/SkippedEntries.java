package dev.optkit.analyzers.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Which entries of a walk are passed over with a warning ({@link SkippedEntry}); nothing here opens a file. */
final class SkippedEntries {
  /** What the JDK decodes a file name's bytes to when they are not valid in the file names' encoding. */
  static final char REPLACEMENT = '\uFFFD';
  /** Linux's PATH_MAX, bytes with the terminating NUL: a longer path cannot be opened by its name. */
  private static final int PATH_MAX = 4096;

  private SkippedEntries() {}

  /** Why a visited entry (its attributes read without following a link) is passed over with a warning, if it is. */
  static Optional<SkippedEntry.Why> of(Path file, BasicFileAttributes attrs) {
    String name = file.getFileName().toString();
    if (attrs.isOther() && name.endsWith(".java")) {
      return Optional.of(SkippedEntry.Why.NOT_A_FILE);
    }
    if (attrs.isSymbolicLink() && !name.endsWith(".java")) { // a linked .java file is reported as unread already
      return linkTarget(file);
    }
    if (attrs.isRegularFile() && name.endsWith(".java") && file.toString().indexOf(REPLACEMENT) >= 0) {
      return Optional.of(SkippedEntry.Why.UNDECODABLE_NAME);
    }
    return Optional.empty();
  }

  /** A link to a folder, or a loop of links; a dangling link, or one to a file, is no source folder left out. */
  private static Optional<SkippedEntry.Why> linkTarget(Path link) {
    try {
      return Files.readAttributes(link, BasicFileAttributes.class).isDirectory()
          ? Optional.of(SkippedEntry.Why.LINKED_FOLDER) : Optional.empty();
    } catch (NoSuchFileException | AccessDeniedException e) {
      return Optional.empty();
    } catch (FileSystemException e) {
      return Optional.of(SkippedEntry.Why.LINK_LOOP); // ELOOP: too many levels of symbolic links
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Why the walk could not read an entry: its path is too long to open, or it cannot be read. */
  static SkippedEntry.Why failure(Path path) {
    return path.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length >= PATH_MAX
        ? SkippedEntry.Why.PATH_TOO_LONG : SkippedEntry.Why.UNREADABLE;
  }

  /** The path from the root with each byte the encoding could not decode escaped ({@code %FF}), as a URI holds it. */
  static String escaped(Path root, Path path) {
    String rootUri = root.toUri().getRawPath();
    String uri = path.toUri().getRawPath();
    String relative = uri.startsWith(rootUri) ? uri.substring(rootUri.length()) : uri;
    return relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
  }
}
