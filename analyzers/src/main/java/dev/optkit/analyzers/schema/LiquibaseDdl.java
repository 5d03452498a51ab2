package dev.optkit.analyzers.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The tables, keys and indexes a Liquibase changelog (XML, YAML or JSON) declares, written as the SQL statements its
 * structured changes amount to, in the changelog's order: what {@link SchemaIndexes} reads from a script. {@code
 * createTable} (its columns' {@code constraints}: primary key, unique, references), {@code addColumn}, {@code
 * createIndex}, {@code addPrimaryKey}, {@code addUniqueConstraint}, {@code addForeignKeyConstraint}; and the changes
 * that drop or rename ({@code dropIndex}, {@code dropTable}, {@code dropColumn}, {@code renameColumn}, {@code
 * renameTable}, {@code dropPrimaryKey}, {@code dropUniqueConstraint}, {@code dropForeignKeyConstraint}) as the
 * statements whose effect the reader follows or marks the table's indexes unknown by. The SQL of {@code sql} changes
 * is read as it is. Every name is written as one identifier, quoted where it is not plain, whatever the file holds; a
 * column type other than a word with up to two numbers ({@code varchar(255)}, {@code decimal(21,2)}) is {@code text}
 * (a property such as {@code ${uuidType}}). A file that is no changelog, or cannot be read, declares nothing.
 */
final class LiquibaseDdl {
  private LiquibaseDdl() {}

  /**
   * A statement and the line of the change it comes from (in an XML changelog where the change starts; 1 in YAML and
   * JSON, whose reader keeps no lines): where a finding about it points.
   */
  record Ddl(String sql, int line) {}

