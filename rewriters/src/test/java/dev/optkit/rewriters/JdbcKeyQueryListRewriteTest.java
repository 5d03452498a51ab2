package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A JdbcTemplate query per key that answers a list (filmorate's genres per film) batched into one
 * IN query per 1,000 keys before the loop: the text, the compiled result, and both versions run
 * over H2 with the same keys, every answer compared (an empty input, keys asked again, a key with
 * no rows and one with several, a null key, a mapper failing on one row, 2,500 keys), the row
 * numbers each key's mapper was given, and the template's queries counted.
 */
class JdbcKeyQueryListRewriteTest {
  @TempDir Path dir;

  static final String GENRE = """
      package shop;

      public final class Genre {
          private final long id;
          private final String name;
          private final int row;

          public Genre(long id, String name, int row) {
              this.id = id;
              this.name = name;
              this.row = row;
          }

          @Override
          public String toString() {
              return id + ":" + name + "#" + row;
          }
      }
      """;

  static final String BEFORE = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.jdbc.core.RowMapper;

      public class Films {
          private static final RowMapper<Genre> GENRE = (rs, n) -> new Genre(rs.getLong("genre_id"), rs.getString("name"), n);

          private final JdbcTemplate jdbc;

          public Films(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public String genres(List<Long> filmIds) {
              List<String> described = new ArrayList<>();
              List<List<Genre>> handed = new ArrayList<>();
              for (Long filmId : filmIds) {
                  List<Genre> genres = jdbc.query("SELECT fg.film_id, g.genre_id, g.name FROM film_genre fg "
                          + "JOIN genre g ON g.genre_id = fg.genre_id WHERE fg.film_id = ? ORDER BY g.genre_id DESC",
                          GENRE, filmId);
                  handed.add(genres);
                  described.add(filmId + "=" + genres);
              }
              for (List<Genre> genres : handed) {
                  genres.add(new Genre(0, "mine", -1)); // each position's own mutable list: one mark each
              }
              return described + " and then " + handed;
          }

          public List<String> tags(List<Integer> codes) {
              List<String> found = new ArrayList<>();
              for (Integer code : codes) {
                  List<String> tags = jdbc.query("SELECT t.code AS tag_code, t.label FROM tag t WHERE t.code = ? ORDER BY 2",
                          (rs, n) -> n + ":" + rs.getString("label"), code);
                  found.add(code + "=" + tags);
              }
              return found;
          }
      }
      """;

  static final String AFTER = """
      package shop;

      import java.sql.ResultSet;
      import java.sql.SQLException;
      import java.util.ArrayList;
      import java.util.Collections;
      import java.util.LinkedHashMap;
      import java.util.List;
      import java.util.Map;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.jdbc.core.RowMapper;

      public class Films {
          private static final RowMapper<Genre> GENRE = (rs, n) -> new Genre(rs.getLong("genre_id"), rs.getString("name"), n);

          private final JdbcTemplate jdbc;

          public Films(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public String genres(List<Long> filmIds) {
              List<String> described = new ArrayList<>();
              List<List<Genre>> handed = new ArrayList<>();
              // optkit migrate: one query per 1000 keys before the loop instead of a query per key; each
              // key takes its rows once, in the query's order, numbered from 0 as its own query numbers
              // them (no rows: an empty list), and a key asked again, null, or whose rows the mapper
              // failed on runs its query as before
              Map<Long, List<Genre>> loadedGenres = new LinkedHashMap<>();
              for (Long key : filmIds) {
                  if (key != null) {
                      loadedGenres.put(key, new ArrayList<>());
                  }
              }
              List<Long> keysToLoad = new ArrayList<>(loadedGenres.keySet());
              for (int from = 0; from < keysToLoad.size(); from += 1000) {
                  List<Long> chunk = keysToLoad.subList(from, Math.min(from + 1000, keysToLoad.size()));
                  String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                  jdbc.query("SELECT fg.film_id, g.genre_id, g.name FROM film_genre fg JOIN genre g ON g.genre_id = fg.genre_id WHERE fg.film_id IN (" + marks + ") ORDER BY g.genre_id DESC",
                          (ResultSet rs) -> {
                              Long rowKey = rs.getObject("film_id", Long.class);
                              List<Genre> rows = loadedGenres.get(rowKey);
                              if (rows != null) {
                                  try {
                                      rows.add(GENRE.mapRow(rs, rows.size()));
                                  } catch (SQLException | RuntimeException failure) {
                                      loadedGenres.remove(rowKey); // queried again in its turn, where it fails as before
                                  }
                              }
                          }, chunk.toArray());
              }
              for (Long filmId : filmIds) {
                  List<Genre> genres = loadedGenres.containsKey(filmId) ? loadedGenres.remove(filmId) : jdbc.query("SELECT fg.film_id, g.genre_id, g.name FROM film_genre fg "
                          + "JOIN genre g ON g.genre_id = fg.genre_id WHERE fg.film_id = ? ORDER BY g.genre_id DESC",
                          GENRE, filmId);
                  handed.add(genres);
                  described.add(filmId + "=" + genres);
              }
              for (List<Genre> genres : handed) {
                  genres.add(new Genre(0, "mine", -1)); // each position's own mutable list: one mark each
              }
              return described + " and then " + handed;
          }

          public List<String> tags(List<Integer> codes) {
              List<String> found = new ArrayList<>();
              // optkit migrate: one query per 1000 keys before the loop instead of a query per key; each
              // key takes its rows once, in the query's order, numbered from 0 as its own query numbers
              // them (no rows: an empty list), and a key asked again, null, or whose rows the mapper
              // failed on runs its query as before
              RowMapper<String> stringRows = (rs, n) -> n + ":" + rs.getString("label");
              Map<Integer, List<String>> loadedStrings = new LinkedHashMap<>();
              for (Integer key : codes) {
                  if (key != null) {
                      loadedStrings.put(key, new ArrayList<>());
                  }
              }
              List<Integer> keysToLoad = new ArrayList<>(loadedStrings.keySet());
              for (int from = 0; from < keysToLoad.size(); from += 1000) {
                  List<Integer> chunk = keysToLoad.subList(from, Math.min(from + 1000, keysToLoad.size()));
                  String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                  jdbc.query("SELECT t.code AS tag_code, t.label FROM tag t WHERE t.code IN (" + marks + ") ORDER BY 2",
                          (ResultSet rs2) -> {
                              Integer rowKey = rs2.getObject("tag_code", Integer.class);
                              List<String> rows = loadedStrings.get(rowKey);
                              if (rows != null) {
                                  try {
                                      rows.add(stringRows.mapRow(rs2, rows.size()));
                                  } catch (SQLException | RuntimeException failure) {
                                      loadedStrings.remove(rowKey); // queried again in its turn, where it fails as before
                                  }
                              }
                          }, chunk.toArray());
              }
              for (Integer code : codes) {
                  List<String> tags = loadedStrings.containsKey(code) ? loadedStrings.remove(code) : jdbc.query("SELECT t.code AS tag_code, t.label FROM tag t WHERE t.code = ? ORDER BY 2",
                          (rs, n) -> n + ":" + rs.getString("label"), code);
                  found.add(code + "=" + tags);
              }
              return found;
          }
      }
      """;

  private MigrationFixture fixture(String films) {
    return new MigrationFixture(dir).java(GENRE).java(films)
        .config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops()));
  }

  @Test
  void eachKeysRowsAreLoadedByOneInQueryBeforeTheLoop() throws Exception {
    MigrationFixture fixture = fixture(BEFORE);
    MigrationPlan plan = fixture.plan();
    assertEquals(2, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    assertEquals(AFTER, MigrationFixture.after(plan, "src/main/java/shop/Films.java"));
    fixture.assertCompiles(plan);
    fixture.compile(plan, "8");
    // migrate twice changes nothing: the loop's query runs only for keys the loading did not answer
    MigrationPlan again = fixture(AFTER).plan();
    assertEquals(List.of(), again.loops());
  }

  @Test
  void everyAnswerIsTheOriginalsAndTheQueriesAreOnePerThousandKeys() throws Exception {
    MigrationFixture fixture = fixture(BEFORE);
    MigrationPlan plan = fixture.plan();
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    List<Long> many = new ArrayList<>();
    for (long id = 1; id <= 2_500; id++) {
      many.add(id % 7 == 0 ? 1 : id % 9 == 0 ? id + 1 : id); // some asked again
    }
    // 4 and 8: no rows; 3: three rows; 999999: no film; null: its own query (film_id = NULL finds none)
    List<List<Long>> films = List.of(List.of(), List.of(1L, 2L, 1L), Arrays.asList(3L, null, 4L),
        List.of(5L, 999_999L, 6L), List.of(3L), List.of(2L, 4L, 8L, 3L, 3L), many);
    for (List<Long> ids : films) {
      Run before = run(original, "genres", ids);
      Run after = run(migrated, "genres", ids);
      assertEquals(before.answer(), after.answer(), "genres of " + ids.size() + " ids");
      long distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().count();
      assertEquals((distinct + 999) / 1000, after.statements("in"), "IN queries for " + ids.size() + " ids");
      // a key asked again, and a null one, run their own query in their turn; the rest none
      assertEquals(ids.size() - distinct, after.statements("query"), "queries per key for " + ids);
      assertEquals(ids.size(), before.statements("query"));
    }
    String several = run(migrated, "genres", List.of(3L, 4L)).answer();
    assertTrue(several.startsWith("[3=[3:genre 3#0, 2:genre 2#1, 1:genre 1#2], 4=[]] and then [[3:genre 3#0, 2:genre 2#1, 1:genre 1#2, 0:mine#-1], [0:mine#-1]]"), several);
    List<List<Integer>> codes = List.of(List.of(10, 20, 10), List.of(40, 30, 10), List.of(30), List.of());
    for (List<Integer> asked : codes) {
      assertEquals(run(original, "tags", asked).answer(), run(migrated, "tags", asked).answer(), "tags " + asked);
    }
    assertEquals("[30=[0:x, 1:y, 2:z], 10=[0:a, 1:b]]", run(migrated, "tags", List.of(30, 10)).answer());
  }

  @Test
  void anAnonymousSpringMapperWithOnlyAMapRowIsLoadedAheadAndOneWithStateIsRefused() throws Exception {
    // spring-petclinic-rest's JdbcVetRepositoryImpl.findAll() maps its specialty ids so
    String anonymous = call("jdbc.query(" + SQL + ",\n                    new org.springframework.jdbc.core.BeanPropertyRowMapper<Genre>() {\n"
        + "                        @Override\n"
        + "                        public Genre mapRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {\n"
        + "                            return new Genre(rs.getLong(2), rs.getString(3), row);\n"
        + "                        }\n"
        + "                    }, filmId);");
    MigrationFixture fixture = fixture(anonymous);
    MigrationPlan plan = fixture.plan();
    assertEquals(2, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    for (List<Long> ids : List.of(List.of(1L, 3L, 1L, 4L), Arrays.asList(2L, null, 999L))) {
      assertEquals(run(original, "genres", ids).answer(), run(migrated, "genres", ids).answer(), "genres of " + ids);
    }
    assertRefused(anonymous.replace("            return new Genre(rs.getLong(2), rs.getString(3), row);",
        "            return new Genre(rs.getLong(2), rs.getString(3), described.size());"), "it reads described, a local");
    assertRefused(anonymous.replace("            return new Genre(rs.getLong(2), rs.getString(3), row);",
        "            return new Genre(rs.getLong(2), rs.getString(3), getClass().getName().length());"),
        "its mapRow calls getClass(), a method of the anonymous class or of BeanPropertyRowMapper");
    assertRefused(anonymous.replace("                    }, filmId);", "                    private int mapped;\n"
        + "                    }, filmId);"), "with more than a mapRow of its own");
  }

  @Test
  void aMapperFailingOnOneRowFailsInThatKeysTurnAsBefore() throws Exception {
    // film 13's genre 7 has no name, which this mapper rejects: its own query fails in its turn, as before
    String failing = BEFORE.replace("rs.getString(\"name\"), n);", "java.util.Objects.requireNonNull(rs.getString(\"name\"), \"no name\"), n);");
    MigrationFixture fixture = fixture(failing);
    MigrationPlan plan = fixture.plan();
    assertEquals(2, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    for (List<Long> ids : List.of(List.of(1L, 13L, 2L), List.of(2L, 3L), List.of(13L), List.of(5L, 999L, 13L, 1L))) {
      Run before = run(original, "genres", ids);
      Run after = run(migrated, "genres", ids);
      assertEquals(before.answer(), after.answer(), "genres of " + ids);
    }
    Run after = run(migrated, "genres", List.of(1L, 13L, 2L));
    assertTrue(after.answer().startsWith("java.lang.NullPointerException: no name"), after.answer());
    assertEquals(1, after.statements("in"));
    assertEquals(1, after.statements("query"), "film 13 queried again in its turn");
  }

  private record Run(String answer, Map<String, Integer> queries) {
    int statements(String kind) {
      return queries.getOrDefault(kind, 0);
    }
  }

  private static final AtomicInteger DATABASES = new AtomicInteger();

  /**
   * Genres 1 to 6 and 7 without a name; film x has genres 1 to x mod 4 (none when 4 divides it), film
   * 13 genre 7 too; tags 10 (b, a), 20 (c), 30 (x, y, z), in a fresh H2 database.
   */
  private static Run run(Path classes, String method, List<?> keys) throws Exception {
    DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:lists" + DATABASES.incrementAndGet()
        + ";DB_CLOSE_DELAY=-1");
    CountingJdbcTemplate jdbc = new CountingJdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE genre (genre_id INT PRIMARY KEY, name VARCHAR(40))");
    jdbc.execute("INSERT INTO genre SELECT x, 'genre ' || x FROM SYSTEM_RANGE(1, 6)");
    jdbc.execute("INSERT INTO genre VALUES (7, NULL)");
    jdbc.execute("CREATE TABLE film_genre (film_id BIGINT, genre_id INT)");
    jdbc.execute("INSERT INTO film_genre SELECT f.x, g.x FROM SYSTEM_RANGE(1, 3000) f, SYSTEM_RANGE(1, 3) g "
        + "WHERE g.x <= MOD(f.x, 4)");
    jdbc.execute("INSERT INTO film_genre VALUES (13, 7)");
    jdbc.execute("CREATE TABLE tag (code INT, label VARCHAR(20))");
    jdbc.execute("INSERT INTO tag VALUES (10, 'b'), (10, 'a'), (20, 'c'), (30, 'z'), (30, 'x'), (30, 'y')");
    jdbc.calls.clear();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        JdbcKeyQueryListRewriteTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Films");
      Object films = type.getConstructor(JdbcTemplate.class).newInstance(jdbc);
      String answer;
      try {
        answer = String.valueOf(type.getMethod(method, List.class).invoke(films, keys));
      } catch (InvocationTargetException e) {
        answer = e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
      }
      Map<String, Integer> queries = new java.util.TreeMap<>();
      jdbc.calls.forEach((k, v) -> queries.put(k, v.get()));
      return new Run(answer, queries);
    }
  }

  /** The real template, its statements counted: "query" a query per key, "in" a batched IN query. */
  static class CountingJdbcTemplate extends JdbcTemplate {
    final Map<String, AtomicInteger> calls = new java.util.concurrent.ConcurrentHashMap<>();

    CountingJdbcTemplate(DataSource dataSource) {
      super(dataSource);
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
      calls.computeIfAbsent("query", k -> new AtomicInteger()).incrementAndGet();
      return super.query(sql, rowMapper, args);
    }

    @Override
    public void query(String sql, RowCallbackHandler handler, Object... args) {
      calls.computeIfAbsent("in", k -> new AtomicInteger()).incrementAndGet();
      super.query(sql, handler, args);
    }
  }

  // ---- refusals: each a query, a call or a body for which loading every key's rows ahead would answer differently

  private static final String SQL = "\"SELECT fg.film_id, g.genre_id, g.name FROM film_genre fg \"\n"
      + "                    + \"JOIN genre g ON g.genre_id = fg.genre_id WHERE fg.film_id = ? ORDER BY g.genre_id DESC\"";

  private String refusal(String films) {
    MigrationPlan plan = fixture(films).plan();
    assertEquals(List.of(), plan.loops().stream().filter(l -> l.method().equals("Films.genres")).toList(),
        "must be refused:\n" + films);
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")
        && r.finding().enclosingMethod().startsWith("genres(")).map(Refusal::reason)
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  private void assertRefused(String films, String why) {
    String reason = refusal(films);
    assertTrue(reason.contains(why), reason);
  }

  /** The genres loop with this SQL in place of its own. */
  private static String sql(String text) {
    assertTrue(BEFORE.contains(SQL));
    return BEFORE.replace(SQL, text);
  }

  /** The genres loop with this call in place of its own. */
  private static String call(String text) {
    String own = "jdbc.query(" + SQL + ",\n                    GENRE, filmId);";
    assertTrue(BEFORE.contains(own));
    return BEFORE.replace(own, text);
  }

  @Test
  void rowsInNoOrderSqlDefinesAreRefusedWithWhatWouldBatchThem() {
    String none = refusal(sql("\"SELECT fg.film_id, g.genre_id, g.name FROM film_genre fg JOIN genre g ON g.genre_id = fg.genre_id WHERE fg.film_id = ?\""));
    assertTrue(none.startsWith("its rows come in no order SQL defines (no ORDER BY)") && none.endsWith(
        "add ORDER BY over a unique column and it is batched"), none);
    // ordered by the key alone (by name or position): equal in all of one key's rows, so no order among them
    assertRefused(sql("\"SELECT fg.film_id, g.genre_id, g.name FROM film_genre fg JOIN genre g ON g.genre_id = fg.genre_id WHERE fg.film_id = ? ORDER BY fg.film_id\""),
        "its ORDER BY sorts by nothing that differs among one key's rows");
    assertRefused(sql("\"SELECT fg.film_id, g.genre_id, g.name FROM film_genre fg JOIN genre g ON g.genre_id = fg.genre_id WHERE fg.film_id = ? ORDER BY 1\""),
        "nothing that differs among one key's rows");
    // a window over other rows sorts otherwise over many keys' rows
    assertRefused(sql("\"SELECT fg.film_id, g.genre_id, g.name FROM film_genre fg JOIN genre g ON g.genre_id = fg.genre_id WHERE fg.film_id = ? ORDER BY COUNT(*) OVER (PARTITION BY g.name)\""),
        "computed over other rows");
  }

  @Test
  void aQueryThatForManyKeysFindsOtherRowsIsRefused() {
    String join = "FROM film_genre fg JOIN genre g ON g.genre_id = fg.genre_id WHERE fg.film_id = ?";
    assertRefused(sql("\"SELECT fg.film_id, g.genre_id, g.name " + join + " ORDER BY g.genre_id LIMIT 2\""), "a limit");
    assertRefused(sql("\"SELECT fg.film_id, g.genre_id, g.name " + join + " ORDER BY g.genre_id OFFSET 1 ROWS\""), "a limit");
    assertRefused(sql("\"SELECT fg.film_id, g.genre_id, g.name " + join + " ORDER BY g.genre_id FETCH FIRST 2 ROWS ONLY\""), "a limit");
    assertRefused(sql("\"SELECT DISTINCT fg.film_id, g.genre_id, g.name " + join + " ORDER BY g.genre_id\""), "DISTINCT");
    assertRefused(sql("\"SELECT fg.film_id, g.name, 1 AS genre_id " + join + " GROUP BY fg.film_id, g.name ORDER BY g.name\""), "GROUP BY");
    assertRefused(sql("\"SELECT fg.film_id, COUNT(*) AS genre_id, 'n' AS name " + join + " ORDER BY 2\""), "over its rows");
    assertRefused(sql("\"SELECT g.genre_id, g.name " + join + " ORDER BY g.genre_id\""), "does not return the key column");
    assertRefused(sql("\"SELECT fg.film_id, g.genre_id, g.name " + join + " OR g.genre_id = 1 ORDER BY g.genre_id\""), "an OR");
  }

  @Test
  void otherQueriesOfTheTemplateAreRefused() {
    // a ResultSetExtractor or a RowCallbackHandler answers otherwise than a list of mapped rows
    assertRefused(call("jdbc.query(" + SQL + ",\n                        rs -> { List<Genre> all = new ArrayList<>(); "
        + "while (rs.next()) { all.add(new Genre(rs.getLong(2), rs.getString(3), 0)); } return all; }, filmId);"),
        "a ResultSetExtractor, RowCallbackHandler or PreparedStatementSetter, not a RowMapper");
    assertRefused(BEFORE.replace("    public String genres(List<Long> filmIds) {", """
            private static final org.springframework.jdbc.core.ResultSetExtractor<List<Genre>> ALL = rs -> new ArrayList<>();

            public String genres(List<Long> filmIds) {""").replace("GENRE, filmId);", "ALL, filmId);"),
        "it is ALL, a ResultSetExtractor");
    assertRefused(call("jdbc.queryForList(\"SELECT genre_id FROM film_genre WHERE film_id = ? ORDER BY genre_id\", "
        + "Long.class, filmId);").replace("List<Genre> genres = ", "List<Long> genres = "), "queryForList's rows are one column");
    // its arguments in an array, with or without their SQL types; more than the key bound
    assertRefused(call("jdbc.query(" + SQL + ", new Object[] {filmId}, GENRE);"), "its arguments are an array");
    assertRefused(call("jdbc.query(" + SQL + ", new Object[] {filmId}, new int[] {java.sql.Types.BIGINT}, GENRE);"),
        "query() with 4 arguments");
    assertRefused(call("jdbc.query(" + SQL.replace("ORDER BY", "AND g.genre_id > ? ORDER BY") + ", GENRE, filmId, 0);"),
        "query() with 4 arguments");
    assertRefused(call("jdbc.query(" + SQL + ", GENRE, 5L);"), "neither the loop's element");
  }

  @Test
  void aCallOrABodyTheLoadingCannotGoBeforeIsRefused() {
    assertRefused(call("jdbc.query(" + SQL + ", (rs, n) -> new Genre(described.size(), rs.getString(\"name\"), n), filmId);"),
        "it reads described, a local of genres()");
    assertRefused(BEFORE.replace("List<Genre> genres = jdbc.query(", "var genres = jdbc.query("), "its rows are not the value of a variable declared");
    assertRefused(BEFORE.replace("List<Genre> genres = jdbc.query(", "Object genres = jdbc.query("), "its rows are not the value of a variable declared");
    assertRefused(BEFORE.replace("            List<Genre> genres = jdbc.query(", "            JdbcTemplate template = jdbc;\n"
        + "            List<Genre> genres = template.query("), "not on a field of the class");
    assertRefused(sql("\"SELECT fg.film_id, g.genre_id, g.name FROM film_genre fg JOIN genre g ON g.genre_id = fg.genre_id WHERE fg.film_id = ? ORDER BY \" + described.size()"),
        "which optkit cannot show is one text for every element");
    // a list handed to a field would be left as no element had run when a load fails; a local's is fine (above)
    assertRefused(BEFORE.replace("    public String genres(List<Long> filmIds) {", """
            private final java.util.Map<Long, List<Genre>> seen = new java.util.HashMap<>();

            public String genres(List<Long> filmIds) {""").replace("handed.add(genres);", "seen.put(filmId, genres);"),
        "put() on seen");
    assertRefused(BEFORE.replace("            List<Genre> genres = jdbc.query(", "            try {\n"
        + "            List<Genre> genres = jdbc.query(").replace("described.add(filmId + \"=\" + genres);",
        "described.add(filmId + \"=\" + genres);\n            } catch (RuntimeException e) {\n"
        + "                described.add(\"failed\");\n            }"), "its query is inside a try block");
  }
}
