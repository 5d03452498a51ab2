package dev.optkit.rewriters.indexes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
 * The master changelog of a Liquibase changelog: the one changelog of the module's resources that includes it, directly
 * or through others ({@code include file}, {@code includeAll path}), and that no other includes; the changelog itself
 * where none includes it. Changelogs in XML (read with StAX, DTDs and external entities off), YAML and JSON (read with
 * Jackson), each including any of the three or a formatted SQL changelog; the module's files at most 2 MiB each.
 * Where a new changeSet goes: at the master's end, after every change its includes run, in the master's own format.
 *
 * @param file the master changelog
 * @param text its text as read (UTF-8)
 * @param layout where and how a changeSet is added to it
 */
record LiquibaseMaster(Path file, String text, Layout layout) {
  private static final long MAX_FILE = 2L * 1024 * 1024;

  /** Where a changeSet goes in a master, by its format. */
  sealed interface Layout permits XmlEnd, YamlSequence, JsonArray, NoPlace {}

  /** A changelog whose sequence no item can be appended to as text: a flow sequence, or one with no item yet. */
  record NoPlace() implements Layout {}

  /** @param endTag where the root element's end tag starts in the text */
  record XmlEnd(int endTag) implements Layout {}

  /**
   * @param dashIndent the spaces before the dash of the {@code databaseChangeLog} sequence's items
   * @param tree the document as Jackson reads it, which the edited text must read as with one item more
   */
  record YamlSequence(int dashIndent, JsonNode tree) implements Layout {}

  /**
   * @param after where the array's last element ends (or its opening bracket, when empty): the item goes after it
   * @param indent the spaces before the array's first element (four where it has none)
   * @param empty whether the array has no element yet
   * @param style how the file writes its objects, which the changeSet is written as
   * @param tree the document as Jackson reads it, which the edited text must read as with one element more
   */
  record JsonArray(int after, int indent, boolean empty, LiquibaseChangeSet.JsonStyle style, JsonNode tree)
      implements Layout {}

  /**
   * The master's text with the changeSet added at its end in the master's format: in XML before the root's end tag, on
   * a line of its own; in YAML and JSON as the {@code databaseChangeLog} sequence's last item. Empty where the edited
   * text would not read as the master with exactly that item more (a YAML layout the item's lines do not continue: a
   * flow sequence, a second document, an end marker): the caller refuses rather than guess.
   */
  Optional<String> withChangeSet(LiquibaseChangeSet changeSet) {
    if (layout instanceof XmlEnd xml) {
      return Optional.of(withXml(xml.endTag(), changeSet.xml()));
    }
    if (layout instanceof NoPlace) {
      return Optional.empty();
    }
    if (layout instanceof YamlSequence yaml) {
      String head = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
      return checked(head + changeSet.yaml(yaml.dashIndent()), YAML, yaml.tree(), changeSet);
    }
    JsonArray json = (JsonArray) layout;
    String item = (json.empty() ? "\n" : ",\n") + " ".repeat(json.indent()) + changeSet.json(json.indent(), json.style());
    return checked(text.substring(0, json.after()) + item + text.substring(json.after()), JSON, json.tree(), changeSet);
  }

  /** The text with the changeSet's XML before the root's end tag, on a line of its own. */
  private String withXml(int endTag, String changeSet) {
    String before = text.substring(0, endTag);
    int lineStart = before.lastIndexOf('\n') + 1;
    boolean ownLine = before.substring(lineStart).isBlank();
    // the end tag's indentation stays before it; the changeSet goes on the line above
    String head = ownLine ? before.substring(0, lineStart) : before + "\n";
    String indent = ownLine ? before.substring(lineStart) : "";
    return head + changeSet + indent + text.substring(endTag);
  }