  /** The statements, or empty for a file that is no changelog. */
  static Optional<List<Ddl>> of(Path file) {
    try {
      if (Files.size(file) > SqlScripts.MAX_SCRIPT_BYTES) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".xml")) {
      return xml(file);
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
      return tree(file, name.endsWith(".json") ? new JsonFactory() : new YAMLFactory());
    }
    return Optional.empty();
  }

  /** One change as read, in either format: its kind, its attributes, and its columns' (with their constraints'). */
  private record Change(String kind, Map<String, String> attributes, List<Map<String, String>> columns) {
    String get(String attribute) {
      String value = attributes.get(attribute);
      return value == null ? "" : value.trim();
    }
  }

  private static Optional<List<Ddl>> xml(Path file) {
    List<Ddl> statements = new ArrayList<>();
    XMLInputFactory factory = dev.optkit.analyzers.io.SafeXml.factory();
    try (InputStream in = dev.optkit.analyzers.io.SafeXml.open(file)) {
      XMLStreamReader reader = factory.createXMLStreamReader(in);
      boolean changelog = false;
      Change change = null;
      Map<String, String> column = null;
      StringBuilder sql = null;
      int line = 1;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = reader.getLocalName();
          if (!changelog) {
            if (!name.equals("databaseChangeLog")) {
              return Optional.empty();
            }
            changelog = true;
          } else if (name.equals("sql")) {
            sql = new StringBuilder();
            line = reader.getLocation().getLineNumber();
          } else if (KINDS.contains(name)) {
            change = new Change(name, attributes(reader), new ArrayList<>());
            line = reader.getLocation().getLineNumber();
          } else if (change != null && name.equals("column")) {
            column = attributes(reader);
            change.columns().add(column);
          } else if (column != null && name.equals("constraints")) {
            for (Map.Entry<String, String> constraint : attributes(reader).entrySet()) {
              column.put("constraints." + constraint.getKey(), constraint.getValue());
            }
          }
        } else if (sql != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
          sql.append(reader.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String name = reader.getLocalName();
          if (sql != null && name.equals("sql")) {
            statements.add(new Ddl(sql.toString(), line));
            sql = null;
          } else if (change != null && name.equals(change.kind())) {
            int at = line;
            written(change).ifPresent(statement -> statements.add(new Ddl(statement, at)));
            change = null;
          } else if (name.equals("column")) {
            column = null;
          }
        }
      }
    } catch (IOException | XMLStreamException | RuntimeException unreadable) {
      return Optional.empty(); // a broken or hostile file declares nothing optkit can trust
    }
    return Optional.of(List.copyOf(statements));
  }

  private static Map<String, String> attributes(XMLStreamReader reader) {
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
    }
    return attributes;
  }

  private static Optional<List<Ddl>> tree(Path file, JsonFactory format) {
    JsonNode root;
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (!new String(bytes, StandardCharsets.ISO_8859_1).contains("databaseChangeLog")) {
        return Optional.empty(); // most YAML and JSON is configuration or data: not worth a parse
      }
      root = format instanceof YAMLFactory
          ? dev.optkit.analyzers.io.YamlDocuments.first(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
          : new ObjectMapper(format).readTree(bytes); // YAML as Liquibase reads it, aliases and merge keys resolved
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
    if (root == null || !root.has("databaseChangeLog")) {
      return Optional.empty();
    }
    List<Ddl> statements = new ArrayList<>();
    visit(root.get("databaseChangeLog"), statements);
    return Optional.of(List.copyOf(statements));
  }

  /** Walks a YAML/JSON changelog's changes in order. */
  private static void visit(JsonNode node, List<Ddl> statements) {
    if (node.isArray()) {
      node.forEach(element -> visit(element, statements));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (field.getKey().equals("sql")) {
        JsonNode text = value.isTextual() ? value : value.path("sql");
        if (text.isTextual()) {
          statements.add(new Ddl(text.asText(), 1));
        }
      } else if (KINDS.contains(field.getKey()) && value.isObject()) {
        List<Map<String, String>> columns = new ArrayList<>();
        for (JsonNode wrapped : value.path("columns")) {
          JsonNode column = wrapped.path("column");
          Map<String, String> read = values(column);
          values(column.path("constraints")).forEach((key, text) -> read.put("constraints." + key, text));
          columns.add(read);
        }
        written(new Change(field.getKey(), values(value), columns)).ifPresent(
            statement -> statements.add(new Ddl(statement, 1)));
      } else {
        visit(value, statements);
      }
    }
  }

  private static Map<String, String> values(JsonNode node) {
    Map<String, String> values = new HashMap<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> {
        if (field.getValue().isValueNode()) {
          values.put(field.getKey(), field.getValue().asText());
        }
      });
    }
    return values;
  }

  private static final java.util.Set<String> KINDS = java.util.Set.of("createTable", "addColumn", "createIndex",
      "addPrimaryKey", "addUniqueConstraint", "addForeignKeyConstraint", "dropIndex", "dropTable", "dropColumn",
      "renameColumn", "renameTable", "dropPrimaryKey", "dropUniqueConstraint", "dropForeignKeyConstraint");

  /** The statement a change amounts to; empty where it names no table it can be written for. */
  static Optional<String> written(Change change) {
    String table = table(change.get("schemaName"), change.get(change.kind().equals("addForeignKeyConstraint")
        || change.kind().equals("dropForeignKeyConstraint") ? "baseTableName"
        : change.kind().equals("renameTable") ? "oldTableName" : "tableName"));
    if (table == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(switch (change.kind()) {
      case "createTable" -> createTable(table, change.columns());
      case "addColumn" -> change.columns().isEmpty() ? null : "ALTER TABLE " + table + " " + String.join(", ",
          change.columns().stream().map(column -> "ADD " + column(column, false)).toList());
      case "createIndex" -> {
        List<String> columns = change.columns().stream().map(column -> identifier(column.get("name")))
            .filter(java.util.Objects::nonNull).toList();
        String name = identifier(change.get("indexName"));
        yield columns.isEmpty() || name == null ? null : "CREATE " + ("true".equalsIgnoreCase(change.get("unique"))
            ? "UNIQUE " : "") + "INDEX " + name + " ON " + table + " (" + String.join(", ", columns) + ")";
      }
      case "addPrimaryKey" -> constraint(table, change.get("constraintName"), "PRIMARY KEY",
          change.get("columnNames"));
      case "addUniqueConstraint" -> constraint(table, change.get("constraintName"), "UNIQUE",
          change.get("columnNames"));
      case "addForeignKeyConstraint" -> {
        String columns = columnList(change.get("baseColumnNames"));
        String referenced = table(change.get("referencedTableSchemaName"), change.get("referencedTableName"));
        String referencedColumns = columnList(change.get("referencedColumnNames"));
        yield columns == null || referenced == null ? null : "ALTER TABLE " + table + " ADD "
            + named(change.get("constraintName")) + "FOREIGN KEY (" + columns + ") REFERENCES " + referenced
            + (referencedColumns == null ? "" : " (" + referencedColumns + ")");
      }
      case "dropIndex" -> identifier(change.get("indexName")) == null ? null
          : "DROP INDEX " + identifier(change.get("indexName"));
      case "dropTable" -> "DROP TABLE " + table;
      // what follows changes the table's columns or keys in ways the reader does not follow: its indexes unknown
      case "dropColumn" -> "ALTER TABLE " + table + " DROP COLUMN " + orUnknown(identifier(change.get("columnName")));
      case "renameColumn" -> "ALTER TABLE " + table + " RENAME COLUMN "
          + orUnknown(identifier(change.get("oldColumnName"))) + " TO " + orUnknown(identifier(change.get("newColumnName")));
      case "renameTable" -> "ALTER TABLE " + table + " RENAME TO " + orUnknown(identifier(change.get("newTableName")));
      case "dropPrimaryKey" -> "ALTER TABLE " + table + " DROP PRIMARY KEY";
      case "dropUniqueConstraint", "dropForeignKeyConstraint" -> "ALTER TABLE " + table + " DROP CONSTRAINT "
          + orUnknown(identifier(change.get("constraintName")));
      default -> null;
    });
  }

  private static String createTable(String table, List<Map<String, String>> columns) {
    List<String> parts = new ArrayList<>();
    List<String> primary = new ArrayList<>();
    for (Map<String, String> column : columns) {
      String written = column(column, true);
      if (written == null) {
        return null; // a column without a name: the table is not written at all
      }
      parts.add(written);
      if ("true".equalsIgnoreCase(column.get("constraints.primaryKey"))) {
        primary.add(identifier(column.get("name")));
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    if (!primary.isEmpty()) {
      parts.add("PRIMARY KEY (" + String.join(", ", primary) + ")");
    }
    for (Map<String, String> column : columns) {
      String references = references(column);
      if (references != null) {
        parts.add("FOREIGN KEY (" + identifier(column.get("name")) + ") REFERENCES " + references);
      }
    }
    return "CREATE TABLE " + table + " (" + String.join(", ", parts) + ")";
  }

  /** A column's definition: its name, type and, unless in a create (where the keys follow), its own keys. */
  private static String column(Map<String, String> column, boolean inCreate) {
    String name = identifier(column.get("name"));
    if (name == null) {
      return null;
    }
    StringBuilder written = new StringBuilder(name).append(' ').append(type(column.get("type")));
    if ("true".equalsIgnoreCase(column.get("constraints.unique"))) {
      written.append(" UNIQUE");
    }
    if (!inCreate && "true".equalsIgnoreCase(column.get("constraints.primaryKey"))) {
      written.append(" PRIMARY KEY");
    }
    if (!inCreate && references(column) != null) {
      written.append(" REFERENCES ").append(references(column));
    }
    return written.toString();
  }

  /** {@code references="customer(id)"} or {@code referencedTableName} and {@code referencedColumnNames}. */
  private static String references(Map<String, String> column) {
    String references = column.getOrDefault("constraints.references", "").trim();
    if (!references.isEmpty()) {
      int open = references.indexOf('(');
      String table = table("", open < 0 ? references : references.substring(0, open));
      String columns = open < 0 || !references.endsWith(")") ? null
          : columnList(references.substring(open + 1, references.length() - 1));
      return table == null ? null : table + (columns == null ? "" : " (" + columns + ")");
    }
    String table = table("", column.getOrDefault("constraints.referencedTableName", ""));
    String columns = columnList(column.getOrDefault("constraints.referencedColumnNames", ""));
    return table == null ? null : table + (columns == null ? "" : " (" + columns + ")");
  }

  private static String constraint(String table, String name, String kind, String columnNames) {
    String columns = columnList(columnNames);
    return columns == null ? null : "ALTER TABLE " + table + " ADD " + named(name) + kind + " (" + columns + ")";
  }

  private static String named(String constraintName) {
    String name = identifier(constraintName);
    return name == null ? "" : "CONSTRAINT " + name + " ";
  }

  /** {@code a, b}: each an identifier; null when none or one is no name. */
  private static String columnList(String names) {
    if (names == null || names.isBlank()) {
      return null;
    }
    List<String> columns = new ArrayList<>();
    for (String name : names.split(",")) {
      String column = identifier(name);
      if (column == null) {
        return null;
      }
      columns.add(column);
    }
    return String.join(", ", columns);
  }

  private static String table(String schema, String name) {
    String table = identifier(name);
    if (table == null) {
      return null;
    }
    String owner = identifier(schema);
    return owner == null ? table : owner + "." + table;
  }

  private static String orUnknown(String identifier) {
    return identifier == null ? "optkit_unknown" : identifier;
  }

  /**
   * A name as one SQL identifier: as it is where plain (letters, digits, {@code _} and {@code $}, not starting with a
   * digit), else in double quotes with its quotes doubled; null for none.
   */
  static String identifier(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String trimmed = name.trim();
    boolean plain = !Character.isDigit(trimmed.charAt(0));
    for (int i = 0; i < trimmed.length() && plain; i++) {
      char c = trimmed.charAt(i);
      plain = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$');
    }
    return plain && !RESERVED.contains(trimmed.toUpperCase(java.util.Locale.ROOT)) ? trimmed
        : "\"" + trimmed.replace("\"", "\"\"") + "\"";
  }

  /**
   * The words JSqlParser reserves in some place of a statement: a name that is one is quoted, as Liquibase quotes a
   * reserved word, so the statement reads (a column {@code interval} renamed made a trial project's table's indexes
   * unknown: {@code RENAME COLUMN interval TO ..} does not parse).
   */
  private static final java.util.Set<String> RESERVED = java.util.Arrays.stream(
          net.sf.jsqlparser.parser.ParserKeywordsUtils.ALL_RESERVED_KEYWORDS)
      .map(keyword -> String.valueOf(keyword[0])).collect(java.util.stream.Collectors.toUnmodifiableSet());

  /**
   * A column's type as written when it is a word with up to two numbers in parentheses ({@code varchar(255)},
   * {@code decimal(21,2)}, {@code timestamp with time zone}'s words too), else {@code text}.
   */
  static String type(String type) {
    if (type == null || type.isBlank()) {
      return "text";
    }
    String trimmed = type.trim();
    int open = trimmed.indexOf('(');
    String word = open < 0 ? trimmed : trimmed.substring(0, open).trim();
    String arguments = open < 0 ? "" : trimmed.substring(open);
    boolean wordOk = !word.isEmpty() && Character.isLetter(word.charAt(0));
    for (int i = 0; i < word.length() && wordOk; i++) {
      char c = word.charAt(i);
      wordOk = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == ' ');
    }
    boolean argumentsOk = arguments.isEmpty() || arguments.endsWith(")") && arguments.length() <= 16;
    for (int i = 1; i < arguments.length() - 1 && argumentsOk; i++) {
      char c = arguments.charAt(i);
      argumentsOk = Character.isDigit(c) || c == ',' || c == ' ';
    }
    return wordOk && argumentsOk ? word + arguments : "text";
  }
}
