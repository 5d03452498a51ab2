package dev.optkit.rewriters.indexes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.rules.IndexHint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code migrate --indexes} writes for the hints a planner kept: every hint of the project taken as kept, so what
 * is asserted is the migration itself (its statements, names, folder), not the planner's verdict.
 */
class IndexMigrationTest {
  @TempDir Path dir;

  private static final String POSTGRESQL = "spring.datasource.url=jdbc:postgresql://db:5432/shop\n"
      + "spring.flyway.postgresql.transactional-lock=false\n";
  private static final String MIGRATIONS = "src/main/resources/db/migration/";

  private final Map<String, String> files = new TreeMap<>();

  private IndexMigrationTest file(String path, String text) {
    files.put(path, text);
    return this;
  }

  /** The project written and assessed, every index hint it reports taken as kept by the planner. */
  private IndexMigration.Plan plan() {
    return plan(List.of());
  }

  /** @param jars the class path, in a Maven repository's layout: the versions of its libraries the project runs */
  private IndexMigration.Plan plan(List<String> jars) {
    List<Path> classpath = new ArrayList<>();
    try {
      for (String jar : jars) {
        Path file = dir.resolve("m2").resolve(jar);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[0]);
        classpath.add(file);
      }
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = dir.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Assessment assessment = new Assessor().assess(new Assessor.Options(List.of(dir), List.of("m2/**"), true, classpath,
        false, 1, true, OptkitConfig.defaults(), "test", null), Assessor.Progress.NONE);
    List<IndexMigration.Kept> kept = new ArrayList<>();
    for (IndexHint hint : IndexHint.of(assessment.index())) {
      for (Finding reported : assessment.findings()) {
        if (hint.reportedAs(reported)) {
          kept.add(new IndexMigration.Kept(new IndexHint(reported, hint.table(), hint.columns(), hint.probes()),
              "PostgreSQL 15.8: planner cost 198.0 to 33.1"));
          break;
        }
      }
    }
    assertFalse(kept.isEmpty(), "the fixture gives no index hint");
    return IndexMigration.prepare(dir, assessment.index(), kept);
  }

  /** A JDBC repository running each query, one method each. */
  private static String repository(Map<String, String> queries) {
    StringBuilder methods = new StringBuilder();
    new TreeMap<>(queries).forEach((name, sql) -> methods
        .append("  public java.util.List<java.util.Map<String, Object>> ").append(name)
        .append("(Object value) { return jdbc.queryForList(\"").append(sql).append("\", value); }\n"));
    return """
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class Queries {
          private final JdbcTemplate jdbc;
          public Queries(JdbcTemplate jdbc) { this.jdbc = jdbc; }
        """ + methods + "}\n";
  }

  private static List<String> statements(IndexMigration.Plan plan) {
    return plan.written().stream().map(IndexMigration.Written::statement).toList();
  }

  /** The names of the indexes written, as their hints give them. */
  private static List<String> indexNames(IndexMigration.Plan plan) {
    return plan.written().stream().map(written -> written.hint().indexName()).sorted().toList();
  }

  @Test
  void twoHintsGivenTheSameIndexNameAreNotBothWritten() {
    // idx_<table>_<columns> joined with underscores: customer_address(country_id) and customer(address_country_id)
    // are both idx_customer_address_country_id; PostgreSQL's second CREATE INDEX fails ("relation already exists"),
    // after the first was built outside any transaction: the migration is left half applied
    file(MIGRATIONS + "V1__schema.sql", """
        CREATE TABLE country (id BIGINT PRIMARY KEY, name TEXT);
        CREATE TABLE customer_address (id BIGINT PRIMARY KEY, country_id BIGINT REFERENCES country (id));
        CREATE TABLE customer (id BIGINT PRIMARY KEY, address_country_id BIGINT REFERENCES country (id));
        """);
    file("src/main/resources/application.properties", POSTGRESQL);
    file("src/main/java/shop/Shop.java", "package shop;\npublic class Shop {}\n");
    IndexMigration.Plan plan = plan();
    List<String> names = plan.written().stream().map(written -> written.hint().indexName()).toList();
    assertEquals(names.stream().distinct().toList(), names, statements(plan).toString());
  }

