package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 77's F5 (akuniutka/java-filmorate, 18 false reasons): query builders made for each call ({@code new
 * Where(column, value)}, {@code orderBy("rating").andThenBy("id")}), member classes of the DAO that fill their own new
 * StringBuilder, were said to be "an object shared between calls": a member class that is not static counted as
 * reaching its outer object, and its constructor's {@code condition.append(column)} as reading outside state. A member
 * class whose code names nothing of the outer object, and a constructor filling the object's own new container from
 * its arguments, make a fresh object now; one that reads an outer field, calls an outer method or is handed a shared
 * container stays shared.
 */
class QueryBuildersTest {
  @TempDir Path dir;

  /** The DAO with its builders: {@code %s} is more of the builders' code, {@code %s} more of the DAO's. */
  private static String dao(String builderExtra, String daoExtra) {
    return """
        package shop;

        import java.util.List;
        import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
        import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class GenreDao {
          private final NamedParameterJdbcTemplate jdbc;
          private String suffix = "";
          %s

          public GenreDao(NamedParameterJdbcTemplate jdbc) {
            this.jdbc = jdbc;
          }

          public List<String> namesSorted() {
            return jdbc.queryForList("SELECT name FROM genres " + orderBy("name").andThenBy("id").clause(),
                new MapSqlParameterSource(), String.class);
          }

          public List<String> namesLike(String pattern) {
            return find(new Where("name", pattern));
          }

          private List<String> find(Where where) {
            return jdbc.queryForList("SELECT name FROM genres WHERE " + where.condition() + " ORDER BY id",
                where.params(), String.class);
          }

          public void add(long id, String name) {
            jdbc.update("INSERT INTO genres (id, name) VALUES (:id, :name)",
                new MapSqlParameterSource().addValue("id", id).addValue("name", name));
          }

          public void setSuffix(String suffix) {
            this.suffix = suffix;
          }

          private OrderBy orderBy(String column) {
            return new OrderBy(column);
          }

          protected class OrderBy {
            private final StringBuilder clause = new StringBuilder();

            OrderBy(String column) {
              clause.append(column);
            }

            OrderBy andThenBy(String column) {
              clause.append(", ").append(column);
              return this;
            }

            String clause() {
              return "ORDER BY " + clause;
            }
          }

          protected class Where {
            private final StringBuilder condition = new StringBuilder();
            private final MapSqlParameterSource params = new MapSqlParameterSource();

            Where(String column, Object value) {
              condition.append(column).append(" LIKE :p0");
              params.addValue("p0", value);
            }

            Where and(String column, Object value) {
              condition.append(" AND ").append(column).append(" = :p1");
              params.addValue("p1", value);
              return this;
            }

            String condition() {
              return condition.toString();
            }

            MapSqlParameterSource params() {
              return params;
            }
            %s
          }
        }
        """.formatted(daoExtra, builderExtra);
  }

