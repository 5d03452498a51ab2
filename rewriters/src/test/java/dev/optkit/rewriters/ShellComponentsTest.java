package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 73 (a Spring Shell application): a {@code @ShellComponent} is a Spring component (the annotation is
 * meta-annotated {@code @Component}). Its reads were cached as plain Java, and the commands whose repository another
 * bean writes were refused ("a plain Java cache can only be invalidated by its own class"); they are Spring caches now,
 * evicted by that writer.
 */
class ShellComponentsTest {
  @TempDir Path dir;

  private static final String COMMANDS = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.shell.standard.ShellComponent;
      import org.springframework.shell.standard.ShellMethod;

      @ShellComponent
      public class BookCommands {
          private final JdbcTemplate jdbc;

          public BookCommands(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          @ShellMethod(value = "Find a book's title", key = "bbid")
          public String findBookById(long id) {
              return jdbc.queryForObject("SELECT title FROM books WHERE id = ?", String.class, id);
          }
      }
      """;

  private static final String WRITER = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;

      @Repository
      public class BookWriter {
          private final JdbcTemplate jdbc;

          public BookWriter(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public void rename(long id, String title) {
              jdbc.update("UPDATE books SET title = ? WHERE id = ?", title, id);
          }
      }
      """;

  @Test
  void aShellComponentsReadIsASpringCacheEvictedByAnotherBeansWriter() {
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM).java(COMMANDS)
        .java(WRITER).plan();
    CachingTarget read = plan.targets().stream().filter(t -> t.method().fact().name().equals("findBookById")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.refusals().stream().map(Refusal::reason).toList().toString()));
    assertEquals(CacheForm.SPRING, read.form());
    String writer = MigrationFixture.after(plan, "src/main/java/shop/BookWriter.java");
    assertTrue(writer.contains("@CacheEvict(cacheNames = \"optkit.BookCommands.findBookById\""), writer);
  }
}
