package dev.optkit.analyzers.dependencies;

import dev.optkit.analyzers.io.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Ant and Ivy builds as Maven Resolver can resolve them: each {@code ivy.xml} of the project is a module whose
 * {@code <dependency org name rev>} are Maven coordinates (Ivy's default resolver is Maven Central's layout), read with
 * StAX like every project XML ({@link SafeXml}). A revision Ivy computes ({@code latest.integration}, {@code 1.+}) or a
 * {@code ${property}} is not one Maven can fetch: counted, said, not resolved. The repositories an
 * {@code ivysettings.xml} names are not read: what Maven Central does not have is said missing, as for a pom.
 */
final class IvyModules {
  private static final int MAX_DEPTH = 4;
  private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "target", ".optkit", ".idea", ".gradle");

  private IvyModules() {}

  /**
   * A module's declarations.
   *
   * @param unresolvable how many declarations have a revision Maven cannot fetch, or no organisation or name
   */
  record Module(Path file, List<Coordinates> dependencies, int unresolvable) {
    Module {
      dependencies = List.copyOf(dependencies);
    }
  }

  /** The project's {@code ivy.xml} files, by path; links not followed. */
  static List<Path> files(Path root) {
    List<Path> found = new ArrayList<>();
    collect(root, 0, found);
    return found.stream().sorted().toList();
  }

  private static void collect(Path dir, int depth, List<Path> found) {
    if (depth > MAX_DEPTH) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : entries.sorted().toList()) {
        String name = entry.getFileName().toString();
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          if (!SKIPPED.contains(name)) {
            collect(entry, depth + 1, found);
          }
        } else if (name.equals("ivy.xml") && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          found.add(entry);
        }
      }
    } catch (IOException unreadable) {
      // a folder that cannot be listed holds no module optkit can read
    }
  }

  /** The module's dependencies; a file StAX cannot read is an exception the caller says as a warning. */
  static Module read(Path file) throws IOException, XMLStreamException {
    List<Coordinates> dependencies = new ArrayList<>();
    int unresolvable = 0;
    try (InputStream in = SafeXml.open(file)) {
      XMLStreamReader reader = SafeXml.factory().createXMLStreamReader(in);
      try {
        boolean inDependencies = false;
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("dependencies")) {
            inDependencies = true;
          } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("dependencies")) {
            inDependencies = false;
          } else if (event == XMLStreamConstants.START_ELEMENT && inDependencies
              && reader.getLocalName().equals("dependency")) {
            String org = reader.getAttributeValue(null, "org");
            String name = reader.getAttributeValue(null, "name");
            String rev = reader.getAttributeValue(null, "rev");
            if (fetchable(org) && fetchable(name) && fetchableRevision(rev)) {
              dependencies.add(new Coordinates(org.strip(), name.strip(), rev.strip()));
            } else {
              unresolvable++;
            }
          }
        }
      } finally {
        reader.close();
      }
    }
    return new Module(file, dependencies, unresolvable);
  }

  /**
   * An organisation or module name Maven can fetch as a path segment of a repository: letters, digits, {@code _},
   * {@code .} and {@code -}, not {@code .} or {@code ..} alone (a name like {@code ..} would climb out of the local
   * repository, a {@code ?} or {@code #} cut the remote URL).
   */
  private static boolean fetchable(String part) {
    return part != null && segment(part.strip(), "");
  }

  /** A fixed version or a Maven range ({@code [1.0,2.0)}); not Ivy's {@code latest.*}, {@code 1.+} nor a property. */
  private static boolean fetchableRevision(String rev) {
    if (rev == null) {
      return false;
    }
    String text = rev.strip();
    return !text.startsWith("latest.") && segment(text, "[](),");
  }

  private static boolean segment(String text, String alsoAllowed) {
    if (text.isEmpty() || text.length() > 200 || text.equals(".") || text.equals("..")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
          || c == '-';
      if (!plain && alsoAllowed.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
