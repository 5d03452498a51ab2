package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * A cached row sealed in the first object made of it (a sale line keeping the product in a private final field it
 * only reads immutable values of) is reached through no later holder: the list of lines, the sale holding the list,
 * the sale a writer hands back and what is done to it change no product. A first holder that hands the row out (a
 * getter, written or Lombok's) leaves it reachable. (Found on a JdbcTemplate sale service tried as a new user would:
 * {@code sale = sales.create(sale); sale.setDetails(details)} was read as a change of each product.)
 */
class HeldResultChangesTest extends SpringProjectPlans {
  private static final String PRODUCT = """
      package shop;

      @lombok.Data
      public class Product {
          private int id;
          private double cost;
      }
      """;

  /** A sale line keeps the product in a private field it only reads itself ({@code %s}: what else it declares). */
  private static final String DETAIL = """
      package shop;

      public class SaleDetail {
          private final Product product;
          private final int quantity;

          public SaleDetail(Product product, int quantity) {
              this.product = product;
              this.quantity = quantity;
          }

          public double subtotal() {
              return product.getCost() * quantity;
          }
      %s
      }
      """;

  private static final String SALE = """
      package shop;

      import java.util.List;

      @lombok.Data
      public class Sale {
          private int id;
          private List<SaleDetail> details;

          public Sale(List<SaleDetail> details) {
              this.details = details;
          }

          public void renumber(Numbers numbers) {
              this.id = numbers.next(details);
          }
      }
      """;

  /** What a sale's own method hands what it holds to: the project's code, which may change it. */
  private static final String NUMBERS = """
      package shop;

      public interface Numbers {
          int next(java.util.List<SaleDetail> details);
      }
      """;

  private static final String PRODUCTS = MigrationSafetyTest.bean("ProductDao", "Repository",
      "import org.springframework.stereotype.Repository;", """
          public Product one(int id) {
              return jdbc.queryForObject("SELECT id, cost FROM product WHERE id = ?", (rs, n) -> {
                  Product p = new Product();
                  p.setId(rs.getInt(1));
                  p.setCost(rs.getDouble(2));
                  return p;
              }, id);
          }
      """);

  private static final String SALES = MigrationSafetyTest.bean("SaleDao", "Repository",
      "import org.springframework.stereotype.Repository;", """
          public Sale create(Sale sale) {
              jdbc.update("INSERT INTO sale(lines) VALUES (?)", sale.getDetails().size());
              sale.setId(1);
              return sale;
          }
      """);

  private static String service(String after) {
    return service("SaleDetail", after);
  }

  /** The sale service, its lines of type {@code line}, doing {@code after} to the sale the writer hands back. */
  private static String service(String line, String after) {
    return """
        package shop;

        import java.util.ArrayList;
        import java.util.List;
        import org.springframework.stereotype.Service;

        @Service
        public class SaleService {
            private final ProductDao products;
            private final SaleDao sales;

            public SaleService(ProductDao products, SaleDao sales) {
                this.products = products;
                this.sales = sales;
            }

            public Sale create(int productId, int quantity) {
                Product product = products.one(productId);
                List<%s> details = new ArrayList<>();
                details.add(new %s(product, quantity));
                Sale sale = new Sale(details);
                sale = sales.create(sale);
                %s
                return sale;
            }
        }
        """.formatted(line, line, after);
  }

  private MigrationPlan plan(String name, String after) {
    return plan(name, after, "");
  }

  private MigrationPlan plan(String name, String after, String detailExtra) {
    return spring(name).java(PRODUCT).java(DETAIL.formatted(detailExtra)).java(SALE).java(PRODUCTS).java(SALES).java(NUMBERS).java(service(after))
        .plan();
  }

  @Test
  void aRowSealedInItsFirstHolderIsChangedThroughNoLaterHolder() {
    MigrationPlan plan = plan("sealed", "sale.setDetails(details);\n        sale.renumber(null);");
    assertTrue(cached(plan, "ProductDao.one"), plan.targets() + " " + plan.refusals());
  }

