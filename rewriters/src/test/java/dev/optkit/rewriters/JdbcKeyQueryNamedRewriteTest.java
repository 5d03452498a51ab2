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
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A NamedParameterJdbcTemplate queryForObject or query per key ({@code WHERE id = :id}, the key in
 * a MapSqlParameterSource made for the call) batched into one {@code id IN (:id)} query per 1,000
 * keys, the chunk passed as the parameter's value: the text, the compiled result for Java 8 and the
 * running JDK, both versions over H2 (a missing key, a key asked again, a null key, two rows for
 * one key, 2,500 keys) with every answer and the template's queries compared, and the refusals.
 */
class JdbcKeyQueryNamedRewriteTest {
  @TempDir Path dir;

  static final String BEFORE = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;
      import org.springframework.jdbc.core.RowMapper;
      import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
      import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

      public class Customers {
          private static final RowMapper<String> CUSTOMER = (rs, n) -> rs.getString("name") + " #" + rs.getLong("id");

          private final NamedParameterJdbcTemplate named;

          public Customers(NamedParameterJdbcTemplate named) {
              this.named = named;
          }

          public List<String> names(List<Long> ids) {
              List<String> names = new ArrayList<>();
              for (Long id : ids) {
                  String customer = named.queryForObject("SELECT id, name FROM customer WHERE id = :id AND active = TRUE",
                          new MapSqlParameterSource("id", id), CUSTOMER);
                  names.add(customer);
              }
              return names;
          }

