package dev.optkit.analyzers.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables, indexes and foreign keys a project's scripts declare, and where. */
class SchemaIndexesTest {
  @TempDir Path dir;

  @Test
  void aForeignKeyAfterManyStatementsIsPlacedOnItsLine() throws Exception {
    // a data script's statements are lexed, and only the schema's statements are placed on their lines (counting the
    // lines before every statement from the script's start made a script of many short statements take minutes)
    Path script = dir.resolve("V1__data.sql");
    Files.writeString(script, "CREATE TABLE customers (id BIGINT PRIMARY KEY);\n" + "x;\n".repeat(20_000)
        + "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT REFERENCES customers(id));\n");
    SchemaIndexes.Table orders = SchemaIndexes.read(List.of(script), Path::toString).table("orders").orElseThrow();
    assertEquals(List.of(new SchemaIndexes.ForeignKey(List.of("customer_id"), "customers", script.toString(), 20_002)),
        orders.foreignKeys());
  }

  @Test
  void aDumpDroppingEachTableBeforeCreatingItKnowsItsIndexesAndALaterDropDoesNot() throws Exception {
    // mysqldump writes DROP TABLE IF EXISTS before each CREATE TABLE: read as a drop of what was known, every table of
    // mall's dump was unknown and gave no hint
    Path script = dir.resolve("shop.sql");
    Files.writeString(script, """
        DROP TABLE IF EXISTS `orders`;
        CREATE TABLE `orders` (`id` bigint NOT NULL, `status` varchar(8), PRIMARY KEY (`id`));
        CREATE TABLE `lines` (`id` bigint NOT NULL, PRIMARY KEY (`id`));
        DROP TABLE IF EXISTS `lines`;
        """);
    SchemaIndexes schema = SchemaIndexes.read(List.of(script), Path::toString);
    assertEquals(true, schema.table("orders").orElseThrow().complete());
    assertEquals(false, schema.table("lines").orElseThrow().complete());
  }

