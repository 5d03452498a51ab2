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

  private static Optional<String> reasonOf(MigrationPlan plan) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("findAllByName("))
        .map(Refusal::reason).findFirst();
  }
}
