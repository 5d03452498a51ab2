package dev.optkit.analyzers.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * optkit's own state in a project, {@code .optkit/} (assess's caches, migrate's journals, validate's
 * runs). It lives in the repository, so a pull request can plant anything there: every path below
 * the trusted anchor (the project root's real path, or a directory the user named) is checked
 * without following links, a link or a file of the wrong kind is refused by name ({@link
 * StateFileException}) and never read or written through, reads are bounded in size, and writes
 * replace files atomically ({@link AtomicFile#replace}) in directories checked the same way.
 */
public final class StateDirectory {
  /** The directory's name in a project. */
  public static final String NAME = ".optkit";
  private static final String IGNORE = ".gitignore";
  private static final byte[] IGNORE_ALL =
      "# optkit's journals and caches: local state, never committed\n*\n".getBytes(StandardCharsets.UTF_8);

  private final Path anchor;
  private final Path base;
  private final boolean inProject;

  private StateDirectory(Path anchor, Path base, boolean inProject) {
    this.anchor = anchor;
    this.base = base;
    this.inProject = inProject;
  }

  /** The same state, narrowed to a directory below it (still checked from the anchor down). */
  public StateDirectory below(String relative) throws StateFileException {
    return new StateDirectory(anchor, resolve(relative), inProject);
  }

  /**
   * The state directory of a cache directory: one inside a project's {@code .optkit/} (optkit's
   * default {@code .optkit/cache}, or a {@code --cache-dir} there) is checked from the project root
   * down; any other directory was named by the user and is trusted itself.
   */
  public static StateDirectory forCache(Path directory) throws IOException {
    Path normal = directory.toAbsolutePath().normalize();
    for (int i = 0; i < normal.getNameCount(); i++) {
      if (normal.getName(i).toString().equals(NAME)) {
        // inside some project's .optkit/: checked from that project's root down, whatever the name below
        StateDirectory state = ofProject(i == 0 ? normal.getRoot() : normal.getRoot().resolve(normal.subpath(0, i).toString()));
        return i == normal.getNameCount() - 1 ? state : state.below(normal.subpath(i + 1, normal.getNameCount())
            .toString().replace('\\', '/'));
      }
    }
    return at(normal);
  }

  /** {@code .optkit/} of a project: the root itself is trusted (taken at its real path), nothing below it. */
  public static StateDirectory ofProject(Path projectRoot) throws IOException {
    Path anchor = projectRoot.toAbsolutePath().normalize().toRealPath();
    return new StateDirectory(anchor, anchor.resolve(NAME), true);
  }

  /** A directory the user named ({@code --cache-dir}): trusted itself, created if missing; nothing below it is. */
  public static StateDirectory at(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path anchor = directory.toAbsolutePath().normalize().toRealPath();
    return new StateDirectory(anchor, anchor, false);
  }

  /** Files and folders that mark a project's root: its state lives beside them. */
  private static final List<String> PROJECT_MARKERS = List.of("pom.xml", "build.gradle", "build.gradle.kts",
      "settings.gradle", "settings.gradle.kts", ".git");
  /** Top-level folders of the system: a scan anywhere below them with no project above it keeps no state. */
  private static final java.util.Set<String> SYSTEM_FOLDERS = java.util.Set.of("bin", "boot", "dev", "etc", "lib",
      "lib32", "lib64", "proc", "run", "sbin", "sys", "usr", "var");

  /**
   * Where a scan of {@code scanned} keeps its state: the nearest folder at or above it with a build
   * file (or a git repository); else a scanned folder itself; never beside a single file or in a
   * system folder ({@code assess /dev/null} keeps nothing). Empty when there is nowhere to keep it.
   */
  public static Optional<Path> projectOf(Path scanned) {
    Path absolute = scanned.toAbsolutePath().normalize();
    Path start = Files.isDirectory(absolute) ? absolute : absolute.getParent();
    for (Path at = start; at != null; at = at.getParent()) {
      for (String marker : PROJECT_MARKERS) {
        if (Files.exists(at.resolve(marker), LinkOption.NOFOLLOW_LINKS)) {
          return Optional.of(at);
        }
      }
    }
    if (!Files.isDirectory(absolute) || absolute.getNameCount() <= 1 || SYSTEM_FOLDERS.contains(absolute.getName(0).toString())
        || absolute.toString().equals(System.getProperty("user.home"))) {
      return Optional.empty(); // nor in /, a top-level folder (/home, /tmp), or a home directory itself
    }
    return Optional.of(absolute);
  }

  /** The state directory itself. */
  public Path path() {
    return base;
  }

  /**
   * A path below the state directory; each segment may hold '/'-separated names, none of them
   * empty, "." or "..", so nothing a journal records can name a path outside.
   */
  public Path resolve(String... segments) throws StateFileException {
    Path path = base;
    for (String segment : segments) {
      for (String name : segment.split("/", -1)) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("\\") || name.indexOf('\0') >= 0) {
          throw new StateFileException(base.resolve(String.join("/", segments)).toString(),
              "not a plain name below " + base);
        }
        path = path.resolve(name);
      }
    }
    return path;
  }

  /**
   * Creates the directory and those above it up to the anchor, each checked not to be a link or a
   * file; {@code .optkit/} gets a {@code .gitignore} of {@code *}, so its state never shows as changes.
   */
  public Path createDirectories(Path directory) throws IOException {
    List<Path> chain = chain(directory);
    for (Path step : chain) {
      Optional<BasicFileAttributes> kind = kind(step);
      if (kind.isEmpty()) {
        try {
          Files.createDirectory(step);
        } catch (FileAlreadyExistsException e) {
          // created meanwhile, or a dangling link: looked at again below
        }
        kind = kind(step);
      }
      if (kind.isEmpty() || !kind.get().isDirectory()) {
        throw refusal(step, kind);
      }
      if (inProject && step.equals(anchor.resolve(NAME))) {
        Path ignore = step.resolve(IGNORE);
        Optional<BasicFileAttributes> ignoreKind = kind(ignore);
        if (ignoreKind.isEmpty()) {
          AtomicFile.replace(ignore, IGNORE_ALL);
        } else if (!ignoreKind.get().isRegularFile()) {
          throw refusal(ignore, ignoreKind);
        }
      }
    }
    return directory;
  }

  /**
   * Whether a regular file is there; false when it, or a directory above it, is missing. A link or
   * another kind of file on the way is refused, never looked through.
   */
  public boolean isFile(Path file) throws StateFileException {
    return existing(file, false);
  }

  /** Whether a directory is there, as {@link #isFile} for files. */
  public boolean isDirectory(Path directory) throws StateFileException {
    return existing(directory, true);
  }

  private boolean existing(Path path, boolean directory) throws StateFileException {
    List<Path> chain = chain(path);
    for (int i = 0; i < chain.size(); i++) {
      Path step = chain.get(i);
      Optional<BasicFileAttributes> kind = kind(step);
      if (kind.isEmpty()) {
        return false;
      }
      boolean last = i == chain.size() - 1;
      boolean wanted = last && !directory ? kind.get().isRegularFile() : kind.get().isDirectory();
      if (!wanted) {
        throw refusal(step, kind);
      }
    }
    return true;
  }

  /**
   * A state file's bytes, or empty when it is not there. Opened without following a link (the
   * check of every directory above it, and {@code O_NOFOLLOW} on the file itself), and refused when
   * larger than {@code maxBytes}: a planted file is never read whole into memory, or into a message.
   */
  public Optional<byte[]> read(Path file, long maxBytes) throws IOException {
    if (!isFile(file)) {
      return Optional.empty();
    }
    try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = channel.size();
      if (size > maxBytes) {
        throw new StateFileException(shown(file), "larger than optkit ever writes such a file (" + size + " bytes, at most "
            + maxBytes + ")");
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) size + 1); // one more: a file that grew is seen
      while (channel.read(buffer) > 0 && buffer.position() <= size) {
        // reads until the end, or past the size it had
      }
      if (buffer.position() > size) {
        throw new StateFileException(shown(file), "grew while it was read");
      }
      byte[] bytes = new byte[buffer.position()];
      buffer.flip().get(bytes);
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (java.nio.file.FileSystemException e) {
      if (e instanceof StateFileException) {
        throw e;
      }
      // ELOOP from O_NOFOLLOW: a link put there after the check
      throw new StateFileException(shown(file), "cannot be opened as a plain file (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Replaces a state file atomically, creating the directories above it; a link there is refused, not written through. */
  public void write(Path file, byte[] content) throws IOException {
    createDirectories(file.getParent());
    Optional<BasicFileAttributes> kind = kind(file);
    if (kind.isPresent() && !kind.get().isRegularFile()) {
      throw refusal(file, kind);
    }
    AtomicFile.replace(file, content);
    removeStaleTemporaries(file);
  }

  /** How old a temporary file must be to be another run's leftover (a kill mid-write), not its write in progress. */
  private static final long STALE_TEMPORARY_MILLIS = 10 * 60_000L;

  /** Deletes what killed writes of this file left beside it; a temporary of a write still running is younger. */
  private static void removeStaleTemporaries(Path file) {
    String name = file.getFileName().toString();
    long before = System.currentTimeMillis() - STALE_TEMPORARY_MILLIS;
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.getParent(), "." + name + ".*")) {
      for (Path sibling : siblings) {
        BasicFileAttributes kind = Files.readAttributes(sibling, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (AtomicFile.isTemporaryOf(name, sibling.getFileName().toString()) && kind.isRegularFile()
            && kind.lastModifiedTime().toMillis() < before) {
          Files.deleteIfExists(sibling);
        }
      }
    } catch (IOException | RuntimeException e) {
      // left for the next write
    }
  }

  /** The entries of a state directory, sorted; empty when it is not there. */
  public List<Path> list(Path directory) throws IOException {
    if (!isDirectory(directory)) {
      return List.of();
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      stream.forEach(entries::add);
    }
    entries.sort(Comparator.naturalOrder());
    return entries;
  }

  /**
   * Deletes a file, a link (the link, never what it names) or a directory tree below the state
   * directory; the walk does not follow links.
   */
  public void delete(Path path) throws IOException {
    chain(path);
    Optional<BasicFileAttributes> kind = kind(path);
    if (kind.isEmpty()) {
      return;
    }
    if (!kind.get().isDirectory()) {
      Files.deleteIfExists(path);
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path entry : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(entry);
      }
    }
  }

  /**
   * Moves a state entry aside to {@code quarantine/<name>-<n>} below the state directory, without
   * reading it: what a later command cannot trust is kept for a human to look at, not in its way.
   */
  public Path quarantine(Path path) throws IOException {
    chain(path);
    Path aside = (inProject ? anchor.resolve(NAME) : base).resolve("quarantine");
    createDirectories(aside);
    for (int n = 1; ; n++) {
      Path target = aside.resolve(path.getFileName() + "-" + n);
      if (kind(target).isEmpty()) {
        Files.move(path, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE); // rename: a link moves as a link
        return target;
      }
    }
  }

  /**
   * Moves aside, to {@code quarantine/}, the entry a {@link StateFileException} of this state refused (a link, a FIFO,
   * a file where a folder should be), without following or opening it; where it is now, or empty when it cannot be
   * moved: the state directory itself, or an entry {@code quarantine/} cannot be made beside (a planted
   * {@code .gitignore}). Then a command that can do without its state (assess's caches) goes on.
   */
  public Optional<Path> setAside(StateFileException refused) {
    Path bad = anchor.resolve(refused.getFile()).normalize();
    Path top = inProject ? anchor.resolve(NAME) : base;
    if (!bad.startsWith(top) || bad.equals(top)) {
      return Optional.empty();
    }
    try {
      return Optional.of(quarantine(bad));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** How to show a state path in a message: from the project root (or the named directory) down. */
  public String shown(Path path) {
    return path.startsWith(anchor) ? (inProject ? "" : anchor + "/") + anchor.relativize(path).toString().replace('\\', '/')
        : path.toString();
  }

  /** The paths from just below the anchor down to {@code path}, which must lie below the state directory. */
  private List<Path> chain(Path path) throws StateFileException {
    Path normal = path.toAbsolutePath().normalize();
    if (!normal.startsWith(inProject ? anchor.resolve(NAME) : base) || !normal.equals(path.toAbsolutePath())) {
      throw new StateFileException(path.toString(), "not below optkit's state directory " + base);
    }
    List<Path> chain = new ArrayList<>();
    for (Path at = normal; at != null && !at.equals(anchor); at = at.getParent()) {
      chain.add(0, at);
    }
    return chain;
  }

  private static Optional<BasicFileAttributes> kind(Path path) {
    try {
      return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private StateFileException refusal(Path path, Optional<BasicFileAttributes> kind) {
    String what = kind.isEmpty() ? "missing after it was created (a dangling link?)"
        : kind.get().isSymbolicLink() ? "a symbolic link" : kind.get().isDirectory() ? "a directory"
        : kind.get().isRegularFile() ? "a file" : "not a regular file or directory";
    return new StateFileException(shown(path), what + " where optkit keeps its own state; optkit never "
        + "follows links or uses other kinds of files there");
  }
}
