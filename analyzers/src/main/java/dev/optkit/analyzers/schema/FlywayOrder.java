package dev.optkit.analyzers.schema;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order Flyway runs a folder's versioned migrations in: {@code V1_10__b.sql} after {@code V1_9__a.sql}, by their
 * versions' numbers ({@code 1.10} after {@code 1.9}), where a name's order would put it first. Scripts of different
 * folders keep their folders' order; a folder's scripts not named {@code V<version>__<description>.sql} come after its
 * migrations, in their names' order.
 */
public final class FlywayOrder {
  private FlywayOrder() {}

  /**
   * Scripts by folder; in a folder its versioned migrations first, by version, then its other scripts; then by path: a
   * total order (a comparison by version only where both names have one would not be transitive).
   */
  static final Comparator<Path> SCRIPTS = Comparator
      .comparing((Path script) -> String.valueOf(script.getParent()))
      .thenComparing(script -> version(String.valueOf(script.getFileName())) == null)
      .thenComparing((a, b) -> {
        List<BigInteger> versionA = version(String.valueOf(a.getFileName()));
        List<BigInteger> versionB = version(String.valueOf(b.getFileName()));
        return versionA == null || versionB == null ? 0 : compare(versionA, versionB);
      })
      .thenComparing(Comparator.naturalOrder());

  /** Whether the script is a Flyway undo migration ({@code U2__name.sql}): run by {@code flyway undo}, never by migrate. */
  static boolean undo(Path script) {
    String name = String.valueOf(script.getFileName());
    return name.startsWith("U") && name.length() > 1 && Character.isDigit(name.charAt(1))
        && version("V" + name.substring(1)) != null;
  }

  /** The numbers of {@code V1_2_3__name.sql}'s version (1, 2, 3), or null for another name. */
  public static List<BigInteger> version(String file) {
    int separator = file.indexOf("__");
    if (!file.startsWith("V") || separator < 2 || !file.endsWith(".sql")) {
      return null;
    }
    List<BigInteger> parts = new ArrayList<>();
    for (String part : file.substring(1, separator).split("[._]", -1)) {
      if (part.isEmpty() || part.length() > 40 || !part.chars().allMatch(Character::isDigit)) {
        return null;
      }
      parts.add(new BigInteger(part));
    }
    return parts;
  }

  public static int compare(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
      BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
      int compared = x.compareTo(y);
      if (compared != 0) {
        return compared;
      }
    }
    return 0;
  }
}
