package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.schema.SchemaIndexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statement a database hint suggests, written safely: the table and its columns named as the schema names them
 * (its schema, its quoted names), each name a single identifier whatever text the scanned scripts gave it, and an
 * index name of at most 63 ASCII bytes. {@code CONCURRENTLY} on PostgreSQL only.
 */
final class IndexStatements {
  private IndexStatements() {}

  static String create(SchemaIndexes.Table table, List<String> columns, boolean postgresql) {
    return create(table, columns, postgresql, false);
  }

  /**
   * @param rerunnable {@code IF NOT EXISTS} after the name (PostgreSQL): a migration run outside a transaction that
   *     stopped half way can run again, as Squawk's prefer-robust-stmts asks of one
   */
  static String create(SchemaIndexes.Table table, List<String> columns, boolean postgresql, boolean rerunnable) {
    boolean backticks = table.written().stream().anyMatch(part -> part.startsWith("`"));
    List<String> parts = new ArrayList<>();
    for (String part : table.written()) {
      parts.add(identifier(part, backticks));
    }
    List<String> written = columns.stream().map(column -> identifier(table.writtenColumn(column), backticks)).toList();
    return "CREATE INDEX " + (postgresql ? "CONCURRENTLY " : "") + (postgresql && rerunnable ? "IF NOT EXISTS " : "")
        + indexName(table.name(), columns) + " ON "
        + String.join(".", parts) + " (" + String.join(", ", written) + ");";
  }

  /**
   * A name as the schema writes it: unquoted where the schema wrote a plain identifier without quotes, quoted where it
   * quoted one (a reserved word such as {@code "order"} needs them), else quoted with its quotes doubled: one identifier,
   * whatever the text ({@code "x (id); DROP TABLE customers; --"} stays a name).
   */
  static String identifier(String written, boolean backticks) {
    boolean quoted = written.length() > 1 && (written.startsWith("\"") && written.endsWith("\"")
        || written.startsWith("`") && written.endsWith("`") || written.startsWith("[") && written.endsWith("]"));
    String raw = quoted ? written.substring(1, written.length() - 1) : written;
    if (!quoted && plain(raw, true)) {
      return raw;
    }
    if (plain(raw, true)) {
      // quoted in the schema, a reserved word or a name's case perhaps ("order", "user"): quoted here too
      return backticks ? "`" + raw + "`" : "\"" + raw + "\"";
    }
    return backticks ? "`" + raw.replace("`", "``") + "`" : "\"" + raw.replace("\"", "\"\"") + "\"";
  }

  /** Letters, digits and underscores, not starting with a digit; upper case letters only if {@code anyCase}. */
  private static boolean plain(String name, boolean anyCase) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || anyCase && c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code idx_<table>_<columns>}, lower case, every other character an underscore; a name over PostgreSQL's 63 bytes
   * ends with a hash of the whole, to stay unique.
   */
  static String indexName(String table, List<String> columns) {
    String wanted = ("idx_" + table + "_" + String.join("_", columns)).toLowerCase(Locale.ROOT);
    StringBuilder name = new StringBuilder(wanted.length());
    wanted.codePoints().forEach(c -> name.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? (char) c : '_'));
    return name.length() <= 63 ? name.toString()
        : name.substring(0, 54) + "_" + dev.optkit.analyzers.io.Hashes.sha256(wanted).substring(0, 8);
  }
}
