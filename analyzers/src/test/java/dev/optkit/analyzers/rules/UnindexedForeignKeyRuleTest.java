package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A foreign key no index starts with is a hint on a project that runs on PostgreSQL, which does not index it by itself;
 * an indexed one, or one on a database that indexes it (MySQL, H2), is none.
 */
class UnindexedForeignKeyRuleTest {
  @TempDir Path dir;

  private static final String SCHEMA = """
      CREATE TABLE customers (id BIGSERIAL PRIMARY KEY, email VARCHAR(100));
      CREATE TABLE orders (
        id BIGSERIAL PRIMARY KEY,
        customer_id BIGINT NOT NULL REFERENCES customers(id),
        created_at TIMESTAMP
      );
      CREATE TABLE order_lines (
        order_id BIGINT NOT NULL,
        line_no INT NOT NULL,
        sku VARCHAR(20),
        CONSTRAINT order_lines_pk PRIMARY KEY (order_id, line_no),
        CONSTRAINT order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id)
      );
      CREATE TABLE shipments (id BIGSERIAL PRIMARY KEY, order_id BIGINT, line_no INT);
      ALTER TABLE shipments ADD CONSTRAINT shipments_line FOREIGN KEY (order_id, line_no)
        REFERENCES order_lines (order_id, line_no);
      """;

  private static final String SERVICE = """
      package shop;
      public class Shop {}
      """;

  private List<String> hints(String schema, String properties) {
    return new ProjectFixture(dir).file("src/main/resources/db/migration/V1__schema.sql", schema)
        .file("src/main/resources/application.properties", properties).java(SERVICE).assess()
        .findings().stream().filter(f -> f.ruleId().equals("UnindexedForeignKey"))
        .map(f -> f.path() + ":" + f.line() + " " + f.details().get("table") + " " + f.details().get("columns")
            + " -> " + f.details().get("references"))
        .toList();
  }

