package dev.optkit.analyzers.parse;

import dev.optkit.analyzers.dependencies.DependencyResolver;
import dev.optkit.analyzers.dependencies.GradleCatalog;
import dev.optkit.analyzers.dependencies.ResolutionSettings;
import dev.optkit.analyzers.facts.ParseProblem;
import dev.optkit.analyzers.source.MavenPom;
import dev.optkit.analyzers.source.SourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The jars the symbol solver may read: those the user names, those Maven Resolver resolves for
 * the project's poms and Gradle version catalogs ({@link DependencyResolver}), and those already in
 * the local Maven repository for the dependencies the project's {@code pom.xml} files declare. It
 * reads poms with Maven's model reader and builder and never runs the project's build.
 */
public final class ProjectClasspath {

  private ProjectClasspath() {}

  /**
   * The jars, in class path order; those whose methods a call in the project may be looked up in
   * for library I/O (the user's and the declared dependencies', not what those bring along); and
   * what could not be had (a warning each, never a failure).
   *
   * @param builds the build files the dependencies were read from, absolute (none where nothing was resolved): what
   *     tells the modules that ran without jars ({@link UnbuiltModules})
   */
  public record Classpath(List<Path> jars, List<Path> entries, List<ParseProblem> warnings, List<Path> builds) {
    public Classpath {
      builds = List.copyOf(builds);
    }
  }

  public static List<Path> resolve(List<Path> userJars, List<Path> scanRoots, Path mavenRepository) {
    return resolve(userJars, scanRoots, mavenRepository, null).jars();
  }

  /**
   * @param resolution how to resolve the declared dependencies and theirs with Maven Resolver;
   *     null: only the declared ones already in {@code mavenRepository}
   */
  public static Classpath resolve(List<Path> userJars, List<Path> scanRoots, Path mavenRepository,
      ResolutionSettings resolution) {
    Set<Path> jars = new LinkedHashSet<>();
    Set<Path> entries = new LinkedHashSet<>();
    List<ParseProblem> warnings = new ArrayList<>();
    Set<Path> builds = new java.util.TreeSet<>();
    for (Path jar : userJars) {
      if (Files.isDirectory(jar)) {
        try (Stream<Path> files = Files.list(jar)) {
          files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
          jars.forEach(entries::add);
        } catch (IOException ignored) {
          // an unreadable directory adds nothing; the solver falls back to imports
        }
      } else if (Files.isRegularFile(jar)) {
        jars.add(jar.toAbsolutePath().normalize());
        entries.add(jar.toAbsolutePath().normalize());
      }
    }
    if (resolution != null) {
      // the versions Maven would pick, transitive ones included, before any guess below
      for (Path root : scanRoots) {
        Path dir = SourceSet.folderOf(root);
        List<Path> poms = findPoms(List.of(dir));
        DependencyResolver.Resolved resolved = DependencyResolver.resolve(poms, dir,
            GradleCatalog.declared(dir), resolution);
        builds.addAll(resolved.builds());
        jars.addAll(resolved.jars());
        entries.addAll(resolved.declared());
        warnings.addAll(resolved.warnings());
        // an Ant build's own jars (lib/), which no resolver names: the project's choice of library
        List<Path> kept = keptJars(dir);
        jars.addAll(kept);
        entries.addAll(kept);
        // a build that resolved nothing says why itself; one optkit found none of says it here
        if (resolved.equals(DependencyResolver.Resolved.NONE) && kept.isEmpty() && userJars.isEmpty()
            && holdsJava(dir)) {
          warnings.add(new ParseProblem(".", 0, 0,
              "no dependency jars: no build optkit reads (pom.xml, build.gradle, ivy.xml) and no lib/ folder of jars; "
                  + "library types are known from imports alone, and findings resting on them are of lower "
                  + "confidence (give jars with --cp)"));
        }
      }
    }
    if (mavenRepository != null && Files.isDirectory(mavenRepository)) {
      // a guess for what the resolver did not give: an artifact it resolved is not guessed again (the newest version of
      // a dependency declared without one, from the local repository, beside the BOM's: a Boot 2.7 project seemed to
      // run Flyway 13 as well as 8.5, and migrate refused it for a lock only Flyway 9.1 and later take)
      dev.optkit.analyzers.dependencies.LibraryVersions resolvedVersions =
          dev.optkit.analyzers.dependencies.LibraryVersions.of(List.copyOf(jars));
      for (Path pom : findPoms(scanRoots)) {
        for (Path jar : jarsDeclaredBy(pom, mavenRepository, resolvedVersions)) {
          jars.add(jar);
          entries.add(jar); // declared: a call into it is the project's own choice of library
        }
      }
    }
    return new Classpath(List.copyOf(jars), List.copyOf(entries), List.copyOf(warnings), List.copyOf(builds));
  }

  /** Whether the folder holds a Java source (a scan of nothing needs no jars). */
  private static boolean holdsJava(Path dir) {
    if (Files.isRegularFile(dir)) {
      return dir.toString().endsWith(".java");
    }
    try (Stream<Path> walk = Files.walk(dir, 16)) {
      return walk.anyMatch(p -> p.toString().endsWith(".java"));
    } catch (IOException | java.io.UncheckedIOException unreadable) {
      return false;
    }
  }

