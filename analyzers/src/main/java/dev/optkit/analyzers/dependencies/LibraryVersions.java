package dev.optkit.analyzers.dependencies;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The versions of the libraries the project resolves, read from where the jars sit in a Maven repository
 * ({@code .../org/springframework/spring-context/4.3.14.RELEASE/spring-context-4.3.14.RELEASE.jar}): what the build
 * compiles against, however its pom names it (a parent, a BOM of Spring Boot's or of another project's, a property).
 */
public final class LibraryVersions {
  private static final LibraryVersions NONE = new LibraryVersions(List.of());

  private final List<Path> jars;

  private LibraryVersions(List<Path> jars) {
    this.jars = List.copyOf(jars);
  }

  public static LibraryVersions of(List<Path> jars) {
    return jars == null ? NONE : new LibraryVersions(jars);
  }

  public static LibraryVersions none() {
    return NONE;
  }

  /**
   * The versions of an artifact among the jars, sorted (a multi-module project may resolve several); none when no jar
   * of it sits in a Maven repository's layout.
   */
  public List<String> versions(String groupId, String artifactId) {
    TreeSet<String> found = new TreeSet<>();
    for (Path jar : jars) {
      int count = jar.getNameCount();
      if (count < 3) {
        continue;
      }
      String file = jar.getFileName().toString();
      String version = jar.getName(count - 2).toString();
      if (!jar.getName(count - 3).toString().equals(artifactId) || !file.startsWith(artifactId + "-" + version)
          || !file.endsWith(".jar")) {
        continue;
      }
      String[] group = groupId.split("\\.");
      boolean inGroup = count - 3 - group.length >= 0;
      for (int i = 0; inGroup && i < group.length; i++) {
        inGroup = jar.getName(count - 3 - group.length + i).toString().equals(group[i]);
      }
      if (inGroup) {
        found.add(version);
      }
    }
    return List.copyOf(found);
  }

  /** The one version of an artifact, when exactly one is resolved. */
  public Optional<String> version(String groupId, String artifactId) {
    List<String> versions = versions(groupId, artifactId);
    return versions.size() == 1 ? Optional.of(versions.get(0)) : Optional.empty();
  }
}
