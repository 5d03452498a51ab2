package dev.optkit.analyzers.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read of a view depends on the tables behind it, wherever in a script the view is created. */
class SchemaViewsTest {
  @TempDir Path dir;

  @Test
  void aViewInAStringIsNoViewAndOneAfterAStatementJSqlParserDoesNotKnowCounts() throws Exception {
    // a dump's vendor statement fails the whole script's parse; the view after it counts, and the semicolon in the
    // seed row's string does not cut the script there (read by splitting the text at ';', the text after it was taken
    // for a statement and the view inside the string for a real one)
    Path script = Files.writeString(dir.resolve("schema.sql"), """
        LOCK TABLES orders WRITE;
        INSERT INTO notes (body) VALUES ('done; CREATE VIEW fake AS SELECT * FROM secrets; ');
        CREATE VIEW order_totals AS SELECT id, total FROM orders;
        """);
    SchemaViews views = SchemaViews.read(List.of(script));
    assertEquals(Set.of("ordertotals", "orders"), views.expand(TableNames.normalise("order_totals")));
    assertEquals(Set.of("fake"), views.expand("fake"));
  }

  private Set<String> expand(String script, String view) throws Exception {
    Path file = Files.writeString(dir.resolve("schema.sql"), script);
    return SchemaViews.read(List.of(file)).expand(TableNames.normalise(view));
  }

  /**
   * SQL Server's batch separator: the lexer gives "\nGO\n" as a statement's end (ST_SEMICOLON), as it gives ";"; ended
   * at ";" alone, both views were one statement and the second was lost.
   */
  @Test
  void viewsSeparatedByGoAreEachFound() throws Exception {
    String script = "CREATE VIEW order_totals AS SELECT id FROM orders\nGO\n"
        + "CREATE VIEW customer_names AS SELECT id FROM customers\nGO\n";
    assertEquals(Set.of("ordertotals", "orders"), expand(script, "order_totals"));
    assertEquals(Set.of("customernames", "customers"), expand(script, "customer_names"));
  }

  /** Oracle's "/" terminator line: the same token kind, the same loss. */
  @Test
  void viewsSeparatedBySlashLinesAreEachFound() throws Exception {
    String script = "CREATE VIEW order_totals AS SELECT id FROM orders\n/\n"
        + "CREATE VIEW customer_names AS SELECT id FROM customers\n/\n";
    assertEquals(Set.of("ordertotals", "orders"), expand(script, "order_totals"));
    assertEquals(Set.of("customernames", "customers"), expand(script, "customer_names"));
  }

  /**
   * MySQL's backslash-escaped quote (what mysqldump writes): JSqlParser's lexer cannot read the line; read on from the
   * next one, the view after it counts.
   */
  @Test
  void aBackslashEscapedQuoteElsewhereDoesNotLoseTheScriptsViews() throws Exception {
    String script = "INSERT INTO notes (body) VALUES ('it\\'s done');\n"
        + "CREATE VIEW order_totals AS SELECT id, total FROM orders;\n";
    assertEquals(Set.of("ordertotals", "orders"), expand(script, "order_totals"));
  }

  /** A UTF-8 byte order mark (Files.readString keeps it), which the lexer cannot read, is skipped. */
  @Test
  void aByteOrderMarkDoesNotLoseTheScriptsViews() throws Exception {
    String script = "\uFEFFCREATE TABLE orders (id INT, total INT);\n"
        + "CREATE VIEW order_totals AS SELECT id, total FROM orders;\n";
    assertEquals(Set.of("ordertotals", "orders"), expand(script, "order_totals"));
  }

  /** PostgreSQL's escape string E'..\'..': a line the lexer cannot read, as MySQL's escape. */
  @Test
  void aPostgresEscapeStringDoesNotLoseTheScriptsViews() throws Exception {
    String script = "INSERT INTO notes (body) VALUES (E'it\\'s done');\n"
        + "CREATE VIEW order_totals AS SELECT id, total FROM orders;\n";
    assertEquals(Set.of("ordertotals", "orders"), expand(script, "order_totals"));
  }
}
