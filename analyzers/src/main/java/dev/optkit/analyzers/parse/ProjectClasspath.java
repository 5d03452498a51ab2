package dev.optkit.analyzers.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jars the symbol solver may read: those the user names, and those already in the local Maven
 * repository for the dependencies the project's {@code pom.xml} files declare. It reads poms as
 * text and never runs the project's build.
 */
public final class ProjectClasspath {
  private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern PROPERTIES = Pattern.compile("<properties>(.*?)</properties>", Pattern.DOTALL);
  private static final Pattern PROPERTY = Pattern.compile("<([\\w.\\-]+)>([^<]*)</\\1>");

  private ProjectClasspath() {}

  public static List<Path> resolve(List<Path> userJars, List<Path> scanRoots, Path mavenRepository) {
    Set<Path> jars = new LinkedHashSet<>();
    for (Path jar : userJars) {
      if (Files.isDirectory(jar)) {
        try (Stream<Path> files = Files.list(jar)) {
          files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        } catch (IOException ignored) {
          // an unreadable directory adds nothing; the solver falls back to imports
        }
      } else if (Files.isRegularFile(jar)) {
        jars.add(jar.toAbsolutePath().normalize());
      }
    }
    if (mavenRepository != null && Files.isDirectory(mavenRepository)) {
      for (Path pom : findPoms(scanRoots)) {
        jars.addAll(jarsDeclaredBy(pom, mavenRepository));
      }
    }
    return List.copyOf(jars);
  }

  public static Path defaultMavenRepository() {
    String override = System.getProperty("maven.repo.local");
    if (override != null) {
      return Path.of(override);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  private static List<Path> findPoms(List<Path> roots) {
    List<Path> poms = new ArrayList<>();
    for (Path root : roots) {
      Path dir = Files.isDirectory(root) ? root : root.getParent();
      // the root's pom and its modules' poms; deeper trees would mean walking everything twice
      try (Stream<Path> walk = Files.walk(dir, 3)) {
        walk.filter(p -> p.getFileName().toString().equals("pom.xml"))
            .filter(p -> !p.toString().contains("/target/"))
            .sorted()
            .forEach(poms::add);
      } catch (IOException ignored) {
        // nothing to add
      }
    }
    return poms;
  }

  static List<Path> jarsDeclaredBy(Path pom, Path repository) {
    String text;
    try {
      text = Files.readString(pom);
    } catch (IOException e) {
      return List.of();
    }
    Map<String, String> properties = new HashMap<>();
    Matcher props = PROPERTIES.matcher(text);
    while (props.find()) {
      Matcher property = PROPERTY.matcher(props.group(1));
      while (property.find()) {
        properties.put(property.group(1), property.group(2).trim());
      }
    }
    List<Path> jars = new ArrayList<>();
    Matcher dependency = DEPENDENCY.matcher(text);
    while (dependency.find()) {
      String body = dependency.group(1);
      String group = tag(body, "groupId", properties);
      String artifact = tag(body, "artifactId", properties);
      if (group == null || artifact == null) {
        continue;
      }
      String version = tag(body, "version", properties);
      Path artifactDir = repository.resolve(group.replace('.', '/')).resolve(artifact);
      Optional<Path> jar = version != null && !version.contains("${")
          ? jarIn(artifactDir.resolve(version), artifact, version)
          : newestJar(artifactDir, artifact);
      jar.ifPresent(jars::add);
    }
    return jars;
  }

  private static String tag(String body, String name, Map<String, String> properties) {
    Matcher m = Pattern.compile("<" + name + ">\\s*([^<]+?)\\s*</" + name + ">").matcher(body);
    if (!m.find()) {
      return null;
    }
    String value = m.group(1);
    Matcher ref = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
    StringBuilder resolved = new StringBuilder();
    while (ref.find()) {
      String replacement = properties.getOrDefault(ref.group(1), ref.group());
      ref.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
    }
    ref.appendTail(resolved);
    return resolved.toString();
  }

  private static Optional<Path> jarIn(Path versionDir, String artifact, String version) {
    Path jar = versionDir.resolve(artifact + "-" + version + ".jar");
    return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
  }

  private static Optional<Path> newestJar(Path artifactDir, String artifact) {
    if (!Files.isDirectory(artifactDir)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(artifactDir)) {
      return versions.filter(Files::isDirectory)
          .sorted(Comparator.comparing((Path p) -> new VersionKey(p.getFileName().toString())).reversed())
          .map(dir -> jarIn(dir, artifact, dir.getFileName().toString()))
          .flatMap(Optional::stream)
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Orders versions numerically segment by segment ("6.10" after "6.9"). */
  private record VersionKey(String text) implements Comparable<VersionKey> {
    @Override
    public int compareTo(VersionKey other) {
      String[] a = text.split("[.\\-]");
      String[] b = other.text.split("[.\\-]");
      for (int i = 0; i < Math.max(a.length, b.length); i++) {
        String x = i < a.length ? a[i] : "";
        String y = i < b.length ? b[i] : "";
        int c = x.matches("\\d+") && y.matches("\\d+")
            ? Long.compare(Long.parseLong(x), Long.parseLong(y))
            : x.compareTo(y);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
  }
}
