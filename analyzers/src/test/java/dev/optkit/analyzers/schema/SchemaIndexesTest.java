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
}
