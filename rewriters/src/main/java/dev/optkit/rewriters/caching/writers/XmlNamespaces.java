package dev.optkit.rewriters.caching.writers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Whether an XML file under a project's {@code src} folders declares a namespace (Spring's AOP one, whose
 * {@code <aop:around>} wraps methods with code optkit does not read). Read with the JDK's StAX, DTDs and external
 * entities off; links not followed. A file that cannot be read whole, over a megabyte, or past the bound on files
 * counts as declaring it: the answer fails closed.
 */
final class XmlNamespaces {
  private static final long LARGEST = 1024 * 1024;
  private static final int MOST_FILES = 2_000;

  private XmlNamespaces() {}

  static boolean anyNames(Path root, String namespace) {
    boolean[] found = {false};
    int[] files = {0};
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          return !dir.equals(root) && (name.startsWith(".") || name.equals("target") || name.equals("build")
              || name.equals("node_modules")) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          String relative = root.relativize(file).toString().replace('\\', '/');
          if (!attributes.isRegularFile() || !relative.endsWith(".xml")
              || !(relative.startsWith("src/") || relative.contains("/src/"))) {
            return FileVisitResult.CONTINUE;
          }
          if (++files[0] > MOST_FILES || attributes.size() > LARGEST || declares(file, namespace)) {
            found[0] = true;
            return FileVisitResult.TERMINATE;
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException unreadable) {
      return true;
    }
    return found[0];
  }

  private static boolean declares(Path file, String namespace) {
    XMLInputFactory factory = dev.optkit.analyzers.io.SafeXml.factory();
    try (InputStream in = dev.optkit.analyzers.io.SafeXml.open(file)) {
      XMLStreamReader reader = factory.createXMLStreamReader(in);
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT) {
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
              if (namespace.equals(reader.getNamespaceURI(i))) {
                return true;
              }
            }
            if (namespace.equals(reader.getNamespaceURI())) {
              return true;
            }
          }
        }
        return false;
      } finally {
        reader.close();
      }
    } catch (IOException | XMLStreamException | RuntimeException unreadable) {
      // a file StAX cannot read (broken, a DTD it refuses) is no Spring configuration Spring could load either,
      // unless it is: counted, closed
      return true;
    }
  }
}
