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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * A JdbcTemplate update per element, in a Spring transaction, batched into batchUpdate after the
 * loop: the text, the compiled result, and both versions run in a real Spring context (transaction
 * proxy, DataSourceTransactionManager) over H2, the table compared after every call, a failing
 * element included, and the template's calls counted.
 */
class BatchUpdateRewriteTest {
  @TempDir Path dir;

  static final String ITEM = """
      package shop;

      public record Item(long id, long price) {}
      """;

  static final String BEFORE = """
      package shop;

      import java.util.List;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Service;
      import org.springframework.transaction.annotation.Transactional;

      @Service
      public class Prices {
          private static final String SET_PRICE = "UPDATE item SET price = ? WHERE id = ?";

          private final JdbcTemplate jdbc;

          public Prices(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          @Transactional
          public void reprice(List<Item> items, int percent) {
              for (Item item : items) {
                  if (item.price() == 0) {
                      continue;
                  }
                  long price = item.price() * (100 + percent) / 100;
                  jdbc.update(SET_PRICE, price, item.id());
              }
          }

          @Transactional
          public void addAll(List<Item> items) {
              for (Item item : items) {
                  jdbc.update("INSERT INTO item (id, price) VALUES (?, ?)", item.id(), item.price());
              }
          }
      }
      """;

  static final String AFTER = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Service;
      import org.springframework.transaction.annotation.Transactional;

      @Service
      public class Prices {
          private static final String SET_PRICE = "UPDATE item SET price = ? WHERE id = ?";

          private final JdbcTemplate jdbc;

