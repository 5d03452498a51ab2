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
}
