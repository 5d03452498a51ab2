package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simple name in a cached method's return type denotes the type Java resolves from that method's class, not every
 * type of that name in the project: two services of one repository each with an {@code Account} document made
 * {@code Account findByName(..)} "return entities of several types" (sqshq/piggymetrics: account-service and
 * statistics-service).
 */
class TypeNamesAcrossModulesTest {
  @TempDir Path dir;

  private static final String LOOKUP = """
      package r.lookup;

      import org.springframework.stereotype.Service;
      import r.Category;
      import r.CategoryRepository;

      @Service
      public class CategoryLookup {
          private final CategoryRepository categories;

          public CategoryLookup(CategoryRepository categories) {
              this.categories = categories;
          }

          public Category byId(Long id) {
              return categories.findById(id).orElse(null);
          }
      }
      """;

  /** Another module's entity of the same simple name, its class never seen by the first module. */
  private static final String OTHER_CATEGORY = """
      package q.reports;

      import jakarta.persistence.*;

      @Entity
      public class Category {
          @Id @GeneratedValue
          private Long id;
          private String label;
          public Long getId() { return id; }
          public String getLabel() { return label; }
      }
      """;

  private List<String> outcome(MigrationFixture fixture) {
    MigrationPlan plan = fixture.plan();
    // what became of byId: planned, or the reason it was refused
    return java.util.stream.Stream.concat(
        plan.targets().stream().filter(t -> t.method().fact().name().equals("byId")).map(t -> "planned"),
        plan.refusals().stream().filter(r -> "byId(Long)".equals(r.finding().enclosingMethod())).map(r -> r.reason()))
        .toList();
  }

  @Test
  void anEntityOfAnotherModuleWithTheSameSimpleNameIsNotTheOneReturned() {
    List<String> alone = outcome(new MigrationFixture(dir.resolve("alone")).resources("/reasons43/s16e")
        .file("src/main/java/r/lookup/CategoryLookup.java", LOOKUP));
    List<String> beside = outcome(new MigrationFixture(dir.resolve("beside")).resources("/reasons43/s16e")
        .file("src/main/java/r/lookup/CategoryLookup.java", LOOKUP)
        .file("reports/src/main/java/q/reports/Category.java", OTHER_CATEGORY));
    // whatever the proofs decide of byId alone, another module's Category changes nothing of it
    assertEquals(1, alone.size(), alone.toString());
    assertEquals(alone, beside);
  }
}
