package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTriggersTest {
  @TempDir Path dir;

  private SchemaTriggers read(String script) throws Exception {
    Path file = dir.resolve("schema-" + script.hashCode() + ".sql");
    Files.writeString(file, script);
    return SchemaTriggers.read(List.of(file));
  }

  @Test
  void theTableAfterOnIsTriggeredInEveryDialect() throws Exception {
    SchemaTriggers triggers = read("""
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
    SchemaTriggers triggers = read("""
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
    SchemaTriggers triggers = read("CREATE TRIGGER t AFTER INSERT ON orders \u0000 ¤¤ \"unclosed");
    assertTrue(triggers.fires("anything"));
    assertFalse(read("CREATE TABLE plain (id INT);").fires("plain"));
  }
}