  private MigrationPlan plan(String folder, String builderExtra, String daoExtra) {
    return new MigrationFixture(dir.resolve(folder)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(dao(builderExtra, daoExtra)).plan();
  }

  @Test
  void buildersMadeForEachCallAreFreshAndTheReadsAreCachedEvictedByTheWriter() throws Exception {
    MigrationPlan plan = plan("fresh", "", "");
    for (String read : List.of("namesSorted", "namesLike")) {
      CachingTarget target = plan.targets().stream().filter(t -> t.method().fact().name().equals(read)).findFirst()
          .orElseThrow(() -> new AssertionError(plan.refusals().stream().map(Refusal::reason).toList().toString()));
      assertEquals(List.of("add"), target.evictions().stream().map(e -> e.writer().fact().name()).distinct().toList());
    }
    new MigrationFixture(dir.resolve("fresh")).file("pom.xml", MigrationSafetyTest.SPRING_POM).java(dao("", ""))
        .assertCompiles(plan);
  }

  /** filmorate's own shape: the builder calls its own and the DAO's private helpers, and takes an enum's constant. */
  private static final String HELPERS = """
      package shop;

      import java.util.List;
      import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
      import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
      import org.springframework.stereotype.Repository;

      @Repository
      public class FilmDao {
        private final NamedParameterJdbcTemplate jdbc;
        %s

        public FilmDao(NamedParameterJdbcTemplate jdbc) {
          this.jdbc = jdbc;
        }

        public List<String> titlesWhere(String column, String value) {
          Where where = where(column, Operand.EQ, value);
          return jdbc.queryForList("SELECT title FROM films WHERE " + where.getCondition(), where.getParams(), String.class);
        }

        public void add(long id, String title) {
          jdbc.update("INSERT INTO films (id, title) VALUES (:id, :title)",
              new MapSqlParameterSource().addValue("id", id).addValue("title", title));
        }

        protected Where where(String column, Operand operand, Object value) {
          return new Where(column, operand, value);
        }

        private String toDbNotation(String fieldName) {
          StringBuilder sb = new StringBuilder();
          for (char ch : fieldName.toCharArray()) {
            if (Character.isUpperCase(ch)) {
              sb.append('_').append(Character.toLowerCase(ch));
            } else {
              sb.append(ch);
            }
          }
          return sb.toString()%s;
        }

        public enum Operand {
          EQ("="), LIKE("LIKE");

          private final String dbNotation;

          Operand(String dbNotation) {
            this.dbNotation = dbNotation;
          }

          public String getDbNotation() {
            return dbNotation;
          }
        }

        protected class Where {
          private final StringBuilder condition = new StringBuilder();
          private final MapSqlParameterSource params = new MapSqlParameterSource();
          private long lastParamNumber;

          public Where(String fieldName, Operand operand, Object value) {
            this.condition.append(toCondition(fieldName, operand, appendParam(value)));
          }

          public String getCondition() {
            return condition.toString();
          }

          public MapSqlParameterSource getParams() {
            return params;
          }

          private String appendParam(Object value) {
            String paramName = "param" + lastParamNumber++;
            params.addValue(paramName, value);
            return paramName;
          }

          private String toCondition(String fieldName, Operand operand, String paramName) {
            return toDbNotation(fieldName) + " " + operand.getDbNotation() + " :" + paramName;
          }
        }
      }
      """;

  @Test
  void aBuilderCallingItsOwnAndTheDaosPrivateHelpersWithAnEnumsConstantIsFresh() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("helpers")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(HELPERS.formatted("", "")).plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("titlesWhere")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    // the DAO's helper reading a field its own code changes: the builder reaches the DAO's state
    MigrationPlan outer = new MigrationFixture(dir.resolve("helpers-outer")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(HELPERS.formatted("private String prefix = \"\"; public void setPrefix(String p) { prefix = p; }",
            " + prefix")).plan();
    String reason = reason(outer.refusals(), "titlesWhere");
    assertTrue(reason.contains("shared between calls"), reason);
  }

  @Test
  void aBuilderReachingTheDaosChangingStateStaysShared() {
    // the builder's code reads the DAO's field, which setSuffix changes: a cached answer would keep the old suffix
    String readsOuter = reason(plan("outer-field", "String withSuffix() { return condition + suffix; }", "")
        .refusals(), "namesLike");
    assertTrue(readsOuter.contains("Where") && (readsOuter.contains("shared between calls")
        || readsOuter.contains("whose fields change after construction")), readsOuter);
    // an outer method called without a receiver
    String callsOuter = reason(plan("outer-method", "String withSuffix() { return condition + currentSuffix(); }",
        "String currentSuffix() { return suffix; }").refusals(), "namesLike");
    assertTrue(callsOuter.contains("Where") && (callsOuter.contains("shared between calls")
        || callsOuter.contains("whose fields change after construction")), callsOuter);
    // a local named like the outer field in another of the builder's methods does not make the field its own
    String shadowElsewhere = reason(plan("shadow", """
            String local() { String suffix = "x"; return suffix; }
            String withSuffix() { return condition + suffix; }
        """, "").refusals(), "namesLike");
    assertTrue(shadowElsewhere.contains("Where") && (shadowElsewhere.contains("shared between calls")
        || shadowElsewhere.contains("whose fields change after construction")), shadowElsewhere);
  }

  private static String reason(List<Refusal> refusals, String method) {
    return refusals.stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: " + method));
  }
}
