package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Lombok's {@code @Builder} runs that no source shows calling: hostile review 94 served stale names through a
 * row mapper's {@code Product.builder().name(..).build()} whose product read a registry of aliases in a hand-written
 * part of the builder (c11), its hand-written {@code build()} (c18), in the {@code @Builder} constructor (c15), in a
 * {@code @Builder} factory method (c16) or in a {@code @Builder.Default} field initialiser (c17), all cached with every earlier jar too; a plain {@code new
 * Product()} with such an initialiser as well. Those now refuse; a plain Lombok builder is still cached.
 */
class LombokBuildersTest {
  @TempDir Path dir;

  private static final String PRODUCT = "src/main/java/s/Product.java";

  @Test
  void aPlainLombokBuilderIsCached() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("plain")).resources("/hostile94/builder").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("findAllByName")),
        reasonOf(plan).toString());
  }

  @Test
  void codeLombokRunsThatReadsSharedStateRefuses() throws Exception {
    String product = new String(getClass().getResourceAsStream("/hostile94/builder/" + PRODUCT).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    Map<String, String> variants = Map.of(
        "c11", product.replace("    private Timestamp updatedAt;\n", """
                private Timestamp updatedAt;
                public static class ProductBuilder {
                    public ProductBuilder name(String name) {
                        this.name = Aliases.display(name);
                        return this;
                    }
                }
            """),
        "c15", product.replace("@Builder\n", "").replace("@AllArgsConstructor\n", "").replace("    private Timestamp updatedAt;\n", """
                private Timestamp updatedAt;
                @Builder
                public Product(String productId, String name, Timestamp createdAt, Timestamp updatedAt) {
                    this.productId = productId;
                    this.name = Aliases.display(name);
                    this.createdAt = createdAt;
                    this.updatedAt = updatedAt;
                }
            """),
        "c16", product.replace("@Builder\n", "").replace("    private Timestamp updatedAt;\n", """
                private Timestamp updatedAt;
                @Builder
                static Product shown(String productId, String name, Timestamp createdAt, Timestamp updatedAt) {
                    return new Product(productId, Aliases.display(name), createdAt, updatedAt);
                }
            """),
        "c18", product.replace("    private Timestamp updatedAt;\n", """
                private Timestamp updatedAt;
                public static class ProductBuilder {
                    public Product build() {
                        return new Product(productId, Aliases.display(name), createdAt, updatedAt);
                    }
                }
            """),
        "c17", product.replace("    private Timestamp updatedAt;\n", """
                private Timestamp updatedAt;
                @Builder.Default
                private String label = Aliases.display("label");
            """));
    for (var variant : variants.entrySet()) {
      MigrationPlan plan = new MigrationFixture(dir.resolve(variant.getKey())).resources("/hostile94/builder")
          .file(PRODUCT, variant.getValue()).plan();
      // c18's reason names the field Lombok writes into the builder (createdAt) as the product's, the class around
      // it, before the registry it reads: refused, for a reason of the builder's fields optkit does not see
      assertTrue(reasonOf(plan).map(r -> r.contains("display()") || r.contains("Aliases")
          || variant.getKey().equals("c18") && r.contains("ProductBuilder.build()")).orElse(false),
          variant.getKey() + ": " + reasonOf(plan));
    }
    // not a builder at all: a plain new Product() runs the field initialiser too
    MigrationPlan made = new MigrationFixture(dir.resolve("new")).resources("/hostile94/builder")
        .file(PRODUCT, variants.get("c17"))
        .file("src/main/java/s/ProductRowMapper.java", """
            package s;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import org.springframework.jdbc.core.RowMapper;
            public class ProductRowMapper implements RowMapper<Product> {
                @Override
                public Product mapRow(ResultSet rs, int rowNum) throws SQLException {
                    Product product = new Product();
                    product.setName(rs.getString("name"));
                    return product;
                }
            }
            """).plan();
    assertTrue(reasonOf(made).map(r -> r.contains("field initialisers call Aliases.display()")).orElse(false),
        reasonOf(made).toString());
  }

  /**
   * Hostile review 96: a @Builder.Default reading a static map itself (b01), Lombok's builder and build methods under
   * other names (b04 with(), b08 make()), and the builder held in a local of Lombok's class (b10): each ran the
   * initialiser reading the registry unseen, and served a stale label.
   */
  @Test
  void otherNamesAndShapesOfLombokBuildersRunTheInitialisersToo() throws Exception {
    String product = new String(getClass().getResourceAsStream("/hostile94/builder/" + PRODUCT).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    String defaulted = product.replace("    private Timestamp updatedAt;\n",
        "    private Timestamp updatedAt;\n    @Builder.Default\n    private String label = Aliases.display(\"label\");\n");
    String mapper = new String(getClass().getResourceAsStream("/hostile94/builder/src/main/java/s/ProductRowMapper.java")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    String local = mapper.replace("        return Product.builder()", "        Product.ProductBuilder product = Product.builder()")
        .replace("                .name(rs.getString(\"name\"))\n                .createdAt(rs.getTimestamp(\"created_at\"))\n"
            + "                .updatedAt(rs.getTimestamp(\"updated_at\"))\n                .build();",
            "                .name(rs.getString(\"name\"));\n        product.createdAt(rs.getTimestamp(\"created_at\"));\n"
            + "        return product.build();");
    assertTrue(local.contains("return product.build();"), local);
    Map<String, String[]> variants = new java.util.LinkedHashMap<>();
    variants.put("b01", new String[] {defaulted.replace("Aliases.display(\"label\")", "Aliases.MAP.getOrDefault(\"label\", \"label\")"),
        mapper});
    variants.put("b04", new String[] {defaulted.replace("@Builder\n", "@Builder(builderMethodName = \"with\")\n"),
        mapper.replace("Product.builder()", "Product.with()")});
    variants.put("b08", new String[] {defaulted.replace("@Builder\n", "@Builder(buildMethodName = \"make\")\n"),
        mapper.replace(".build();", ".make();")});
    variants.put("b10", new String[] {defaulted, local});
    for (var variant : variants.entrySet()) {
      assertTrue(!variant.getValue()[0].equals(product) && (variant.getKey().equals("b01") || variant.getKey().equals("b10")
          || !variant.getValue()[1].equals(mapper)), variant.getKey());
      MigrationPlan plan = new MigrationFixture(dir.resolve(variant.getKey())).resources("/hostile94/builder")
          .file(PRODUCT, variant.getValue()[0]).file("src/main/java/s/ProductRowMapper.java", variant.getValue()[1]).plan();
      assertTrue(reasonOf(plan).map(r -> r.contains("field initialisers call") || r.contains("construction reads Aliases.MAP")).orElse(false),
          variant.getKey() + ": " + reasonOf(plan));
    }
  }

  private static Optional<String> reasonOf(MigrationPlan plan) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("findAllByName("))
        .map(Refusal::reason).findFirst();
  }
}
