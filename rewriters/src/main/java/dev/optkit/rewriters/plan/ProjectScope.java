package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.source.MavenPom;
import dev.optkit.analyzers.source.SourceSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the project a scan looks at begins and ends: the directory of its pom, the Maven module a
 * file belongs to, files of the project the scan leaves out, and modules of an enclosing reactor that
 * may share a JVM with it. A cache is safe only when every writer of its data is in what optkit reads,
 * so {@link CachingMigration} refuses when this says the scan sees part of the code.
 */
public final class ProjectScope {
  private ProjectScope() {}

  /** The module directory (relative, "" for the root) of a file: the nearest one with a pom.xml. */
  static String moduleOf(Path scanRoot, String path) {
    Path directory = scanRoot.resolve(path).getParent();
    while (directory != null && directory.startsWith(scanRoot)) {
      if (Files.isRegularFile(directory.resolve("pom.xml"))) {
        return scanRoot.relativize(directory).toString().replace('\\', '/');
      }
      directory = directory.getParent();
    }
    return "";
  }

  private static final java.util.Set<String> ANALYSED_EXTENSIONS = java.util.Set.of(
      "java", "sql", "ddl", "xml", "yaml", "yml", "json");

  /**
   * What {@link CachingMigration#prepare} reads outside the scanned files, as it would answer it now: a file of the
   * project outside a scanned folder, and a module of the enclosing reactor linked to this one. A
   * cached assessment (whose fixable verdicts come from here) is reused only while this is equal.
   */
  public static String scopeKey(Path root) {
    Path scanRoot = root.toAbsolutePath().normalize();
    return "outside=" + inputOutsideScan(scanRoot).map(Path::toString).orElse("") + "|linked="
        + linkedReactorModule(projectRoot(scanRoot)).orElse("");
  }

  /**
   * A file the analysis would read that lies in the project but outside the scanned folder (its
   * own pom aside, which the planner reads anyway), if any: a scan of src/main/java misses the
   * schema scripts beside it and the tests below src/test. Empty when the project itself is scanned.
   */
  static Optional<Path> inputOutsideScan(Path scanRoot) {
    Path project = projectRoot(scanRoot);
    return scanRoot.equals(project) || !Files.isRegularFile(project.resolve("pom.xml"))
        ? Optional.empty() : inputOutsideScan(project, scanRoot);
  }

  static Optional<Path> inputOutsideScan(Path project, Path scanRoot) {
    Path[] found = new Path[1];
    Path ownPom = project.resolve("pom.xml");
    SourceSet.walk(project, dir -> !dir.equals(scanRoot) && found[0] == null, (file, attrs) -> {
      String name = file.getFileName().toString();
      String extension = name.substring(name.lastIndexOf('.') + 1);
      if (found[0] == null && attrs.isRegularFile() && !file.equals(ownPom) && !file.startsWith(scanRoot)
          && (ANALYSED_EXTENSIONS.contains(extension) || file.toString().contains("/resources/"))) {
        found[0] = file;
      }
    });
    return Optional.ofNullable(found[0]);
  }

  /**
   * Why the code of another module of the enclosing Maven reactor may share a JVM with this one: a
   * module that depends on it, or one it depends on. Empty when the project is its own reactor, or
   * no other module is linked to it (samples side by side under one aggregator).
   */
  static Optional<String> linkedReactorModule(Path projectRoot) {
    Optional<Path> reactor = enclosingReactor(projectRoot);
    if (reactor.isEmpty()) {
      return Optional.empty();
    }
    Optional<MavenPom> self = MavenPom.read(
        projectRoot.resolve("pom.xml"));
    if (self.isEmpty()) {
      return Optional.of("the project is a module of the Maven reactor at " + reactor.get() + " whose pom cannot be read");
    }
    String artifact = self.get().artifactId();
    java.util.Set<String> dependsOn = new java.util.HashSet<>(self.get().dependencyArtifacts());
    java.util.Deque<Path> pending = new java.util.ArrayDeque<>(List.of(reactor.get()));
    java.util.Set<Path> seen = new java.util.HashSet<>();
    while (!pending.isEmpty()) {
      Path directory = pending.poll();
      if (!seen.add(directory)) {
        continue;
      }
      Optional<MavenPom> pom = MavenPom.read(
          directory.resolve("pom.xml"));
      if (pom.isEmpty()) {
        continue;
      }
      for (String listed : pom.get().modules()) {
        Path child = directory.resolve(listed).normalize();
        pending.add(child.toString().endsWith(".xml") ? child.getParent() : child);
      }
      if (directory.equals(projectRoot.toAbsolutePath().normalize()) || !pom.get().modules().isEmpty()) {
        continue; // itself, or an aggregator (no code of its own)
      }
      String other = pom.get().artifactId();
      if (pom.get().dependencyArtifacts().contains(artifact)) {
        return Optional.of("module " + other + " of the Maven reactor at " + reactor.get() + " depends on this one");
      }
      if (dependsOn.contains(other)) {
        return Optional.of("this module depends on module " + other + " of the Maven reactor at " + reactor.get());
      }
    }
    return Optional.empty();
  }

  /**
   * The root of the Maven reactor this project is a module of: an ancestor directory whose pom
   * lists, among its modules (profiles' included), a directory this project is in. Empty for a
   * project that is its own reactor.
   */
  static Optional<Path> enclosingReactor(Path projectRoot) {
    Path module = projectRoot.toAbsolutePath().normalize();
    for (Path above = module.getParent(); above != null; above = above.getParent()) {
      Path pom = above.resolve("pom.xml");
      if (!Files.isRegularFile(pom)) {
        continue;
      }
      for (String listed : MavenPom.read(pom).map(p -> p.modules()).orElse(List.of())) {
        Path listedDir = above.resolve(listed).normalize();
        if (listedDir.getFileName() != null && listedDir.getFileName().toString().endsWith(".xml")) {
          listedDir = listedDir.getParent();
        }
        if (module.startsWith(listedDir)) {
          return Optional.of(enclosingReactor(above).orElse(above));
        }
      }
    }
    return Optional.empty();
  }

  /** The nearest directory at or above the scanned root that has a pom.xml, else the root. */
  public static Path projectRoot(Path scanRoot) {
    Path current = Files.isDirectory(scanRoot) ? scanRoot : scanRoot.getParent();
    for (Path candidate = current; candidate != null; candidate = candidate.getParent()) {
      if (Files.isRegularFile(candidate.resolve("pom.xml"))) {
        return candidate;
      }
    }
    return current;
  }
}
