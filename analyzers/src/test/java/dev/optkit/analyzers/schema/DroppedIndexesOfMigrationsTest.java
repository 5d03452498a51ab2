package dev.optkit.analyzers.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drop read from the migrations removes an index only where the database would: never one a migration does not run,
 * never one of another name, schema or kind, and never in an order the database does not run them in. An index believed
 * dropped while it is there is a false hint to create it.
 */
class DroppedIndexesOfMigrationsTest {
  @TempDir Path dir;

  private Path script(String name, String text) throws Exception {
    Path path = dir.resolve(name);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
    return path;
  }

  private static List<String> indexNames(SchemaIndexes schema, String table) {
    return schema.table(table).orElseThrow().indexes().stream().map(SchemaIndexes.TableIndex::name)
        .filter(name -> name != null).toList();
  }

  private static final String ORDERS = "CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(10));\n";

  @Test
  void aFlywayUndoMigrationIsNotRunByMigrateAndDropsNothing() throws Exception {
    // U2__ undoes V2__ only when someone runs flyway undo: after migrate, the index V2 creates is there
    SchemaIndexes schema = SchemaIndexes.read(List.of(
        script("db/migration/V1__orders.sql", ORDERS),
        script("db/migration/V2__status.sql", "CREATE INDEX idx_orders_status ON orders (status);\n"),
        script("db/migration/U2__status.sql", "DROP INDEX idx_orders_status;\n")), Path::toString);
    assertEquals(List.of("idx_orders_status"), indexNames(schema, "orders"));
  }

  @Test
  void aMyBatisMigrationsUndoSectionIsNotRunByUpAndDropsNothing() throws Exception {
    // MyBatis Migrations: what follows "-- //@UNDO" runs only on "migrate down"
    SchemaIndexes schema = SchemaIndexes.read(List.of(script("scripts/20240101120000_orders.sql", ORDERS + """
        CREATE INDEX idx_orders_status ON orders (status);

        -- //@UNDO
        DROP INDEX idx_orders_status;
        """)), Path::toString);
    assertEquals(List.of("idx_orders_status"), indexNames(schema, "orders"));
  }

  @Test
  void migrationsInASubfolderOfTheLocationRunInVersionOrderWithTheOthers() throws Exception {
    // Flyway scans its location's subfolders and runs all of them by version: V1, V2 (drop), V3 (create again)
    SchemaIndexes schema = SchemaIndexes.read(List.of(
        script("db/migration/V1__orders.sql", ORDERS + "CREATE INDEX idx_orders_status ON orders (status);\n"),
        script("db/migration/release2/V2__drop_status.sql", "DROP INDEX idx_orders_status;\n"),
        script("db/migration/V3__status_again.sql", "CREATE INDEX idx_orders_status ON orders (status);\n")),
        Path::toString);
    assertEquals(List.of("idx_orders_status"), indexNames(schema, "orders"));
  }

  @Test
  void aLowerCaseVersionedScriptIsNotReadAfterTheVersionsFollowingIt() throws Exception {
    // whether Flyway runs v2__ in its version's place or not at all, the index V3 creates is there in the end
    SchemaIndexes schema = SchemaIndexes.read(List.of(
        script("db/migration/V1__orders.sql", ORDERS + "CREATE INDEX idx_orders_status ON orders (status);\n"),
        script("db/migration/v2__drop_status.sql", "DROP INDEX idx_orders_status;\n"),
        script("db/migration/V3__status_again.sql", "CREATE INDEX IF NOT EXISTS idx_orders_status ON orders (status);\n")),
        Path::toString);
    assertEquals(List.of("idx_orders_status"), indexNames(schema, "orders"));
  }

  @Test
  void aDroppedIndexWhoseNameDiffersByAnUnderscoreIsAnotherIndex() throws Exception {
    // idx_user_name (on users, created where optkit cannot read it) is not idx_username (on accounts)
    SchemaIndexes schema = SchemaIndexes.read(List.of(
        script("db/migration/V1__accounts.sql", """
            CREATE TABLE accounts (id BIGINT PRIMARY KEY, username TEXT);
            CREATE INDEX idx_username ON accounts (username);
            """),
        script("db/migration/V2__users.sql", "CREATE INDEX idx_user_name ON ONLY users (name);\n"),
        script("db/migration/V3__drop_users.sql", "DROP INDEX CONCURRENTLY idx_user_name;\n")), Path::toString);
    assertEquals(List.of("idx_username"), indexNames(schema, "accounts"));
  }