  /** The edited text, where it reads as the master's tree with the changeSet appended to its sequence; else empty. */
  private static Optional<String> checked(String edited, ObjectMapper format, JsonNode before,
      LiquibaseChangeSet changeSet) {
    JsonNode expected = before.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) expected.get(CHANGELOG)).add(changeSet.tree());
    try {
      return expected.equals(format.readTree(edited)) ? Optional.of(edited) : Optional.empty();
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static final String CHANGELOG = "databaseChangeLog";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Path RESOURCES = Path.of("src", "main", "resources");

  /** Why no master can be told, or the master. */
  sealed interface Found permits Master, Unknown {}

  record Master(LiquibaseMaster master) implements Found {}

  record Unknown(String why) implements Found {}

  /** What a changelog file says: what it includes, and where a changeSet would go in it. */
  private record Changelog(Path file, String text, Set<Path> includes, List<Path> includedFolders, Layout layout) {}

  /** Whether the file's name is one of a changelog's formats: XML, YAML or JSON. */
  static boolean isChangelogName(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

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
      for (Path file : files.filter(f -> isChangelogName(f)
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
    return new Master(new LiquibaseMaster(root.file(), root.text(), root.layout()));
  }

  private static boolean includes(Changelog parent, Path child) {
    return parent.includes().contains(child) || parent.includedFolders().stream().anyMatch(
        folder -> child.getParent() != null && child.getParent().equals(folder));
  }

  /**
   * The file as a changelog, or empty when it is none (its root is no databaseChangeLog), cannot be read, or is not
   * UTF-8 (its bytes would not be kept by an edit of its text).
   */
  private static Optional<Changelog> read(Path file, Path resources) {
    try {
      if (Files.size(file) > MAX_FILE) {
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (!java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
        return Optional.empty();
      }
      Path absolute = file.toAbsolutePath().normalize();
      String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      return name.endsWith(".xml") ? xml(absolute, resources, text)
          : tree(absolute, resources, text, name.endsWith(".json") ? JSON : YAML);
    } catch (IOException | XMLStreamException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static Optional<Changelog> xml(Path absolute, Path resources, String text) throws XMLStreamException {
    XMLStreamReader reader = SafeXml.factory().createXMLStreamReader(new StringReader(text));
    Set<Path> includes = new LinkedHashSet<>();
    List<Path> folders = new ArrayList<>();
    int depth = 0;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth == 1 && !reader.getLocalName().equals(CHANGELOG)) {
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
          return Optional.of(new Changelog(absolute, text, includes, folders, new XmlEnd(start)));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A YAML or JSON changelog: a mapping whose {@code databaseChangeLog} is a sequence; its items' {@code include} and
   * {@code includeAll}. Where its items start is read from the parser's locations: the first item's dash (YAML) or
   * bracket (JSON) sets the indentation, the closing bracket where a JSON element goes.
   */
  private static Optional<Changelog> tree(Path absolute, Path resources, String text, ObjectMapper format)
      throws IOException {
    JsonNode tree = format.readTree(text);
    if (tree == null || !tree.isObject() || !tree.path(CHANGELOG).isArray()) {
      return Optional.empty();
    }
    Set<Path> includes = new LinkedHashSet<>();
    List<Path> folders = new ArrayList<>();
    for (JsonNode item : tree.get(CHANGELOG)) {
      JsonNode include = item.path("include");
      JsonNode all = item.path("includeAll");
      if (include.path("file").isTextual()) {
        includes.add(resolve(absolute, resources, include.get("file").asText(), relative(include)));
      } else if (all.path("path").isTextual()) {
        folders.add(resolve(absolute, resources, all.get("path").asText(), relative(all)));
      }
    }
    Optional<Layout> layout = format == JSON ? jsonLayout(text, tree) : yamlLayout(text, tree);
    return layout.map(found -> new Changelog(absolute, text, includes, folders, found));
  }

  private static boolean relative(JsonNode include) {
    JsonNode flag = include.path("relativeToChangelogFile");
    return flag.asBoolean(false) || "true".equalsIgnoreCase(flag.asText());
  }

  /** The first item's dash column in a block sequence; no place for a flow sequence or one with no item. */
  private static Optional<Layout> yamlLayout(String text, JsonNode tree) throws IOException {
    try (com.fasterxml.jackson.core.JsonParser parser = YAML.getFactory().createParser(text)) {
      int depth = 0;
      for (com.fasterxml.jackson.core.JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token.isStructStart()) {
          depth++;
          if (depth == 3) { // the sequence's first item
            int line = parser.currentTokenLocation().getLineNr();
            int column = parser.currentTokenLocation().getColumnNr();
            int lineStart = 0;
            for (int at = 1; at < line && lineStart >= 0; at++) {
              lineStart = text.indexOf('\n', lineStart) < 0 ? -1 : text.indexOf('\n', lineStart) + 1;
            }
            if (line < 1 || lineStart < 0 || column < 1 || lineStart + column - 1 > text.length()) {
              return Optional.empty();
            }
            String before = text.substring(lineStart, lineStart + column - 1);
            int dash = before.lastIndexOf('-');
            return Optional.of(dash >= 0 && before.substring(0, dash).isBlank() && before.substring(dash + 1).isBlank()
                ? new YamlSequence(dash, tree) : new NoPlace());
          }
        } else if (token.isStructEnd()) {
          depth--;
        }
      }
    }
    return Optional.of(new NoPlace());
  }

  /** Where the {@code databaseChangeLog} array's last element ends and its first begins. */
  private static Optional<Layout> jsonLayout(String text, JsonNode tree) throws IOException {
    try (com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory().createParser(text)) {
      int depth = 0;
      int indent = -1;
      int lastEnd = -1;
      int changelogColumn = -1;
      boolean named = false;
      Boolean spaceBefore = null;
      boolean inChangelog = false;
      for (com.fasterxml.jackson.core.JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (named && spaceBefore == null) {
          // the first value after a field's name: back over the spaces to its colon, and whether one stands before that
          int at = (int) parser.currentTokenLocation().getCharOffset() - 1;
          while (at > 0 && Character.isWhitespace(text.charAt(at))) {
            at--;
          }
          spaceBefore = at > 0 && text.charAt(at) == ':' && Character.isWhitespace(text.charAt(at - 1));
        }
        named = token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME;
        if (depth == 1 && token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
          inChangelog = CHANGELOG.equals(parser.currentName());
          if (inChangelog) {
            changelogColumn = parser.currentTokenLocation().getColumnNr() - 1;
          }
        }
        if (token.isStructStart()) {
          depth++;
          if (depth == 2 && inChangelog) {
            lastEnd = (int) parser.currentTokenLocation().getCharOffset() + 1; // after the opening bracket
          } else if (depth == 3 && inChangelog && indent < 0) {
            indent = parser.currentTokenLocation().getColumnNr() - 1;
          }
        } else if (token.isStructEnd()) {
          depth--;
          if (depth == 2 && inChangelog) {
            lastEnd = (int) parser.currentLocation().getCharOffset(); // after the element's closing bracket
          } else if (depth == 1 && inChangelog) {
            int step = indent > changelogColumn && changelogColumn >= 0 ? Math.min(indent - changelogColumn, 8) : 2;
            return Optional.of(new JsonArray(lastEnd, indent < 0 ? 4 : indent, indent < 0,
                new LiquibaseChangeSet.JsonStyle(step, Boolean.TRUE.equals(spaceBefore)), tree));
          }
        } else if (depth == 2 && inChangelog && token.isScalarValue()) {
          lastEnd = (int) parser.currentLocation().getCharOffset();
        }
      }
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
