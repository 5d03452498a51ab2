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

  /** The module's dependencies, the file alone ({@link #read(Path, Path)} with its own folder as the tree). */
  static Module read(Path file) throws IOException, XMLStreamException {
    return read(file.toAbsolutePath().getParent(), file);
  }

  /** The most the entities a module includes may hold in all: an Ivy module's shared declarations are a few KB. */
  private static final long MAX_ENTITY_BYTES = 1 << 20;

  /**
   * The module's dependencies; a file StAX cannot read is an exception the caller says as a warning. An external
   * entity the module declares and uses ({@code <!ENTITY deps SYSTEM "../ivy-deps.xml">}, then {@code &deps;} in its
   * {@code <dependencies>}: an Ant build sharing its modules' declarations) is read where Ivy reads it, when its system
   * id is a relative path to a regular file inside {@code root} (no link, no URL, at most 1 MB for all the module's
   * references together, one level: the file's own entities are not read); any other is an error that names it. A
   * module is read without its DTD first; only one that fails so is read again with its entity declarations.
   */
  static Module read(Path root, Path file) throws IOException, XMLStreamException {
    try {
      return read(root, file, false);
    } catch (XMLStreamException withoutDtd) {
      // no DTD read first: a module naming an external DTD it does not need (<!DOCTYPE ... SYSTEM "ivy.dtd">) is read
      // as before; only a module that fails so is read again with its entity declarations
      return read(root, file, true);
    }
  }

  private static Module read(Path root, Path file, boolean withDtd) throws IOException, XMLStreamException {
    Scan scan = new Scan();
    try (InputStream in = SafeXml.open(file)) {
      XMLStreamReader reader = (withDtd ? SafeXml.factoryReadingEntityDeclarations() : SafeXml.factory())
          .createXMLStreamReader(in);
      try {
        java.util.Map<String, String> entities = new java.util.HashMap<>();
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.DTD && reader.getProperty("javax.xml.stream.entities") instanceof List<?> all) {
            for (Object declared : all) {
              if (declared instanceof javax.xml.stream.events.EntityDeclaration entity && entity.getSystemId() != null) {
                entities.put(entity.getName(), entity.getSystemId());
              }
            }
          } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            String systemId = entities.get(reader.getLocalName());
            if (systemId == null) {
              throw new XMLStreamException("the entity &" + reader.getLocalName() + "; is no file Ivy reads");
            }
            included(root, file, systemId, scan);
          } else {
            scan.event(reader, event);
          }
        }
      } finally {
        reader.close();
      }
    }
    return new Module(file, List.copyOf(new java.util.LinkedHashSet<>(scan.dependencies)), scan.unresolvable);
  }

  /** An external entity's file read as the module's text at its reference, its declarations in the scan. */
  private static void included(Path root, Path file, String systemId, Scan scan) throws IOException, XMLStreamException {
    Path entity;
    try {
      Path relative = Path.of(systemId);
      if (systemId.contains(":") || relative.isAbsolute()) {
        throw new XMLStreamException("the entity " + systemId + " is no relative path: not read");
      }
      entity = file.toAbsolutePath().getParent().resolve(relative).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new XMLStreamException("the entity " + systemId + " is no path: not read");
    }
    Path tree = root.toRealPath();
    // the file itself no link, and where its folders lead, still inside the tree
    if (!Files.isRegularFile(entity, LinkOption.NOFOLLOW_LINKS) || !entity.toRealPath().startsWith(tree)) {
      throw new XMLStreamException("the entity " + systemId + " is no file of the project's tree: not read");
    }
    scan.includedBytes += Files.size(entity);
    if (scan.includedBytes > MAX_ENTITY_BYTES) {
      // the total, not each file's: fifty references to one large file are fifty times its text (a review's 299-byte
      // module made 1.3 million dependencies of one 1 MB file)
      throw new XMLStreamException("the entities the module includes are over 1 MB in all: not read");
    }
    String text = Files.readString(entity);
    if (text.startsWith("\uFEFF")) { // a byte order mark, which UTF-8 decoding keeps as a character
      text = text.substring(1);
    }
    if (text.startsWith("<?xml")) { // an external parsed entity's text declaration (XML 1.0, 4.3.1), not its content
      int end = text.indexOf("?>");
      text = end < 0 ? text : text.substring(end + 2);
    }
    XMLStreamReader reader = SafeXml.factory().createXMLStreamReader(
        new java.io.StringReader("<optkit-entity>" + text + "</optkit-entity>"));
    try {
      while (reader.hasNext()) {
        int event = reader.next();
        if (!(event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT)
            || !reader.getLocalName().equals("optkit-entity")) {
          scan.event(reader, event);
        }
      }
    } finally {
      reader.close();
    }
  }

  /** The dependencies met so far, through the module's text and the entities it includes. */
  private static final class Scan {
    final List<Coordinates> dependencies = new ArrayList<>();
    int unresolvable;
    long includedBytes;
    boolean inDependencies;

    void event(XMLStreamReader reader, int event) {
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
