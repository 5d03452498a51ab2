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
 * A JdbcTemplate queryForObject per key batched into one IN query per 1,000 keys before the loop:
 * the text, the compiled result, and both versions run over H2 with the same keys, every answer
 * compared (a missing key's and a key with two rows' exceptions, a null key, a key asked twice,
 * 2,500 keys), and the template's queries counted.
 */
class JdbcKeyQueryBatchRewriteTest {
  @TempDir Path dir;

  static final String CUSTOMER = """
      package shop;

      public final class Customer {
          private final long id;
          private final String name;

          public Customer(long id, String name) {
              this.id = id;
              this.name = name;
          }

          public String name() {
              return name + " #" + id;
          }
      }
      """;

  static final String BEFORE = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.jdbc.core.RowMapper;

      public class Customers {
          private static final RowMapper<Customer> CUSTOMER = (rs, n) -> new Customer(rs.getLong("id"), rs.getString("name"));

          private final JdbcTemplate jdbc;

          public Customers(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public List<String> names(List<Long> ids) {
              List<String> names = new ArrayList<>();
              for (Long id : ids) {
                  Customer customer = jdbc.queryForObject("SELECT id, name FROM customer WHERE id = ? AND active = TRUE",
                          CUSTOMER, id);
                  names.add(customer.name());
              }
              return names;
          }

          public List<String> regions(List<Integer> codes) {
              List<String> found = new ArrayList<>();
              for (Integer code : codes) {
                  String region = jdbc.queryForObject("SELECT r.code AS region_code, r.name FROM region r WHERE r.code = ?",
                          (rs, n) -> rs.getString("name") + "#" + n, code);
                  found.add(region);
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

      public class Customers {
          private static final RowMapper<Customer> CUSTOMER = (rs, n) -> new Customer(rs.getLong("id"), rs.getString("name"));

          private final JdbcTemplate jdbc;

          public Customers(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public List<String> names(List<Long> ids) {
              List<String> names = new ArrayList<>();
              // optkit migrate: one query per 1000 keys before the loop instead of a queryForObject per
              // key; a key with exactly one row takes it once, and any other key (no row or several,
              // asked again, null) runs queryForObject as before
              Map<Long, List<Customer>> loadedCustomers = new LinkedHashMap<>();
              for (Long key : ids) {
                  if (key != null) {
                      loadedCustomers.put(key, new ArrayList<>());
                  }
              }
              List<Long> keysToLoad = new ArrayList<>(loadedCustomers.keySet());
              for (int from = 0; from < keysToLoad.size(); from += 1000) {
                  List<Long> chunk = keysToLoad.subList(from, Math.min(from + 1000, keysToLoad.size()));
                  String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                  jdbc.query("SELECT id, name FROM customer WHERE id IN (" + marks + ") AND active = TRUE",
                          (ResultSet rs) -> {
                              Long rowKey = rs.getObject("id", Long.class);
                              List<Customer> rows = loadedCustomers.get(rowKey);
                              if (rows != null) {
                                  try {
                                      rows.add(CUSTOMER.mapRow(rs, 0));
                                  } catch (SQLException | RuntimeException failure) {
                                      loadedCustomers.remove(rowKey); // queried again in its turn, where it fails as before
                                  }
                              }
                          }, chunk.toArray());
              }
              for (Long id : ids) {
                  Customer customer = loadedCustomers.containsKey(id) && loadedCustomers.get(id).size() == 1 ? loadedCustomers.remove(id).get(0) : jdbc.queryForObject("SELECT id, name FROM customer WHERE id = ? AND active = TRUE",
                          CUSTOMER, id);
                  names.add(customer.name());
              }
              return names;
          }

          public List<String> regions(List<Integer> codes) {
              List<String> found = new ArrayList<>();
              // optkit migrate: one query per 1000 keys before the loop instead of a queryForObject per
              // key; a key with exactly one row takes it once, and any other key (no row or several,
              // asked again, null) runs queryForObject as before
              RowMapper<String> stringRows = (rs, n) -> rs.getString("name") + "#" + n;
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
                  jdbc.query("SELECT r.code AS region_code, r.name FROM region r WHERE r.code IN (" + marks + ")",
                          (ResultSet rs2) -> {
                              Integer rowKey = rs2.getObject("region_code", Integer.class);
                              List<String> rows = loadedStrings.get(rowKey);
                              if (rows != null) {
                                  try {
                                      rows.add(stringRows.mapRow(rs2, 0));
                                  } catch (SQLException | RuntimeException failure) {
                                      loadedStrings.remove(rowKey); // queried again in its turn, where it fails as before
                                  }
                              }
                          }, chunk.toArray());
              }
              for (Integer code : codes) {
                  String region = loadedStrings.containsKey(code) && loadedStrings.get(code).size() == 1 ? loadedStrings.remove(code).get(0) : jdbc.queryForObject("SELECT r.code AS region_code, r.name FROM region r WHERE r.code = ?",
                          (rs, n) -> rs.getString("name") + "#" + n, code);
                  found.add(region);
              }
              return found;
          }
      }
      """;

  private MigrationFixture fixture(String customers) {
    return new MigrationFixture(dir).java(CUSTOMER).java(customers)
        .config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops()));
  }

  @Test
  void eachKeysRowIsLoadedByOneInQueryBeforeTheLoop() throws Exception {
    MigrationFixture fixture = fixture(BEFORE);
    MigrationPlan plan = fixture.plan();
    assertEquals(2, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    assertEquals(AFTER, MigrationFixture.after(plan, "src/main/java/shop/Customers.java"));
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
      many.add(id % 7 == 0 ? 1 : id % 8 == 0 ? id + 1 : id); // some asked again, none inactive
    }
    List<List<Long>> customers = List.of(List.of(), List.of(1L, 2L, 1L), Arrays.asList(3L, null, 4L),
        List.of(5L, 999_999L, 6L), List.of(2L, 4L, 8L), many);
    for (List<Long> ids : customers) {
      Run before = run(original, "names", ids);
      Run after = run(migrated, "names", ids);
      assertEquals(before.answer(), after.answer(), "names of " + ids.size() + " ids");
      long distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().count();
      assertTrue(after.queries().getOrDefault("query", 0) <= (distinct + 999) / 1000, after.queries().toString());
    }
    String missing = run(migrated, "names", List.of(5L, 999_999L)).answer();
    assertTrue(missing.contains("EmptyResultDataAccessException"), missing);
    Run many2 = run(migrated, "names", many);
    assertEquals((many.stream().distinct().count() + 999) / 1000, (long) many2.queries().get("query"),
        many2.queries().toString());
    // asked again: the first occurrence takes the loaded row, the others query as before
    assertEquals(many.size() - (int) many.stream().distinct().count(), many2.queries().get("queryForObject"));
    assertTrue(many2.answer().startsWith("[customer 1 #1, customer 2 #2"), many2.answer());
    List<List<Integer>> regions = List.of(List.of(10, 20, 10), List.of(10, 30, 20), List.of(40), List.of(20, 50));
    for (List<Integer> codes : regions) {
      assertEquals(run(original, "regions", codes).answer(), run(migrated, "regions", codes).answer(), "regions " + codes);
    }
    String twoRows = run(migrated, "regions", List.of(10, 30)).answer();
    assertTrue(twoRows.contains("IncorrectResultSizeDataAccessException"), twoRows);
  }

  private record Run(String answer, Map<String, Integer> queries) {}

  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** Customers 1 to 3,000 (every 8th inactive) and regions (code 30 twice) in a fresh H2 database. */
  private static Run run(Path classes, String method, List<?> keys) throws Exception {
    return run(classes, method, loader -> keys);
  }

  /** @param keys the argument, made with the classes' own loader (orders of the compiled Order) */
  private static Run run(Path classes, String method, KeysOf keys) throws Exception {
    DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:keys" + DATABASES.incrementAndGet()
        + ";DB_CLOSE_DELAY=-1");
    CountingJdbcTemplate jdbc = new CountingJdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE customer (id BIGINT PRIMARY KEY, name VARCHAR(40), active BOOLEAN)");
    jdbc.execute("INSERT INTO customer SELECT x, 'customer ' || x, MOD(x, 8) <> 0 FROM SYSTEM_RANGE(1, 3000)");
    jdbc.execute("CREATE TABLE region (code INT, name VARCHAR(40))");
    jdbc.execute("INSERT INTO region VALUES (10, 'north'), (20, 'south'), (30, 'east'), (30, 'east too'), (50, 'west')");
    jdbc.calls.clear();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        JdbcKeyQueryBatchRewriteTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Customers");
      Object customers = type.getConstructor(JdbcTemplate.class).newInstance(jdbc);
      String answer;
      try {
        answer = String.valueOf(type.getMethod(method, List.class).invoke(customers, keys.of(loader)));
      } catch (InvocationTargetException e) {
        answer = e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
      }
      Map<String, Integer> queries = new java.util.TreeMap<>();
      jdbc.calls.forEach((k, v) -> queries.put(k, v.get()));
      return new Run(answer, queries);
    }
  }

  private interface KeysOf {
    List<?> of(ClassLoader loader) throws Exception;
  }

  /** The real template, its queries counted. */
  static class CountingJdbcTemplate extends JdbcTemplate {
    final Map<String, AtomicInteger> calls = new java.util.concurrent.ConcurrentHashMap<>();

    CountingJdbcTemplate(DataSource dataSource) {
      super(dataSource);
    }

    @Override
    public <T> T queryForObject(String sql, RowMapper<T> rowMapper, Object... args) {
      calls.computeIfAbsent("queryForObject", k -> new AtomicInteger()).incrementAndGet();
      return super.queryForObject(sql, rowMapper, args);
    }

    @Override
    public void query(String sql, RowCallbackHandler handler, Object... args) {
      calls.computeIfAbsent("query", k -> new AtomicInteger()).incrementAndGet();
      super.query(sql, handler, args);
    }
  }

  // ---- refusals: each a query or a body for which loading every key's rows ahead would answer differently

  private String refusal(String customers) {
    MigrationPlan plan = fixture(customers).plan();
    assertEquals(List.of(), plan.loops().stream().filter(l -> l.method().equals("Customers.names")).toList(),
        "must be refused:\n" + customers);
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")
        && r.finding().enclosingMethod().startsWith("names(")).map(Refusal::reason)
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  private void assertRefused(String customers, String why) {
    String reason = refusal(customers);
    assertTrue(reason.contains(why), reason);
  }

  private static String sql(String where) {
    return BEFORE.replace("\"SELECT id, name FROM customer WHERE id = ? AND active = TRUE\"", where);
  }

  @Test
  void theSqlIsTheSourcesTextWithItsCommentsAndSpacesAndTheSpliceKeepsItsWords() throws Exception {
    // a line comment that would swallow the next line of a squashed copy, two spaces in a literal, "id=?"
    String customers = BEFORE.replace("\"SELECT id, name FROM customer WHERE id = ? AND active = TRUE\"", "\"\"\"\n"
        + "                    SELECT id, name FROM customer WHERE id=? -- by key\n"
        + "                    AND name <> 'x  y'\n"
        + "                    \"\"\"");
    MigrationFixture fixture = fixture(customers).file("src/main/java/shop/Math.java", "package shop;\n\npublic class Math {}\n");
    MigrationPlan plan = fixture.plan();
    String after = MigrationFixture.after(plan, "src/main/java/shop/Customers.java");
    assertTrue(after.contains("\"SELECT id, name FROM customer WHERE id IN (\" + marks + \") -- by key\\nAND name <> 'x  y'\\n\""),
        after);
    assertTrue(after.contains("java.lang.Math.min("), "shop.Math hides java.lang.Math:\n" + after);
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    for (List<Long> ids : List.of(List.of(1L, 2L, 3L), List.of(4L, 8L))) {
      assertEquals(run(original, "names", ids).answer(), run(migrated, "names", ids).answer(), "names of " + ids);
    }
  }

  @Test
  void aMapperFailingOnOneRowFailsInThatKeysTurnAsBefore() throws Exception {
    // 999 is missing: the original fails there first, with no row mapped for 6, whose name the mapper rejects
    String failing = BEFORE.replace("private static final RowMapper<Customer> CUSTOMER = (rs, n) -> new Customer(rs.getLong(\"id\"), rs.getString(\"name\"));",
        "private static final RowMapper<Customer> CUSTOMER = (rs, n) -> new Customer(rs.getLong(\"id\"), "
            + "java.util.Objects.requireNonNull(rs.getLong(\"id\") == 6 ? null : rs.getString(\"name\")));");
    MigrationFixture fixture = fixture(failing);
    MigrationPlan plan = fixture.plan();
    assertEquals(2, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    for (List<Long> ids : List.of(List.of(1L, 999L, 6L), List.of(1L, 6L, 999L), List.of(5L, 7L))) {
      Run before = run(original, "names", ids);
      assertEquals(before.answer(), run(migrated, "names", ids).answer(), "names of " + ids);
    }
  }

  static final String ORDER = """
      package shop;

      public class Order {
          private final Long customerId;
          private int touched;

          public Order(Long customerId) {
              this.customerId = customerId;
          }

          public Long getCustomerId() {
              return customerId;
          }

          public Long nextCustomerId() {
              touched++;
              return customerId;
          }
      }
      """;

  @Test
  void aKeyAGetterOfTheElementReturnsIsLoadedAheadToo() throws Exception {
    String customers = BEFORE.replace("    public List<String> regions(List<Integer> codes) {", """
            public List<String> buyers(List<Order> orders) {
                List<String> buyers = new ArrayList<>();
                for (Order order : orders) {
                    Customer customer = jdbc.queryForObject("SELECT id, name FROM customer WHERE id = ?", CUSTOMER,
                            order.getCustomerId());
                    buyers.add(customer.name());
                }
                return buyers;
            }

            public List<String> regions(List<Integer> codes) {""");
    MigrationFixture fixture = new MigrationFixture(dir).java(CUSTOMER).java(ORDER).java(customers)
        .config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops()));
    MigrationPlan plan = fixture.plan();
    String after = MigrationFixture.after(plan, "src/main/java/shop/Customers.java");
    assertTrue(after.contains("for (Order order : orders) {")
        && after.contains("if (order != null && order.getCustomerId() != null) {")
        && after.contains("loadedCustomers.put(order.getCustomerId(), new ArrayList<>());"), after);
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    for (List<Long> ids : List.of(List.of(1L, 2L, 1L), Arrays.asList(3L, null, 4L), List.of(5L, 999_999L))) {
      assertEquals(runOrders(original, ids), runOrders(migrated, ids), "buyers of " + ids);
    }
    // a getter that changes its object is no key optkit reads twice
    String touching = customers.replace("order.getCustomerId());", "order.nextCustomerId());");
    MigrationPlan refused = new MigrationFixture(dir.resolve("touching")).java(CUSTOMER).java(ORDER).java(touching)
        .config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops())).plan();
    String why = refused.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("buyers("))
        .map(Refusal::reason).findFirst().orElse("not refused");
    assertTrue(why.contains("Order.nextCustomerId()"), why);
  }

  /** buyers() of orders for these customer ids, over the same H2 data as {@link #run}. */
  private static String runOrders(Path classes, List<Long> customerIds) throws Exception {
    return run(classes, "buyers", loader -> {
      Class<?> orderType = loader.loadClass("shop.Order");
      List<Object> orders = new ArrayList<>();
      for (Long id : customerIds) {
        orders.add(orderType.getConstructor(Long.class).newInstance(id));
      }
      return orders;
    }).answer();
  }

  @Test
  void aMapperWithStateOrAKeyLabelledTwiceIsRefused() {
    assertRefused(BEFORE.replace("CUSTOMER, id);", "(rs, n) -> new Customer(names.size(), rs.getString(\"name\")), id);"),
        "it reads names, a local of names()");
    assertRefused(BEFORE.replace("    public List<String> names(List<Long> ids) {", """
        private int mapped;

        private Customer map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            mapped++;
            return new Customer(mapped, rs.getString("name"));
        }

        public List<String> names(List<Long> ids) {""").replace("CUSTOMER, id);", "this::map, id);"), "mapped");
    assertRefused(sql("\"SELECT carrier AS id, id, name FROM customer WHERE id = ?\""), "more than one column labelled");
    assertRefused(sql("\"SELECT id, name, ROWNUM() AS n FROM customer WHERE id = ?\""), "ROWNUM");
    assertRefused(BEFORE.replace("    public List<String> names(List<Long> ids) {", """
        private final java.util.Map<String, Integer> seen = new java.util.HashMap<>();

        public List<String> names(List<Long> ids) {""").replace("            names.add(customer.name());", """
                    seen.merge(customer.name(), 1, Integer::sum);
                    names.add(customer.name());"""), "merge() on seen");
  }

  @Test
  void aQueryThatForManyKeysFindsOtherRowsIsRefused() {
    assertRefused(sql("\"SELECT id, name FROM customer WHERE id = ? OR active = FALSE\""), "an OR");
    assertRefused(sql("\"SELECT COUNT(*) AS id, 'x' AS name FROM customer WHERE id = ?\""), "over its rows");
    assertRefused(sql("\"SELECT id, name FROM customer WHERE id = ? LIMIT 1\""), "a limit");
    assertRefused(sql("\"SELECT name, 1 AS id FROM customer WHERE id = ?\""), "does not return the key");
    assertRefused(sql("\"SELECT id, name FROM customer WHERE id = ? AND name <> '?'\""), "more than one '?'");
    assertRefused(sql("\"SELECT id, name FROM customer WHERE id >= ?\""), "'column = ?'");
    assertRefused(sql("\"SELECT id, name FROM customer WHERE (id = ? OR active)\""), "an OR");
    // a locking read is a write to optkit: not a query to batch ahead
    assertRefused(sql("\"SELECT id, name FROM customer WHERE id = ? FOR UPDATE\""), "a query whose SQL changes state");
  }

  @Test
  void keysThatCompareOtherwiseOrAMapperMadePerElementAreRefused() {
    assertRefused(BEFORE.replace("List<Long> ids", "List<String> ids").replace("(Long id : ids)", "(String id : ids)"),
        "Long, Integer and UUID keys only");
    assertRefused(BEFORE.replace("                    CUSTOMER, id);",
        "                    (rs, n) -> new Customer(id, rs.getString(\"name\")), id);"), "it reads id, a local of names()");
  }

  @Test
  void aCatchAroundTheLoopOrABodyChangingWhatItDoesNotMakeIsRefused() {
    assertRefused(BEFORE.replace("public List<String> names(List<Long> ids) {",
        "public List<String> names(List<Long> ids, List<Long> asked) {").replace("            names.add(customer.name());", """
                    asked.add(id);
                    names.add(customer.name());"""), "add() on asked");
    assertRefused(BEFORE.replace("        for (Long id : ids) {", """
                try {
                for (Long id : ids) {""").replace("        return names;", """
                } catch (RuntimeException e) {
                    names.add("failed");
                }
                return names;"""), "not as the elements before a failed queryForObject left it");
  }
}
