package dev.optkit.rewriters.indexes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where migrate --indexes puts a migration, and the version it gives it. */
class FlywayFolderTest {
  @TempDir Path dir;

  private Path script(String path) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "SELECT 1;\n");
    return file;
  }

  @Test
  void theNextVersionIsTheModulesLastWithItsLastNumberOneHigherWrittenAsItIs() throws Exception {
    Path first = script("app/src/main/resources/db/migration/V1_9__orders.sql");
    script("app/src/main/resources/db/migration/V1_10__lines.sql");
    FlywayFolder folder = FlywayFolder.of(first).orElseThrow();
    assertEquals(dir.resolve("app"), folder.module());
    // by number, not by name: 1.10 is after 1.9
    assertEquals("V1_11__optkit_indexes.sql", folder.nextFile("optkit_indexes", null));
    // a version of another folder of the module's resources (a vendor's location) counts: versions are one sequence
    script("app/src/main/resources/db/vendor/postgresql/V2.0.3__pg.sql");
    assertEquals("V2.0.4__optkit_indexes.sql", folder.nextFile("optkit_indexes", null));
    // a version this run gave another new migration of the module
    assertEquals("V2_0_5__optkit_indexes.sql",
        folder.nextFile("optkit_indexes", List.of(BigInteger.TWO, BigInteger.ZERO, BigInteger.valueOf(4))));
  }

  @Test
  void zeroPaddedVersionsKeepTheirWidth() {
    assertEquals("007", FlywayFolder.incremented("006"));
    assertEquals("010", FlywayFolder.incremented("009"));
    assertEquals("1000", FlywayFolder.incremented("999"));
    assertEquals("20240101_2", FlywayFolder.incremented("20240101_1"));
  }

  @Test
  void aScriptThatIsNoVersionedMigrationHasNoFlywayFolder() throws Exception {
    assertTrue(FlywayFolder.of(script("app/src/main/resources/schema.sql")).isEmpty());
    assertTrue(FlywayFolder.of(script("app/src/main/resources/db/migration/R__views.sql")).isEmpty());
    assertTrue(FlywayFolder.of(script("app/src/main/resources/db/migration/U2__undo.sql")).isEmpty());
    // outside a module's resources: the folder is its own module
    Path loose = script("sql/V3__x.sql");
    assertEquals(dir.resolve("sql"), FlywayFolder.of(loose).orElseThrow().module());
  }

  @Test
  void aVersionOfTheTestResourcesOnTheSameLocationIsNotTakenAgain() throws Exception {
    // src/test/resources/db/migration is on the tests' classpath beside src/main/resources/db/migration: Flyway in
    // every @SpringBootTest sees both, and a second version 2 stops it ("Found more than one migration with version 2")
    Path first = script("app/src/main/resources/db/migration/V1__schema.sql");
    script("app/src/test/resources/db/migration/V2__test_data.sql");
    assertEquals("V3__optkit_indexes.sql", FlywayFolder.of(first).orElseThrow().nextFile("optkit_indexes", null));
  }

  /**
   * A test-only location's far version (test data as V9999) is never in production's sequence: the next version follows
   * the main code's last, so the team's next plain version is not out of order (V10000 there made Flyway refuse a later
   * V4). Near miss: a test version right after the main code's last is still not taken again.
   */
  @Test
  void theNextVersionFollowsTheMainCodesLastNotATestLocationsFarOne() throws Exception {
    Path first = script("app/src/main/resources/db/migration/V3__schema.sql");
    script("app/src/test/resources/db/migration/test/V9999__test_data.sql");
    assertEquals("V4__optkit_indexes.sql", FlywayFolder.of(first).orElseThrow().nextFile("optkit_indexes", null));
    script("app/src/test/resources/db/migration/V4__more_test_data.sql");
    assertEquals("V5__optkit_indexes.sql", FlywayFolder.of(first).orElseThrow().nextFile("optkit_indexes", null));
  }

  @Test
  void aVersionOfAnotherModuleOnTheSameClasspathLocationCounts() throws Exception {
    // two library modules of one application, each with classpath:db/migration: Flyway reads both jars' scripts as
    // one sequence, so orders' next version is after billing's V2 (a second V2 stops Flyway; a V2 after an applied V2
    // of billing is out of order, which Flyway's validation refuses)
    Path orders = script("orders/src/main/resources/db/migration/V1__orders.sql");
    script("billing/src/main/resources/db/migration/V2__billing.sql");
    Files.writeString(dir.resolve("pom.xml"), "<project><groupId>shop</groupId><artifactId>shop</artifactId>"
        + "<version>1</version><packaging>pom</packaging><modules><module>orders</module><module>billing</module>"
        + "<module>app</module></modules></project>\n");
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/pom.xml"), "<project><groupId>shop</groupId><artifactId>app</artifactId>"
        + "<version>1</version><dependencies>"
        + "<dependency><groupId>shop</groupId><artifactId>orders</artifactId><version>1</version></dependency>"
        + "<dependency><groupId>shop</groupId><artifactId>billing</artifactId><version>1</version></dependency>"
        + "<dependency><groupId>org.flywaydb</groupId><artifactId>flyway-core</artifactId></dependency>"
        + "</dependencies></project>\n");
    assertEquals("V3__optkit_indexes.sql", FlywayFolder.of(orders).orElseThrow().nextFile("optkit_indexes", null));
  }

  @Test
  void aVersionInAFilesystemLocationOfTheModuleCounts() throws Exception {
    // spring.flyway.locations=classpath:db/migration,filesystem:sql: the module's sql/V5__data.sql is in the sequence
    Path first = script("app/src/main/resources/db/migration/V1__schema.sql");
    script("app/sql/V5__data.sql");
    Files.createDirectories(dir.resolve("app/src/main/resources"));
    Files.writeString(dir.resolve("app/src/main/resources/application.properties"),
        "spring.flyway.locations=classpath:db/migration,filesystem:sql\n");
    assertEquals("V6__optkit_indexes.sql", FlywayFolder.of(first).orElseThrow().nextFile("optkit_indexes", null));
  }
}
