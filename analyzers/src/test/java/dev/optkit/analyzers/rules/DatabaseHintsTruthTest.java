package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.sites.SqlParsing;
import dev.optkit.analyzers.findings.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database hint is true of the schema and the code it names, whatever the scanned tree holds: no hint from what a
 * statement does not filter, an index the schema declares in another form, a database the project does not run on;
 * a suggested statement that is one statement naming what the schema names; no crash.
 */
class DatabaseHintsTruthTest {
  @TempDir Path dir;

  /** The rule test's schema, and order lines looked up by their order. */
  private static final String SCHEMA = MissingIndexRuleTest.SCHEMA + """
      CREATE TABLE order_lines (id BIGINT PRIMARY KEY, order_id BIGINT, sku VARCHAR(20));
      CREATE INDEX order_lines_order ON order_lines (order_id);
      """;

  private static final String POSTGRES = "spring.datasource.url=jdbc:postgresql://db:5432/shop\n";

  private List<Finding> missing(String schema, Map<String, String> queries) {
    return new ProjectFixture(dir).file("src/main/resources/schema.sql", schema).java(MissingIndexRuleTest.repository(queries)).assess()
        .findings().stream().filter(f -> f.ruleId().equals("MissingIndex")).toList();
  }

  private static List<String> shown(List<Finding> hints) {
    return hints.stream().map(f -> f.details().get("table") + "" + f.details().get("columns")).toList();
  }

  private List<Finding> foreignKeys(ProjectFixture fixture) {
    return fixture.java("package shop;\npublic class Shop {}\n").assess().findings().stream()
        .filter(f -> f.ruleId().equals("UnindexedForeignKey")).toList();
  }

  // ---- MissingIndex ----

  @Test
  void aUnionQueryInTheCodeDoesNotCrashTheAssessment() {
    // read as a plain select, one UNION in production code aborted assess
    assertDoesNotThrow(() -> missing(SCHEMA, Map.of("union",
        "SELECT id FROM orders WHERE customer_id = ? UNION SELECT id FROM orders WHERE customer_id = ?")));
  }

  @Test
  void aLeftJoinsOnTermOnTheFirstTableIsNoFilterOfIt() {
    // all orders are returned; o.status only decides which get lines: no index on status serves anything
    assertEquals(List.of(), shown(missing(SCHEMA, Map.of("lines",
        "SELECT o.id, l.sku FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id AND o.status = 'NEW'"))));
  }

  @Test
  void anUnqualifiedColumnOfAnUpdateFromTableIsNotTheUpdatedTables() {
    // region is customers'; orders has no region column: orders(region) was suggested
    assertEquals(List.of(), shown(missing(SCHEMA, Map.of("touch",
        "UPDATE orders SET note = 'x' FROM customers WHERE customers.id = orders.customer_id AND region = ?"))));
  }

  @Test
  void anUnqualifiedColumnOfADeleteUsingTableIsNotTheDeletedTables() {
    assertEquals(List.of(), shown(missing(SCHEMA, Map.of("purge",
        "DELETE FROM orders USING customers WHERE orders.customer_id = customers.id AND region = ?"))));
  }

  @Test
  void aCteNamedLikeATableIsNotThatTable() {
    // the CTE's own rows are found by the customer_id index; its status filter reads the CTE, not the table
    assertEquals(List.of(), shown(missing(SCHEMA, Map.of("cte",
        "WITH orders AS (SELECT * FROM orders WHERE customer_id = ?) SELECT id FROM orders WHERE status = 'NEW'"))));
  }

  @Test
  void aComparisonWithAColumnOfTheSameRowIsNoLookup() {
    assertEquals(List.of(), shown(missing(SCHEMA, Map.of("odd",
        "SELECT id FROM customers WHERE region = lower(email)"))));
  }

  @Test
  void anIlikeIsServedByNoBtreeIndex() {
    assertEquals(List.of(), shown(missing(SCHEMA, Map.of("ilike",
        "SELECT id FROM customers WHERE region ILIKE 'eu%'"))));
  }

  @Test
  void aPrimaryKeyOrUniqueAddedByAlterTableWithoutAConstraintNameIsAnIndex() {
    // ALTER TABLE ... ADD PRIMARY KEY / ADD UNIQUE: JSqlParser keeps them as pk/uk columns, not getIndex()
    String schema = """
        CREATE TABLE invoices (id BIGINT NOT NULL, number VARCHAR(20) NOT NULL, total INT);
        ALTER TABLE invoices ADD PRIMARY KEY (id);
        ALTER TABLE invoices ADD UNIQUE (number);
        """;
    assertEquals(List.of(), shown(missing(schema, Map.of(
        "byId", "SELECT total FROM invoices WHERE id = ?",
        "byNumber", "SELECT total FROM invoices WHERE number = ?"))));
  }

