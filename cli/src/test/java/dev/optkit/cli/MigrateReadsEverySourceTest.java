package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's .optkit.yml chooses what migrate changes, never what it reads: a writer its include or exclude globs
 * leave out is still seen, and since its file may not be changed, the read it writes is refused (hostile review 38's
 * u5, u6: cached with no eviction).
 */
class MigrateReadsEverySourceTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"exclude:\n  - \"**/admin/**\"\n", "include:\n  - \"src/main/java/shop/*.java\"\n"})
  void aWriterTheGlobsLeaveOutStillEvicts(String globs) throws Exception {
    Path project = dir.resolve("shop");
    Files.createDirectories(project.resolve("src/main/java/shop/admin"));
    Files.writeString(project.resolve(".optkit.yml"), globs);
    Files.writeString(project.resolve("src/main/java/shop/PetDao.java"), """
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;
        @Repository
        public class PetDao {
            private final JdbcTemplate jdbc;
            public PetDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public String name(Long id) { return jdbc.queryForObject("select name from pet where id = ?", String.class, id); }
        }
        """);
    Files.writeString(project.resolve("src/main/java/shop/admin/PetWriter.java"), """
        package shop.admin;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Service;
        @Service
        public class PetWriter {
            private final JdbcTemplate jdbc;
            public PetWriter(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public void rename(Long id, String name) { jdbc.update("update pet set name = ? where id = ?", name, id); }
        }
        """);
    CliRun run = CliRun.of("migrate", project.toString(), "--no-maven-repo");
    assertEquals(0, run.exitCode(), run.err());
    // the writer is read, and its file is one migrate may not change: the read is refused, saying why
    assertTrue(run.out().lines().noneMatch(line -> line.startsWith("cache: PetDao.name()")), run.out());
    assertTrue(run.out().contains("src/main/java/shop/admin/PetWriter.java, which .optkit.yml's include/exclude leave "
        + "out of what migrate changes"), run.out());
  }
}
