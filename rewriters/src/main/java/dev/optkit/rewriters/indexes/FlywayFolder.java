package dev.optkit.rewriters.indexes;

import dev.optkit.analyzers.schema.FlywayOrder;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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

  /** Where the module's versioned scripts are looked for: its resources, or the folder outside such a tree. */
  Path scanned() {
    Path resources = module.resolve(RESOURCES);
    return folder.startsWith(resources) ? resources : folder;
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
    try (Stream<Path> files = Files.walk(scanned(), 32)) { // Files.walk follows no link unless told to
      for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
        String name = String.valueOf(file.getFileName());
        List<BigInteger> version = FlywayOrder.version(name);
        if (version != null && (lastVersion == null || FlywayOrder.compare(version, lastVersion) > 0
            || FlywayOrder.compare(version, lastVersion) == 0 && name.compareTo(last) < 0)) {
          last = name;
          lastVersion = version;
        }
      }
    }
    if (last == null) {
      throw new IOException("no versioned Flyway migration found in " + scanned());
    }
    String text = last.substring(1, last.indexOf("__"));
    if (atLeast != null && FlywayOrder.compare(atLeast, lastVersion) >= 0) {
      text = String.join("_", atLeast.stream().map(BigInteger::toString).toList());
    }
    return "V" + incremented(text) + "__" + description + ".sql";
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
