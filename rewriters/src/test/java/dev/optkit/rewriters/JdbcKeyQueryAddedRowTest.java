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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The shape of GamerX29b/AProject's {@code JdbcTemplateProductDaoImpl.getProductBySetId}: the SQL a
 * local the loop's body declares, the row added straight to a list
 * ({@code products.add(jdbc.queryForObject(sql, new ProductMapper(), id))}), and a project mapper
 * class that fills a bean it makes with setters. Batched like a declared row: the text, and both
 * versions over H2 (a missing id, a repeated one, 2,500 ids).
 */
class JdbcKeyQueryAddedRowTest {
  @TempDir Path dir;

  static final String PRODUCT = """
      package shop;

      public class Product {
          private int id;
          private String name;

          public void setId(int id) {
              this.id = id;
          }

          public void setName(String name) {
              this.name = name;
          }

          @Override
          public String toString() {
              return name + " #" + id;
          }
      }
      """;

  static final String MAPPER = """
      package shop;

      import java.sql.ResultSet;
      import java.sql.SQLException;
      import org.springframework.jdbc.core.RowMapper;

      public class ProductMapper implements RowMapper<Product> {
          @Override
          public Product mapRow(ResultSet rs, int rowNum) throws SQLException {
              Product product = new Product();
              product.setId(rs.getInt(1));
              product.setName(rs.getString(2));
              return product;
          }
      }
      """;

  static final String BEFORE = """
      package shop;

      import java.util.ArrayList;
      import java.util.Collection;
      import java.util.List;
      import org.springframework.jdbc.core.JdbcTemplate;

      public class Products {
          private final JdbcTemplate jdbcTemplate;

          public Products(JdbcTemplate jdbcTemplate) {
              this.jdbcTemplate = jdbcTemplate;
          }

          public List<Product> byIds(Collection<Integer> ids) {
              List<Product> products = new ArrayList<>();
              for (Integer id : ids) {
                  String sql = "SELECT * FROM product WHERE id = ?";
                  products.add(jdbcTemplate.queryForObject(sql, new ProductMapper(), id));
              }
              return products;
          }
      }
      """;

  static final String AFTER_LOOP = """
              List<Product> products = new ArrayList<>();
              // optkit migrate: one query per 1000 keys before the loop instead of a queryForObject per
              // key; a key with exactly one row takes it once, and any other key (no row or several,
              // asked again, null) runs queryForObject as before
              RowMapper<? extends Product> productRows = new ProductMapper();
              Map<Integer, List<Product>> loadedProducts = new LinkedHashMap<>();
              for (Integer key : ids) {
                  if (key != null) {
                      loadedProducts.put(key, new ArrayList<>());
                  }
              }
              List<Integer> keysToLoad = new ArrayList<>(loadedProducts.keySet());
              for (int from = 0; from < keysToLoad.size(); from += 1000) {
                  List<Integer> chunk = keysToLoad.subList(from, Math.min(from + 1000, keysToLoad.size()));
                  String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                  jdbcTemplate.query("SELECT * FROM product WHERE id IN (" + marks + ")",
                          (ResultSet rs) -> {
                              Integer rowKey = rs.getObject("id", Integer.class);
                              List<Product> rows = loadedProducts.get(rowKey);
                              if (rows != null) {
                                  try {
                                      rows.add(productRows.mapRow(rs, 0));
                                  } catch (SQLException | RuntimeException failure) {
                                      loadedProducts.remove(rowKey); // queried again in its turn, where it fails as before
                                  }
                              }
                          }, chunk.toArray());
              }
              for (Integer id : ids) {
                  String sql = "SELECT * FROM product WHERE id = ?";
                  products.add(loadedProducts.containsKey(id) && loadedProducts.get(id).size() == 1 ? loadedProducts.remove(id).get(0) : jdbcTemplate.queryForObject(sql, new ProductMapper(), id));
              }
              return products;
      """;

