package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overloads of one arity taking a text and a number are different methods: what a caller does with
 * one's result is no reason about the other (fifth audit, AlkhasK); the true twin changes both.
 */
class OverloadsTest {
  @TempDir Path dir;

  private static final String DAO = MigrationSafetyTest.bean("FilmDao", "Repository",
      "import org.springframework.stereotype.Repository;", """
          public Film byKey(long id) {
              return jdbc.queryForObject("SELECT id, name FROM film WHERE id = ?",
                      (rs, n) -> new Film(rs.getLong("id"), rs.getString("name")), id);
          }

          public Film byKey(String name) {
              return jdbc.queryForObject("SELECT id, name FROM film WHERE name = ?",
                      (rs, n) -> new Film(rs.getLong("id"), rs.getString("name")), name);
          }

          public void save(Film film) {
              jdbc.update("UPDATE film SET name = ? WHERE id = ?", film.getName(), film.getId());
          }
      """);

  private static final String FILM = """
      package shop;

      public class Film {
          private final long id;
          private String name;

          public Film(long id, String name) {
              this.id = id;
              this.name = name;
          }

          public long getId() {
              return id;
          }

          public String getName() {
              return name;
          }

          public void setName(String name) {
              this.name = name;
          }
      }
      """;

  private static String service(String renameBody) {
    return """
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class FilmService {
            private final FilmDao films;

            public FilmService(FilmDao films) {
                this.films = films;
            }

            public String nameOf(long id) {
                return films.byKey(id).getName();
            }

            public long rename(String name, String to) {
        %s    }
        }
        """.formatted(renameBody);
  }

  private MigrationPlan plan(String name, String renameBody) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(FILM).java(DAO).java(service(renameBody)).plan();
  }

  private static String reason(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method))
        .map(Refusal::reason).filter(r -> r.contains("changes the result it gets")).findFirst().orElse("none");
  }

  @Test
  void aCallerChangingTheTextOverloadsResultSaysNothingOfTheNumberOne() {
    MigrationPlan other = plan("other", """
                Film film = films.byKey(name);
                film.setName(to);
                films.save(film);
                return film.getId();
        """);
    assertTrue(reason(other, "byKey(long)").equals("none"), reason(other, "byKey(long)"));
    assertTrue(reason(other, "byKey(String)").contains("FilmService.rename() changes the result it gets"),
        reason(other, "byKey(String)"));
    // the true twin: the caller changes what byKey(long) returns as well
    MigrationPlan both = plan("both", """
                Film film = films.byKey(name);
                film.setName(to);
                Film again = films.byKey(film.getId());
                again.setName(to);
                films.save(again);
                return film.getId();
        """);
    assertTrue(reason(both, "byKey(long)").contains("FilmService.rename() changes the result it gets"),
        reason(both, "byKey(long)"));
  }
}
