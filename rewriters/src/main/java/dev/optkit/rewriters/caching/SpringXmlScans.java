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
 * What Spring XML configuration declares: the packages it scans for components ({@code
 * <context:component-scan base-package="a.b, c.d"/>}), so that a generated configuration class
 * lands where an XML-configured application context finds it, and the classes it makes beans of. Read with StAX, DTDs and external entities off; files that are not
 * well-formed XML, or too large to be configuration, are skipped.
 */
public final class SpringXmlScans {
  private static final String CONTEXT_NAMESPACE = "http://www.springframework.org/schema/context";
  private static final long MAX_FILE = 1024 * 1024;

  private SpringXmlScans() {}

  private static final String BEANS_NAMESPACE = "http://www.springframework.org/schema/beans";

  /** The scanned base packages declared in XML files under the module's {@code src/main}, sorted. */
  public static List<String> of(Path moduleRoot) {
    TreeSet<String> packages = new TreeSet<>();
    for (Path file : xmlFiles(moduleRoot)) {
      packages.addAll(read(file));
    }
    return List.copyOf(packages);
  }

  /** The classes XML configuration under the module's {@code src/main} makes beans of ({@code <bean class="...">}). */
  public static List<String> beanClasses(Path moduleRoot) {
    TreeSet<String> classes = new TreeSet<>();
    for (Path file : xmlFiles(moduleRoot)) {
      classes.addAll(attributeValues(file, BEANS_NAMESPACE, "bean", "class"));
    }
    return List.copyOf(classes);
  }

  /**
   * The method names XML configuration under the module's {@code src/main} calls by name: the values of every
   * attribute named {@code method} or ending in {@code -method} ({@code <task:scheduled ref="catRepository"
   * method="anonymiseAll"/>}, {@code init-method}, {@code factory-method}), in any namespace, sorted.
   */
  public static java.util.Set<String> calledMethods(Path moduleRoot) {
    TreeSet<String> methods = new TreeSet<>();
    for (Path file : xmlFiles(moduleRoot)) {
      methods.addAll(attributeValues(file, null, null, "method"));
    }
    return methods;
  }

  private static final String TX_NAMESPACE = "http://www.springframework.org/schema/tx";

  /**
   * Whether XML configuration under the module's {@code src/main} declares transactions that no
   * annotation shows: {@code <tx:advice>} applied by pointcuts, or transaction proxy beans.
   */
  public static boolean declaresTransactions(Path moduleRoot) {
    for (Path file : xmlFiles(moduleRoot)) {
      if (!attributeValues(file, TX_NAMESPACE, "advice", "id").isEmpty()
          || attributeValues(file, BEANS_NAMESPACE, "bean", "class").stream()
              .anyMatch(c -> c.startsWith("org.springframework.transaction.interceptor."))) {
        return true;
      }
    }
    return false;
  }

  static List<String> read(Path file) {
    List<String> found = new ArrayList<>();
    for (String base : attributeValues(file, CONTEXT_NAMESPACE, "component-scan", "base-package")) {
      // Spring splits on commas, semicolons and white space
      for (String name : base.split("[,;\\s]+")) {
        if (!name.isBlank()) {
          found.add(name.trim());
        }
      }
    }
    return found;
  }

  private static List<Path> xmlFiles(Path moduleRoot) {
    Path main = moduleRoot.resolve("src/main");
    if (!Files.isDirectory(main)) {
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      files.filter(f -> f.getFileName().toString().endsWith(".xml") && Files.isRegularFile(f)).sorted()
          .forEach(found::add);
    } catch (IOException | java.io.UncheckedIOException e) {
      // what could be listed; an unreadable folder is no configuration optkit can use
    }
    return found;
  }

  /** One attribute of every element of that name and namespace in a file; nothing from a file that is not XML. */
  private static List<String> attributeValues(Path file, String namespace, String element, String attribute) {
    List<String> found = new ArrayList<>();
    try {
      if (Files.size(file) > MAX_FILE) {
        return found;
      }
      XMLInputFactory factory = dev.optkit.analyzers.io.SafeXml.factory();
      try (InputStream in = dev.optkit.analyzers.io.SafeXml.open(file)) {
        XMLStreamReader reader = factory.createXMLStreamReader(in);
        try {
          while (reader.hasNext()) {
            if (reader.next() != XMLStreamConstants.START_ELEMENT) {
              continue;
            }
            if (element == null) { // any element, any attribute named so or ending in "-" + the name
              for (int i = 0; i < reader.getAttributeCount(); i++) {
                String name = reader.getAttributeLocalName(i);
                if (name.equals(attribute) || name.endsWith("-" + attribute)) {
                  found.add(reader.getAttributeValue(i).trim());
                }
              }
              // <property name="targetMethod" value="purge"/>: Spring's MethodInvoker beans name a method so
              String property = reader.getAttributeValue(null, "name");
              String value = reader.getAttributeValue(null, "value");
              if (reader.getLocalName().equals("property") && property != null && value != null
                  && property.toLowerCase(java.util.Locale.ROOT).endsWith(attribute)) {
                found.add(value.trim());
              }
            } else if (reader.getLocalName().equals(element) && namespace.equals(reader.getNamespaceURI())) {
              String value = reader.getAttributeValue(null, attribute);
              if (value != null) {
                found.add(value.trim());
              }
            }
          }
        } finally {
          reader.close();
        }
      }
    } catch (IOException | XMLStreamException e) {
      return List.of();
    }
    return found;
  }
}
