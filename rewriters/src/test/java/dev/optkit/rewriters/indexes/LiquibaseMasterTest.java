package dev.optkit.rewriters.indexes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which changelog runs a Liquibase changelog last: where migrate --indexes adds its changeSet. */
class LiquibaseMasterTest {
  @TempDir Path dir;

  private Path changelog(String path, String body) throws Exception {
    Path file = dir.resolve("app/src/main/resources").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "<?xml version=\"1.0\"?>\n<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
        + body + "</databaseChangeLog>\n");
    return file;
  }

  private Path master(LiquibaseMaster.Found found) {
    return assertInstanceOf(LiquibaseMaster.Master.class, found).master().file();
  }

  @Test
  void theMasterIsTheChangelogThatIncludesItThroughOthersAndNoneIncludes() throws Exception {
    // JHipster: master.xml includes each dated changelog by its classpath path
    Path order = changelog("config/liquibase/changelog/20240101_added_entity_Order.xml", "");
    Path master = changelog("config/liquibase/master.xml",
        "  <include file=\"config/liquibase/changelog/20240101_added_entity_Order.xml\" relativeToChangelogFile=\"false\"/>\n");
    assertEquals(master.toAbsolutePath().normalize(), master(LiquibaseMaster.of(order)));
    // through a folder's includeAll, and a changelog between them relative to the including one
    Path table = changelog("db/changes/tables/001-orders.xml", "");
    changelog("db/changes/all.xml", "  <includeAll path=\"tables/\" relativeToChangelogFile=\"true\"/>\n");
    Path root = changelog("db/db.changelog-master.xml", "  <include file=\"classpath:/db/changes/all.xml\"/>\n");
    assertEquals(root.toAbsolutePath().normalize(), master(LiquibaseMaster.of(table)));
    // a changelog no other includes is its own master
    Path alone = changelog("db/standalone.xml", "  <changeSet id=\"1\" author=\"a\"/>\n");
    assertEquals(alone.toAbsolutePath().normalize(), master(LiquibaseMaster.of(alone)));
  }

  @Test
  void twoMastersOrAnEncodingAnEditCouldNotKeepTellNoMaster() throws Exception {
    Path shared = changelog("db/shared.xml", "");
    changelog("db/one.xml", "  <include file=\"db/shared.xml\"/>\n");
    changelog("db/two.xml", "  <include file=\"db/shared.xml\"/>\n");
    assertInstanceOf(LiquibaseMaster.Unknown.class, LiquibaseMaster.of(shared));
    Path latin = dir.resolve("app/src/main/resources/other/latin.xml");
    Files.createDirectories(latin.getParent());
    Files.write(latin, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<databaseChangeLog><!-- caf\u00e9 --></databaseChangeLog>\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    assertInstanceOf(LiquibaseMaster.Unknown.class, LiquibaseMaster.of(latin));
  }

  @Test
  void theChangeSetGoesOnALineOfItsOwnBeforeTheEndTagWithAPrefixedRoot() throws Exception {
    Path file = dir.resolve("app/src/main/resources/db/master.xml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "<lb:databaseChangeLog xmlns:lb=\"http://www.liquibase.org/xml/ns/dbchangelog\">"
        + "<lb:changeSet id=\"1\" author=\"a\"/></lb:databaseChangeLog >");
    LiquibaseMaster master = assertInstanceOf(LiquibaseMaster.Master.class, LiquibaseMaster.of(file)).master();
    assertEquals("<lb:databaseChangeLog xmlns:lb=\"http://www.liquibase.org/xml/ns/dbchangelog\">"
        + "<lb:changeSet id=\"1\" author=\"a\"/>\n" + CHANGE_SET.xml() + "</lb:databaseChangeLog >",
        master.withChangeSet(CHANGE_SET).orElseThrow());
  }

  private static final LiquibaseChangeSet CHANGE_SET = new LiquibaseChangeSet(
      List.of("CREATE INDEX CONCURRENTLY idx_orders_customer_id ON orders (customer_id)",
          "CREATE INDEX CONCURRENTLY \"idx_user\" ON \"user\" (email)"),
      List.of("idx_orders_customer_id (MissingIndex): serves src/main/java/a/Orders.java:12: cost 120.5 to 8.3",
          "idx_user (UnindexedForeignKey): the foreign key (email)"), true);

  private Path file(String path, String text) throws Exception {
    Path file = dir.resolve("app/src/main/resources").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /**
   * Spring Boot's default master is YAML (db/changelog/db.changelog-master.yaml): found through its includes, and the
   * changeSet appended as its sequence's last item, which Liquibase's own parser reads with both statements, outside a
   * transaction, for PostgreSQL only. Every byte of the master before it is kept.
   */
  @Test
  void aYamlMasterGainsTheChangeSetAsItsLastItemWhichLiquibaseReads() throws Exception {
    Path table = file("db/changelog/changes/001-orders.yaml", """
        databaseChangeLog:
          - changeSet:
              id: "1"
              author: a
              changes:
                - createTable:
                    tableName: orders
                    columns:
                      - column: {name: id, type: bigint}
        """);
    Path master = file("db/changelog/db.changelog-master.yaml", """
        # the application's schema
        databaseChangeLog:
        - include:
            file: changes/001-orders.yaml
            relativeToChangelogFile: true
        # nothing after this""");
    LiquibaseMaster found = assertInstanceOf(LiquibaseMaster.Master.class, LiquibaseMaster.of(table)).master();
    assertEquals(master.toAbsolutePath().normalize(), found.file());
    String edited = found.withChangeSet(CHANGE_SET).orElseThrow();
    assertTrue(edited.startsWith(Files.readString(master)), edited);
    Files.writeString(master, edited);
    assertLiquibaseReadsTheChangeSet("db/changelog/db.changelog-master.yaml");
  }

  /** A JSON master: the changeSet goes after the array's last element, which Liquibase's own parser reads. */
  @Test
  void aJsonMasterGainsTheChangeSetAfterItsLastElementWhichLiquibaseReads() throws Exception {
    Path table = file("db/tables.json", """
        {"databaseChangeLog": [{"changeSet": {"id": "1", "author": "a", "changes": [
          {"createTable": {"tableName": "orders", "columns": [{"column": {"name": "id", "type": "bigint"}}]}}]}}]}
        """);
    Path master = file("db/master.json", """
        {
          "databaseChangeLog": [
            { "include": { "file": "db/tables.json" } }
          ]
        }
        """);
    LiquibaseMaster found = assertInstanceOf(LiquibaseMaster.Master.class, LiquibaseMaster.of(table)).master();
    assertEquals(master.toAbsolutePath().normalize(), found.file());
    String before = Files.readString(master);
    String edited = found.withChangeSet(CHANGE_SET).orElseThrow();
    assertTrue(edited.startsWith(before.substring(0, before.indexOf('}', before.indexOf("tables.json")) + 2)), edited);
    Files.writeString(master, edited);
    assertLiquibaseReadsTheChangeSet("db/master.json");
  }

  /**
   * The element is written as the file writes its own: its step of indentation and its spacing around a field's colon
   * (a master written {@code "file": "x"} with two spaces a level gained lines in Jackson's {@code "id" : "1"}).
   */
  @Test
  void aJsonMastersElementIsWrittenInTheFilesOwnSpacing() throws Exception {
    Path table = file("db/tables.json", """
        {"databaseChangeLog": [{"changeSet": {"id": "1", "author": "a", "changes": [
          {"createTable": {"tableName": "orders", "columns": [{"column": {"name": "id", "type": "bigint"}}]}}]}}]}
        """);
    for (String[] style : new String[][] {{"  ", ": "}, {"    ", " : "}}) {
      String unit = style[0];
      Path master = file("db/master.json", "{\n" + unit + "\"databaseChangeLog\"" + style[1] + "[\n" + unit + unit
          + "{\"include\"" + style[1] + "{\"file\"" + style[1] + "\"db/tables.json\"}}\n" + unit + "]\n}\n");
      LiquibaseMaster found = assertInstanceOf(LiquibaseMaster.Master.class, LiquibaseMaster.of(table)).master();
      String before = Files.readString(master);
      String added = found.withChangeSet(CHANGE_SET).orElseThrow().substring(before.lastIndexOf('}', before.length() - 4) + 1);
      String other = style[1].equals(": ") ? " : " : "\": ";
      assertTrue(added.contains("\"author\"" + style[1] + "\"optkit\""), added);
      assertTrue(!added.contains(other), added);
      for (String line : added.split("\n")) {
        int spaces = line.length() - line.stripLeading().length();
        assertEquals(0, spaces % unit.length(), "a level is " + unit.length() + " spaces: [" + line + "] in " + added);
      }
      assertTrue(added.contains("\n" + unit.repeat(3) + "\"changeSet\"") || added.contains("\n" + unit.repeat(2) + "{"),
          added);
    }
  }

  /** A formatted SQL changelog a YAML master includes has that master. */
  @Test
  void aFormattedSqlChangelogHasTheMasterThatIncludesIt() throws Exception {
    Path sql = file("db/changes/001.sql", "--liquibase formatted sql\n--changeset a:1\nCREATE TABLE orders (id bigint);\n");
    Path master = file("db/master.yml", "databaseChangeLog:\n  - include:\n      file: db/changes/001.sql\n");
    assertEquals(master.toAbsolutePath().normalize(),
        assertInstanceOf(LiquibaseMaster.Master.class, LiquibaseMaster.of(sql)).master().file());
  }

  /**
   * A YAML master whose sequence an item appended at its end would not continue is refused, not guessed at: a flow
   * sequence, a document end marker. Near miss: items at the sequence's own column, not indented under the key.
   */
  @Test
  void aYamlMasterAnAppendedItemWouldNotContinueIsRefused() throws Exception {
    Path flow = file("flow/master.yaml", "databaseChangeLog: [{include: {file: flow/a.yaml}}]\n");
    assertTrue(assertInstanceOf(LiquibaseMaster.Master.class, LiquibaseMaster.of(flow)).master()
        .withChangeSet(CHANGE_SET).isEmpty());
    Path ended = file("ended/master.yaml", "databaseChangeLog:\n  - include:\n      file: ended/a.yaml\n...\n");
    assertTrue(assertInstanceOf(LiquibaseMaster.Master.class, LiquibaseMaster.of(ended)).master()
        .withChangeSet(CHANGE_SET).isEmpty());
    Path plain = file("plain/master.yaml", "databaseChangeLog:\n- include:\n    file: plain/a.yaml\n");
    assertTrue(assertInstanceOf(LiquibaseMaster.Master.class, LiquibaseMaster.of(plain)).master()
        .withChangeSet(CHANGE_SET).isPresent());
  }

  /** Liquibase's own parser reads the master with the changeSet optkit added: its id, both statements, its attributes. */
  private void assertLiquibaseReadsTheChangeSet(String master) throws Exception {
    try (liquibase.resource.DirectoryResourceAccessor resources =
        new liquibase.resource.DirectoryResourceAccessor(dir.resolve("app/src/main/resources"))) {
      liquibase.changelog.DatabaseChangeLog log = liquibase.parser.ChangeLogParserFactory.getInstance()
          .getParser(master, resources).parse(master, new liquibase.changelog.ChangeLogParameters(), resources);
      liquibase.changelog.ChangeSet added = log.getChangeSets().stream()
          .filter(set -> set.getId().equals(CHANGE_SET.id())).findFirst().orElseThrow();
      assertEquals("optkit", added.getAuthor());
      assertEquals(java.util.Set.of("postgresql"), added.getDbmsSet());
      assertFalse(added.isRunInTransaction());
      assertEquals(CHANGE_SET.statements(), added.getChanges().stream()
          .map(change -> ((liquibase.change.core.RawSQLChange) change).getSql()).toList());
    }
  }
}