  @Test
  void aRenamedColumnKeepsItsIndex() {
    // the index on state is the index on status after the rename
    String schema = """
        CREATE TABLE invoices (id BIGINT PRIMARY KEY, state VARCHAR(10));
        CREATE INDEX invoices_state ON invoices (state);
        ALTER TABLE invoices RENAME COLUMN state TO status;
        """;
    assertEquals(List.of(), shown(missing(schema, Map.of("byStatus", "SELECT id FROM invoices WHERE status = ?"))));
  }



  @Test
  void theSuggestedStatementNamesAQuotedTableAndColumnAsTheSchemaDoes() {
    // PostgreSQL folds OrderLines to orderlines and orderid: unquoted, the statement named neither real object
    String schema = "CREATE TABLE \"OrderLines\" (id BIGINT PRIMARY KEY, \"orderId\" BIGINT);\n";
    List<Finding> hints = missing(schema, Map.of("lines", "SELECT id FROM \"OrderLines\" WHERE \"orderId\" = ?"));
    assertEquals(1, hints.size());
    String statement = (String) hints.get(0).details().get("statement");
    assertTrue(statement.contains("ON \"OrderLines\" (\"orderId\")"), statement);
  }

  @Test
  void theSuggestedStatementKeepsTheTablesSchema() {
    String schema = "CREATE TABLE billing.invoices (id BIGINT PRIMARY KEY, status VARCHAR(10));\n";
    List<Finding> hints = missing(schema, Map.of("byStatus", "SELECT id FROM billing.invoices WHERE status = ?"));
    assertEquals(1, hints.size());
    String statement = (String) hints.get(0).details().get("statement");
    assertTrue(statement.contains(" ON billing.invoices "), statement);
  }

  @Test
  void aSuggestedIndexNameFitsSixtyThreeBytesNotCharacters() {
    String name = IndexStatements.indexName("заказы_покупателей", List.of("статус_заказа"));
    assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 63,
        name + " is " + name.getBytes(StandardCharsets.UTF_8).length + " bytes");
  }

  // ---- UnindexedForeignKey ----

  private static final String FK_SCHEMA = """
      CREATE TABLE customers (id BIGSERIAL PRIMARY KEY);
      CREATE TABLE orders (
        id BIGSERIAL PRIMARY KEY,
        customer_id BIGINT NOT NULL,
        deleted_at TIMESTAMP,
        CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
      );
      """;

  @Test
  void aForeignKeyDroppedByALaterMigrationIsNoHint() {
    List<Finding> hints = foreignKeys(new ProjectFixture(dir)
        .file("src/main/resources/db/migration/V1__schema.sql", FK_SCHEMA)
        .file("src/main/resources/db/migration/V2__drop_fk.sql",
            "ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;\n")
        .file("src/main/resources/application.properties", POSTGRES));
    assertEquals(List.of(), hints.stream().map(f -> f.path() + ":" + f.line()).toList());
  }


  @Test
  void anIntegrationTestsPostgresqlIsNotTheProductionDatabase() {
    // src/integrationTest is test sources (SourceSet.isTestPath): its database is not production's
    List<Finding> hints = foreignKeys(new ProjectFixture(dir)
        .file("src/main/resources/db/migration/V1__schema.sql", FK_SCHEMA)
        .file("src/main/resources/application.properties", "spring.datasource.url=jdbc:h2:mem:shop\n")
        .file("src/integrationTest/resources/application.properties", POSTGRES));
    assertEquals(List.of(), hints.stream().map(f -> f.path() + ":" + f.line()).toList());
  }

  @Test
  void theSuggestedForeignKeyIndexStatementIsOneStatementWhateverTheTablesName() {
    // a quoted name is any text: unquoted in the suggestion, it became SQL of its own for whoever runs it
    List<Finding> hints = foreignKeys(new ProjectFixture(dir)
        .file("src/main/resources/db/migration/V1__schema.sql", """
            CREATE TABLE customers (id BIGSERIAL PRIMARY KEY);
            CREATE TABLE "x (id); DROP TABLE customers; --" (id BIGINT PRIMARY KEY, customer_id BIGINT REFERENCES customers(id));
            """)
        .file("src/main/resources/application.properties", POSTGRES));
    assertEquals(1, hints.size());
    String statement = (String) hints.get(0).details().get("statement");
    assertEquals(1, SqlParsing.statementsOf(statement).orElseThrow().size(), statement);
  }
}