  @Test
  void aLiquibaseChangelogsForeignKeyIsAHintAtItsChange() {
    // a changelog's structured changes read as the statements they amount to: the key added by a later change has no
    // index; the one whose column an index leads has one (near miss)
    List<String> hints = new ProjectFixture(dir).file("src/main/resources/db/changelog/db.changelog-master.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
          <changeSet id="1" author="a">
            <createTable tableName="customers">
              <column name="id" type="bigint"><constraints primaryKey="true"/></column>
            </createTable>
            <createTable tableName="orders">
              <column name="id" type="bigint"><constraints primaryKey="true"/></column>
              <column name="customer_id" type="bigint"/>
              <column name="payer_id" type="bigint"/>
            </createTable>
            <createIndex indexName="orders_payer" tableName="orders"><column name="payer_id"/></createIndex>
          </changeSet>
          <changeSet id="2" author="a">
            <addForeignKeyConstraint baseTableName="orders" baseColumnNames="customer_id"
                referencedTableName="customers" referencedColumnNames="id" constraintName="fk_orders_customer"/>
            <addForeignKeyConstraint baseTableName="orders" baseColumnNames="payer_id"
                referencedTableName="customers" referencedColumnNames="id" constraintName="fk_orders_payer"/>
          </changeSet>
        </databaseChangeLog>
        """).file("src/main/resources/application.properties", "spring.datasource.url=jdbc:postgresql://db:5432/shop\n")
        .java(SERVICE).assess().findings().stream().filter(f -> f.ruleId().equals("UnindexedForeignKey"))
        .map(f -> f.path() + ":" + f.line() + " " + f.details().get("table") + " " + f.details().get("columns")
            + " -> " + f.details().get("references"))
        .toList();
    assertEquals(List.of("src/main/resources/db/changelog/db.changelog-master.xml:16 orders [customer_id] -> customers"),
        hints);
  }

  @Test
  void aForeignKeyNoIndexStartsWithIsAHintOnPostgresql() {
    // order_lines' key starts with order_id, which serves its foreign key; orders' and shipments' keys have none
    assertEquals(List.of(
        "src/main/resources/db/migration/V1__schema.sql:2 orders [customer_id] -> customers",
        "src/main/resources/db/migration/V1__schema.sql:15 shipments [order_id, line_no] -> order_lines"),
        hints(SCHEMA, "spring.datasource.url=jdbc:postgresql://db:5432/shop\n"));
  }

  @Test
  void anIndexStartingWithTheKeysColumnsInAnyOrderServesIt() {
    assertEquals(List.of(), hints(SCHEMA + """
        CREATE INDEX orders_customer ON orders (customer_id, created_at);
        CREATE INDEX shipments_line ON shipments (line_no, order_id);
        """, "spring.datasource.url=jdbc:postgresql://db:5432/shop\n"));
  }

  @Test
  void aDatabaseThatIndexesForeignKeysItselfOrNoneNamedGivesNoHint() {
    assertEquals(List.of(), hints(SCHEMA, "spring.datasource.url=jdbc:mysql://db:3306/shop\n"));
    assertEquals(List.of(), hints(SCHEMA, "spring.datasource.url=jdbc:h2:mem:shop\n"));
    assertEquals(List.of(), hints(SCHEMA, "server.port=8080\n"));
  }

  @Test
  void aTableWithAnIndexStatementTheParserCannotReadGivesNoHint() {
    assertEquals(List.of("src/main/resources/db/migration/V1__schema.sql:15 shipments [order_id, line_no] -> order_lines"),
        hints(SCHEMA + "CREATE INDEX orders_customer ON ONLY orders (customer_id);\n",
            "spring.datasource.url=jdbc:postgresql://db:5432/shop\n"));
  }

  @Test
  void aKeyAQueryHintWouldIndexIsNamedByThatHintOnly() {
    // one index answers both the query by customer_id and PostgreSQL's lookup for the key: one finding, the query's,
    // naming the key; shipments' key, which no query reads by, stays a hint of its own
    List<Finding> findings = new ProjectFixture(dir).file("src/main/resources/db/migration/V1__schema.sql", SCHEMA)
        .file("src/main/resources/application.properties", "spring.datasource.url=jdbc:postgresql://db:5432/shop\n")
        .java("""
            package shop;
            import org.springframework.jdbc.core.JdbcTemplate;
            import java.util.List;
            public class Orders {
              private final JdbcTemplate jdbc;
              public Orders(JdbcTemplate jdbc) { this.jdbc = jdbc; }
              public List<Long> ofCustomer(long customer) {
                return jdbc.queryForList("SELECT id FROM orders WHERE customer_id = ? AND created_at > ?", Long.class,
                    customer, java.time.LocalDateTime.now().minusDays(30));
              }
            }
            """).assess().findings().stream()
        .filter(f -> f.ruleId().equals("UnindexedForeignKey") || f.ruleId().equals("MissingIndex")).toList();
    assertEquals(List.of("MissingIndex orders [customer_id, created_at] [customers]",
        "UnindexedForeignKey shipments [order_id, line_no] null"),
        findings.stream().map(f -> f.ruleId() + " " + f.details().get("table") + " " + f.details().get("columns") + " "
            + f.details().get("foreignKeys")).sorted().toList());
  }

  @Test
  void aQueryHintOnADatabaseThatIndexesKeysItselfNamesNoKey() {
    List<Finding> findings = new ProjectFixture(dir).file("src/main/resources/db/migration/V1__schema.sql", SCHEMA)
        .file("src/main/resources/application.properties", "spring.datasource.url=jdbc:mysql://db:3306/shop\n")
        .java("""
            package shop;
            import org.springframework.jdbc.core.JdbcTemplate;
            import java.util.List;
            public class Shipments {
              private final JdbcTemplate jdbc;
              public Shipments(JdbcTemplate jdbc) { this.jdbc = jdbc; }
              public List<Long> atLine(int line) {
                return jdbc.queryForList("SELECT id FROM shipments WHERE line_no = ?", Long.class, line);
              }
            }
            """).assess().findings().stream()
        .filter(f -> f.ruleId().equals("UnindexedForeignKey") || f.ruleId().equals("MissingIndex")).toList();
    // MySQL's own index of the key starts with order_id, which does not serve line_no: a query hint, naming no key
    assertEquals(List.of("MissingIndex shipments [line_no] null"),
        findings.stream().map(f -> f.ruleId() + " " + f.details().get("table") + " " + f.details().get("columns") + " "
            + f.details().get("foreignKeys")).toList());
  }
}
