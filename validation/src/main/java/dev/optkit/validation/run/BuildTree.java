package dev.optkit.validation.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tree a code version is built in, as far as its class path depends on it: its root (the top of
 * the chain of folders with a build file, from the version's directory up, and never above a
 * repository's root) and the build files there, each by its path relative to that root and its
 * bytes: the folders above the version's directory up to the repository's root (or the file system's
 * root), and every folder below the root (each module's). Where the tree is does not count: a fresh
 * clone of an unchanged commit, in a new temporary folder each run, has the key of the one before.
 */
record BuildTree(Path root, Path directory, Optional<String> key) {
  /** Files a build tool reads its dependencies from. */
  private static final Set<String> BUILD_FILES = Set.of("pom.xml", "build.gradle", "build.gradle.kts",
      "settings.gradle", "settings.gradle.kts", "gradle.properties", "libs.versions.toml");
  /** Maven's own settings of a project, in its {@code .mvn/} folder. */
  private static final List<String> MAVEN_SETTINGS = List.of(".mvn/maven.config", ".mvn/extensions.xml");
  /** Files that make a folder part of a build's chain of modules. */
  private static final List<String> MODULE_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts",
      "settings.gradle", "settings.gradle.kts");
  /** Build output, dependencies and tools' folders: never a module's build file. */
  private static final Set<String> SKIPPED = Set.of("target", "node_modules");
  /** A tree with more folders than this is not keyed (its class path is asked for each run). */
  private static final int MAX_FOLDERS = 20_000;
  /** No build file is this large; a larger one (or a device named pom.xml) leaves the tree unkeyed. */
  private static final long MAX_FILE_BYTES = 16L << 20;
  /** Changes when what the key covers changes: kept class paths of another kind are never read. */
  private static final String KIND = "optkit-classpath-2";

  /**
   * @param command the command whose output is kept under the key
   * @return the tree, its key empty when it cannot be keyed (too large, a build file that is not a plain file)
   */
  static BuildTree of(Path versionDirectory, String command) throws IOException {
    Path directory = versionDirectory.toAbsolutePath().normalize().toRealPath();
    Path root = directory;
    for (Path at = directory; at != null && isModule(at); at = at.getParent()) {
      root = at;
      if (isRepository(at)) {
        break;
      }
    }
    return new BuildTree(root, directory, key(command, root, directory));
  }

  /** How a class path entry is kept: below the root, relative to it; anything else as it is. */
  String keep(String entry) {
    Path path = Path.of(entry).toAbsolutePath().normalize();
    return path.startsWith(root) && !path.equals(root) ? root.relativize(path).toString() : path.toString();
  }

  /** A kept entry where this tree is; empty for a relative one that leaves the root (never kept so). */
  Optional<String> resolve(String kept) {
    Path path = Path.of(kept);
    if (path.isAbsolute()) {
      return Optional.of(path.toString());
    }
    Path resolved = root.resolve(path).normalize();
    return resolved.startsWith(root) ? Optional.of(resolved.toString()) : Optional.empty();
  }

  private static Optional<String> key(String command, Path root, Path directory) throws IOException {
    TreeMap<String, Path> files = new TreeMap<>();
    // the folders above the root, up to the repository's root (a clone holds nothing above it) or the file system's
    int depth = 0;
    for (Path at = root; at != null && !isRepository(at); at = at.getParent()) {
      Path above = at.getParent();
      if (above == null) {
        break;
      }
      depth++;
      String up = "../".repeat(depth);
      for (String name : buildFilesOf(above)) {
        files.put(up + name, above.resolve(name));
      }
    }
    if (!below(root, files)) {
      return Optional.empty();
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, KIND);
      update(digest, command);
      update(digest, root.relativize(directory).toString().replace('\\', '/'));
      for (var file : files.entrySet()) {
        Path path = file.getValue();
        if (!Files.isRegularFile(path) || Files.size(path) > MAX_FILE_BYTES) {
          return Optional.empty();
        }
        update(digest, file.getKey());
        byte[] bytes = Files.readAllBytes(path);
        digest.update(ByteBuffer.allocate(8).putLong(bytes.length).array());
        digest.update(bytes);
      }
      return Optional.of(HexFormat.of().formatHex(digest.digest()).substring(0, 32));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Every build file below the root, by its path relative to it; false when the tree is too large to key. */
  private static boolean below(Path root, TreeMap<String, Path> files) throws IOException {
    int[] folders = {0};
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (!dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name))) {
          return FileVisitResult.SKIP_SUBTREE; // .git, .optkit (its runs hold earlier clones), build output
        }
        if (++folders[0] > MAX_FOLDERS) {
          return FileVisitResult.TERMINATE;
        }
        for (String file : buildFilesOf(dir)) {
          files.put(root.relativize(dir.resolve(file)).toString().replace('\\', '/'), dir.resolve(file));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // an unreadable folder holds no build file the build tool reads either
      }
    });
    return folders[0] <= MAX_FOLDERS;
  }

  /** The build files in a folder, and Maven's settings in its {@code .mvn/}: whatever their kind (checked when read). */
  private static List<String> buildFilesOf(Path dir) {
    List<String> names = new ArrayList<>();
    for (String name : BUILD_FILES) {
      if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        names.add(name);
      }
    }
    if (Files.exists(dir.resolve("gradle/libs.versions.toml"), LinkOption.NOFOLLOW_LINKS)) {
      names.add("gradle/libs.versions.toml");
    }
    for (String name : MAVEN_SETTINGS) {
      if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        names.add(name);
      }
    }
    return names;
  }

  private static boolean isModule(Path dir) {
    return MODULE_FILES.stream().anyMatch(name -> Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS));
  }

  private static boolean isRepository(Path dir) {
    return Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS);
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    digest.update(bytes);
  }
}