  /**
   * Spring Boot's default Liquibase master is YAML: a table its YAML changelog creates, or a formatted SQL changelog it
   * includes, gets its index as a changeSet appended to that master, which is the one file changed.
   */
  @Test
  void aTableOfAYamlMastersChangelogsGetsItsIndexInThatMaster() {
    String master = "src/main/resources/db/changelog/db.changelog-master.yaml";
    file(master, """
        databaseChangeLog:
          - include:
              file: db/changelog/001-orders.yaml
          - include:
              file: db/changelog/002-notes.sql
        """);
    file("src/main/resources/db/changelog/001-orders.yaml", """
        databaseChangeLog:
          - changeSet:
              id: "1"
              author: shop
              changes:
                - createTable:
                    tableName: orders
                    columns:
                      - column: {name: id, type: bigint, constraints: {primaryKey: true}}
                      - column: {name: email, type: varchar(200)}
        """);
    file("src/main/resources/db/changelog/002-notes.sql", """
        --liquibase formatted sql
        --changeset shop:2
        CREATE TABLE notes (id BIGINT PRIMARY KEY, author TEXT);
        """);
    file("src/main/resources/application.properties", "spring.datasource.url=jdbc:postgresql://db:5432/shop\n");
    file("src/main/java/shop/Queries.java", repository(Map.of(
        "byEmail", "SELECT id FROM orders WHERE email = ?", "byAuthor", "SELECT id FROM notes WHERE author = ?")));
    IndexMigration.Plan plan = plan();
    assertEquals(List.of(), plan.refusals().stream().map(r -> r.proof().id() + ": " + r.reason()).toList());
    assertEquals(List.of(master), plan.changes().stream().map(dev.optkit.rewriters.edit.FileChange::path).toList());
    assertEquals(List.of("idx_notes_author", "idx_orders_email"),
        indexNames(plan));
  }

  @Test
  void aTableWhoseNameIsAReservedWordStaysQuotedInTheWrittenStatement() {
    // CREATE TABLE "order" needs its quotes: CREATE INDEX CONCURRENTLY ... ON order (...) is a syntax error in
    // PostgreSQL (and MySQL), so the migration fails on deploy; the planner's check quoted every name and kept it
    file(MIGRATIONS + "V1__schema.sql", """
        CREATE TABLE customer (id BIGINT PRIMARY KEY, email TEXT);
        CREATE TABLE "order" (id BIGINT PRIMARY KEY, customer_id BIGINT REFERENCES customer (id));
        """);
    file("src/main/resources/application.properties", POSTGRESQL);
    file("src/main/java/shop/Shop.java", "package shop;\npublic class Shop {}\n");
    IndexMigration.Plan plan = plan();
    assertEquals(List.of("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_order_customer_id ON \"order\" (customer_id);"),
        plan.written().stream().map(IndexMigration.Written::statement).toList());
  }

  @Test
  void aColumnWhoseNameIsAReservedWordStaysQuotedInTheWrittenStatement() {
    // unquoted, PostgreSQL reads (user) as the current_user function: "functions in index expression must be marked
    // IMMUTABLE", and the deploy fails
    file(MIGRATIONS + "V1__schema.sql", """
        CREATE TABLE account (id BIGINT PRIMARY KEY, email TEXT);
        CREATE TABLE audit_entry (id BIGINT PRIMARY KEY, "user" BIGINT REFERENCES account (id));
        """);
    file("src/main/resources/application.properties", POSTGRESQL);
    file("src/main/java/shop/Shop.java", "package shop;\npublic class Shop {}\n");
    IndexMigration.Plan plan = plan();
    assertEquals(List.of("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_audit_entry_user ON audit_entry (\"user\");"),
        plan.written().stream().map(IndexMigration.Written::statement).toList());
  }

  @Test
  void aProjectNotKnownToRunOnPostgresqlGetsNoIndexBuiltWhileWritesWait() {
    // the datasource comes from the environment: optkit cannot tell the database, and writes a plain CREATE INDEX,
    // which on PostgreSQL (the only database the planner checked it with) locks the table's writes for the build
    file(MIGRATIONS + "V1__schema.sql", """
        CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(10), note VARCHAR(200));
        """);
    file("src/main/resources/application.properties", "spring.datasource.url=${DATABASE_URL}\n");
    file("src/main/java/shop/Queries.java", repository(Map.of("byStatus", "SELECT id FROM orders WHERE status = ?")));
    IndexMigration.Plan plan = plan();
    assertEquals(List.of(), plan.written().stream().map(IndexMigration.Written::statement)
        .filter(statement -> !statement.contains("CONCURRENTLY")).toList());
  }

