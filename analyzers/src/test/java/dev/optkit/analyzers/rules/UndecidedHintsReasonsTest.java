package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reason a warning gives for an undecided hint is true of the project's scripts; a hint is never false. */
class UndecidedHintsReasonsTest {
  @TempDir Path dir;

  private List<String> undecided(Map<String, String> files, Map<String, String> queries) {
    ProjectFixture fixture = new ProjectFixture(dir).java(MissingIndexRuleTest.repository(queries));
    files.forEach(fixture::file);
    return UndecidedHints.of(fixture.assess().index()).stream()
        .map(group -> group.why().id() + (group.table() == null ? "" : " " + group.table()) + " x"
            + group.queries().size())
        .toList();
  }

  @Test
  void aCreateTableNotReadThatNamesAnIndexIsNoMissingSchema() {
    // the script creates orders; optkit cannot read the statement: "no schema script declares a table" is false
    assertEquals(List.of("unread-indexes orders x1"), undecided(Map.of("src/main/resources/schema.sql",
            "CREATE TABLE orders (id BIGINT, status VARCHAR(10), UNIQUE INDEX `idx_id`(`id`) USING BTREE) ENGINE = InnoDB;\n"),
        Map.of("a", "SELECT id FROM orders WHERE status = ?")));
  }

  @Test
  void aViewAScriptCreatesIsNotATableNoScriptCreates() {
    List<String> reasons = undecided(Map.of("src/main/resources/schema.sql", """
            CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(10));
            CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status = 'OPEN';
            """),
        Map.of("a", "SELECT id FROM open_orders WHERE status = ?"));
    assertEquals(List.of(), reasons.stream().filter(reason -> reason.startsWith("no-table open_orders")).toList());
  }

  @Test
  void anIndexAFlywayUndoScriptDropsIsNoHintAfterMigrate() {
    // V2 creates the index; U2 (flyway undo only) drops it: the query is served, a hint to create it is false
    List<String> hints = new ProjectFixture(dir).java(MissingIndexRuleTest.repository(
            Map.of("a", "SELECT id FROM orders WHERE status = ?")))
        .file("src/main/resources/db/migration/V1__orders.sql",
            "CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(10));\n")
        .file("src/main/resources/db/migration/V2__status.sql", "CREATE INDEX idx_orders_status ON orders (status);\n")
        .file("src/main/resources/db/migration/U2__status.sql", "DROP INDEX idx_orders_status;\n")
        .assess().findings().stream().filter(f -> f.ruleId().equals("MissingIndex"))
        .map(f -> String.valueOf(f.details().get("statement"))).toList();
    assertEquals(List.of(), hints);
  }
}