  @Test
  void aScriptIsReadInTheCharsetItsByteOrderMarkNamesOrItsBytesAllow() throws Exception {
    // every schema reader takes a script's text from one reader (SqlScripts): before, views and indexes read strict
    // UTF-8 only, so a UTF-16 script (with its mark, as Windows tools write them) or one with a Latin-1 comment
    // declared no table here while the trigger reader read both
    Path utf16 = dir.resolve("V1__windows.sql");
    byte[] text = "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT);\nCREATE INDEX orders_customer ON orders (customer_id);\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    byte[] marked = new byte[text.length + 2];
    marked[0] = (byte) 0xFF;
    marked[1] = (byte) 0xFE;
    System.arraycopy(text, 0, marked, 2, text.length);
    Files.write(utf16, marked);
    Path latin1 = dir.resolve("V2__latin1.sql");
    Files.write(latin1, "-- r\u00e9sum\u00e9 des clients\nCREATE TABLE clients (id BIGINT PRIMARY KEY, email VARCHAR(80));\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    SchemaIndexes schema = SchemaIndexes.read(List.of(utf16, latin1), Path::toString);
    assertEquals(List.of("orders_customer"), schema.table("orders").orElseThrow().indexes().stream()
        .map(SchemaIndexes.TableIndex::name).filter(name -> name != null && name.startsWith("orders_")).toList());
    assertEquals(true, schema.table("clients").orElseThrow().complete());
  }

  @Test
  void aColumnsTypeIsItsNameWithoutArgumentsAsAPlannerMakesIt() throws Exception {
    // JSqlParser gives "bigint (20)": read as a type no planner knows, mall's keys were made as text
    Path script = dir.resolve("mall.sql");
    Files.writeString(script, """
        CREATE TABLE `pms_product_category` (`id` bigint(20) NOT NULL AUTO_INCREMENT, `parent_id` bigint(20) NULL,
          `price` decimal(10, 2), `flag` int(1), `name` character varying (64), PRIMARY KEY (`id`));
        ALTER TABLE pms_product_category ADD COLUMN created_at datetime;
        """);
    assertEquals(java.util.Map.of("id", "bigint", "parent_id", "bigint", "price", "decimal", "flag", "int",
            "name", "character varying", "created_at", "datetime"),
        SchemaIndexes.read(List.of(script), Path::toString).table("pms_product_category").orElseThrow().columnTypes());
  }

  @Test
  void aColumnDefaultTheParserCannotReadLeavesTheTablesColumnsAndKeysRead() throws Exception {
    // JSqlParser 5.1 parses no DEFAULT nextval('seq'): every table of two PostgreSQL projects of a trial was unknown, and
    // every hint on them silently missing
    Path script = dir.resolve("V1__orders.sql");
    Files.writeString(script, """
        create table orders (id bigint not null default nextval('order_id_seq'), placed timestamp default now(),
          note varchar(20) default 'a,b', status text not null, primary key (id));
        create table "users" (id bigint default nextval('public.user_seq'), email text unique);
        """);
    SchemaIndexes schema = SchemaIndexes.read(List.of(script), Path::toString);
    SchemaIndexes.Table orders = schema.table("orders").orElseThrow();
    assertEquals(List.of("id", "note", "placed", "status"), orders.writtenColumns().keySet().stream().sorted().toList());
    assertEquals(true, orders.complete());
    assertEquals(List.of(List.of("id")), orders.indexes().stream().map(SchemaIndexes.TableIndex::columns).toList());
    assertEquals(List.of(List.of("email")), schema.table("users").orElseThrow().indexes().stream()
        .filter(SchemaIndexes.TableIndex::unique).map(SchemaIndexes.TableIndex::columns).toList());
  }

  @Test
  void aTableWhoseCreationIsNotReadIsUnreadNotAbsent() throws Exception {
    // mall's ums_member: a CREATE TABLE JSqlParser does not parse is a table optkit cannot see, not one no script creates
    Path script = dir.resolve("shop.sql");
    Files.writeString(script, """
        CREATE TABLE `ums_member` (`id` bigint(20) NOT NULL, `username` varchar(64) NULL,
          PRIMARY KEY (`id`) USING BTREE, UNIQUE INDEX `idx_username`(`username`) USING BTREE) ENGINE = InnoDB;
        """);
    SchemaIndexes schema = SchemaIndexes.read(List.of(script), Path::toString);
    assertEquals(java.util.Optional.empty(), schema.table("ums_member"));
    assertEquals(true, schema.unreadAbout("ums_member"));
    assertEquals(false, schema.declaresNothing());
  }

  @Test
  void migrationsAreFollowedInFlywaysOrderOfVersionsAndADroppedIndexOfAKnownNameIsGone() throws Exception {
    // a trial's Flyway project created an index in V1_3 and dropped it in V1_7: the drop had made the table's indexes
    // unknown, and every hint on it silently missing. Read by name, V1_10 would come before V1_9.
    Path folder = Files.createDirectories(dir.resolve("db/migration"));
    Files.writeString(folder.resolve("V1_9__create.sql"), """
        CREATE TABLE user_profile (id BIGINT PRIMARY KEY, email VARCHAR(80), category VARCHAR(10),
          CONSTRAINT category_ck CHECK (category IN ('A', 'B')), CONSTRAINT email_uq UNIQUE (email));
        CREATE INDEX idx_category ON user_profile (category);
        """);
    Files.writeString(folder.resolve("V1_10__drop.sql"), """
        DROP INDEX idx_category;
        ALTER TABLE user_profile DROP CONSTRAINT category_ck;
        ALTER TABLE user_profile DROP CONSTRAINT email_uq;
        """);
    SchemaIndexes.Table table = SchemaIndexes.read(List.of(folder.resolve("V1_10__drop.sql"),
        folder.resolve("V1_9__create.sql")), Path::toString).table("user_profile").orElseThrow();
    assertEquals(true, table.complete());
    assertEquals(List.of(List.of("id")), table.indexes().stream().map(SchemaIndexes.TableIndex::columns).toList());
  }

  @Test
  void aDroppedConstraintOfAnUnknownNameLeavesTheIndexesUnknown() throws Exception {
    // PostgreSQL names an inline UNIQUE itself (user_profile_email_key): what a drop of a name never read removes is not
    // known
    Path script = dir.resolve("V1__schema.sql");
    Files.writeString(script, """
        CREATE TABLE user_profile (id BIGINT PRIMARY KEY, email VARCHAR(80) UNIQUE);
        ALTER TABLE user_profile DROP CONSTRAINT user_profile_email_key;
        """);
    assertEquals(false, SchemaIndexes.read(List.of(script), Path::toString).table("user_profile").orElseThrow()
        .complete());
  }

  @Test
  void aConcurrentlyBuiltIndexIsTheIndexItBuildsAndAnUnreadOneLeavesTheTableIncomplete() throws Exception {
    // PostgreSQL's CREATE INDEX CONCURRENTLY, which JSqlParser does not parse, is what migrate --indexes writes: read
    // as the index without the word, or the hint it wrote would be given again on the next run
    Path created = dir.resolve("V1__orders.sql");
    Files.writeString(created, "CREATE TABLE orders (id BIGINT PRIMARY KEY, status TEXT, customer_id BIGINT);\n");
    Path concurrently = dir.resolve("V2__optkit_indexes.sql");
    Files.writeString(concurrently, "CREATE UNIQUE INDEX CONCURRENTLY idx_orders_status ON orders (status, id);\n");
    SchemaIndexes.Table orders = SchemaIndexes.read(List.of(created, concurrently), Path::toString).table("orders")
        .orElseThrow();
    assertEquals(true, orders.complete());
    assertEquals(List.of(List.of("id"), List.of("status", "id")),
        orders.indexes().stream().map(SchemaIndexes.TableIndex::columns).toList());
    assertEquals(created, orders.script()); // where the table is created: where a migration adding to it goes
    // the re-runnable form migrate writes since (IF NOT EXISTS) is that index too
    Files.writeString(concurrently, "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_status ON orders (status, id);\n");
    assertEquals(List.of(List.of("id"), List.of("status", "id")), SchemaIndexes.read(List.of(created, concurrently),
        Path::toString).table("orders").orElseThrow().indexes().stream().map(SchemaIndexes.TableIndex::columns).toList());
    // near miss: an index only of the partitioned parent (ON ONLY) is a statement JSqlParser does not read
    Path only = dir.resolve("V3__only.sql");
    Files.writeString(only, "CREATE INDEX CONCURRENTLY idx_orders_customer ON ONLY orders (customer_id);\n");
    assertEquals(false, SchemaIndexes.read(List.of(created, only), Path::toString).table("orders").orElseThrow()
        .complete());
  }

  @Test
  void aDroppedColumnNoIndexHoldsAndARenamedColumnAreFollowed() throws Exception {
    // migrations that drop a column no index holds, or rename one, left the whole table's indexes unknown, and so the
    // hints on it unsaid (three trial projects each lost their most valuable index to such a statement)
    Path created = dir.resolve("V1__orders.sql");
    Files.writeString(created, """
        CREATE TABLE customers (id BIGINT PRIMARY KEY);
        CREATE TABLE orders (id BIGINT PRIMARY KEY, sku TEXT, fraud BOOLEAN, buyer BIGINT REFERENCES customers (id),
          payer BIGINT REFERENCES customers (id));
        CREATE INDEX orders_sku ON orders (sku);
        """);
    Path altered = dir.resolve("V2__alter.sql");
    Files.writeString(altered, """
        ALTER TABLE orders DROP COLUMN IF EXISTS fraud;
        ALTER TABLE orders DROP COLUMN payer;
        ALTER TABLE orders RENAME COLUMN sku TO code;
        """);
    SchemaIndexes.Table orders = SchemaIndexes.read(List.of(created, altered), Path::toString).table("orders")
        .orElseThrow();
    assertEquals(true, orders.complete());
    assertEquals(List.of(List.of("id"), List.of("code")),
        orders.indexes().stream().map(SchemaIndexes.TableIndex::columns).toList());
    assertEquals(List.of(List.of("buyer")), orders.foreignKeys().stream().map(SchemaIndexes.ForeignKey::columns).toList());
    assertEquals(false, orders.writtenColumns().containsKey("fraud"));
    // a column named by a word JSqlParser takes for a keyword (a trial's audits.type, whose drop hid the table's hints)
    Path keyword = dir.resolve("V2b__keyword.sql");
    Files.writeString(keyword, "ALTER TABLE public.orders ADD COLUMN type TEXT;\nALTER TABLE public.orders DROP COLUMN type;\n");
    SchemaIndexes.Table typed = SchemaIndexes.read(List.of(created, altered, keyword), Path::toString).table("orders")
        .orElseThrow();
    assertEquals(true, typed.complete());
    assertEquals(false, typed.writtenColumns().containsKey("type"));
    // near miss: a column an index holds (PostgreSQL drops the index, MySQL narrows it): not followed
    Path indexed = dir.resolve("V3__drop_indexed.sql");
    Files.writeString(indexed, "ALTER TABLE orders DROP COLUMN code;\n");
    assertEquals(false, SchemaIndexes.read(List.of(created, altered, indexed), Path::toString).table("orders")
        .orElseThrow().complete());
  }

  @Test
  void anIndexOfAnExpressionJsqlParserCannotParseThereIsAnIndexOfThatExpression() throws Exception {
    // PostgreSQL's ((createdat::DATE)): JSqlParser parses no cast in an index's column list, and the table's indexes
    // were all unknown, which hid a trial's two missing indexes on it
    Path script = dir.resolve("V1__envelopes.sql");
    Files.writeString(script, """
        CREATE TABLE envelopes (id BIGINT PRIMARY KEY, createdat TIMESTAMP, zipfilename TEXT, email TEXT);
        CREATE INDEX envelopes_created_date ON envelopes ((createdat::DATE));
        CREATE INDEX envelopes_email ON envelopes ((lower(email)), zipfilename);
        CREATE INDEX envelopes_zip ON envelopes ((zipfilename), (createdat::DATE));
        """);
    SchemaIndexes.Table envelopes = SchemaIndexes.read(List.of(script), Path::toString).table("envelopes").orElseThrow();
    assertEquals(true, envelopes.complete());
    // a column in brackets is the column, which the index serves as PostgreSQL's own index of it would
    assertEquals(List.of(List.of("id"), List.of("(createdat::DATE)"), List.of("(lower(email))", "zipfilename"),
        List.of("zipfilename", "(createdat::DATE)")),
        envelopes.indexes().stream().map(SchemaIndexes.TableIndex::columns).toList());
    // near miss: a statement still unread with its expressions named (ON ONLY) leaves the table's indexes unknown
    Files.writeString(script, """
        CREATE TABLE envelopes (id BIGINT PRIMARY KEY, createdat TIMESTAMP);
        CREATE INDEX envelopes_created_date ON ONLY envelopes ((createdat::DATE));
        """);
    assertEquals(false, SchemaIndexes.read(List.of(script), Path::toString).table("envelopes").orElseThrow().complete());
  }

  @Test
  void anIndexPostgresqlNamesItselfIsRead() throws Exception {
    // CREATE INDEX ON letters (checksum): JSqlParser parses no index without a name, and the table's indexes were unknown
    Path script = dir.resolve("V1__letters.sql");
    Files.writeString(script, """
        CREATE TABLE letters (id BIGINT PRIMARY KEY, checksum TEXT, status TEXT);
        CREATE INDEX ON letters (checksum);
        CREATE INDEX CONCURRENTLY ON letters (status);
        """);
    SchemaIndexes.Table letters = SchemaIndexes.read(List.of(script), Path::toString).table("letters").orElseThrow();
    assertEquals(true, letters.complete());
    assertEquals(java.util.Arrays.asList(null, null, null), letters.indexes().stream().map(SchemaIndexes.TableIndex::name)
        .toList());
    assertEquals(List.of(List.of("id"), List.of("checksum"), List.of("status")),
        letters.indexes().stream().map(SchemaIndexes.TableIndex::columns).toList());
  }
}