  @Test
  void aMysqlTextColumnGetsNoIndexMysqlCannotBuild() {
    // MySQL refuses an index on a TEXT column without a prefix length (error 1170, "BLOB/TEXT column used in key
    // specification without a key length"): the migration fails on deploy; PostgreSQL's planner, which checked it, has
    // no such rule
    file(MIGRATIONS + "V1__schema.sql", """
        CREATE TABLE article (id BIGINT PRIMARY KEY, slug TEXT, body TEXT);
        """);
    file("src/main/resources/application.properties", "spring.datasource.url=jdbc:mysql://db:3306/shop\n");
    file("src/main/java/shop/Queries.java", repository(Map.of("bySlug", "SELECT id, body FROM article WHERE slug = ?")));
    IndexMigration.Plan plan = plan();
    assertEquals(List.of(), plan.written().stream().map(IndexMigration.Written::statement).toList());
  }

  /** Spring Boot's {vendor} locations, both folders creating the table a query reads by status. */
  private void vendorLayout() {
    String schema = "CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(10), note VARCHAR(200));\n";
    file(MIGRATIONS + "h2/V1__schema.sql", schema);
    file(MIGRATIONS + "postgresql/V1__schema.sql", schema);
    file("src/main/resources/application.properties", POSTGRESQL
        + "spring.flyway.locations=classpath:db/migration/{vendor}\n");
    file("src/main/java/shop/Queries.java", repository(Map.of("byStatus", "SELECT id FROM orders WHERE status = ?")));
  }

  @Test
  void theMigrationGoesToTheFolderFlywayRunsOnTheProductionDatabase() {
    // Spring Boot's {vendor} locations: db/migration/h2 for the tests' H2, db/migration/postgresql for production.
    // Both create the table; the index belongs with PostgreSQL's, not in H2's folder (where H2 cannot parse
    // CONCURRENTLY and PostgreSQL never reads it)
    vendorLayout();
    IndexMigration.Plan plan = plan();
    assertEquals(List.of(MIGRATIONS + "postgresql/V2__optkit_indexes.sql"),
        plan.written().stream().map(IndexMigration.Written::path).distinct().toList());
  }

  /**
   * With H2 on the class path, a migration of CONCURRENTLY is refused where H2's tests would run it; in PostgreSQL's own
   * folder of a {vendor} layout they never do, and it is written (a trial's seven kept hints were refused there).
   */
  @Test
  void anEmbeddedDatabaseRunsItsOwnVendorFolderNotPostgresqls() {
    List<String> jars = List.of("org/flywaydb/flyway-core/8.5.13/flyway-core-8.5.13.jar",
        "com/h2database/h2/2.1.214/h2-2.1.214.jar");
    vendorLayout();
    IndexMigration.Plan plan = plan(jars);
    assertEquals(List.of(), plan.refusals().stream().map(r -> r.proof().id()).toList());
    assertEquals(List.of(MIGRATIONS + "postgresql/V2__optkit_indexes.sql"),
        plan.written().stream().map(IndexMigration.Written::path).distinct().toList());
  }

  /** Near miss: one folder for every database, H2's tests included. */
  @Test
  void anEmbeddedDatabaseRunningTheSameFolderRefusesIt() {
    file(MIGRATIONS + "V1__schema.sql", "CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(10));\n");
    file("src/main/resources/application.properties", POSTGRESQL);
    file("src/main/java/shop/Queries.java", repository(Map.of("byStatus", "SELECT id FROM orders WHERE status = ?")));
    IndexMigration.Plan plan = plan(List.of("org/flywaydb/flyway-core/8.5.13/flyway-core-8.5.13.jar",
        "com/h2database/h2/2.1.214/h2-2.1.214.jar"));
    assertEquals(List.of(Proof.INDEX_EMBEDDED_DATABASE.id()), plan.refusals().stream().map(r -> r.proof().id()).toList());
  }