  private MigrationFixture fixture(String products) {
    return new MigrationFixture(dir).java(PRODUCT).java(MAPPER).java(products)
        .config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops()));
  }

  @Test
  void aRowAddedToAListWithItsSqlDeclaredInTheLoopIsLoadedByOneInQuery() throws Exception {
    MigrationFixture fixture = fixture(BEFORE);
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Products.java");
    assertTrue(after.contains(AFTER_LOOP), after);
    fixture.assertCompiles(plan);
    fixture.compile(plan, "8");
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    List<Integer> many = new ArrayList<>();
    for (int id = 1; id <= 2_500; id++) {
      many.add(id % 7 == 0 ? 1 : id);
    }
    List<java.util.Collection<Integer>> cases = List.of(List.of(), List.of(1, 2, 1), List.of(3, 999_999, 4),
        Arrays.asList(5, null, 6), new LinkedHashSet<>(List.of(9, 8, 7)), many);
    for (java.util.Collection<Integer> ids : cases) {
      Run before = run(original, ids);
      Run after2 = run(migrated, ids);
      assertEquals(before.answer(), after2.answer(), "products of " + ids.size() + " ids");
    }
    assertTrue(run(migrated, List.of(3, 999_999)).answer().contains("EmptyResultDataAccessException"));
    Run batched = run(migrated, many);
    assertEquals((many.stream().distinct().count() + 999) / 1000, (long) batched.queries().get("query"),
        batched.queries().toString());
    assertEquals(many.size() - (int) many.stream().distinct().count(), batched.queries().get("queryForObject"));
    assertEquals(many.size(), run(original, many).queries().get("queryForObject"));
  }

  @Test
  void anSqlLocalOfTheLoopThatIsNotOneTextOrARowAddedOtherwiseIsRefused() {
    assertRefused(BEFORE.replace("String sql = \"SELECT * FROM product WHERE id = ?\";",
        "String sql = \"SELECT * FROM product WHERE id = ?\" + (id > 5 ? \"\" : \" AND 1 = 1\");"),
        "cannot show is one text");
    assertRefused(BEFORE.replace("String sql = \"SELECT * FROM product WHERE id = ?\";",
        "String sql = \"SELECT * FROM product WHERE id = ?\";\n            sql = sql.trim();"),
        "cannot show is one text");
    // a mapper class that counts its rows: mapped ahead, in the database's order, it would number them otherwise
    String counting = MAPPER.replace("public class ProductMapper implements RowMapper<Product> {",
        "public class ProductMapper implements RowMapper<Product> {\n    private int mapped;\n").replace(
        "product.setName(rs.getString(2));", "product.setName(rs.getString(2) + (++mapped));");
    MigrationPlan plan = new MigrationFixture(dir.resolve("counting")).java(PRODUCT).java(counting).java(BEFORE)
        .config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops())).plan();
    assertEquals(List.of(), plan.loops().stream().map(l -> l.action()).toList());
    String why = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElse("not refused");
    assertTrue(why.contains("whose mapRow changes its object or class") && why.contains("mapped"), why);
    // added only for some elements: not a statement of the loop's own body
    assertRefused(BEFORE.replace("            products.add(jdbcTemplate", "            if (id > 0) products.add(jdbcTemplate"),
        "nor added by a statement of the loop's body");
  }

  /**
   * avbekker/java-filmorate's {@code Film} is {@code @Data} under {@code import lombok.*;}: the facts
   * qualify the annotation with the class's own package, and the key {@code film.getId()} was
   * refused as "a method optkit cannot read". Planned only (Lombok is not on the test's classpath).
   */
  @Test
  void aGetterLombokWritesUnderAWildcardImportIsAKey() {
    String line = """
        package shop;

        import lombok.*;

        @Data
        @NoArgsConstructor
        public class Line {
            private Integer productId;
            private int quantity;
        }
        """;
    String lines = BEFORE.replace("public List<Product> byIds(Collection<Integer> ids) {",
        "public List<Product> byIds(List<Line> ids) {").replace("for (Integer id : ids) {", "for (Line line : ids) {")
        .replace("new ProductMapper(), id));", "new ProductMapper(), line.getProductId()));");
    MigrationPlan plan = new MigrationFixture(dir).java(PRODUCT).java(MAPPER).java(line).java(lines)
        .config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops())).plan();
    assertEquals(1, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Products.java");
    assertTrue(after.contains("if (line != null && line.getProductId() != null) {"), after);
  }

  private void assertRefused(String products, String why) {
    MigrationPlan plan = new MigrationFixture(dir.resolve("r" + REFUSED.incrementAndGet())).java(PRODUCT).java(MAPPER)
        .java(products).config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops())).plan();
    assertEquals(List.of(), plan.loops().stream().map(l -> l.action()).toList(), "must be refused:\n" + products);
    String reason = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
    assertTrue(reason.contains(why), reason);
  }

  private static final AtomicInteger REFUSED = new AtomicInteger();
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private record Run(String answer, Map<String, Integer> queries) {}

  /** Products 1 to 3,000 in a fresh H2 database; the template's queries counted. */
  private static Run run(Path classes, java.util.Collection<Integer> ids) throws Exception {
    DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:added" + DATABASES.incrementAndGet()
        + ";DB_CLOSE_DELAY=-1");
    JdbcKeyQueryBatchRewriteTest.CountingJdbcTemplate jdbc = new JdbcKeyQueryBatchRewriteTest.CountingJdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE product (id INT PRIMARY KEY, name VARCHAR(40))");
    jdbc.execute("INSERT INTO product SELECT x, 'product ' || x FROM SYSTEM_RANGE(1, 3000)");
    jdbc.calls.clear();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        JdbcKeyQueryAddedRowTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Products");
      Object products = type.getConstructor(JdbcTemplate.class).newInstance(jdbc);
      String answer;
      try {
        answer = String.valueOf(type.getMethod("byIds", java.util.Collection.class).invoke(products, ids));
      } catch (InvocationTargetException e) {
        answer = e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
      }
      Map<String, Integer> queries = new java.util.TreeMap<>();
      jdbc.calls.forEach((k, v) -> queries.put(k, v.get()));
      return new Run(answer, queries);
    }
  }
}
