package dev.optkit.analyzers.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a Liquibase changelog, in XML, YAML or JSON, does to the schema besides plain tables: the
 * SQL its {@code sql}, {@code createProcedure} and {@code createView} changes run (triggers and
 * rules among it), and the foreign keys its structured changes declare with a changing action
 * ({@code addForeignKeyConstraint} with {@code onDelete: CASCADE}, a column's
 * {@code constraints} with {@code references} and {@code deleteCascade: true} in a
 * {@code createTable} or {@code addColumn}). A file that is no changelog (its root is not
 * {@code databaseChangeLog}), or that cannot be read, holds nothing.
 */
final class LiquibaseChangelogs {
  /** Changes whose text is SQL run against the database. */
  private static final Set<String> SQL_CHANGES = Set.of("sql", "createProcedure", "createView");
  /** The field of a YAML/JSON change that holds its SQL. */
  private static final Map<String, String> SQL_FIELDS =
      Map.of("sql", "sql", "createProcedure", "procedureBody", "createView", "selectQuery");

  private LiquibaseChangelogs() {
  }

  /**
   * @param cascade told (parent table, child table) for each foreign key whose changing action makes
   *     a write to the parent a write to the child
   * @return the SQL texts the changelog runs
   */
  static List<String> read(Path file, BiConsumer<String, String> cascade) {
    try {
      if (Files.size(file) > SqlScripts.MAX_SCRIPT_BYTES) {
        return List.of();
      }
    } catch (IOException e) {
      return List.of();
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".xml")) {
      return xml(file, cascade);
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
      return tree(file, name.endsWith(".json") ? new JsonFactory() : new YAMLFactory(), cascade);
    }
    return List.of();
  }

  private static List<String> tree(Path file, JsonFactory format, BiConsumer<String, String> cascade) {
    JsonNode root;
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (!new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("databaseChangeLog")) {
        return List.of(); // most YAML and JSON is configuration or data: not worth a parse
      }
      root = format instanceof YAMLFactory
          ? dev.optkit.analyzers.io.YamlDocuments.first(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
          : new ObjectMapper(format).readTree(bytes); // YAML as Liquibase reads it, aliases and merge keys resolved
    } catch (IOException | RuntimeException e) {
      return List.of(); // a broken or hostile file holds nothing optkit can trust; the scan goes on
    }
    if (root == null || !root.has("databaseChangeLog")) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    visit(root.get("databaseChangeLog"), null, found, cascade);
    return found;
  }

  /** Walks every change of a YAML/JSON changelog; {@code table} is the one a createTable or addColumn works on. */
  private static void visit(JsonNode node, String table, List<String> found, BiConsumer<String, String> cascade) {
    if (node.isArray()) {
      node.forEach(element -> visit(element, table, found, cascade));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (SQL_CHANGES.contains(key)) {
        JsonNode sql = value.isTextual() ? value : value.path(SQL_FIELDS.get(key));
        if (sql.isTextual()) {
          found.add(sql.asText());
        }
      } else if (key.equals("addForeignKeyConstraint")) {
        if (changing(text(value, "onDelete") + " " + text(value, "onUpdate"))) {
          cascade.accept(text(value, "referencedTableName"), text(value, "baseTableName"));
        }
      } else if ((key.equals("createTable") || key.equals("addColumn")) && value.isObject()) {
        visit(value, text(value, "tableName"), found, cascade);
      } else if (key.equals("constraints") && table != null && value.isObject()) {
        if (value.path("deleteCascade").asBoolean(false)) {
          cascade.accept(parent(text(value, "references"), text(value, "referencedTableName")), table);
        }
      } else {
        visit(value, table, found, cascade);
      }
    }
  }

  private static List<String> xml(Path file, BiConsumer<String, String> cascade) {
    List<String> found = new ArrayList<>();
    XMLInputFactory factory = dev.optkit.analyzers.io.SafeXml.factory();
    try (InputStream in = dev.optkit.analyzers.io.SafeXml.open(file)) {
      XMLStreamReader reader = factory.createXMLStreamReader(in);
      boolean changelog = false;
      StringBuilder sql = null;
      String table = null; // the table a createTable or addColumn change works on
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = reader.getLocalName();
          if (!changelog) {
            if (!name.equals("databaseChangeLog")) {
              return found; // not a changelog: its first element says so
            }
            changelog = true;
          } else if (SQL_CHANGES.contains(name)) {
            sql = new StringBuilder();
          } else if (name.equals("createTable") || name.equals("addColumn")) {
            table = reader.getAttributeValue(null, "tableName");
          } else if (name.equals("addForeignKeyConstraint")) {
            if (changing(attribute(reader, "onDelete") + " " + attribute(reader, "onUpdate"))) {
              cascade.accept(attribute(reader, "referencedTableName"), attribute(reader, "baseTableName"));
            }
          } else if (name.equals("constraints") && table != null && "true".equals(attribute(reader, "deleteCascade"))) {
            cascade.accept(parent(attribute(reader, "references"), attribute(reader, "referencedTableName")), table);
          }
        } else if (sql != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
          sql.append(reader.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String name = reader.getLocalName();
          if (sql != null && SQL_CHANGES.contains(name)) {
            found.add(sql.toString());
            sql = null;
          } else if (name.equals("createTable") || name.equals("addColumn")) {
            table = null;
          }
        }
      }
    } catch (IOException | XMLStreamException | RuntimeException e) {
      // a broken or hostile XML file holds no SQL optkit can trust; the scan goes on
    }
    return found;
  }

  /** ON DELETE/UPDATE CASCADE, SET NULL or SET DEFAULT: the child's rows change with the parent's. */
  private static boolean changing(String actions) {
    String upper = actions.toUpperCase(Locale.ROOT);
    return upper.contains("CASCADE") || upper.contains("SET");
  }

  /** The parent table of {@code references="parent(id)"}, else {@code referencedTableName}. */
  private static String parent(String references, String referencedTableName) {
    if (references.isEmpty()) {
      return referencedTableName;
    }
    return references.contains("(") ? references.substring(0, references.indexOf('(')) : references;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() ? value.asText().trim() : "";
  }

  private static String attribute(XMLStreamReader reader, String name) {
    String value = reader.getAttributeValue(null, name);
    return value == null ? "" : value.trim();
  }
}
