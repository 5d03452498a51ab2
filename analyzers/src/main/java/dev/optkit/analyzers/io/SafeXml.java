package dev.optkit.analyzers.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The JDK's StAX, set up for XML the scanned project holds, which is hostile input: no DTDs, no external entities, no
 * external DTD access, and a file opened without following a link out of the project. Every reader of a project's
 * XML (mappers, changelogs, poms, Spring and web.xml files) starts here.
 */
public final class SafeXml {
  private SafeXml() {}

  /** A namespace-aware factory with DTDs and external entities off. */
  public static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    try {
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    } catch (IllegalArgumentException unsupported) {
      // a StAX implementation without the JAXP property: DTDs are off anyway
    }
    return factory;
  }

  /**
   * A factory as {@link #factory()}'s that reads a document's internal DTD subset for its entity declarations, and
   * leaves every entity reference unreplaced ({@code ENTITY_REFERENCE} events): an external entity is never opened by
   * the parser (external entities and external DTD access stay off), the caller decides what, if anything, to read for
   * it (an Ivy module including a file of its own tree, {@code <!ENTITY deps SYSTEM "../deps.xml">}). The JDK's
   * entity expansion limits apply to what the subset declares.
   */
  public static XMLInputFactory factoryReadingEntityDeclarations() {
    XMLInputFactory factory = factory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, true);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    return factory;
  }

  /** The file's bytes, a link not followed ({@code NOFOLLOW_LINKS}: a link fails to open). */
  public static InputStream open(Path file) throws IOException {
    return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The trimmed text of every element of these local names, any namespace, in document order
   * ({@code <servlet-class>} of a web.xml).
   */
  public static List<String> elementTexts(Path file, Set<String> localNames) throws IOException, XMLStreamException {
    List<String> found = new ArrayList<>();
    try (InputStream in = open(file)) {
      XMLStreamReader reader = factory().createXMLStreamReader(in);
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT && localNames.contains(reader.getLocalName())) {
            found.add(reader.getElementText().trim());
          }
        }
      } finally {
        reader.close();
      }
    }
    return found;
  }
}
