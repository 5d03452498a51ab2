package dev.optkit.analyzers.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables, keys and indexes of Liquibase changelogs, read as the statements their changes amount to. */
class LiquibaseSchemaTest {
  @TempDir Path dir;

  private Path file(String path, String text) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static List<String> indexes(SchemaIndexes.Table table) {
    return table.indexes().stream().map(index -> index.kind() + " " + index.columns()).toList();
  }

  @Test
  void anXmlChangelogsTablesKeysAndIndexesAreReadInTheOrderOfItsFiles() throws Exception {
    // a JHipster layout: a dated changelog per entity, its foreign keys added by a later one
    Path order = file("src/main/resources/config/liquibase/changelog/20240101000000_added_entity_Order.xml", """
        <?xml version="1.0" encoding="utf-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
          <changeSet id="1" author="jhipster">
            <createTable tableName="jhi_order">
              <column name="id" type="bigint"><constraints primaryKey="true" nullable="false"/></column>
              <column name="status" type="varchar(16)"/>
              <column name="code" type="varchar(32)"><constraints unique="true"/></column>
              <column name="customer_id" type="${uuidType}"/>
            </createTable>
            <createIndex indexName="idx_order_status" tableName="jhi_order">
              <column name="status"/>
            </createIndex>
          </changeSet>
        </databaseChangeLog>
        """);
    Path keys = file("src/main/resources/config/liquibase/changelog/20240101000001_added_entity_constraints_Order.xml", """
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
          <changeSet id="2" author="jhipster">
            <addForeignKeyConstraint baseColumnNames="customer_id" baseTableName="jhi_order"
                constraintName="fk_order__customer_id" referencedColumnNames="id" referencedTableName="customer"/>
          </changeSet>
        </databaseChangeLog>
        """);
    Path mapper = file("src/main/resources/mapper/OrderMapper.xml",
        "<mapper namespace=\"x\"><select id=\"a\">select 1</select></mapper>\n");
    SchemaIndexes schema = SchemaIndexes.read(List.of(), List.of(keys, order, mapper), Path::toString);
    SchemaIndexes.Table table = schema.table("jhi_order").orElseThrow();
    assertTrue(table.complete());
    assertEquals(List.of("index [status]", "primary key [id]", "unique [code]"), indexes(table).stream().sorted().toList());
    assertEquals(List.of("customer_id -> customer"), table.foreignKeys().stream()
        .map(key -> String.join(",", key.columns()) + " -> " + key.references()).toList());
    assertEquals(order, table.script()); // where a migration adding to it would go: a changelog, no Flyway folder
    assertEquals("text", table.columnTypes().get("customer_id")); // a ${property} type is no type read
    assertEquals(List.of("jhi_order"), schema.tables().stream().map(SchemaIndexes.Table::name).toList());
  }

  @Test
  void aYamlChangelogsColumnReferencesAreForeignKeys() throws Exception {
    Path changelog = file("src/main/resources/db/changelog/db.changelog-1.yaml", """
        databaseChangeLog:
          - changeSet:
              id: 1
              author: a
              changes:
                - createTable:
                    tableName: order_line
                    columns:
                      - column:
                          name: id
                          type: bigint
                          constraints:
                            primaryKey: true
                      - column:
                          name: order_id
                          type: bigint
                          constraints:
                            references: orders(id)
                            foreignKeyName: fk_line_order
                - addUniqueConstraint:
                    tableName: order_line
                    columnNames: order_id, id
        """);
    SchemaIndexes.Table table = SchemaIndexes.read(List.of(), List.of(changelog), Path::toString).table("order_line")
        .orElseThrow();
    assertEquals(List.of("primary key [id]", "unique [order_id, id]"), indexes(table).stream().sorted().toList());
    assertEquals(List.of("orders"), table.foreignKeys().stream().map(SchemaIndexes.ForeignKey::references).toList());
  }

  @Test
  void aRenamedColumnIsFollowedAndADroppedIndexedColumnLeavesTheTablesIndexesUnknown() throws Exception {
    Path changelog = file("db/changelog.xml", """
        <databaseChangeLog>
          <changeSet id="1" author="a">
            <createTable tableName="orders"><column name="id" type="bigint"/><column name="sku" type="text"/></createTable>
            <createIndex indexName="orders_sku" tableName="orders"><column name="sku"/></createIndex>
            <renameColumn tableName="orders" oldColumnName="sku" newColumnName="code"/>
          </changeSet>
        </databaseChangeLog>
        """);
    SchemaIndexes.Table orders = SchemaIndexes.read(List.of(), List.of(changelog), Path::toString).table("orders")
        .orElseThrow();
    assertTrue(orders.complete());
    assertEquals(List.of("index [code]"), indexes(orders));
    Path dropped = file("db/changelog2.xml", """
        <databaseChangeLog>
          <changeSet id="2" author="a"><dropColumn tableName="orders" columnName="code"/></changeSet>
        </databaseChangeLog>
        """);
    assertEquals(false, SchemaIndexes.read(List.of(), List.of(changelog, dropped), Path::toString).table("orders")
        .orElseThrow().complete());
  }

  /**
   * A column named by a reserved word ({@code interval}) renamed: the statement is written with the name quoted, as
   * Liquibase quotes it, and read (a trial's brewing dashboard: its measurements table's foreign keys went unhinted).
   */
  @Test
  void aColumnNamedByAReservedWordIsRenamedLikeAnyOther() throws Exception {
    Path changelog = file("db/changelog.xml", """
        <databaseChangeLog>
          <changeSet id="1" author="a">
            <createTable tableName="measurements"><column name="id" type="bigint"/><column name="beer_id" type="bigint"/>
              <column name="interval" type="int"/></createTable>
            <createIndex indexName="m_beer" tableName="measurements"><column name="beer_id"/></createIndex>
            <renameColumn tableName="measurements" oldColumnName="interval" newColumnName="measurement_interval"/>
          </changeSet>
        </databaseChangeLog>
        """);
    SchemaIndexes.Table measurements = SchemaIndexes.read(List.of(), List.of(changelog), Path::toString)
        .table("measurements").orElseThrow();
    assertTrue(measurements.complete());
    assertEquals(List.of("index [beer_id]"), indexes(measurements));
  }

  @Test
  void aNameOfAnyTextIsOneIdentifier() throws Exception {
    // the scanned tree is hostile: a table's name cannot end the statement and start another
    Path changelog = file("db/changelog.xml", """
        <databaseChangeLog>
          <changeSet id="1" author="a">
            <createTable tableName="orders&quot;); CREATE TABLE extra (id int); --">
              <column name="id" type="bigint); CREATE TABLE other (id int"/>
            </createTable>
          </changeSet>
        </databaseChangeLog>
        """);
    SchemaIndexes schema = SchemaIndexes.read(List.of(), List.of(changelog), Path::toString);
    assertEquals(1, schema.tables().size(), schema.tables().toString());
    assertTrue(schema.table("extra").isEmpty() && schema.table("other").isEmpty());
  }
}
