package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache's policy comes from its method's name, and what a remote answer holds can only shorten it (trial 59: a
 * product with its stock, from another service, was cached for an hour as reference data, because the method was
 * named getProductById); a database read, which the project's writers evict, keeps its name's.
 */
class CachePolicyChoiceTest {
  @TempDir Path dir;

  private static final String CATALOG = """
      package shop;

      import java.io.IOException;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.List;

      public class Catalog {
          private final HttpClient http = HttpClient.newHttpClient();

          private String fetch(String path) throws IOException, InterruptedException {
              return http.send(HttpRequest.newBuilder(URI.create("https://catalog.example.com/" + path)).build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }

          public ProductView getProductById(String id) throws IOException, InterruptedException {
              return new ProductView(id, fetch("products/" + id), Integer.parseInt(fetch("stock/" + id)));
          }

          public List<ProductView> getProductsOfCategory(String category) throws IOException, InterruptedException {
              return List.of(new ProductView(category, fetch("categories/" + category), 0));
          }

          public CategoryView getCategoryById(String id) throws IOException, InterruptedException {
              return new CategoryView(id, fetch("categories/" + id));
          }

          public String getProductName(String id) throws IOException, InterruptedException {
              return fetch("products/" + id + "/name");
          }
      }
      """;

  /** A database read: the project's writers evict it, so what it holds does not shorten its policy. */
  private static final String ROWS = """
      package shop;

      import java.sql.Connection;
      import java.sql.PreparedStatement;
      import java.sql.ResultSet;
      import java.sql.SQLException;
      import javax.sql.DataSource;

      public class ProductRows {
          private final DataSource dataSource;

          public ProductRows(DataSource dataSource) {
              this.dataSource = dataSource;
          }

          public ProductView getProductRow(String id) throws SQLException {
              try (Connection connection = dataSource.getConnection();
                   PreparedStatement statement = connection.prepareStatement(
                           "select name, current_stock from products where id = ?")) {
                  statement.setString(1, id);
                  try (ResultSet row = statement.executeQuery()) {
                      row.next();
                      return new ProductView(id, row.getString(1), row.getInt(2));
                  }
              }
          }
      }
      """;

  @Test
  void aFieldOfTheAnswerShortensThePolicyItsNameGaveAndNeverLengthensIt() {
    MigrationPlan plan = new MigrationFixture(dir).java(CATALOG).java(ROWS)
        .java("""
            package shop;

            public record ProductView(String id, String name, int currentStock) {
                public static final int STOCK_LIMIT = 1000;
            }
            """)
        .java("""
            package shop;

            public final class CategoryView {
                private static final String PRICE_FORMAT = "%.2f"; // a constant: no data the answer holds
                private final String id;
                private final String name;

                public CategoryView(String id, String name) {
                    this.id = id;
                    this.name = name;
                }
            }
            """)
        .plan();
    Map<String, String> policies = plan.targets().stream().collect(Collectors.toMap(
        t -> t.method().fact().name(), t -> t.policyName() + " " + t.policy().ttlSeconds() + " " + t.policyBasis()));
    assertEquals("realtime 30 its answer holds ProductView.currentStock", policies.get("getProductById"),
        plan.refusals().toString());
    assertEquals("realtime 30 its answer holds ProductView.currentStock", policies.get("getProductsOfCategory"));
    assertEquals("reference 3600 ", policies.get("getCategoryById"));
    assertEquals("reference 3600 ", policies.get("getProductName"));
    assertEquals("reference 3600 ", policies.get("getProductRow"), plan.refusals().toString());
    CachingTarget stock = plan.targets().stream().filter(t -> t.method().fact().name().equals("getProductById"))
        .findFirst().orElseThrow();
    assertEquals(30L, stock.policy().ttlSeconds());
  }

  /**
   * A remote answer no name places gets the remote policy (60 s: other clients write it, and the TTL is all that bounds
   * how stale it gets); the same read from the database, which the project's writers evict, gets the default; a user's
   * own default, with no remote policy of theirs, applies to remote answers too.
   */
  @Test
  void aRemoteAnswerNoNamePlacesGetsTheRemotePolicy() {
    String remote = CATALOG.replace("public String getProductName(", "public String lookup(");
    String rows = ROWS.replace("getProductRow", "lookupRow");
    String view = """
        package shop;

        public record ProductView(String id, String name, int count) {
        }
        """;
    MigrationPlan plan = new MigrationFixture(dir.resolve("defaults")).java(remote).java(rows).java(view)
        .java(CATEGORY_VIEW).plan();
    assertEquals("remote 60", policy(plan, "lookup"), plan.refusals().toString());
    assertEquals("default 300", policy(plan, "lookupRow"), plan.refusals().toString());
    dev.optkit.analyzers.config.OptkitConfig ownDefault = new dev.optkit.analyzers.config.OptkitConfig(null, null,
        (Boolean) null, null, null, null, null, null, null, Map.of("default",
            new dev.optkit.analyzers.config.OptkitConfig.CachePolicy(120L, null, null, null)), null, null);
    MigrationPlan own = new MigrationFixture(dir.resolve("own")).config(ownDefault).java(remote).java(rows).java(view)
        .java(CATEGORY_VIEW).plan();
    assertEquals("default 120", policy(own, "lookup"), own.refusals().toString());
  }

  private static final String CATEGORY_VIEW = """
      package shop;

      public record CategoryView(String id, String name) {
      }
      """;

  private static String policy(MigrationPlan plan, String method) {
    return plan.targets().stream().filter(t -> t.method().fact().name().equals(method))
        .map(t -> t.policyName() + " " + t.policy().ttlSeconds()).findFirst().orElse("not cached");
  }
}
