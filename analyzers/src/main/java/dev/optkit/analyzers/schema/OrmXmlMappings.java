package dev.optkit.analyzers.schema;

import dev.optkit.analyzers.facts.TypeFact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JPA entities mapped in XML ({@code META-INF/orm.xml} and other {@code <entity-mappings>} files):
 * their table and their associations, with the fetch type each declares or the specification's
 * default (to-many and element collections lazy, to-one eager). An association the XML maps
 * overrides the annotation on the same field. Read with StAX, DTDs and external entities off; a
 * file that is not well-formed keeps what it declared before the error.
 */
public final class OrmXmlMappings {
  private static final long MAX_FILE = 2L * 1024 * 1024;
  private static final int HEAD_BYTES = 4096;
  private static final Map<String, String> MAPPINGS = Map.of(
      "one-to-many", "OneToMany", "many-to-many", "ManyToMany", "element-collection", "ElementCollection",
      "many-to-one", "ManyToOne", "one-to-one", "OneToOne");

  /** One entity: its table (the class's simple name when the XML names none) and its associations. */
  public record Entity(String className, String table, List<TypeFact.Association> associations) {}

  private final Map<String, Entity> byClass;
  private final java.util.Set<String> namedQueries;

  private OrmXmlMappings(Map<String, Entity> byClass) {
    this(byClass, java.util.Set.of());
  }

  private OrmXmlMappings(Map<String, Entity> byClass, java.util.Set<String> namedQueries) {
    this(byClass, namedQueries, false);
  }

  private OrmXmlMappings(Map<String, Entity> byClass, java.util.Set<String> namedQueries, boolean mappingFiles) {
    this.namedQueries = java.util.Set.copyOf(namedQueries);
    this.byClass = Map.copyOf(byClass);
    this.mappingFiles = mappingFiles;
  }

  private final boolean mappingFiles;

  /**
   * Whether the project has a JPA mapping file at all: it may declare what no entity element shows (default entity
   * listeners, fetch graphs, converters).
   */
  public boolean declared() {
    return mappingFiles;
  }

  public static OrmXmlMappings none() {
    return new OrmXmlMappings(Map.of());
  }

  public static OrmXmlMappings read(List<Path> xmlFiles) {
    Map<String, Entity> found = new HashMap<>();
    java.util.Set<String> named = new java.util.TreeSet<>();
    boolean any = false;
    for (Path file : xmlFiles) {
      any |= read(file, found, named);
    }
    return new OrmXmlMappings(found, named, any);
  }

  /** The names of the {@code <named-query>} and {@code <named-native-query>} elements: queries run by their name. */
  public java.util.Set<String> namedQueries() {
    return namedQueries;
  }

  public Optional<Entity> entity(String qualifiedName) {
    return Optional.ofNullable(byClass.get(qualifiedName));
  }

  public java.util.Collection<Entity> entities() {
    return byClass.values();
  }

  /** @return whether the file is a mapping file (its entities read where it is small enough) */
  private static boolean read(Path file, Map<String, Entity> found, java.util.Set<String> named) {
    try (InputStream in = dev.optkit.analyzers.io.SafeXml.open(file)) {
      byte[] head = in.readNBytes(HEAD_BYTES);
      if (!new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).contains("<entity-mappings")) {
        return false;
      }
      if (Files.size(file) > MAX_FILE) {
        return true;
      }
    } catch (IOException e) {
      return false;
    }
    XMLInputFactory factory = dev.optkit.analyzers.io.SafeXml.factory();
    try (InputStream in = dev.optkit.analyzers.io.SafeXml.open(file)) {
      XMLStreamReader reader = factory.createXMLStreamReader(in);
      try {
        String pkg = "";
        String entity = null;
        String table = null;
        List<TypeFact.Association> associations = new ArrayList<>();
        boolean inPackage = false;
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            String name = reader.getLocalName();
            if ((name.equals("named-query") || name.equals("named-native-query"))
                && reader.getAttributeValue(null, "name") != null) {
              named.add(reader.getAttributeValue(null, "name"));
            }
            if (name.equals("package") && entity == null) {
              inPackage = true;
              text.setLength(0);
            } else if (name.equals("entity")) {
              String className = reader.getAttributeValue(null, "class");
              entity = className == null ? null : className.contains(".") || pkg.isEmpty() ? className : pkg + "." + className;
              table = null;
              associations = new ArrayList<>();
            } else if (name.equals("table") && entity != null) {
              table = reader.getAttributeValue(null, "name");
            } else if (MAPPINGS.containsKey(name) && entity != null && reader.getAttributeValue(null, "name") != null) {
              String mapping = MAPPINGS.get(name);
              String fetch = reader.getAttributeValue(null, "fetch");
              boolean eager = fetch == null ? mapping.endsWith("ToOne") : fetch.equalsIgnoreCase("EAGER");
              String target = reader.getAttributeValue(null, "target-entity");
              if (target == null) {
                target = reader.getAttributeValue(null, "target-class");
              }
              associations.add(new TypeFact.Association(reader.getAttributeValue(null, "name"), mapping, eager,
                  target == null || target.contains(".") || pkg.isEmpty() ? target : pkg + "." + target, false));
            }
          } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && inPackage) {
            text.append(reader.getText());
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            String name = reader.getLocalName();
            if (name.equals("package") && inPackage) {
              pkg = text.toString().trim();
              inPackage = false;
            } else if (name.equals("entity") && entity != null) {
              found.put(entity, new Entity(entity, table == null ? entity.substring(entity.lastIndexOf('.') + 1) : table,
                  List.copyOf(associations)));
              entity = null;
            }
          }
        }
      } finally {
        reader.close();
      }
    } catch (IOException | XMLStreamException | RuntimeException e) {
      // not well-formed: the entities read before the error count
    }
    return true;
  }
}
