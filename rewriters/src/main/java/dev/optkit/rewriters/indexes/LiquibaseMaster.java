package dev.optkit.rewriters.indexes;

import dev.optkit.analyzers.io.SafeXml;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The master changelog of a Liquibase XML changelog: the one changelog of the module's resources that includes it,
 * directly or through others ({@code <include file>}, {@code <includeAll path>}), and that no other includes; the
 * changelog itself where none includes it. Where a new changeSet goes: at the master's end, after every change its
 * includes run. Read with StAX, DTDs and external entities off; the module's XML files at most 2 MiB each.
 *
 * @param file the master changelog
 * @param text its text as read (UTF-8)
 * @param endTag where its root element's end tag starts in {@code text}: where a changeSet is added
 */
record LiquibaseMaster(Path file, String text, int endTag) {
  private static final long MAX_FILE = 2L * 1024 * 1024;

  /** The master's text with the changeSet added before its root's end tag, on a line of its own. */
  String withChangeSet(String changeSet) {
    String before = text.substring(0, endTag);
    int lineStart = before.lastIndexOf('\n') + 1;
    boolean ownLine = before.substring(lineStart).isBlank();
    // the end tag's indentation stays before it; the changeSet goes on the line above
    String head = ownLine ? before.substring(0, lineStart) : before + "\n";
    String indent = ownLine ? before.substring(lineStart) : "";
    return head + changeSet + indent + text.substring(endTag);
  }
  private static final Path RESOURCES = Path.of("src", "main", "resources");

  /** Why no master can be told, or the master. */
  sealed interface Found permits Master, Unknown {}

  record Master(LiquibaseMaster master) implements Found {}

  record Unknown(String why) implements Found {}

  /** What a changelog file says: whether it is one, what it includes, and where its root's end tag starts. */
  private record Changelog(Path file, String text, Set<Path> includes, List<Path> includedFolders, int endTag) {}

  static Found of(Path changelog) {
    Path resources = null;
    for (Path at = changelog.getParent(); at != null; at = at.getParent()) {
      if (at.endsWith(RESOURCES)) {
        resources = at;
        break;
      }
    }
    if (resources == null) {
      return new Unknown("its changelog " + changelog.getFileName() + " is not in a module's src/main/resources");
    }
    List<Changelog> changelogs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(resources, 16)) { // Files.walk follows no link unless told to
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".xml")
          && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        read(file, resources).ifPresent(changelogs::add);
      }
    } catch (IOException | RuntimeException unreadable) {
      return new Unknown("the module's changelogs cannot be listed (" + unreadable.getClass().getSimpleName() + ")");
    }
    Path wanted = changelog.toAbsolutePath().normalize();
    // the roots that run the changelog: follow includers upwards
    Set<Path> reached = new LinkedHashSet<>(List.of(wanted));
    List<Path> frontier = new ArrayList<>(List.of(wanted));
    while (!frontier.isEmpty()) {
      Path child = frontier.remove(0);
      for (Changelog parent : changelogs) {
        if (parent.file().equals(child) || reached.contains(parent.file())) {
          continue;
        }
        if (includes(parent, child)) {
          reached.add(parent.file());
          frontier.add(parent.file());
        }
      }
    }
    List<Changelog> roots = changelogs.stream().filter(log -> reached.contains(log.file()))
        .filter(log -> changelogs.stream().noneMatch(other -> !other.file().equals(log.file()) && includes(other, log.file())))
        .toList();
    if (roots.size() != 1) {
      return new Unknown(roots.isEmpty() ? "no master changelog including " + changelog.getFileName() + " is read"
          : "several changelogs include " + changelog.getFileName() + " as masters ("
              + String.join(", ", roots.stream().map(r -> r.file().getFileName().toString()).toList()) + ")");
    }
    Changelog root = roots.get(0);
    return new Master(new LiquibaseMaster(root.file(), root.text(), root.endTag()));
  }

  private static boolean includes(Changelog parent, Path child) {
    return parent.includes().contains(child) || parent.includedFolders().stream().anyMatch(
        folder -> child.getParent() != null && child.getParent().equals(folder));
  }

  /** The file as a changelog, or empty when it is none (its root is no databaseChangeLog) or cannot be read. */
  private static Optional<Changelog> read(Path file, Path resources) {
    try {
      if (Files.size(file) > MAX_FILE) {
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (!java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
        return Optional.empty(); // not UTF-8: its bytes would not be kept by an edit of its text
      }
      XMLStreamReader reader = SafeXml.factory().createXMLStreamReader(new StringReader(text));
      Set<Path> includes = new LinkedHashSet<>();
      List<Path> folders = new ArrayList<>();
      int depth = 0;
      Path absolute = file.toAbsolutePath().normalize();
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth == 1 && !reader.getLocalName().equals("databaseChangeLog")) {
            return Optional.empty();
          }
          String name = reader.getLocalName();
          boolean relative = "true".equalsIgnoreCase(reader.getAttributeValue(null, "relativeToChangelogFile"));
          if (name.equals("include") && reader.getAttributeValue(null, "file") != null) {
            includes.add(resolve(absolute, resources, reader.getAttributeValue(null, "file"), relative));
          } else if (name.equals("includeAll") && reader.getAttributeValue(null, "path") != null) {
            folders.add(resolve(absolute, resources, reader.getAttributeValue(null, "path"), relative));
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
          if (depth == 0) {
            String qualified = reader.getPrefix() == null || reader.getPrefix().isEmpty() ? reader.getLocalName()
                : reader.getPrefix() + ":" + reader.getLocalName();
            // the document parsed whole, its root's end tag is the last one of its name, with nothing but blanks after
            // it (a comment or instruction after the root: no place told for sure, refused)
            int start = text.lastIndexOf("</" + qualified);
            int close = start < 0 ? -1 : text.indexOf('>', start);
            if (close < 0 || !text.substring(start + 2 + qualified.length(), close).isBlank()
                || !text.substring(close + 1).isBlank()) {
              return Optional.empty();
            }
            return Optional.of(new Changelog(absolute, text, includes, folders, start));
          }
        }
      }
    } catch (IOException | XMLStreamException | RuntimeException unreadable) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** A path an include names: from the classpath root (the resources folder), or from the including file's folder. */
  private static Path resolve(Path including, Path resources, String path, boolean relative) {
    String cleaned = path.trim().replace('\\', '/');
    if (cleaned.startsWith("classpath:")) {
      cleaned = cleaned.substring("classpath:".length());
    }
    while (cleaned.startsWith("/")) {
      cleaned = cleaned.substring(1);
    }
    Path base = relative ? including.getParent() : resources.toAbsolutePath().normalize();
    return base.resolve(cleaned).normalize();
  }
}
