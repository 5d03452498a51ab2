package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source file optkit could not read (here: syntax JavaParser does not take) may hold a writer nobody sees: no cache
 * is planned while one is left, and the refusal names the file. The same project without it caches the read.
 */
class UnanalysedSourceTest {
  @TempDir Path dir;

  private static final String DAO = """
      package shop;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;
      @Repository
      public class PetDao {
        private final JdbcTemplate jdbc;
        public PetDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
        public String name(Long id) { return jdbc.queryForObject("select name from pet where id = ?", String.class, id); }
      }
      """;

  @Test
  void noCacheWhileASourceIsNotAnalysed() {
    MigrationPlan clean = new MigrationFixture(dir.resolve("clean")).java(DAO).plan();
    assertEquals(1, clean.targets().size(), clean.refusals().toString());

    MigrationPlan broken = new MigrationFixture(dir.resolve("broken")).java(DAO).file("src/main/java/shop/Renamer.java", """
        package shop;
        public class Renamer {
          void rename(org.springframework.jdbc.core.JdbcTemplate jdbc, Long id, String n) {
            jdbc.update("update pet set name = ? where id = ?", n, id) ) ;
          }
        }
        """).plan();
    assertEquals(0, broken.targets().size(), broken.targets().toString());
    assertTrue(broken.refusals().stream().anyMatch(r -> r.reason().contains("src/main/java/shop/Renamer.java is not analysed")),
        broken.refusals().toString());
  }
}
