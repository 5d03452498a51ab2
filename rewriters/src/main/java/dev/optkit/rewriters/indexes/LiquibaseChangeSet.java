package dev.optkit.rewriters.indexes;

import java.util.List;

/**
 * The changeSet {@code migrate --indexes} adds to a Liquibase master changelog: one {@code <sql>} per index, outside a
 * transaction and for PostgreSQL only where it is ({@code CREATE INDEX CONCURRENTLY} cannot run in a transaction, and
 * an embedded database such as H2 a project's tests run the changelog on rejects it), its id named by its statements
 * (the same indexes give the same id; other ones another), a {@code <comment>} saying what each serves. Every text
 * XML-escaped.
 */
final class LiquibaseChangeSet {
  private LiquibaseChangeSet() {}

  /** @param notes one line per index: what it serves and the planner's word, plain text */
  static String of(List<String> statements, List<String> notes, boolean postgresql) {
    String id = "optkit-indexes-" + dev.optkit.analyzers.io.Hashes.sha256(String.join("\n", statements)).substring(0, 12);
    StringBuilder xml = new StringBuilder();
    xml.append("    <changeSet id=\"").append(id).append("\" author=\"optkit\"")
        // CONCURRENTLY is PostgreSQL's: an embedded database a project's tests run the changelog on skips the changeSet
        .append(postgresql ? " dbms=\"postgresql\" runInTransaction=\"false\"" : "").append(">\n");
    xml.append("        <comment>").append(escaped("Indexes for queries of the application, found by optkit assess "
        + "and checked with PostgreSQL's planner (optkit migrate --indexes). " + String.join(". ", notes)))
        .append("</comment>\n");
    for (String statement : statements) {
      xml.append("        <sql>").append(escaped(statement)).append("</sql>\n");
    }
    xml.append("    </changeSet>\n");
    return xml.toString();
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
