package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 77's F1 (carlosarroyoam/spring-rest-books): {@code book.getPrice().setScale(2, HALF_UP)} on the entity a cached
 * read answers, through the getter Lombok's {@code @Getter} writes (which the solver cannot type), was "a change of the
 * result it gets" and a write the flush makes. A BigDecimal's setScale answers a new value: the field's type, looked
 * up in the index, now tells. A Lombok getter of a list, whose add changes the entity, still counts.
 */
class LombokGetterCallsTest {
  @TempDir Path dir;

  @Test
  void aCallOnAnImmutableFieldThroughLombokGetterChangesNothing() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("price")).resources("/trial77/lombok_getter")
        .file("pom.xml", MigrationSafetyTest.SPRING_POM).plan();
    CachingTarget find = plan.targets().stream().filter(t -> t.method().fact().name().equals("find")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.refusals().stream().map(Refusal::reason).toList().toString()));
    // evicted by the service's writer alone: the controller's setScale writes nothing
    assertEquals(List.of("reprice"), find.evictions().stream().map(e -> e.writer().fact().name()).distinct().toList());
  }

  @Test
  void aCallChangingAListFieldThroughLombokGetterStillChangesTheEntity() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir.resolve("tags")).resources("/trial77/lombok_getter")
        .file("pom.xml", MigrationSafetyTest.SPRING_POM);
    String book = new String(getClass().getResourceAsStream("/trial77/lombok_getter/src/main/java/demo/Book.java")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    String controller = new String(getClass().getResourceAsStream(
        "/trial77/lombok_getter/src/main/java/demo/PriceController.java").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    fixture.file("src/main/java/demo/Book.java", book.replace("  private BigDecimal price;",
        "  private BigDecimal price;\n  private java.util.List<String> tags = new java.util.ArrayList<>();"));
    String tagging = controller.replace("    BigDecimal unit = book.getPrice().setScale(2, RoundingMode.HALF_UP);",
        "    book.getTags().add(\"viewed\");\n    BigDecimal unit = book.getPrice().setScale(2, RoundingMode.HALF_UP);");
    assertTrue(tagging.contains("getTags().add"), tagging);
    fixture.file("src/main/java/demo/PriceController.java", tagging);
    MigrationPlan plan = fixture.plan();
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("find("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: find"));
    assertTrue(reason.contains("getTags().add()"), reason);
  }
}
