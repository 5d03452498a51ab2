package dev.optkit.rewriters.caching.text;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Adds dependencies to a pom.xml as text, so nothing else in the file changes: new
 * {@code <dependency>} blocks go before the closing tag of the project's own dependencies (found by
 * an XML parser, so comments, profiles and dependency management never mislead it), indented like
 * their neighbours.
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
    Section section = projectDependencies(pom);
    if (section == null) {
      return Optional.empty();
    }
    Optional<String> widened = widenScopes(pom, section, dependencies);
    if (widened.isPresent()) {
      // offsets moved: add what is missing to the widened pom (empty when nothing is)
      return Optional.of(add(widened.get(), dependencies).orElse(widened.get()));
    }
    StringBuilder blocks = new StringBuilder();
    String nl = pom.contains("\r\n") ? "\r\n" : "\n";
    boolean existing = section.closeTag() >= 0;
    // a new <dependencies> sits where <project>'s children do: indented like the last of them
    String indent = existing ? indentBefore(pom, section.closeTag()) : childIndent(pom, section.projectCloseTag());
    String unit = indent.startsWith("\t") ? "\t" : indent.length() >= 4 ? indent.substring(0, indent.length() / 2) : "  ";
    if (!existing) {
      unit = indent;
    } else {
      // the unit the file uses: how much deeper than </dependencies> its last <dependency> sits
      String child = childIndent(pom, section.closeTag());
      if (child.length() > indent.length() && child.startsWith(indent)) {
        unit = child.substring(indent.length());
      }
    }
    for (Dependency dependency : dependencies) {
      if (section.artifactIds().contains(dependency.artifactId())) {
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
    int closing = existing ? section.closeTag() : section.projectCloseTag();
    int lineStart = pom.lastIndexOf('\n', closing - 1) + 1;
    boolean ownLine = pom.substring(lineStart, closing).isBlank();
    int at = ownLine ? lineStart : closing;
    String prefix = ownLine ? "" : nl;
    String inserted = existing ? blocks.toString()
        : indent + "<dependencies>" + nl + blocks + indent + "</dependencies>" + nl;
    return Optional.of(pom.substring(0, at) + prefix + inserted + pom.substring(at));
  }

  /** Scopes whose dependency is not on the main code's compile class path. */
  private static final Set<String> NOT_COMPILED_AGAINST = Set.of("runtime", "test");

  /**
   * The pom with the {@code <scope>} taken off a wanted dependency the project declares as runtime or
   * test only (spring-petclinic's {@code caffeine} is runtime): generated code compiles against it.
   * Empty when no scope stands in the way, or when the element cannot be found where the parser put it.
   */
  private static Optional<String> widenScopes(String pom, Section section, List<Dependency> dependencies) {
    List<Integer> ends = endTags(pom, "dependency");
    for (Dependency dependency : dependencies) {
      Integer ordinal = section.narrowScopeEnds().get(dependency.artifactId());
      if (ordinal == null || ordinal >= ends.size()) {
        continue;
      }
      int end = ends.get(ordinal);
      int start = pom.lastIndexOf("<dependency>", end);
      int open = start < 0 ? -1 : pom.indexOf("<scope>", start);
      int close = open < 0 ? -1 : pom.indexOf("</scope>", open);
      if (open < 0 || close < 0 || close > end) {
        continue;
      }
      int from = open;
      int to = close + "</scope>".length();
      int lineStart = pom.lastIndexOf('\n', open - 1) + 1;
      int lineEnd = pom.indexOf('\n', to);
      if (pom.substring(lineStart, open).isBlank() && lineEnd >= 0 && pom.substring(to, lineEnd).isBlank()) {
        from = lineStart;
        to = lineEnd + 1;
      }
      String widened = pom.substring(0, from) + pom.substring(to);
      Section after = projectDependencies(widened);
      if (after != null && !after.narrowScopeEnds().containsKey(dependency.artifactId())
          && after.artifactIds().contains(dependency.artifactId())) {
        return Optional.of(widened);
      }
    }
    return Optional.empty();
  }

  /**
   * Where the project's own {@code <dependencies>} closes (-1 when it has none), where
   * {@code </project>} starts, and the artifacts already declared there: outside dependency
   * management, build, profiles and comments, read with the JDK's StAX parser (no DTDs, no
   * external entities).
   */
  record Section(int closeTag, int projectCloseTag, Set<String> artifactIds,
      Map<String, Integer> narrowScopeEnds) {}

  /** The project's dependency section, or null when the pom is not well-formed XML with a {@code <project>} root. */
  static Section projectDependencies(String pom) {
    XMLInputFactory factory = dev.optkit.analyzers.io.SafeXml.factory();
    List<String> path = new ArrayList<>();
    Set<String> artifactIds = new HashSet<>();
    int dependenciesClosed = 0; // StAX locations are not exact offsets: find the end tag by its ordinal instead
    int dependencyClosed = 0;
    String artifact = null;
    String scope = null;
    Map<String, Integer> narrowScopeEnds = new java.util.HashMap<>();
    int projectOrdinal = -1;
    boolean project = false;
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(pom));
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          path.add(reader.getLocalName());
          if (path.equals(List.of("project", "dependencies", "dependency", "artifactId"))) {
            artifact = reader.getElementText().strip();
            artifactIds.add(artifact);
            path.remove(path.size() - 1);
          } else if (path.equals(List.of("project", "dependencies", "dependency", "scope"))) {
            scope = reader.getElementText().strip();
            path.remove(path.size() - 1);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (reader.getLocalName().equals("dependency")) {
            if (path.equals(List.of("project", "dependencies", "dependency")) && artifact != null && scope != null
                && NOT_COMPILED_AGAINST.contains(scope)) {
              narrowScopeEnds.put(artifact, dependencyClosed);
            }
            if (path.size() == 3) {
              artifact = null;
              scope = null;
            }
            dependencyClosed++;
          }
          if (reader.getLocalName().equals("dependencies")) {
            if (path.equals(List.of("project", "dependencies"))) {
              projectOrdinal = dependenciesClosed;
            }
            dependenciesClosed++;
          }
          project |= path.equals(List.of("project"));
          path.remove(path.size() - 1);
        }
      }
    } catch (XMLStreamException | RuntimeException e) {
      return null;
    }
    List<Integer> dependencyEnds = endTags(pom, "dependencies");
    List<Integer> projectEnds = endTags(pom, "project");
    if (!project || projectEnds.isEmpty() || dependencyEnds.size() != dependenciesClosed
        || endTags(pom, "dependency").size() != dependencyClosed) {
      return null;
    }
    return new Section(projectOrdinal < 0 ? -1 : dependencyEnds.get(projectOrdinal),
        projectEnds.get(projectEnds.size() - 1), Set.copyOf(artifactIds), Map.copyOf(narrowScopeEnds));
  }

  /** Offsets of {@code </name>} end tags in markup, past comments, CDATA sections and processing instructions. */
  private static List<Integer> endTags(String xml, String name) {
    List<Integer> found = new ArrayList<>();
    int i = 0;
    while ((i = xml.indexOf('<', i)) >= 0) {
      String skipTo = xml.startsWith("<!--", i) ? "-->" : xml.startsWith("<![CDATA[", i) ? "]]>"
          : xml.startsWith("<?", i) ? "?>" : null;
      if (skipTo != null) {
        int end = xml.indexOf(skipTo, i);
        if (end < 0) {
          break;
        }
        i = end + skipTo.length();
        continue;
      }
      if (xml.startsWith("</" + name, i)) {
        int after = i + 2 + name.length();
        while (after < xml.length() && Character.isWhitespace(xml.charAt(after))) {
          after++;
        }
        if (after < xml.length() && xml.charAt(after) == '>') {
          found.add(i);
        }
      }
      i++;
    }
    return found;
  }

  /** The indentation of the last non-blank line before {@code index}, or two spaces. */
  private static String childIndent(String text, int index) {
    int lineEnd = text.lastIndexOf('\n', index - 1);
    while (lineEnd > 0) {
      int lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
      if (!text.substring(lineStart, lineEnd).isBlank()) {
        String indent = indentBefore(text, lineStart + 1);
        return indent.isEmpty() ? "  " : indent;
      }
      lineEnd = lineStart - 1;
    }
    return "  ";
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
