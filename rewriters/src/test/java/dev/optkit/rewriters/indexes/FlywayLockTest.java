package dev.optkit.rewriters.indexes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.dependencies.LibraryVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether Flyway runs a migration of CREATE INDEX CONCURRENTLY to its end: its transactional lock (9.1 and later, on by
 * default) makes the build wait forever; seen with Flyway 13.12.1 on PostgreSQL 15 (docs/db-hints.md).
 */
class FlywayLockTest {
  @TempDir Path dir;

  private LibraryVersions flyway(String version) throws Exception {
    Path jar = dir.resolve("repo/org/flywaydb/flyway-core/" + version + "/flyway-core-" + version + ".jar");
    Files.createDirectories(jar.getParent());
    Files.write(jar, new byte[0]);
    return LibraryVersions.of(List.of(jar));
  }

  private Path module(String file, String text) throws Exception {
    Path module = dir.resolve("app");
    Path at = module.resolve(file);
    Files.createDirectories(at.getParent());
    Files.writeString(at, text);
    return module;
  }

  @Test
  void aFlywayBeforeTheTransactionalLockRunsIt() throws Exception {
    Path module = Files.createDirectories(dir.resolve("app"));
    assertTrue(FlywayLock.whyConcurrentWaits(flyway("8.5.13"), module).isEmpty());
    assertTrue(FlywayLock.whyConcurrentWaits(flyway("9.0.4"), module).isEmpty());
  }

  @Test
  void aFlywayWithTheLockOrOfUnknownVersionWaitsUnlessTheModuleTurnsItOff() throws Exception {
    Path module = Files.createDirectories(dir.resolve("app"));
    assertFalse(FlywayLock.whyConcurrentWaits(flyway("9.1.6"), module).isEmpty());
    assertFalse(FlywayLock.whyConcurrentWaits(LibraryVersions.none(), module).isEmpty());
    Path springOff = module("src/main/resources/application.yml",
        "spring:\n  flyway:\n    postgresql:\n      transactional-lock: false\n");
    assertTrue(FlywayLock.whyConcurrentWaits(flyway("13.12.1"), springOff).isEmpty());
  }

  @Test
  void theLockTurnedOffOnlyInAProfileStillWaitsWhereNoProfileIsActive() throws Exception {
    Path module = module("src/main/resources/application-migrate.properties",
        "spring.flyway.postgresql.transactional-lock=false\n");
    assertFalse(FlywayLock.whyConcurrentWaits(LibraryVersions.none(), module).isEmpty());
  }

  @Test
  void flywayConfTurnsItOff() throws Exception {
    Path module = module("conf/flyway.conf", "flyway.postgresql.transactional.lock = false\n");
    assertTrue(FlywayLock.whyConcurrentWaits(LibraryVersions.none(), module).isEmpty());
  }

  @Test
  void versionsBeforeNineOneAreThoseWithoutTheLock() {
    assertEquals(List.of(true, true, false, false, false), List.of("8.5.13", "9.0.4", "9.1.0", "10.7.1", "x").stream()
        .map(FlywayLock::beforeTransactionalLock).toList());
  }

  @Test
  void flywayBesideAnEmbeddedDatabaseWouldFailItsTestsOnConcurrently() throws Exception {
    LibraryVersions both = LibraryVersions.of(List.of(jar("org/flywaydb/flyway-core/10.0.0/flyway-core-10.0.0.jar"),
        jar("com/h2database/h2/2.2.224/h2-2.2.224.jar")));
    assertFalse(FlywayLock.whyConcurrentFailsEmbedded(both).isEmpty());
    // near misses: the embedded database alone (the deployment runs the migrations), Flyway alone
    assertTrue(FlywayLock.whyConcurrentFailsEmbedded(LibraryVersions.of(List.of(
        jar("com/h2database/h2/2.2.224/h2-2.2.224.jar")))).isEmpty());
    assertTrue(FlywayLock.whyConcurrentFailsEmbedded(flyway("10.0.0")).isEmpty());
  }

  private Path jar(String path) throws Exception {
    Path jar = dir.resolve("m2").resolve(path);
    Files.createDirectories(jar.getParent());
    Files.write(jar, new byte[0]);
    return jar;
  }
}
