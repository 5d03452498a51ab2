package dev.optkit.rewriters.caching;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds dependencies to a pom.xml as text, so nothing else in the file changes: new
 * {@code <dependency>} blocks go before the closing tag of the project's own dependencies, indented
 * like their neighbours.
 */
public final class PomDependencies {
  public static final String CAFFEINE_VERSION = "3.2.0";
  /** The last Caffeine line that runs on Java 8 (Caffeine 3 needs Java 11). */
  public static final String CAFFEINE_JAVA8_VERSION = "2.9.3";

  /** The Caffeine version a module compiled for this Java release can use. */
  public static String caffeineFor(int javaRelease) {
    return javaRelease < 11 ? CAFFEINE_JAVA8_VERSION : CAFFEINE_VERSION;
  }

  /** A dependency to add; a null version is left to dependency management. */
  public record Dependency(String groupId, String artifactId, String version) {}

  private PomDependencies() {}

  /** The pom with the dependencies it lacks, or empty when nothing is missing or the pom has no place for them. */
  public static Optional<String> add(String pom, List<Dependency> dependencies) {
    int[] section = projectDependencies(pom);
    StringBuilder blocks = new StringBuilder();
    String nl = pom.contains("\r\n") ? "\r\n" : "\n";
    String indent = section == null ? "    " : indentBefore(pom, section[1]);
    String unit = indent.startsWith("\t") ? "\t" : indent.length() >= 4 ? indent.substring(0, indent.length() / 2) : "  ";
    for (Dependency dependency : dependencies) {
      if (section != null && pom.substring(section[0], section[1]).contains("<artifactId>" + dependency.artifactId() + "</artifactId>")) {
        continue;
      }
      String inner = indent + unit;
      blocks.append(inner).append("<dependency>").append(nl)
          .append(inner).append(unit).append("<groupId>").append(dependency.groupId()).append("</groupId>").append(nl)
          .append(inner).append(unit).append("<artifactId>").append(dependency.artifactId()).append("</artifactId>").append(nl);
      if (dependency.version() != null) {
        blocks.append(inner).append(unit).append("<version>").append(dependency.version()).append("</version>").append(nl);
      }
      blocks.append(inner).append("</dependency>").append(nl);
    }
    if (blocks.length() == 0) {
      return Optional.empty();
    }
    if (section != null) {
      int closing = section[1];
      int lineStart = pom.lastIndexOf('\n', closing) + 1;
      return Optional.of(pom.substring(0, lineStart) + blocks + pom.substring(lineStart));
    }
    int end = pom.lastIndexOf("</project>");
    if (end < 0) {
      return Optional.empty();
    }
    String wrapped = unit + "<dependencies>" + nl + blocks.toString().replaceAll("(?m)^" + Pattern.quote(indent + unit), unit + unit)
        + unit + "</dependencies>" + nl;
    return Optional.of(pom.substring(0, end) + wrapped + pom.substring(end));
  }

  /** [start of content, index of closing tag] of the project's own dependencies, outside management, build and profiles. */
  static int[] projectDependencies(String pom) {
    String masked = mask(pom, "dependencyManagement");
    masked = mask(masked, "build");
    masked = mask(masked, "profiles");
    masked = mask(masked, "reporting");
    Matcher open = Pattern.compile("<dependencies>").matcher(masked);
    if (!open.find()) {
      return null;
    }
    int close = masked.indexOf("</dependencies>", open.end());
    return close < 0 ? null : new int[] {open.end(), close};
  }

  private static String mask(String text, String element) {
    StringBuilder out = new StringBuilder(text);
    Matcher matcher = Pattern.compile("<" + element + ">.*?</" + element + ">", Pattern.DOTALL).matcher(text);
    while (matcher.find()) {
      for (int i = matcher.start(); i < matcher.end(); i++) {
        if (out.charAt(i) != '\n') {
          out.setCharAt(i, ' ');
        }
      }
    }
    return out.toString();
  }

  private static String indentBefore(String text, int index) {
    int lineStart = text.lastIndexOf('\n', index - 1) + 1;
    int end = lineStart;
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
      end++;
    }
    return text.substring(lineStart, end);
  }
}
