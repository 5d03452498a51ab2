package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

class ReviewTodaysSharingTest extends SpringProjectPlans {
  private static final String PRODUCT = """
      package shop;

      @lombok.Data
      public class Product {
          private int id;
          private double cost;
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

  private static final String SALE = """
      package shop;

      import java.util.List;

      public class Sale {
          private final List<SaleDetail> details;

          public Sale(List<SaleDetail> details) {
              this.details = details;
          }

          public List<SaleDetail> getDetails() {
              return details;
          }
      }
      """;

  private static final String SALES = MigrationSafetyTest.bean("SaleDao", "Repository",
      "import org.springframework.stereotype.Repository;", """
          public Sale create(Sale sale) {
              jdbc.update("INSERT INTO sale(lines) VALUES (?)", sale.getDetails().size());
              return sale;
          }
      """);

  private static String service(String body) {
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
                List<SaleDetail> details = new ArrayList<>();
                details.add(new SaleDetail(product, quantity));
                Sale sale = sales.create(new Sale(details));
                %s
                return sale;
            }
        }
        """.formatted(body);
  }

  static String names(MigrationPlan plan) {
    return plan.targets().stream().map(t -> t.method().fact().displayName()).toList() + " "
        + plan.refusals().stream().map(r -> r.finding().enclosingMethod() + ": " + r.reason()).toList();
  }

  private MigrationPlan plan(String name, String detail, String body, String... more) {
    MigrationFixture f = spring(name).java(PRODUCT).java(PRODUCTS).java(SALE).java(SALES).java(detail).java(service(body));
    for (String m : more) {
      f = f.java(m);
    }
    return f.plan();
  }

  private static final String DETAIL_HEAD = """
      package shop;

      public class SaleDetail %s {
          private final Product product;
          private final int quantity;
      %s
          public SaleDetail(Product product, int quantity) {
              %s
              this.product = product;
              this.quantity = quantity;
              %s
          }

          public double subtotal() {
              return product.getCost() * quantity;
          }
      %s
      }
      """;

  @Test
  void arrayInConstructor() {
    String detail = DETAIL_HEAD.formatted("", "    private final Product[] all;\n", "",
        "this.all = new Product[] {product};", "    public Product[] all() { return all; }\n");
    MigrationPlan plan = plan("array", detail, "sale.getDetails().get(0).all()[0].setCost(0);");
    System.out.println("RV " + names(plan));
    assertFalse(cached(plan, "ProductDao.one"), names(plan));
  }

  @Test
  void listOfInConstructor() {
    String detail = DETAIL_HEAD.formatted("", "    private final java.util.List<Product> all;\n", "",
        "this.all = java.util.List.of(product);", "    public java.util.List<Product> all() { return all; }\n");
    MigrationPlan plan = plan("listof", detail, "sale.getDetails().get(0).all().get(0).setCost(0);");
    System.out.println("RV " + names(plan));
    assertFalse(cached(plan, "ProductDao.one"), names(plan));
  }

  @Test
  void superConstructor() {
    String line = """
        package shop;

        public class Line {
            private final Product item;

            public Line(Product item) {
                this.item = item;
            }

            public Product getItem() {
                return item;
            }
        }
        """;
    String detail = DETAIL_HEAD.formatted("extends Line", "", "super(product);", "", "");
    MigrationPlan plan = plan("super", detail, "sale.getDetails().get(0).getItem().setCost(0);", line);
    System.out.println("RV " + names(plan));
    assertFalse(cached(plan, "ProductDao.one"), names(plan));
  }

  @Test
  void gotten() {
    String detail = DETAIL_HEAD.formatted("", "", "", "", "    public Product getProduct() { return product; }\n");
    MigrationPlan plan = plan("control", detail, "sale.getDetails().get(0).getProduct().setCost(0);");
    System.out.println("RV " + names(plan));
    assertFalse(cached(plan, "ProductDao.one"), names(plan));
  }

  @Test
  void sealedControl() {
    String detail = DETAIL_HEAD.formatted("", "", "", "", "");
    MigrationPlan plan = plan("sealed", detail, "sale.getDetails().clear();");
    org.junit.jupiter.api.Assertions.assertTrue(cached(plan, "ProductDao.one"), names(plan));
  }

  private static final String NESTED_SALE = """
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

  @Test
  void enclosingClassReadsNestedHoldersField() {
    String service = """
        package shop;

        import java.util.ArrayList;
        import java.util.List;
        import org.springframework.stereotype.Service;
        import shop.Sale.Line;

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
                List<Line> details = new ArrayList<>();
                details.add(new Line(product, quantity));
                Sale sale = sales.create(new Sale(details));
                sale.discount();
                return sale;
            }
        }
        """;
    MigrationPlan plan = spring("nested").java(PRODUCT).java(PRODUCTS).java(NESTED_SALE).java(SALES).java(service).plan();
    System.out.println("RV " + names(plan));
    assertFalse(cached(plan, "ProductDao.one"), names(plan));
  }
}
