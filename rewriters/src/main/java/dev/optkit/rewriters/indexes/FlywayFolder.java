package dev.optkit.rewriters.indexes;

import dev.optkit.analyzers.schema.FlywayOrder;
import dev.optkit.analyzers.schema.VendorFolders;
import dev.optkit.analyzers.source.SourceSet;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A folder of versioned Flyway migrations ({@code V<version>__<description>.sql}) and the module whose resources hold
 * it: where a new migration goes, and the version after every one the module has. Flyway's versions are one sequence
 * across an application's locations, so the next is counted over every versioned script of the module's resources,
 * not the folder's alone.
 *
 * @param folder the folder of the script that creates the table
 * @param module the folder holding {@code src/main/resources} above it; the folder itself outside such a tree
 */
record FlywayFolder(Path folder, Path module) {
  private static final Path RESOURCES = Path.of("src", "main", "resources");

  /** The folder of a versioned migration; empty for another script (a {@code schema.sql}, a dump, an undo). */
  static Optional<FlywayFolder> of(Path script) {
    if (script == null || script.getParent() == null
        || FlywayOrder.version(String.valueOf(script.getFileName())) == null) {
      return Optional.empty();
    }
    Path folder = script.getParent();
    for (Path at = folder; at != null; at = at.getParent()) {
      if (at.endsWith(RESOURCES)) {
        return Optional.of(new FlywayFolder(folder, at.getParent().getParent().getParent()));
      }
    }
    return Optional.of(new FlywayFolder(folder, folder));
  }

  /**
   * The folder PostgreSQL's migrations are in: this one, unless it is another database's of a {@code {vendor}}
   * location ({@code db/migration/h2}), where its sibling {@code postgresql} holding versioned migrations is; empty
   * where there is none (the index would go where production never runs it, and H2 rejects {@code CONCURRENTLY}).
   */
  Optional<FlywayFolder> forPostgresql() {
    String name = String.valueOf(folder.getFileName()).toLowerCase(java.util.Locale.ROOT);
    if (!VendorFolders.OTHER_VENDORS.contains(name)) {
      return Optional.of(this);
    }
    return VendorFolders.postgresqlSibling(folder).map(sibling -> new FlywayFolder(sibling, module));
  }

  /**
   * Whether this is PostgreSQL's own folder of a {@code {vendor}} location: named {@code postgresql} (or
   * {@code postgres}) beside another database's folder of versioned migrations ({@code h2}), which that database runs
   * instead. An embedded database's tests never run a migration here.
   */
  boolean postgresqlsOwn() {
    return VendorFolders.postgresqlsOwn(folder);
  }

  /** Build files that make a folder a project or a module of one. */
  private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts",
      "settings.gradle", "settings.gradle.kts");

  /**
   * Where versions Flyway may see are looked for: the highest folder with a build file among the module and the four
   * folders above it (the project holding its sibling modules), else the module. Every versioned migration there
   * is found: main and test resources, Java and Kotlin migrations, sibling modules' scripts, filesystem locations.
   * The next version follows the main code's last, and is none found anywhere.
   */
  Path scanned() {
    Path top = module;
    Path at = module;
    for (int up = 0; up <= 4 && at != null; up++, at = at.getParent()) {
      Path candidate = at;
      if (BUILD_FILES.stream().anyMatch(name -> Files.isRegularFile(candidate.resolve(name), LinkOption.NOFOLLOW_LINKS))) {
        top = candidate;
      }
    }
    return top;
  }

  /** Folders no migration Flyway runs is in. */
  private static final java.util.Set<String> SKIPPED = java.util.Set.of(".git", "node_modules", ".optkit", ".idea",
      ".gradle");

  /** The version of a versioned migration of any kind ({@code V2__x.sql}, {@code V2__Backfill.java}), or null. */
  private static List<BigInteger> versionOfAnyMigration(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : FlywayOrder.version(name.substring(0, dot) + ".sql");
  }

  /**
   * The file name of the migration after the module's last, its version the last one's with the last number one
   * higher, written as that one writes it ({@code V1_9} then {@code V1_10}, {@code V007} then {@code V008}), or after
   * {@code atLeast} where a migration optkit adds in this run took that version already.
   *
   * @throws IOException the module's folders cannot be listed
   */
  String nextFile(String description, List<BigInteger> atLeast) throws IOException {
    String last = null;
    List<BigInteger> lastVersion = null;
    List<Path> found = new java.util.ArrayList<>();
    Path scanned = scanned(); // up to five folders' build files looked for: once, not once per migration found
    Files.walkFileTree(scanned, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), 32,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                java.nio.file.attribute.BasicFileAttributes attributes) {
              return SKIPPED.contains(String.valueOf(dir.getFileName())) ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                  : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
              if (attributes.isRegularFile() && versionOfAnyMigration(String.valueOf(file.getFileName())) != null) {
                found.add(file);
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
    // the sequence production runs is the main code's: a test-only location's V9999 of test data is never applied
    // there, and a version after it would make the team's next plain V4 out of order, which Flyway's validation
    // refuses (a trial: V10000 written after a test folder's V9999). Test scripts are still never taken again.
    List<Path> sorted = found.stream().sorted().toList();
    List<Path> main = sorted.stream().filter(file -> !SourceSet.isTestPath(
        scanned.relativize(file).toString().replace(java.io.File.separatorChar, '/'))).toList();
    List<List<BigInteger>> taken = new java.util.ArrayList<>();
    for (Path file : sorted) {
      taken.add(versionOfAnyMigration(String.valueOf(file.getFileName())));
    }
    for (Path file : main.isEmpty() ? sorted : main) {
        String name = String.valueOf(file.getFileName());
        List<BigInteger> version = versionOfAnyMigration(name);
        if (version != null && (lastVersion == null || FlywayOrder.compare(version, lastVersion) > 0
            || FlywayOrder.compare(version, lastVersion) == 0 && name.compareTo(last) < 0)) {
          last = name;
          lastVersion = version;
        }
    }
    if (last == null) {
      throw new IOException("no versioned Flyway migration found in " + scanned);
    }
    String text = last.substring(1, last.indexOf("__"));
    if (atLeast != null && FlywayOrder.compare(atLeast, lastVersion) >= 0) {
      text = String.join("_", atLeast.stream().map(BigInteger::toString).toList());
    }
    String next = incremented(text);
    while (isTaken(next, taken)) {
      next = incremented(next);
    }
    return "V" + next + "__" + description + ".sql";
  }

  /** Whether a migration found already has the version this text writes. */
  private static boolean isTaken(String version, List<List<BigInteger>> taken) {
    List<BigInteger> parsed = FlywayOrder.version("V" + version + "__x.sql");
    return parsed != null && taken.stream().anyMatch(other -> other != null && FlywayOrder.compare(other, parsed) == 0);
  }

  /** The version's text with its last number one higher, as wide as it was where it was padded with zeros. */
  static String incremented(String version) {
    int end = version.length();
    int start = end;
    while (start > 0 && Character.isDigit(version.charAt(start - 1))) {
      start--;
    }
    String digits = version.substring(start, end);
    String next = new BigInteger(digits).add(BigInteger.ONE).toString();
    if (digits.startsWith("0") && next.length() < digits.length()) {
      next = "0".repeat(digits.length() - next.length()) + next;
    }
    return version.substring(0, start) + next;
  }
}