          public Prices(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          @Transactional
          public void reprice(List<Item> items, int percent) {
              // optkit migrate: the loop's updates run after it, as JDBC batches of 1000 in the same order and
              // the same transaction, instead of one round trip per element
              List<Object[]> batchArgs = new ArrayList<>();
              for (Item item : items) {
                  if (item.price() == 0) {
                      continue;
                  }
                  long price = item.price() * (100 + percent) / 100;
                  batchArgs.add(new Object[] {price, item.id()});
              }
              for (int from = 0; from < batchArgs.size(); from += 1000) {
                  jdbc.batchUpdate(SET_PRICE, batchArgs.subList(from, Math.min(from + 1000, batchArgs.size())));
              }
          }

          @Transactional
          public void addAll(List<Item> items) {
              // optkit migrate: the loop's updates run after it, as JDBC batches of 1000 in the same order and
              // the same transaction, instead of one round trip per element
              List<Object[]> batchArgs = new ArrayList<>();
              for (Item item : items) {
                  batchArgs.add(new Object[] {item.id(), item.price()});
              }
              for (int from = 0; from < batchArgs.size(); from += 1000) {
                  jdbc.batchUpdate("INSERT INTO item (id, price) VALUES (?, ?)", batchArgs.subList(from, Math.min(from + 1000, batchArgs.size())));
              }
          }
      }
      """;

  private static OptkitConfig loopsOnly() {
    return MigrationFixture.loopsOnly(OptkitConfig.defaults().loops());
  }

  private MigrationFixture fixture(String prices) {
    return new MigrationFixture(dir).java(ITEM).java(prices).config(loopsOnly());
  }

  @Test
  void theUpdatesAreCollectedInTheLoopAndRunAsBatchesAfterIt() throws Exception {
    MigrationFixture fixture = fixture(BEFORE);
    MigrationPlan plan = fixture.plan();
    assertEquals(2, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    assertEquals(AFTER, MigrationFixture.after(plan, "src/main/java/shop/Prices.java"));
    fixture.assertCompiles(plan);
    // migrate twice changes nothing: no statement is left in the loop, and the counted loop is the batch itself
    MigrationPlan again = fixture(AFTER).plan();
    assertEquals(List.of(), again.loops());
  }

  @Test
  void theTableIsTheOriginalsAfterEveryCallAFailingRowIncluded() throws Exception {
    MigrationFixture fixture = fixture(BEFORE);
    MigrationPlan plan = fixture.plan();
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    List<long[]> many = new ArrayList<>();
    for (long id = 100; id < 2_600; id++) {
      many.add(new long[] {id, id % 3});
    }
    List<List<long[]>> adds = List.of(List.of(), List.of(new long[] {10, 5}, new long[] {11, 0}), many,
        // a duplicate key in the middle: the transaction rolls back the rows before it in both
        List.of(new long[] {20, 1}, new long[] {21, 2}, new long[] {1, 9}, new long[] {22, 3}));
    for (List<long[]> add : adds) {
      Run before = run(original, add);
      Run after = run(migrated, add);
      assertEquals(before.table(), after.table(), "table after adding " + add.size());
      assertEquals(before.failure(), after.failure(), "failure adding " + add.size());
      int rows = add.size() + 3; // the three rows already there
      assertTrue(!before.failure().isEmpty() || before.calls().getOrDefault("update", 0) >= add.size() + 2,
          "the original's statement per element: " + before.calls());
      assertEquals(0, (int) after.calls().getOrDefault("update", 0), "no statement per element");
      assertTrue(after.calls().getOrDefault("batchUpdate", 0) <= 2 * ((rows + 999) / 1000), after.calls().toString());
    }
    assertTrue(run(migrated, adds.get(3)).failure().startsWith("org.springframework.dao.DuplicateKeyException"),
        run(migrated, adds.get(3)).failure());
  }

  private record Run(String table, String failure, Map<String, Integer> calls) {}

  /** Items 1 to 3 in a fresh H2 database; adds the given ones, then reprices everything by 10%. */
  private static Run run(Path classes, List<long[]> add) throws Exception {
    CountingJdbcTemplate.CALLS.clear();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        BatchUpdateRewriteTest.class.getClassLoader());
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.setClassLoader(loader);
      context.register(Database.class, loader.loadClass("shop.Prices"));
      context.refresh();
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      jdbc.execute("CREATE TABLE item (id BIGINT PRIMARY KEY, price BIGINT NOT NULL)");
      jdbc.execute("INSERT INTO item VALUES (1, 100), (2, 0), (3, 250)");
      CountingJdbcTemplate.CALLS.clear();
      Class<?> itemType = loader.loadClass("shop.Item");
      List<Object> items = new ArrayList<>();
      for (long[] row : add) {
        items.add(itemType.getConstructor(long.class, long.class).newInstance(row[0], row[1]));
      }
      Object prices = context.getBean(loader.loadClass("shop.Prices"));
      String failure = "";
      try {
        prices.getClass().getMethod("addAll", List.class).invoke(prices, items);
        List<Object> all = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT id, price FROM item ORDER BY id")) {
          all.add(itemType.getConstructor(long.class, long.class).newInstance(row.get("ID"), row.get("PRICE")));
        }
        prices.getClass().getMethod("reprice", List.class, int.class).invoke(prices, all, 10);
      } catch (InvocationTargetException e) {
        failure = e.getCause().getClass().getName();
      }
      String table = String.valueOf(jdbc.queryForList("SELECT id, price FROM item ORDER BY id"));
      return new Run(table, failure, new TreeMap<>(CountingJdbcTemplate.CALLS.entrySet().stream()
          .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))));
    }
  }

  /** A fresh in-memory H2 database per context, with Spring's transaction proxy and manager. */
  @Configuration
  @EnableTransactionManagement
  static class Database {
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Bean
    DataSource dataSource() {
      return new DriverManagerDataSource("jdbc:h2:mem:batch" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
      return new CountingJdbcTemplate(dataSource);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }
  }

  /** The real template, its statement calls counted. */
  static class CountingJdbcTemplate extends JdbcTemplate {
    static final Map<String, AtomicInteger> CALLS = new java.util.concurrent.ConcurrentHashMap<>();

    CountingJdbcTemplate(DataSource dataSource) {
      super(dataSource);
    }

    @Override
    public int update(String sql, Object... args) {
      CALLS.computeIfAbsent("update", k -> new AtomicInteger()).incrementAndGet();
      return super.update(sql, args);
    }

    @Override
    public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
      CALLS.computeIfAbsent("batchUpdate", k -> new AtomicInteger()).incrementAndGet();
      return super.batchUpdate(sql, batchArgs);
    }
  }

  // ---- refusals: each a thing running the statements after the loop would change ---------------

  private String refusal(String prices) {
    MigrationPlan plan = fixture(prices).plan();
    assertEquals(List.of(), plan.loops(), "must be refused:\n" + prices);
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).map(Refusal::reason)
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  private static String addAllOnly(String prices) {
    int start = prices.indexOf("    @Transactional\n    public void reprice");
    int end = prices.indexOf("    @Transactional\n    public void addAll");
    return prices.substring(0, start) + prices.substring(end);
  }

  @Test
  void updatesOutsideATransactionAreRefused() {
    // autocommit: after a failure the original keeps the rows before it, a batch after the loop none
    String reason = refusal(addAllOnly(BEFORE).replace("    @Transactional\n    public void addAll", "    public void addAll"));
    assertTrue(reason.contains("outside a transaction"), reason);
    assertTrue(refusal(addAllOnly(BEFORE).replace("@Transactional\n    public void addAll",
        "@Transactional(noRollbackFor = RuntimeException.class)\n    public void addAll"))
        .contains("do not roll back"));
    assertTrue(refusal(addAllOnly(BEFORE).replace("public void addAll(List<Item> items) {",
        "public void addAll(List<Item> items) throws java.io.IOException {")).contains("checked exceptions"));
    assertTrue(refusal(addAllOnly(BEFORE).replace("@Service\n", "")).contains("not a Spring bean"));
    assertTrue(refusal(addAllOnly(BEFORE).replace("    public Prices(JdbcTemplate jdbc) {", """
            public void addOne(Item item) {
                addAll(List.of(item));
            }

