package dev.optkit.validation.run;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.optkit.analyzers.io.Decoded;
import dev.optkit.analyzers.parse.LanguageLevels;
import dev.optkit.validation.spec.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fixture is written for validate, usually after the commit a {@code --baseline} names: migrate,
 * commit, write the fixture, validate against {@code HEAD~1}. That baseline has no fixture, and its
 * build would make classes the harness cannot start. So when the current code's fixture source is
 * missing from the baseline, it is copied into the baseline's tree before the build, with the test
 * sources it uses that the baseline lacks too: the files of its package named in it, and the files
 * of its own source root it imports, followed through those files in turn; and the resources beside
 * that root ({@code src/test/resources}) those files name in a string, as a fixture names its settings.
 *
 * <p>Only test sources are copied (a folder named {@code test...} on the way from the version's
 * directory to the package: {@code src/test/java}, {@code src/testFixtures/java}): a main source is
 * code under test, and copying one would change the original code. A file the baseline has is never
 * copied over.
 */
final class BaselineFixture {
  /** A fixture uses a handful of helpers: past this many files, what is copied stops growing. */
  private static final int MAX_FILES = 200;

  private BaselineFixture() {
  }

  /** @return the line to print when files were copied */
  static Optional<String> copyIfMissing(Workload workload, CodeVersion current, CodeVersion baseline) throws IOException {
    String factory = workload.fixture().factory();
    String className = factory.substring(0, factory.indexOf('#'));
    Optional<Path> fixture = locate(SourceRoots.of(current, workload.classpath()), className);
    if (fixture.isEmpty() || locate(SourceRoots.of(baseline, workload.classpath()), className).isPresent()) {
      return Optional.empty(); // nothing to copy, or nothing missing: the preflight says which
    }
    Path currentDir = current.directory().toAbsolutePath().normalize();
    Path baselineDir = baseline.directory().toAbsolutePath().normalize();
    Path root = SourceRoots.rootOf(fixture.get(), className);
    if (!fixture.get().startsWith(currentDir) || !isTestRoot(currentDir.relativize(root))) {
      return Optional.empty();
    }
    List<Path> copied = new ArrayList<>();
    Set<Path> sources = needed(fixture.get(), root, currentDir, baselineDir);
    Set<Path> files = new LinkedHashSet<>(sources);
    files.addAll(resources(sources, root.resolveSibling("resources")));
    for (Path file : files) {
      Path target = baselineDir.resolve(currentDir.relativize(file).toString());
      if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        continue; // never over a file the baseline has
      }
      Files.createDirectories(target.getParent());
      Files.copy(file, target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      copied.add(currentDir.relativize(file));
    }
    if (copied.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("the fixture " + className + " is not in the baseline: copied it from the current code, "
        + copied.get(0) + (copied.size() > 1 ? " and " + (copied.size() - 1) + " test file"
        + (copied.size() > 2 ? "s" : "") + " it uses" : "") + " (docs/validate.md, \"The baseline\")");
  }

  /** The fixture's source file in that version, relative to its directory, when the sources have it. */
  static Optional<Path> fixtureFile(Workload workload, CodeVersion version) {
    String factory = workload.fixture().factory();
    Path directory = version.directory().toAbsolutePath().normalize();
    return locate(SourceRoots.of(version, workload.classpath()), factory.substring(0, factory.indexOf('#')))
        .filter(file -> file.startsWith(directory)).map(directory::relativize);
  }

  private static Optional<Path> locate(SourceRoots roots, String className) {
    return roots.file(className).or(() -> roots.withRootOf(className).flatMap(found -> found.file(className)));
  }

  /** {@code src/test/java}, {@code module/src/testFixtures/java}: a folder named test-something on the way. */
  static boolean isTestRoot(Path relativeRoot) {
    for (Path part : relativeRoot) {
      if (part.toString().startsWith("test")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The fixture's file and the files of its root it refers to, transitively, that the baseline lacks
   * (one it has is its own, and so are that file's uses). Over-approximated by name: a word of the
   * file that names a sibling file counts, which copies at most a file the fixture did not need.
   */
  private static Set<Path> needed(Path fixture, Path root, Path currentDir, Path baselineDir) {
    Set<Path> needed = new LinkedHashSet<>();
    Deque<Path> pending = new ArrayDeque<>(List.of(fixture));
    while (!pending.isEmpty() && needed.size() < MAX_FILES) {
      Path file = pending.pop();
      if (!needed.add(file)) {
        continue;
      }
      for (Path used : uses(file, root)) {
        boolean inBaseline = Files.exists(baselineDir.resolve(currentDir.relativize(used).toString()));
        if (!inBaseline && !needed.contains(used)) {
          pending.add(used);
        }
      }
    }
    return needed;
  }

  /**
   * The test resources these sources name in a string ({@code "/validation.properties"}): the
   * fixture's settings, written with it, which both versions must read alike.
   */
  private static Set<Path> resources(Set<Path> sources, Path resourceRoot) {
    Set<Path> resources = new LinkedHashSet<>();
    if (!Files.isDirectory(resourceRoot)) {
      return resources;
    }
    for (Path source : sources) {
      parse(source).ifPresent(unit -> unit.findAll(StringLiteralExpr.class).forEach(literal -> {
        String name = literal.getValue().replaceFirst("^/+", "");
        if (!name.isEmpty() && !name.contains("..") && !name.contains("\\")) {
          Path resource = resourceRoot.resolve(name).normalize();
          if (resource.startsWith(resourceRoot) && Files.isRegularFile(resource, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            resources.add(resource);
          }
        }
      }));
    }
    return resources;
  }

  private static Optional<CompilationUnit> parse(Path file) {
    try {
      return LanguageLevels.parse(Decoded.of(Files.readAllBytes(file)).text());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Files of {@code root} this file names: siblings by simple name, others by their import. */
  private static Set<Path> uses(Path file, Path root) {
    Optional<CompilationUnit> unit = parse(file);
    if (unit.isEmpty()) {
      return Set.of();
    }
    Set<String> words = new HashSet<>();
    unit.get().findAll(SimpleName.class).forEach(name -> words.add(name.getIdentifier()));
    unit.get().findAll(Name.class).forEach(name -> words.add(name.getIdentifier()));
    Set<Path> uses = new LinkedHashSet<>();
    List<Path> folders = new ArrayList<>(List.of(file.getParent()));
    for (ImportDeclaration declaration : unit.get().getImports()) {
      String imported = declaration.getNameAsString();
      if (declaration.isAsterisk() && !declaration.isStatic()) {
        folders.add(root.resolve(imported.replace('.', '/')));
        continue;
      }
      // a.b.C, a.b.C.Nested, static a.b.C.member: the longest prefix that is a file of the root
      for (String name = imported; name.contains("."); name = name.substring(0, name.lastIndexOf('.'))) {
        Path candidate = root.resolve(name.replace('.', '/') + ".java");
        if (Files.isRegularFile(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          uses.add(candidate);
          break;
        }
      }
    }
    for (Path folder : folders) {
      for (String word : words) {
        Path sibling = folder.resolve(word + ".java");
        if (!sibling.equals(file) && Files.isRegularFile(sibling, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          uses.add(sibling);
        }
      }
    }
    return uses;
  }
}