  /** Folders where an Ant or hand-made build keeps its jars. */
  private static final java.util.Set<String> JAR_FOLDERS = java.util.Set.of("lib", "libs", "jars");
  /** A kept jar larger than this is not read (a bundled SDK or installer, not a library of calls). */
  private static final long MAX_KEPT_JAR = 64L * 1024 * 1024;

  /**
   * The jars in the project's {@code lib/}, {@code libs/} or {@code jars/} folders, three folders deep at most, outside
   * test sources and build output, by path; links not followed.
   */
  static List<Path> keptJars(Path dir) {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir, 4)) {
      walk.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".jar"))
          .filter(p -> p.getParent() != null && p.getParent().getFileName() != null
              && JAR_FOLDERS.contains(p.getParent().getFileName().toString()))
          .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !SourceSet.isTestPath("/" + dir.relativize(p).toString().replace('\\', '/')))
          .filter(p -> keptByTheProject(dir.relativize(p)))
          .filter(p -> {
            try {
              return Files.size(p) <= MAX_KEPT_JAR;
            } catch (IOException e) {
              return false;
            }
          })
          .sorted().limit(MAX_KEPT_JARS).forEach(p -> found.add(p.toAbsolutePath().normalize()));
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // a tree that cannot be walked keeps no jars optkit can read
    }
    return found;
  }

  /** Folders whose jars are a build's output (the project's own classes), its tests' or a sample's, not its libraries. */
  private static final java.util.Set<String> NOT_LIBRARIES = java.util.Set.of("target", "build", "dist", "out",
      "node_modules", "test", "tests", "example", "examples", "sample", "samples", "demo", ".git", ".optkit");
  /** At most this many kept jars are read. */
  private static final int MAX_KEPT_JARS = 500;

  private static boolean keptByTheProject(Path relative) {
    for (Path folder : relative) {
      if (NOT_LIBRARIES.contains(folder.toString())) {
        return false;
      }
    }
    return true;
  }

  private static List<Path> findPoms(List<Path> roots) {
    List<Path> poms = new ArrayList<>();
    for (Path root : roots) {
      Path dir = SourceSet.folderOf(root); // a relative file name has no parent of its own
      // the root's pom and its modules' poms; deeper trees would mean walking everything twice
      try (Stream<Path> walk = Files.walk(dir, 3)) {
        walk.filter(p -> p.getFileName().toString().equals("pom.xml"))
            .filter(p -> !p.toString().contains("/target/"))
            .sorted()
            .forEach(poms::add);
      } catch (IOException ignored) {
        // nothing to add
      }
      // and the modules they name, however deep (vhrserver/vhr-web/pom.xml, a module of a module: its dependencies
      // were never resolved, and nothing said so)
      for (int next = 0; next < poms.size() && poms.size() < MAX_POMS; next++) {
        Path pom = poms.get(next);
        for (String module : MavenPom.read(pom).map(MavenPom::modules).orElse(List.of())) {
          Path named = pom.getParent().resolve(module.trim()).normalize();
          Path modulePom = Files.isDirectory(named) ? named.resolve("pom.xml") : named;
          if (modulePom.startsWith(dir.toAbsolutePath().normalize()) || modulePom.startsWith(dir.normalize())) {
            if (Files.isRegularFile(modulePom) && poms.stream().noneMatch(p -> p.normalize().equals(modulePom))
                && !modulePom.toString().contains("/target/")) {
              poms.add(modulePom);
            }
          }
        }
      }
    }
    return poms;
  }

  /** The most poms followed through modules: far more than a build has. */
  private static final int MAX_POMS = 2_000;

  static List<Path> jarsDeclaredBy(Path pom, Path repository) {
    return jarsDeclaredBy(pom, repository, dev.optkit.analyzers.dependencies.LibraryVersions.none());
  }

  /** @param resolved what the resolver gave: an artifact among them is not looked for again */
  static List<Path> jarsDeclaredBy(Path pom, Path repository, dev.optkit.analyzers.dependencies.LibraryVersions resolved) {
    List<Path> jars = new ArrayList<>();
    // Maven's own model reader: the declared encoding honoured, a malformed pom an empty list at once
    for (MavenPom.Declared dependency : MavenPom.read(pom).map(MavenPom::declaredDependencies).orElse(List.of())) {
      if (!resolved.versions(dependency.groupId(), dependency.artifactId()).isEmpty()) {
        continue;
      }
      Path artifactDir = repository.resolve(dependency.groupId().replace('.', '/')).resolve(dependency.artifactId());
      Optional<Path> jar = dependency.version() != null
          ? jarIn(artifactDir.resolve(dependency.version()), dependency.artifactId(), dependency.version())
          : newestJar(artifactDir, dependency.artifactId());
      jar.filter(j -> !jars.contains(j)).ifPresent(jars::add);
    }
    return jars;
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
