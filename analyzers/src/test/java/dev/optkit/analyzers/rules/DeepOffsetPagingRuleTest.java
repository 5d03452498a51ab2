package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request handler paging by an OFFSET the request chooses through a table the application inserts into; near misses:
 * a small literal offset, a page by key, a table nothing adds rows to, paging no request reaches.
 */
class DeepOffsetPagingRuleTest {
  @TempDir Path dir;

  private static final String SCHEMA = """
      CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(10));
      CREATE TABLE countries (code CHAR(2) PRIMARY KEY, name VARCHAR(40));
      """;

  private List<String> found(String sql, String annotation) {
    return new ProjectFixture(dir).file("src/main/resources/schema.sql", SCHEMA)
        .java("""
            package shop;
            import org.springframework.jdbc.core.JdbcTemplate;
            public class Orders {
              private final JdbcTemplate jdbc;
              public Orders(JdbcTemplate jdbc) { this.jdbc = jdbc; }
              public Object page(int size, int skip) { return jdbc.queryForList("%s", size, skip); }
              public void place(long id) { jdbc.update("INSERT INTO orders (id, status) VALUES (?, 'NEW')", id); }
            }
            """.formatted(sql))
        .java("""
            package shop;
            public class OrderRoutes {
              private final Orders orders;
              public OrderRoutes(Orders orders) { this.orders = orders; }
              %s
              public Object list(int page) { return orders.page(20, page * 20); }
            }
            """.formatted(annotation))
        .assess().findings().stream().filter(f -> f.ruleId().equals("DeepOffsetPaging"))
        .map(f -> f.details().get("table") + " " + f.details().get("offset") + " " + f.details().get("handler"))
        .toList();
  }

  private static final String GET = "@org.springframework.web.bind.annotation.GetMapping(\"/orders\")";

  @Test
  void anOffsetTheRequestChoosesInAGrowingTableIsAHint() {
    assertEquals(List.of("orders parameter OrderRoutes.list"),
        found("SELECT id FROM orders ORDER BY id LIMIT ? OFFSET ?", GET));
    // MySQL's LIMIT offset, count
    assertEquals(List.of("orders parameter OrderRoutes.list"),
        found("SELECT id FROM orders ORDER BY id LIMIT ?, ?", GET));
  }

  @Test
  void aSmallLiteralOffsetOrAPageByKeyIsNone() {
    assertEquals(List.of(), found("SELECT id FROM orders ORDER BY id LIMIT ? OFFSET 40", GET));
    assertEquals(List.of(), found("SELECT id FROM orders WHERE id > ? ORDER BY id LIMIT ?", GET));
  }

  @Test
  void aTableNothingAddsRowsToOrPagingNoRequestReachesIsNone() {
    assertEquals(List.of(), found("SELECT code FROM countries ORDER BY code LIMIT ? OFFSET ?", GET));
    assertEquals(List.of(), found("SELECT id FROM orders ORDER BY id LIMIT ? OFFSET ?",
        "@org.springframework.scheduling.annotation.Scheduled(fixedDelay = 1000)"));
  }

  @Test
  void pagingAFixedTableFilteredByAGrowingOneIsNotPagingTheGrowingTable() {
    // the pages are of products (nothing inserts any); orders appears only in the EXISTS, which skips no rows
    List<String> found = new ProjectFixture(dir).file("src/main/resources/schema.sql", """
            CREATE TABLE products (id BIGINT PRIMARY KEY, name VARCHAR(40));
            CREATE TABLE orders (id BIGINT PRIMARY KEY, product_id BIGINT REFERENCES products(id));
            """)
        .java("""
            package shop;
            import org.springframework.jdbc.core.JdbcTemplate;
            public class Catalogue {
              private final JdbcTemplate jdbc;
              public Catalogue(JdbcTemplate jdbc) { this.jdbc = jdbc; }
              public Object soldProducts(int size, int skip) {
                return jdbc.queryForList("SELECT p.id, p.name FROM products p WHERE EXISTS (SELECT 1 FROM orders o "
                    + "WHERE o.product_id = p.id) ORDER BY p.id LIMIT ? OFFSET ?", size, skip);
              }
              public void order(long id, long product) {
                jdbc.update("INSERT INTO orders (id, product_id) VALUES (?, ?)", id, product);
              }
            }
            """)
        .java("""
            package shop;
            public class CatalogueRoutes {
              private final Catalogue catalogue;
              public CatalogueRoutes(Catalogue catalogue) { this.catalogue = catalogue; }
              @org.springframework.web.bind.annotation.GetMapping("/products")
              public Object list(int page) { return catalogue.soldProducts(20, page * 20); }
            }
            """)
        .assess().findings().stream().filter(f -> f.ruleId().equals("DeepOffsetPaging"))
        .map(f -> f.details().get("table") + " " + f.details().get("offset")).toList();
    assertEquals(List.of(), found);
  }
}