  @Test
  void aDroppedIndexOfAnotherSchemaLeavesThisSchemasIndexOfTheName() throws Exception {
    // PostgreSQL: archive.idx_status is not sales.idx_status
    SchemaIndexes schema = SchemaIndexes.read(List.of(script("db/migration/V1__sales.sql", """
        CREATE TABLE sales.orders (id BIGINT PRIMARY KEY, status TEXT);
        CREATE INDEX idx_status ON sales.orders (status);
        DROP INDEX IF EXISTS archive.idx_status;
        """)), Path::toString);
    assertEquals(List.of("idx_status"), indexNames(schema, "orders"));
  }

  @Test
  void aDroppedIndexWhoseNameDiffersFromAQuotedOneByCaseIsAnotherIndex() throws Exception {
    // PostgreSQL folds orders_status to lower case: "Orders_Status" is another index, and IF EXISTS drops none
    SchemaIndexes schema = SchemaIndexes.read(List.of(script("db/migration/V1__orders.sql", ORDERS + """
        CREATE INDEX "Orders_Status" ON orders (status);
        DROP INDEX IF EXISTS orders_status;
        """)), Path::toString);
    assertEquals(List.of("Orders_Status"), indexNames(schema, "orders").stream()
        .map(name -> name.replace("\"", "")).toList());
  }

  @Test
  void aDroppedConstraintNeverDropsAPlainIndexOfItsName() throws Exception {
    // a plain index is no constraint: PostgreSQL's DROP CONSTRAINT IF EXISTS finds none of the name and drops nothing
    SchemaIndexes schema = SchemaIndexes.read(List.of(script("db/migration/V1__orders.sql", ORDERS + """
        CREATE INDEX idx_orders_status ON orders (status);
        ALTER TABLE orders DROP CONSTRAINT IF EXISTS idx_orders_status;
        """)), Path::toString);
    SchemaIndexes.Table orders = schema.table("orders").orElseThrow();
    assertEquals(true, !orders.complete() || indexNames(schema, "orders").contains("idx_orders_status"),
        orders.toString());
  }

  @Test
  void everyIndexOneDropNamesIsGone() throws Exception {
    // DROP INDEX a, b drops both: b believed there (and the table complete) hides the hint on its column
    SchemaIndexes schema = SchemaIndexes.read(List.of(script("db/migration/V1__orders.sql", """
        CREATE TABLE orders (id BIGINT PRIMARY KEY, status TEXT, placed DATE);
        CREATE INDEX idx_orders_status ON orders (status);
        CREATE INDEX idx_orders_placed ON orders (placed);
        DROP INDEX idx_orders_status, idx_orders_placed;
        """)), Path::toString);
    SchemaIndexes.Table orders = schema.table("orders").orElseThrow();
    assertEquals(true, !orders.complete() || indexNames(schema, "orders").isEmpty(), orders.toString());
  }

  @Test
  void aColumnsBareKeyIsItsPrimaryKey() throws Exception {
    // MySQL: "KEY" as a column's attribute is PRIMARY KEY
    SchemaIndexes schema = SchemaIndexes.read(List.of(
        script("V1__t.sql", "CREATE TABLE t (id BINARY(16) NOT NULL DEFAULT (UUID_TO_BIN(UUID())) KEY, a INT);\n")),
        Path::toString);
    assertEquals(List.of(List.of("id")), schema.table("t").orElseThrow().indexes().stream()
        .map(SchemaIndexes.TableIndex::columns).toList());
  }

  @Test
  void aCreateTableNotReadThatNamesAnIndexEarlyIsUnreadNotAbsent() throws Exception {
    // as mall's ums_member, but with its UNIQUE INDEX among the statement's first words
    Path script = script("shop.sql",
        "CREATE TABLE orders (id BIGINT, UNIQUE INDEX `idx_id`(`id`) USING BTREE) ENGINE = InnoDB;\n");
    SchemaIndexes schema = SchemaIndexes.read(List.of(script), Path::toString);
    assertEquals(java.util.Optional.empty(), schema.table("orders"));
    assertEquals(true, schema.unreadAbout("orders"));
    assertEquals(false, schema.declaresNothing());
  }
}