  @Test
  void aMigrationWrittenBesideAJavaMigrationComesAfterIt() {
    // Flyway's Java migrations (db.migration.V2__Backfill, in src/main/java) are in the same version sequence: a
    // V2__optkit_indexes.sql is a second version 2 and Flyway refuses to start ("Found more than one migration with
    // version 2")
    file(MIGRATIONS + "V1__schema.sql", """
        CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(10), note VARCHAR(200));
        """);
    file("src/main/java/db/migration/V2__Backfill.java", """
        package db.migration;
        import org.flywaydb.core.api.migration.BaseJavaMigration;
        import org.flywaydb.core.api.migration.Context;
        public class V2__Backfill extends BaseJavaMigration {
          public void migrate(Context context) {}
        }
        """);
    file("src/main/resources/application.properties", POSTGRESQL);
    file("src/main/java/shop/Queries.java", repository(Map.of("byStatus", "SELECT id FROM orders WHERE status = ?")));
    IndexMigration.Plan plan = plan();
    assertTrue(plan.written().stream().noneMatch(written -> written.path().endsWith("/V2__optkit_indexes.sql")),
        plan.written().stream().map(IndexMigration.Written::path).toList().toString());
  }

  @Test
  void anIndexForAModulesQueryIsNeverWrittenInAnotherModulesMigrations() {
    // two services of one repository, each with its own database and its own customer table: shop's query on its
    // customer.region belongs in shop's migrations; it is written in billing's (the first folder by path), whose
    // customer has no region column: billing's next deploy fails ("column region does not exist") and shop gets none
    file("billing/" + MIGRATIONS + "V1__billing.sql", """
        CREATE TABLE customer (id BIGINT PRIMARY KEY, email VARCHAR(100), iban VARCHAR(34));
        """);
    file("billing/src/main/resources/application.properties", POSTGRESQL);
    file("billing/src/main/java/billing/Billing.java", "package billing;\npublic class Billing {}\n");
    file("shop/" + MIGRATIONS + "V1__shop.sql", """
        CREATE TABLE customer (id BIGINT PRIMARY KEY, email VARCHAR(100), region VARCHAR(20));
        """);
    file("shop/src/main/resources/application.properties", POSTGRESQL);
    file("shop/src/main/java/shop/Queries.java", repository(Map.of("byRegion",
        "SELECT id, email FROM customer WHERE region = ?")));
    IndexMigration.Plan plan = plan();
    // which table of the name the query reads the schema does not tell (the index merges tables by name): nothing is
    // written in billing's migrations, and the hint is refused, naming the module its query runs in
    assertEquals(List.of(), plan.written().stream().map(IndexMigration.Written::path)
        .filter(path -> path.startsWith("billing/")).toList(), statements(plan).toString());
    assertEquals(List.of("db.index-no-migration"), plan.refusals().stream().map(r -> r.proof().id()).toList());
  }

  @Test
  void aModuleOnPostgresqlBesideAModuleOnMysqlGetsNoBuildThatLocksWrites() {
    // whether the project runs on PostgreSQL is read for the whole tree, and any MySQL in it makes it "not
    // PostgreSQL": the orders service, on PostgreSQL, gets a plain CREATE INDEX, which holds a SHARE lock on orders
    // (every INSERT, UPDATE, DELETE waits) for the whole build, on production's data
    file("orders/" + MIGRATIONS + "V1__orders.sql",
        "CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(10), note VARCHAR(200));\n");
    file("orders/src/main/resources/application.properties", POSTGRESQL);
    file("orders/src/main/java/shop/Queries.java", repository(Map.of("byStatus",
        "SELECT id, note FROM orders WHERE status = ?")));
    file("legacy/" + MIGRATIONS + "V1__legacy.sql", "CREATE TABLE ticket (id BIGINT PRIMARY KEY, title TEXT);\n");
    file("legacy/src/main/resources/application.properties", "spring.datasource.url=jdbc:mysql://db:3306/legacy\n");
    file("legacy/src/main/java/legacy/Legacy.java", "package legacy;\npublic class Legacy {}\n");
    IndexMigration.Plan plan = plan();
    assertEquals(List.of(), statements(plan).stream().filter(statement -> !statement.contains("CONCURRENTLY")).toList());
  }
}
