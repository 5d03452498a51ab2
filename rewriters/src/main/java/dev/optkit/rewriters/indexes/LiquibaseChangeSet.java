package dev.optkit.rewriters.indexes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The changeSet {@code migrate --indexes} adds to a Liquibase master changelog: one {@code sql} change per index,
 * outside a transaction and for PostgreSQL only where it is ({@code CREATE INDEX CONCURRENTLY} cannot run in a
 * transaction, and an embedded database such as H2 a project's tests run the changelog on rejects it), its id named by
 * its statements (the same indexes give the same id; other ones another), a comment saying what each serves. Written in
 * the master's own format: XML (every text escaped), or YAML and JSON (every text a JSON string, which YAML reads as a
 * double-quoted scalar).
 *
 * @param notes one line per index: what it serves and the planner's word, plain text
 */
record LiquibaseChangeSet(List<String> statements, List<String> notes, boolean postgresql) {
  private static final ObjectMapper JSON = new ObjectMapper();

  LiquibaseChangeSet {
    statements = List.copyOf(statements);
    notes = List.copyOf(notes);
  }

  String id() {
    return "optkit-indexes-" + dev.optkit.analyzers.io.Hashes.sha256(String.join("\n", statements)).substring(0, 12);
  }

  private String comment() {
    return "Indexes for queries of the application, found by optkit assess and checked with PostgreSQL's planner "
        + "(optkit migrate --indexes). " + String.join(". ", notes);
  }

  /** The changeSet as an XML element, each line indented by four spaces. */
  String xml() {
    StringBuilder xml = new StringBuilder();
    xml.append("    <changeSet id=\"").append(id()).append("\" author=\"optkit\"")
        // CONCURRENTLY is PostgreSQL's: an embedded database a project's tests run the changelog on skips the changeSet
        .append(postgresql ? " dbms=\"postgresql\" runInTransaction=\"false\"" : "").append(">\n");
    xml.append("        <comment>").append(escaped(comment())).append("</comment>\n");
    for (String statement : statements) {
      xml.append("        <sql>").append(escaped(statement)).append("</sql>\n");
    }
    xml.append("    </changeSet>\n");
    return xml.toString();
  }

  /**
   * The changeSet as an item of a YAML changelog's {@code databaseChangeLog} sequence, its dash after {@code indent}
   * spaces, ending with a line break.
   */
  String yaml(int indent) {
    String at = " ".repeat(indent);
    StringBuilder yaml = new StringBuilder();
    yaml.append(at).append("- changeSet:\n");
    yaml.append(at).append("    id: ").append(id()).append('\n');
    yaml.append(at).append("    author: optkit\n");
    if (postgresql) {
      yaml.append(at).append("    dbms: postgresql\n");
      yaml.append(at).append("    runInTransaction: false\n");
    }
    yaml.append(at).append("    comment: ").append(quoted(comment())).append('\n');
    yaml.append(at).append("    changes:\n");
    for (String statement : statements) {
      yaml.append(at).append("      - sql:\n");
      yaml.append(at).append("          sql: ").append(quoted(statement)).append('\n');
    }
    return yaml.toString();
  }

  /**
   * How a JSON changelog writes its objects, which an element added to it is written as.
   *
   * @param step the spaces each level of nesting adds
   * @param spaceBeforeColon {@code "id" : "1"} (Jackson's default) rather than {@code "id": "1"}
   */
  record JsonStyle(int step, boolean spaceBeforeColon) {}

  /** The changeSet as an element of a JSON changelog's {@code databaseChangeLog} array, its lines after the first indented. */
  String json(int indent, JsonStyle style) {
    try {
      var indenter = new com.fasterxml.jackson.core.util.DefaultIndenter(" ".repeat(style.step()), "\n");
      var printer = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
          .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(style.spaceBeforeColon() ? com.fasterxml.jackson.core.util.Separators.Spacing.BOTH
                  : com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
      printer.indentObjectsWith(indenter);
      printer.indentArraysWith(indenter);
      String pretty = JSON.writer(printer).writeValueAsString(tree());
      return pretty.replace("\n", "\n" + " ".repeat(indent));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e); // a tree of strings and booleans always writes
    }
  }

  /** What {@link #yaml} and {@link #json} read as: the item the master's sequence gains. */
  ObjectNode tree() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode changeSet = nodes.objectNode();
    changeSet.put("id", id());
    changeSet.put("author", "optkit");
    if (postgresql) {
      changeSet.put("dbms", "postgresql");
      changeSet.put("runInTransaction", false);
    }
    changeSet.put("comment", comment());
    ArrayNode changes = changeSet.putArray("changes");
    for (String statement : statements) {
      changes.addObject().putObject("sql").put("sql", statement);
    }
    ObjectNode item = nodes.objectNode();
    item.set("changeSet", changeSet);
    return item;
  }

  /** A JSON string: YAML reads it as the same text in a double-quoted scalar. */
  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }
}
