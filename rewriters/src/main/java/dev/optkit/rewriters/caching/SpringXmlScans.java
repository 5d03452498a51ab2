package dev.optkit.rewriters.caching;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The packages Spring XML configuration scans for components ({@code <context:component-scan
 * base-package="a.b, c.d"/>}), so that a generated configuration class lands where an XML-configured
 * application context finds it. Read with StAX, DTDs and external entities off; files that are not
 * well-formed XML, or too large to be configuration, are skipped.
 */
final class SpringXmlScans {
  private static final String CONTEXT_NAMESPACE = "http://www.springframework.org/schema/context";
  private static final long MAX_FILE = 1024 * 1024;

  private SpringXmlScans() {}

  /** The scanned base packages declared in XML files under the module's {@code src/main}, sorted. */
  static List<String> of(Path moduleRoot) {
    Path main = moduleRoot.resolve("src/main");
    if (!Files.isDirectory(main)) {
      return List.of();
    }
    TreeSet<String> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(main)) {
      files.filter(f -> f.getFileName().toString().endsWith(".xml") && Files.isRegularFile(f))
          .sorted()
          .forEach(f -> packages.addAll(read(f)));
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.copyOf(packages); // what could be read; an unreadable folder is no configuration optkit can use
    }
    return List.copyOf(packages);
  }

  static List<String> read(Path file) {
    List<String> found = new ArrayList<>();
    try {
      if (Files.size(file) > MAX_FILE) {
        return found;
      }
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
      try (InputStream in = Files.newInputStream(file)) {
        XMLStreamReader reader = factory.createXMLStreamReader(in);
        try {
          while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("component-scan")
                && CONTEXT_NAMESPACE.equals(reader.getNamespaceURI())) {
              String base = reader.getAttributeValue(null, "base-package");
              if (base != null) {
                // Spring splits on commas, semicolons and white space
                for (String name : base.split("[,;\\s]+")) {
                  if (!name.isBlank()) {
                    found.add(name.trim());
                  }
                }
              }
            }
          }
        } finally {
          reader.close();
        }
      }
    } catch (IOException | XMLStreamException e) {
      return List.of(); // not XML optkit can read: no scans from it
    }
    return found;
  }
}