          public List<String> regions(List<Integer> codes) {
              List<String> found = new ArrayList<>();
              for (Integer code : codes) {
                  MapSqlParameterSource params = new MapSqlParameterSource().addValue("code", code);
                  List<String> names = named.query("SELECT code, name FROM region WHERE code = :code ORDER BY name", params,
                          (rs, n) -> rs.getString("name") + "#" + n);
                  found.add(code + "=" + names);
              }
              return found;
          }
      }
      """;

  static final String NAMES_AFTER = """
              List<Long> keysToLoad = new ArrayList<>(loadedStrings.keySet());
              for (int from = 0; from < keysToLoad.size(); from += 1000) {
                  List<Long> chunk = keysToLoad.subList(from, Math.min(from + 1000, keysToLoad.size()));
                  named.query("SELECT id, name FROM customer WHERE id IN (:id) AND active = TRUE", Collections.singletonMap("id", chunk),
                          (ResultSet rs) -> {
                              Long rowKey = rs.getObject("id", Long.class);
                              List<String> rows = loadedStrings.get(rowKey);
                              if (rows != null) {
                                  try {
                                      rows.add(CUSTOMER.mapRow(rs, 0));
                                  } catch (SQLException | RuntimeException failure) {
                                      loadedStrings.remove(rowKey); // queried again in its turn, where it fails as before
                                  }
                              }
                          });
              }
              for (Long id : ids) {
                  String customer = loadedStrings.containsKey(id) && loadedStrings.get(id).size() == 1 ? loadedStrings.remove(id).get(0) : named.queryForObject("SELECT id, name FROM customer WHERE id = :id AND active = TRUE",
                          new MapSqlParameterSource("id", id), CUSTOMER);
      """;

  private MigrationFixture fixture(Path at, String customers) {
    return new MigrationFixture(at).java(customers).config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops()));
  }

  @Test
  void aNamedKeyQueryIsBatchedWithTheChunkAsItsParametersValue() throws Exception {
    MigrationFixture fixture = fixture(dir, BEFORE);
    MigrationPlan plan = fixture.plan();
    assertEquals(2, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Customers.java");
    assertTrue(after.contains(NAMES_AFTER), after);
    assertTrue(after.contains("named.query(\"SELECT code, name FROM region WHERE code IN (:code) ORDER BY name\", "
        + "Collections.singletonMap(\"code\", chunk),"), after);
    fixture.assertCompiles(plan);
    fixture.compile(plan, "8");
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    List<Long> many = new ArrayList<>();
    for (long id = 1; id <= 2_500; id++) {
      many.add(id % 7 == 0 ? 1 : id % 8 == 0 ? id + 1 : id);
    }
    for (List<Long> ids : List.<List<Long>>of(List.of(), List.of(1L, 2L, 1L), Arrays.asList(3L, null, 4L), List.of(5L, 999_999L, 6L),
        List.of(2L, 4L, 8L), many)) {
      Run before = run(original, "names", ids);
      Run after2 = run(migrated, "names", ids);
      assertEquals(before.answer(), after2.answer(), "names of " + ids.size() + " ids");
    }
    assertTrue(run(migrated, "names", List.of(5L, 999_999L)).answer().contains("EmptyResultDataAccessException"));
    Run batched = run(migrated, "names", many);
    long distinct = many.stream().distinct().count();
    assertEquals((distinct + 999) / 1000, (long) batched.queries().get("query"), batched.queries().toString());
    assertEquals(many.size() - (int) distinct, batched.queries().get("queryForObject"));
    assertEquals(many.size(), run(original, "names", many).queries().get("queryForObject"));
    for (List<Integer> codes : List.of(List.of(10, 20, 10), List.of(10, 30, 20), List.of(40), Arrays.asList(20, null, 50))) {
      Run before = run(original, "regions", codes);
      Run after2 = run(migrated, "regions", codes);
      assertEquals(before.answer(), after2.answer(), "regions " + codes);
    }
    Run regions = run(migrated, "regions", List.of(10, 30, 20, 40));
    assertEquals(Map.of("query", 1), regions.queries(), regions.answer());
    assertEquals("[10=[north#0], 30=[east#0, east too#1], 20=[south#0], 40=[]]", regions.answer());
    assertTrue(run(migrated, "names", List.of(1L, 2L)).answer().contains("customer 1 #1"));
  }

  @Test
  void aNamedQueryWhoseParametersAreMoreThanItsOneKeyIsRefused() {
    assertRefused(BEFORE.replace("WHERE id = :id AND active = TRUE\",\n", "WHERE id = :id AND active = :active\",\n"),
        "names :active besides :id");
    assertRefused(BEFORE.replace("WHERE id = :id AND active = TRUE\",\n", "WHERE id = :id OR parent = :id\",\n"),
        ":id more than once");
    assertRefused(BEFORE.replace("new MapSqlParameterSource(\"id\", id), CUSTOMER);",
        "new MapSqlParameterSource().addValue(\"id\", id).addValue(\"active\", true), CUSTOMER);"),
        "one named key made for it");
    assertRefused(BEFORE.replace("WHERE id = :id AND active = TRUE\",\n", "WHERE id = :id AND name <> '?'\",\n"),
        "more than one '?'");
  }

  private static final AtomicInteger REFUSED = new AtomicInteger();

  private void assertRefused(String customers, String why) {
    assertTrue(!customers.equals(BEFORE), "the case changes nothing");
    MigrationPlan plan = fixture(dir.resolve("r" + REFUSED.incrementAndGet()), customers).plan();
    assertEquals(List.of(), plan.loops().stream().filter(l -> l.method().equals("Customers.names"))
        .map(l -> l.action()).toList(), "must be refused:\n" + customers);
    String reason = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")
        && r.finding().enclosingMethod().startsWith("names(")).map(Refusal::reason).findFirst()
        .orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
    assertTrue(reason.contains(why), reason);
  }

  private record Run(String answer, Map<String, Integer> queries) {}

  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** The real template, its queries counted. */
  static class CountingNamedTemplate extends NamedParameterJdbcTemplate {
    final Map<String, Integer> calls = new java.util.TreeMap<>();

    CountingNamedTemplate(DataSource dataSource) {
      super(dataSource);
    }

    @Override
    public <T> T queryForObject(String sql, SqlParameterSource params, RowMapper<T> rowMapper) {
      calls.merge("queryForObject", 1, Integer::sum);
      return super.queryForObject(sql, params, rowMapper);
    }

    @Override
    public <T> List<T> query(String sql, SqlParameterSource params, RowMapper<T> rowMapper) {
      calls.merge("queryList", 1, Integer::sum);
      return super.query(sql, params, rowMapper);
    }

    @Override
    public void query(String sql, Map<String, ?> params, RowCallbackHandler handler) {
      calls.merge("query", 1, Integer::sum);
      super.query(sql, params, handler);
    }
  }

  /** Customers 1 to 3,000 (every 8th inactive) and regions (code 30 twice) in a fresh H2 database. */
  private static Run run(Path classes, String method, List<?> keys) throws Exception {
    DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:named" + DATABASES.incrementAndGet()
        + ";DB_CLOSE_DELAY=-1");
    CountingNamedTemplate named = new CountingNamedTemplate(dataSource);
    named.getJdbcTemplate().execute("CREATE TABLE customer (id BIGINT PRIMARY KEY, name VARCHAR(40), active BOOLEAN)");
    named.getJdbcTemplate().execute("INSERT INTO customer SELECT x, 'customer ' || x, MOD(x, 8) <> 0 FROM SYSTEM_RANGE(1, 3000)");
    named.getJdbcTemplate().execute("CREATE TABLE region (code INT, name VARCHAR(40))");
    named.getJdbcTemplate().execute("INSERT INTO region VALUES (10, 'north'), (20, 'south'), (30, 'east too'), (30, 'east'), (50, 'west')");
    named.calls.clear();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        JdbcKeyQueryNamedRewriteTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Customers");
      Object customers = type.getConstructor(NamedParameterJdbcTemplate.class).newInstance(named);
      String answer;
      try {
        answer = String.valueOf(type.getMethod(method, List.class).invoke(customers, keys));
      } catch (InvocationTargetException e) {
        answer = e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
      }
      return new Run(answer, new java.util.TreeMap<>(named.calls));
    }
  }
}
