package dev.optkit.rewriters.indexes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        + "<lb:changeSet id=\"1\" author=\"a\"/>\n    <changeSet/>\n</lb:databaseChangeLog >",
        master.withChangeSet("    <changeSet/>\n"));
  }
}
