package dev.optkit.analyzers.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The scanned SQL scripts a test may run by a classpath path ({@code @Sql("/orders.sql")}): each file under a source
 * set's {@code resources} folder ({@code src/test/resources/orders.sql}), of any module of the scan, by its path below
 * that folder. A path several modules hold names each of their files; one in no resources folder of the scan names
 * none, and so does every path where a build names its own resource folders.
 */
public final class ClasspathScripts {
  private static final ClasspathScripts NONE = new ClasspathScripts(Map.of());

  private final Map<String, List<Path>> byResource;

  private ClasspathScripts(Map<String, List<Path>> byResource) {
    this.byResource = byResource;
  }

  public static ClasspathScripts none() {
    return NONE;
  }

  /**
   * The scripts among the scan's SQL files that lie in a source set's resources folder; none where a build of the
   * scan names its own resource folders or may put its resources elsewhere (a script found in the default folder
   * may then not be the one on the class path).
   *
   * @param poms the scan's Maven build files
   */
  public static ClasspathScripts read(List<Path> sqlFiles, List<Path> poms) {
    for (Path pom : poms) {
      Optional<dev.optkit.analyzers.source.MavenPom> read = dev.optkit.analyzers.source.MavenPom.read(pom);
      if (read.isEmpty() || read.get().declaresResources() || read.get().testClassPathMayDiffer()) {
        return NONE;
      }
    }
    return read(sqlFiles);
  }

  /** The scripts among these SQL files that lie in a source set's resources folder. */
  static ClasspathScripts read(List<Path> sqlFiles) {
    Map<String, List<Path>> found = new TreeMap<>();
    for (Path file : sqlFiles) {
      resourcePath(file.toString().replace('\\', '/'))
          .ifPresent(resource -> found.computeIfAbsent(resource, r -> new ArrayList<>()).add(file));
    }
    found.values().forEach(files -> files.sort(null));
    return new ClasspathScripts(Map.copyOf(found));
  }

  /** {@code orders.sql} for {@code .../src/test/resources/orders.sql}: the path below its source set's resources. */
  private static Optional<String> resourcePath(String file) {
    for (int at = file.indexOf("src/"); at >= 0; at = file.indexOf("src/", at + 4)) {
      if (at > 0 && file.charAt(at - 1) != '/') {
        continue;
      }
      int set = file.indexOf('/', at + 4);
      if (set > at + 4 && file.startsWith("/resources/", set)) {
        return Optional.of(file.substring(set + "/resources/".length()));
      }
    }
    return Optional.empty();
  }

  /**
   * The text of every scanned script at this classpath path; empty when there is none, or one is too large or cannot
   * be read (what it writes is then unknown).
   */
  public Optional<List<String>> texts(String classpathPath) {
    return read.computeIfAbsent(classpathPath, this::readTexts); // each test of a class asks for its class's scripts
  }

  private final Map<String, Optional<List<String>>> read = new java.util.concurrent.ConcurrentHashMap<>();

  private Optional<List<String>> readTexts(String classpathPath) {
    List<Path> files = byResource.getOrDefault(classpathPath, List.of());
    if (files.isEmpty()) {
      return Optional.empty();
    }
    List<String> texts = new ArrayList<>();
    for (Path file : files) {
      Optional<String> text = SqlScripts.text(file);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      texts.add(text.get());
    }
    return Optional.of(List.copyOf(texts));
  }
}