  /** The true twin: the line hands the product out, and anyone holding the sale may change it. */
  @Test
  void aFirstHolderHandingTheRowOutLeavesItReachable() {
    MigrationPlan plan = plan("handed", "sale.setDetails(details);", """
            public Product getProduct() {
                return product;
            }
        """);
    assertFalse(cached(plan, "ProductDao.one"), plan.targets().toString());
    assertEquals("cache.result-changed", refusalOf(plan, "one").proof().id(), plan.refusals().toString());
  }

  /**
   * The line is a nested class of the sale, and Java opens a nested class's private fields to the classes around it:
   * {@code Sale.discount()} changes each product through {@code line.product.setCost(..)}, so the line's field is
   * not sealed, and every sale would discount the one cached product again. (From a hostile review of the sealed
   * holders.)
   */
  @Test
  void aNestedHoldersFieldTheEnclosingClassReachesIsNotSealed() {
    String nestedSale = """
        package shop;

        import java.util.List;

        public class Sale {
            private final List<Line> details;

            public Sale(List<Line> details) {
                this.details = details;
            }

            public List<Line> getDetails() {
                return details;
            }

            public void discount() {
                for (Line line : details) {
                    line.product.setCost(line.product.getCost() * 0.9);
                }
            }

            public static class Line {
                private final Product product;
                private final int quantity;

                public Line(Product product, int quantity) {
                    this.product = product;
                    this.quantity = quantity;
                }

                public double subtotal() {
                    return product.getCost() * quantity;
                }
            }
        }
        """;
    MigrationPlan plan = spring("nested").java(PRODUCT).java(PRODUCTS).java(nestedSale).java(SALES)
        .java(service("Sale.Line", "sale.discount();")).plan();
    assertFalse(cached(plan, "ProductDao.one"), plan.targets().toString());
    assertEquals("cache.result-changed", refusalOf(plan, "one").proof().id(), plan.refusals().toString());
  }

  private MigrationPlan lombokLine(String name, String lineAnnotations, String lineBody) {
    return spring(name).java(PRODUCT).java("""
        package shop;

        %s
        public class Line {
            private final Product product;
            private final int quantity;
        %s
        }
        """.formatted(lineAnnotations, lineBody)).java(PRODUCTS).java("""
        package shop;

        import java.util.ArrayList;
        import java.util.List;
        import org.springframework.stereotype.Service;

        @Service
        public class Basket {
            private final ProductDao products;
            private final List<Line> lines = new ArrayList<>();

            public Basket(ProductDao products) {
                this.products = products;
            }

            public void add(int productId) {
                lines.add(new Line(products.one(productId), 2));
            }
        }
        """).plan();
  }

  /**
   * A constructor Lombok writes keeps what it is given in the class's fields, as a written constructor assigning them
   * does: kept where a getter hands it out, the row is refused as a written constructor's keeping is. (A written
   * constructor's keeping refused the read while Lombok's let it be cached: one question, two answers.)
   */
  @Test
  void aConstructorLombokWritesKeepsTheRowAsAWrittenOneDoes() {
    MigrationPlan plan = lombokLine("lombok-kept", "@lombok.Getter\n@lombok.AllArgsConstructor", "");
    assertFalse(cached(plan, "ProductDao.one"), plan.targets().toString());
    assertEquals("cache.result-changed", refusalOf(plan, "one").proof().id(), plan.refusals().toString());
  }

  /** The near miss: Lombok's constructor keeps the row in a field its class only reads immutable values of. */
  @Test
  void aConstructorLombokWritesKeepingTheRowSealedLeavesItCacheable() {
    MigrationPlan plan = lombokLine("lombok-sealed", "@lombok.AllArgsConstructor", """

            public double total() {
                return product.getCost() * quantity;
            }
        """);
    assertTrue(cached(plan, "ProductDao.one"), plan.targets() + " " + plan.refusals());
  }
}