            public Prices(JdbcTemplate jdbc) {""")).contains("called through 'this'"));
  }

  @Test
  void aCountThatIsUsedAFailureSeenPerElementOrAnotherStatementIsRefused() {
    assertTrue(refusal(addAllOnly(BEFORE).replace("            jdbc.update(\"INSERT", "            int n = jdbc.update(\"INSERT"))
        .contains("uses what update() returns"));
    assertTrue(refusal(addAllOnly(BEFORE).replace("            jdbc.update(\"INSERT INTO item (id, price) VALUES (?, ?)\", item.id(), item.price());",
        """
                        try {
                            jdbc.update("INSERT INTO item (id, price) VALUES (?, ?)", item.id(), item.price());
                        } catch (RuntimeException e) {
                            System.err.println(e);
                        }""")).contains("inside a try block"));
    assertTrue(refusal(addAllOnly(BEFORE).replace("            jdbc.update(\"INSERT", """
                        jdbc.queryForObject("SELECT COUNT(*) FROM item", Integer.class);
                        jdbc.update("INSERT""")).contains("makes 2 calls"));
    assertTrue(refusal(addAllOnly(BEFORE).replace("\"INSERT INTO item (id, price) VALUES (?, ?)\"",
        "\"INSERT INTO item_\" + item.id() + \" (id, price) VALUES (?, ?)\"")).contains("one text for every element"));
    assertTrue(refusal(addAllOnly(BEFORE).replace("item.id(), item.price());", "new Object[] {item.id(), item.price()});"))
        .contains("array of arguments"));
  }

  @Test
  void aBodyThatLeavesTheLoopEarlyOrChangesWhatItDoesNotMakeIsRefused() {
    assertTrue(refusal(addAllOnly(BEFORE).replace("            jdbc.update(\"INSERT", """
                        if (item.id() < 0) {
                            return;
                        }
                        jdbc.update("INSERT""")).contains("may return from inside the loop"));
    assertTrue(refusal(addAllOnly(BEFORE).replace("public void addAll(List<Item> items) {",
        "public void addAll(List<Item> items, List<Long> added) {").replace("            jdbc.update(\"INSERT", """
                        added.add(item.id());
                        jdbc.update("INSERT""")).contains("add() on added"));
  }
}
