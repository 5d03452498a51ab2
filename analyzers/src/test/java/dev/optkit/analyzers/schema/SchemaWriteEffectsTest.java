package dev.optkit.analyzers.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaWriteEffectsTest {
  @TempDir Path dir;

  private SchemaWriteEffects read(String script) throws Exception {
    Path file = dir.resolve("schema-" + script.hashCode() + ".sql");
    Files.writeString(file, script);
    return SchemaWriteEffects.read(List.of(file));
  }

  @Test
  void theTableAfterOnIsTriggeredInEveryDialect() throws Exception {
    SchemaWriteEffects triggers = read("""
        CREATE TABLE orders (id INT);
        CREATE TRIGGER mysql_totals AFTER INSERT ON orders FOR EACH ROW
        BEGIN
          UPDATE totals SET n = n + 1;
        END;
        CREATE TRIGGER pg_audit AFTER UPDATE OF status ON public.shipments
          FOR EACH ROW EXECUTE FUNCTION audit();
        CREATE TRIGGER mssql ON dbo.[invoice_lines] AFTER INSERT AS UPDATE invoices SET dirty = 1;
        CREATE OR REPLACE TRIGGER ora BEFORE DELETE ON `Customer_Notes` FOR EACH ROW CALL "x.Y";
        """);
    assertTrue(triggers.fires("orders"));
    assertTrue(triggers.fires("shipments"));
    assertTrue(triggers.fires("invoicelines"));
    assertTrue(triggers.fires("customernotes"));
    assertFalse(triggers.fires("totals"), "the body's tables are written, not triggered");
    assertFalse(triggers.fires("invoices"));
  }

  @Test
  void wordsInCommentsStringsAndOtherStatementsAreNoTriggers() throws Exception {
    SchemaWriteEffects triggers = read("""
        -- CREATE TRIGGER t AFTER INSERT ON commented FOR EACH ROW
        /* CREATE TRIGGER t ON blocked */
        CREATE TABLE jobs (id INT, kind VARCHAR(20) DEFAULT 'CREATE TRIGGER x ON quoted');
        CREATE INDEX trigger_idx ON jobs (kind);
        ALTER TABLE jobs ADD CONSTRAINT fk FOREIGN KEY (id) REFERENCES other (id) ON DELETE CASCADE;
        """);
    for (String table : List.of("commented", "blocked", "quoted", "jobs", "other")) {
      assertFalse(triggers.fires(table), table);
    }
  }

  @Test
  void aScriptWithTriggersThatCannotBeLexedMakesEveryTableTriggered() throws Exception {
    SchemaWriteEffects triggers = read("CREATE TRIGGER t AFTER INSERT ON orders \u0000 ¤¤ \"unclosed");
    assertTrue(triggers.fires("anything"));
    assertFalse(read("CREATE TABLE plain (id INT);").fires("plain"));
  }

  @Test
  void cascadingForeignKeysLinkParentsToTheTablesReferencingThem() throws Exception {
    SchemaWriteEffects effects = read("""
        CREATE TABLE owners (id INT PRIMARY KEY);
        CREATE TABLE pets (
          id INT PRIMARY KEY,
          owner_id INT REFERENCES owners (id) ON DELETE CASCADE,
          vet_id INT,
          CONSTRAINT fk_vet FOREIGN KEY (vet_id) REFERENCES vets (id) ON DELETE RESTRICT
        );
        CREATE TABLE IF NOT EXISTS visits (id INT, pet_id INT,
          FOREIGN KEY (pet_id) REFERENCES public.pets (id) ON UPDATE NO ACTION ON DELETE SET NULL);
        CREATE TABLE notes (id INT, pet_id INT REFERENCES pets (id));
        ALTER TABLE ONLY invoices ADD CONSTRAINT fk FOREIGN KEY (owner_id) REFERENCES owners (id) ON UPDATE CASCADE;
        """);
    assertEquals(Set.of("pets", "visits", "invoices"), effects.cascadesFrom("owners"), "transitive, both events");
    assertEquals(Set.of("visits"), effects.cascadesFrom("pets"));
    assertEquals(Set.of(), effects.cascadesFrom("vets"), "RESTRICT changes nothing");
    assertFalse(effects.fires("owners"), "a cascade names its tables: no trigger");
  }

  @Test
  void dumpsRulesOtherEncodingsAndLiquibaseChangelogsAreRead() throws Exception {
    // mysqldump hides triggers in versioned comments, between DELIMITER lines
    assertTrue(read("""
        DELIMITER ;;
        /*!50003 CREATE*/ /*!50017 DEFINER=`root`@`%`*/ /*!50003 TRIGGER audit AFTER UPDATE ON `orders` FOR EACH ROW
        BEGIN INSERT INTO log VALUES (1); END */;;
        DELIMITER ;
        """).fires("orders"));
    assertTrue(read("CREATE RULE keep AS ON DELETE TO accounts DO INSTEAD UPDATE accounts SET gone = true;")
        .fires("accounts"));
    Path latin = dir.resolve("latin1.sql");
    Files.write(latin, "-- r\u00e9sum\u00e9 \u00e9\nCREATE TRIGGER t AFTER INSERT ON caf\u00e9s FOR EACH ROW CALL x();"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertTrue(SchemaWriteEffects.read(List.of(latin)).fires("cafés"));
    Path utf16 = dir.resolve("utf16.sql");
    byte[] text = "CREATE TRIGGER t AFTER INSERT ON ledger FOR EACH ROW CALL x();"
        .getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    byte[] marked = new byte[text.length + 2];
    marked[0] = (byte) 0xFF;
    marked[1] = (byte) 0xFE;
    System.arraycopy(text, 0, marked, 2, text.length);
    Files.write(utf16, marked);
    assertTrue(SchemaWriteEffects.read(List.of(utf16)).fires("ledger"));

    Path changelog = dir.resolve("db.changelog.xml");
    Files.writeString(changelog, """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
          <changeSet id="1" author="a">
            <sql><![CDATA[CREATE TRIGGER stock_audit AFTER UPDATE ON stock FOR EACH ROW CALL audit();]]></sql>
          </changeSet>
        </databaseChangeLog>
        """);
    Path other = dir.resolve("beans.xml");
    Files.writeString(other, "<beans><sql>CREATE TRIGGER x AFTER INSERT ON beans FOR EACH ROW CALL y();</sql></beans>");
    SchemaWriteEffects xml = SchemaWriteEffects.read(List.of(), List.of(changelog, other));
    assertTrue(xml.fires("stock"));
    assertFalse(xml.fires("beans"), "only Liquibase changelogs hold SQL");
  }

  @Test
  void liquibaseYamlAndJsonChangelogsAddTheirSqlAndCascades() throws Exception {
    Path yaml = dir.resolve("db.changelog-master.yaml");
    Files.writeString(yaml, """
        databaseChangeLog:
          - changeSet:
              id: 1
              author: a
              changes:
                - createTable:
                    tableName: pets
                    columns:
                      - column:
                          name: owner_id
                          type: bigint
                          constraints:
                            references: owners(id)
                            foreignKeyName: fk_pets_owner
                            deleteCascade: true
                - addForeignKeyConstraint:
                    baseTableName: visits
                    baseColumnNames: pet_id
                    referencedTableName: pets
                    referencedColumnNames: id
                    onDelete: CASCADE
                - addForeignKeyConstraint:
                    baseTableName: notes
                    baseColumnNames: pet_id
                    referencedTableName: pets
                    referencedColumnNames: id
                    onDelete: RESTRICT
                - sql:
                    sql: CREATE TRIGGER stock_audit AFTER UPDATE ON stock FOR EACH ROW CALL audit();
        """);
    Path json = dir.resolve("changes.json");
    Files.writeString(json, """
        {"databaseChangeLog": [{"changeSet": {"id": "2", "author": "a", "changes": [
          {"createProcedure": {"procedureBody": "CREATE TRIGGER ledger_sum AFTER INSERT ON ledger FOR EACH ROW CALL s();"}}
        ]}}]}
        """);
    Path config = dir.resolve("application.yaml");
    Files.writeString(config, "sql: CREATE TRIGGER x AFTER INSERT ON settings FOR EACH ROW CALL y();\n");
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "databaseChangeLog: [ {changeSet: \"unclosed\n");
    SchemaWriteEffects effects = SchemaWriteEffects.read(List.of(), List.of(yaml, json, config, broken));
    assertTrue(effects.fires("stock"));
    assertTrue(effects.fires("ledger"));
    assertFalse(effects.fires("settings"), "only changelogs hold SQL");
    assertEquals(Set.of("pets", "visits"), effects.cascadesFrom("owners"));
    assertEquals(Set.of("visits"), effects.cascadesFrom("pets"), "RESTRICT changes no rows");
  }

  @Test
  void placeholdersAndDollarQuotedBodiesLexWithoutPoisoningEveryTable() throws Exception {
    SchemaWriteEffects effects = read("""
        CREATE TABLE ${flyway:defaultSchema}.orders (id INT PRIMARY KEY);
        CREATE TABLE ${schema}.lines (id INT, order_id INT REFERENCES ${schema}.orders (id) ON DELETE CASCADE);
        CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
        BEGIN
          NEW.updated := now(); -- it's a comment with a quote
          RETURN NEW;
        END;
        $$ LANGUAGE plpgsql;
        CREATE TRIGGER touch_lines BEFORE UPDATE ON lines FOR EACH ROW EXECUTE FUNCTION touch();
        """);
    assertTrue(effects.fires("lines"));
    assertFalse(effects.fires("orders"), "the script lexed: only the named table is triggered");
    assertEquals(Set.of("lines"), effects.cascadesFrom("orders"));
  }

  @Test
  void liquibaseStructuredForeignKeysWithChangingActionsCascade() throws Exception {
    Path changelog = dir.resolve("changelog.xml");
    Files.writeString(changelog, """
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
          <changeSet id="1" author="a">
            <createTable tableName="order_lines">
              <column name="order_id" type="BIGINT">
                <constraints references="orders(id)" foreignKeyName="fk_lines" deleteCascade="true"/>
              </column>
            </createTable>
            <createTable tableName="notes">
              <column name="order_id" type="BIGINT">
                <constraints references="orders(id)" foreignKeyName="fk_notes"/>
              </column>
            </createTable>
            <addForeignKeyConstraint baseTableName="payments" baseColumnNames="order_id"
                referencedTableName="orders" referencedColumnNames="id" constraintName="fk_pay" onDelete="CASCADE"/>
            <addForeignKeyConstraint baseTableName="refunds" baseColumnNames="order_id"
                referencedTableName="orders" referencedColumnNames="id" constraintName="fk_ref" onDelete="RESTRICT"/>
          </changeSet>
        </databaseChangeLog>
        """);
    assertEquals(Set.of("orderlines", "payments"), SchemaWriteEffects.read(List.of(), List.of(changelog))
        .cascadesFrom("orders"));
  }

  @Test
  void codeAndKeyDefinitionsChangeNoRows() {
    assertTrue(SchemaWriteEffects.definesCodeOrIndex("CREATE OR REPLACE TRIGGER t AFTER INSERT ON orders CALL x()"));
    assertTrue(SchemaWriteEffects.definesCodeOrIndex("CREATE UNIQUE INDEX i ON orders (id)"));
    assertTrue(SchemaWriteEffects.definesCodeOrIndex(
        "ALTER TABLE child ADD CONSTRAINT fk FOREIGN KEY (pid) REFERENCES parent (id) ON DELETE CASCADE"));
    assertTrue(SchemaWriteEffects.definesCodeOrIndex("ALTER TABLE child ADD FOREIGN KEY (pid) REFERENCES parent (id)"));
    assertFalse(SchemaWriteEffects.definesCodeOrIndex("ALTER TABLE child ADD COLUMN note VARCHAR(20) DEFAULT 'x'"));
    assertFalse(SchemaWriteEffects.definesCodeOrIndex("CREATE TABLE copy AS SELECT * FROM orders"));
    assertFalse(SchemaWriteEffects.definesCodeOrIndex("DELETE FROM orders"));
  }

  private static final String TOUCH = """
      CREATE OR REPLACE FUNCTION touch() RETURNS TRIGGER AS $$
      BEGIN
          NEW.updated_at = CURRENT_TIMESTAMP;
          RETURN NEW;
      END;
      $$ language 'plpgsql';
      """;

  /** The updated_at trigger (cleverjohann/spring-boot-ecommerce's carts, audit 8) sets its own row's column only. */
  @Test
  void aBeforeRowTriggerSettingOnlyItsRowsColumnsWritesNothingElse() throws Exception {
    SchemaWriteEffects touch = read(TOUCH + "CREATE TRIGGER note_touch BEFORE UPDATE ON note FOR EACH ROW EXECUTE FUNCTION touch();\n");
    assertFalse(touch.fires("note"));
    // the trigger before its function, in another script, and a schema-qualified name: the same
    Path trigger = dir.resolve("a-trigger.sql");
    Files.writeString(trigger, "CREATE TRIGGER t BEFORE INSERT OR UPDATE ON carts FOR EACH ROW EXECUTE PROCEDURE public.touch()");
    Path function = dir.resolve("b-function.sql");
    Files.writeString(function, TOUCH);
    assertFalse(SchemaWriteEffects.read(List.of(trigger, function)).fires("carts"));
    // a function named with underscores and quotes, as the project wrote it
    String named = TOUCH.replace("touch()", "update_updated_at_column()");
    assertFalse(read(named + "CREATE TRIGGER trigger_users_updated_at\n    BEFORE UPDATE ON users\n"
        + "    FOR EACH ROW EXECUTE FUNCTION \"update_updated_at_column\"();\n").fires("users"));
  }

  /** Near misses: each may write beyond the row, or optkit cannot tell. */
  @Test
  void everyOtherTriggerStillFires() throws Exception {
    String on = "CREATE TRIGGER t BEFORE UPDATE ON note FOR EACH ROW EXECUTE FUNCTION touch();\n";
    assertTrue(read(TOUCH.replace("RETURN NEW;", "INSERT INTO audit VALUES (NEW.id); RETURN NEW;") + on).fires("note"));
    assertTrue(read(TOUCH.replace("CURRENT_TIMESTAMP", "next_stamp()") + on).fires("note"));
    assertTrue(read(TOUCH.replace("NEW.updated_at = CURRENT_TIMESTAMP;", "PERFORM pg_notify('x', 'y');") + on).fires("note"));
    assertTrue(read(TOUCH + on.replace("BEFORE", "AFTER")).fires("note"));
    assertTrue(read(TOUCH + on.replace("FOR EACH ROW", "FOR EACH STATEMENT")).fires("note"));
    assertTrue(read(on).fires("note")); // a function no script defines
    assertTrue(read(TOUCH + TOUCH.replace("CURRENT_TIMESTAMP", "(SELECT max(at) FROM clock)") + on).fires("note"));
  }

  /** A save inserts or updates: only foreign keys acting on update reach further tables from it. */
  @Test
  void onlyUpdateRulesReachFromASave() throws Exception {
    SchemaWriteEffects rules = read("""
        CREATE TABLE item (id BIGINT PRIMARY KEY, code VARCHAR(9) UNIQUE);
        CREATE TABLE note (id BIGINT PRIMARY KEY, item_id BIGINT REFERENCES item(id) ON DELETE SET NULL);
        CREATE TABLE tag (id BIGINT PRIMARY KEY, item_code VARCHAR(9) REFERENCES item(code) ON UPDATE CASCADE);
        """);
    assertEquals(Set.of("note", "tag"), rules.cascadesFrom("item"));
    assertEquals(Set.of("tag"), rules.cascadesFromUpdates("item"));
  }
}
