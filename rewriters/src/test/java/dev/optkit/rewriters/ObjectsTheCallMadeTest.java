package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects a read makes for its call (a local builder, a map a row callback fills, a set it narrows)
 * are no state shared between calls, whatever it does to them (fifth audit); the same changes on a
 * field are, each test's true twin.
 */
class ObjectsTheCallMadeTest {
  @TempDir Path dir;

  /** Why the read is refused, or "cached" when it or the service method above it is. */
  static String reason(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).filter(r -> !r.contains("which is cached in this migration")).findFirst()
        .orElse(plan.targets().isEmpty() ? "nothing cached: " + plan.notCacheable() : "cached");
  }

  private MigrationPlan plan(String name, String body) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(MigrationSafetyTest.bean("GenreDao", "Repository", """
            import java.util.HashMap;
            import java.util.HashSet;
            import java.util.List;
            import java.util.Map;
            import java.util.Set;
            import org.springframework.stereotype.Repository;""", body))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class GenreService {
                private final GenreDao genres;

                public GenreService(GenreDao genres) {
                    this.genres = genres;
                }

                public String line(long filmId) {
                    return String.valueOf(genres.line(filmId));
                }
            }
            """)
        .plan();
  }

  @Test
  void aChainedAppendOnALocalBuilderChangesNothingShared() {
    MigrationPlan local = plan("local", """
            public String line(long filmId) {
                StringBuilder line = new StringBuilder();
                for (String name : jdbc.queryForList("SELECT name FROM genre WHERE film_id = ?", String.class, filmId)) {
                    line.append(name).append(',');
                }
                return line.toString();
            }
        """);
    assertTrue(reason(local, "line").equals("cached"), reason(local, "line"));
    MigrationPlan field = plan("field", """
            private final StringBuilder seen = new StringBuilder();

            public String line(long filmId) {
                for (String name : jdbc.queryForList("SELECT name FROM genre WHERE film_id = ?", String.class, filmId)) {
                    seen.append(name).append(',');
                }
                return seen.toString();
            }
        """);
    assertTrue(reason(field, "line").startsWith("changes state shared between calls")
        || reason(field, "line").contains("seen"), reason(field, "line"));
  }

  @Test
  void aMapARowCallbackFillsIsTheCallsOwn() {
    MigrationPlan local = plan("local", """
            public String line(long filmId) {
                Map<Long, List<String>> byId = new HashMap<>();
                jdbc.query("SELECT film_id, name FROM genre WHERE film_id = ?", (rs, n) -> {
                    List<String> names = byId.computeIfAbsent(rs.getLong("film_id"), id -> new java.util.ArrayList<>());
                    names.add(rs.getString("name"));
                    return names;
                }, filmId);
                return byId.toString();
            }
        """);
    assertTrue(reason(local, "line").equals("cached"), reason(local, "line"));
    MigrationPlan field = plan("field", """
            private final Map<Long, List<String>> byId = new HashMap<>();

            public String line(long filmId) {
                jdbc.query("SELECT film_id, name FROM genre WHERE film_id = ?", (rs, n) -> {
                    List<String> names = byId.get(rs.getLong("film_id"));
                    names.add(rs.getString("name"));
                    return names;
                }, filmId);
                return String.valueOf(filmId);
            }
        """);
    assertTrue(reason(field, "line").startsWith("changes state shared between calls"), reason(field, "line"));
  }

  @Test
  void whatAHelperMakesForTheMapIsNotItsReceiver() {
    // the helper runs on this object, but what it returns is new: the map's entries stay the call's own
    MigrationPlan local = plan("helper", """
            public String line(long filmId) {
                Map<Long, List<String>> byId = new HashMap<>();
                jdbc.query("SELECT film_id, name FROM genre WHERE film_id = ?", (rs, n) -> {
                    List<String> names = byId.computeIfAbsent(rs.getLong("film_id"), id -> namesOf(rs));
                    names.add(rs.getString("name"));
                    return names;
                }, filmId);
                return byId.toString();
            }

            private List<String> namesOf(java.sql.ResultSet rs) {
                return new java.util.ArrayList<>();
            }
        """);
    assertTrue(reason(local, "line").equals("cached"), reason(local, "line"));
    // the true twin: the helper hands out a list this object keeps
    MigrationPlan kept = plan("kept", """
            private final List<String> all = new java.util.ArrayList<>();

            public String line(long filmId) {
                Map<Long, List<String>> byId = new HashMap<>();
                jdbc.query("SELECT film_id, name FROM genre WHERE film_id = ?", (rs, n) -> {
                    List<String> names = byId.computeIfAbsent(rs.getLong("film_id"), id -> allNames(rs));
                    names.add(rs.getString("name"));
                    return names;
                }, filmId);
                return byId.toString();
            }

            private List<String> allNames(java.sql.ResultSet rs) {
                return all;
            }
        """);
    assertTrue(reason(kept, "line").startsWith("changes state shared between calls"), reason(kept, "line"));
  }
}
