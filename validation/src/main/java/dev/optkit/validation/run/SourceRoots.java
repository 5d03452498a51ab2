package dev.optkit.validation.run;

import dev.optkit.validation.spec.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a code version's Java sources are, for checks made before it is built: {@code src/main/java}
 * and {@code src/test/java} of its directory, those of the modules its class path entries name
 * ({@code app/target/classes} is {@code app/src/main/java}), and a root found by looking for a file
 * by name anywhere in the version (a fixture in {@code src/testFixtures/java}, or a hand-made layout).
 */
final class SourceRoots {
  /** Build output, VCS and tool state: never sources, and the bulk of a project's files. */
  private static final Set<String> NOT_SOURCES = Set.of("target", "build", "out", "bin", "node_modules", ".git",
      ".optkit", ".gradle", ".idea", ".mvn");
  /** A walk that has looked at this many entries gives up: a checkout is rarely a tenth of it. */
  private static final int MAX_WALKED = 500_000;

  private final Path directory;
  private final List<Path> roots;
  private final List<Path> classpathEntries;

  private SourceRoots(Path directory, List<Path> roots, List<Path> classpathEntries) {
    this.directory = directory;
    this.roots = List.copyOf(roots);
    this.classpathEntries = List.copyOf(classpathEntries);
  }

  static SourceRoots of(CodeVersion version, Workload.ClasspathSpec spec) {
    Path directory = version.directory().toAbsolutePath().normalize();
    Set<Path> roots = new LinkedHashSet<>(List.of(directory.resolve("src/main/java"), directory.resolve("src/test/java")));
    List<Path> entries = new ArrayList<>();
    for (String entry : spec == null ? List.<String>of() : spec.entries()) {
      Path path = directory.resolve(entry).normalize();
      entries.add(path);
      moduleRoot(path).ifPresent(roots::add);
    }
    return new SourceRoots(directory, roots.stream().filter(Files::isDirectory).toList(), entries);
  }

  /** {@code m/target/classes}, {@code m/build/classes/java/main}: {@code m/src/main/java}; the same for test. */
  private static Optional<Path> moduleRoot(Path entry) {
    String text = entry.toString().replace('\\', '/');
    for (String[] layout : new String[][] {{"/target/classes", "main"}, {"/target/test-classes", "test"},
        {"/build/classes/java/main", "main"}, {"/build/classes/java/test", "test"}}) {
      if (text.endsWith(layout[0])) {
        return Optional.of(Path.of(text.substring(0, text.length() - layout[0].length()), "src", layout[1], "java"));
      }
    }
    return Optional.empty();
  }

  Path directory() {
    return directory;
  }

  List<Path> roots() {
    return roots;
  }

  /** The roots as the message says where it looked: relative to the version's directory. */
  String describe() {
    List<String> names = new ArrayList<>();
    for (Path root : roots) {
      names.add(root.startsWith(directory) ? directory.relativize(root).toString() : root.toString());
    }
    return names.isEmpty() ? "no src/main/java or src/test/java" : String.join(", ", names);
  }

  /** The file of a top-level class in the roots, in the roots' order; the binary name's {@code $} part is ignored. */
  Optional<Path> file(String className) {
    return files(className).stream().findFirst();
  }

  /** Every root's file of that top-level class: more than one (a module's copy) makes its type ambiguous. */
  List<Path> files(String className) {
    Path relative = relativeFile(className);
    return roots.stream().map(root -> root.resolve(relative)).filter(Files::isRegularFile).toList();
  }

  /** {@code a.b.C$D} is declared in {@code a/b/C.java}. */
  static Path relativeFile(String className) {
    String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
    return Path.of(topLevel.replace('.', '/') + ".java");
  }

  /** The root that holds {@code file} as the source of {@code className}: the file's path less its package folders. */
  static Path rootOf(Path file, String className) {
    Path root = file;
    for (int i = 0; i < relativeFile(className).getNameCount(); i++) {
      root = root.getParent();
    }
    return root;
  }

  /**
   * Looks for the class's file anywhere in the version (build output and tool folders left out), by its
   * package folders and name: found, its root joins the roots.
   */
  Optional<SourceRoots> withRootOf(String className) {
    Path relative = relativeFile(className);
    Path[] found = new Path[1];
    int[] walked = new int[1];
    try {
      Files.walkFileTree(directory, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (++walked[0] > MAX_WALKED) {
            return FileVisitResult.TERMINATE;
          }
          return !dir.equals(directory) && NOT_SOURCES.contains(dir.getFileName().toString())
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (++walked[0] > MAX_WALKED) {
            return FileVisitResult.TERMINATE;
          }
          if (attrs.isRegularFile() && file.endsWith(relative)) {
            found[0] = file;
            return FileVisitResult.TERMINATE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // an unreadable folder holds no source we could check
        }
      });
    } catch (IOException e) {
      return Optional.empty();
    }
    if (found[0] == null) {
      return Optional.empty();
    }
    List<Path> more = new ArrayList<>(roots);
    more.add(rootOf(found[0], className));
    return Optional.of(new SourceRoots(directory, more, classpathEntries));
  }

  /**
   * Whether a class path entry listed in the workload holds the class already compiled (a jar, or a
   * folder of classes built by other means): then it need not have a source.
   */
  boolean compiledInEntries(String className) {
    String classFile = className.replace('.', '/') + ".class";
    for (Path entry : classpathEntries) {
      if (Files.isDirectory(entry) && Files.isRegularFile(entry.resolve(classFile))) {
        return true;
      }
      if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(entry.toFile())) {
          if (jar.getEntry(classFile) != null) {
            return true;
          }
        } catch (IOException e) {
          // not a jar we can read: the build will say so
        }
      }
    }
    return false;
  }

  /** Every {@code .java} file under the roots; empty when a root cannot be listed whole (nothing is then proved absent). */
  Optional<List<Path>> javaFiles() {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(file -> file.toString().endsWith(".java") && Files.isRegularFile(file)).forEach(files::add);
      } catch (IOException | UncheckedIOException e) {
        return Optional.empty();
      }
    }
    return Optional.of(files);
  }
}
