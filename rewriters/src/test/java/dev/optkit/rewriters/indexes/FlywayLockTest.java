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

  @Test
  void flywayConfDoesNotTurnItOffForTheFlywaySpringBootRuns() throws Exception {
    // a Spring Boot application runs Flyway at start (FlywayAutoConfiguration builds its FluentConfiguration from
    // spring.flyway.* and never loads flyway.conf, which only the command line and the build plugins read): with the
    // lock on there, the CONCURRENTLY migration waits forever and the application never starts
    Path module = module("conf/flyway.conf", "flyway.postgresql.transactional.lock = false\n");
    Files.writeString(module.resolve("pom.xml"), """
        <project>
          <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
            <version>3.3.4</version></parent>
          <dependencies>
            <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-jdbc</artifactId></dependency>
            <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-core</artifactId></dependency>
            <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId></dependency>
          </dependencies>
        </project>
        """);
    Files.createDirectories(module.resolve("src/main/resources"));
    Files.writeString(module.resolve("src/main/resources/application.properties"),
        "spring.datasource.url=jdbc:postgresql://db:5432/shop\n");
    List<Path> jars = new java.util.ArrayList<>();
    for (String jar : List.of("org/flywaydb/flyway-core/10.10.0/flyway-core-10.10.0.jar",
        "org/springframework/boot/spring-boot-autoconfigure/3.3.4/spring-boot-autoconfigure-3.3.4.jar")) {
      Path at = dir.resolve("repo").resolve(jar);
      Files.createDirectories(at.getParent());
      Files.write(at, new byte[0]);
      jars.add(at);
    }
    assertFalse(FlywayLock.whyConcurrentWaits(LibraryVersions.of(jars), module).isEmpty());
  }
}
