package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 81's F1 (tapioNiemela80/demo-project-spring-data-jdbc's ProjectId): a value object's compact constructor that
 * only checks what it is given ({@code Objects.requireNonNull(value, "id")}) made the record "keep it in a component its
 * own code may change", and the repository read handing the row's id to it was refused. A compact constructor running
 * other code on what it keeps still refuses.
 */
class RecordCompactConstructorsTest {
  @TempDir Path dir;

  private static final String BOX_ID = "src/main/java/repro/BoxId.java";

  @Test
  void aRecordWhoseCompactConstructorOnlyChecksKeepsNothingItChanges() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("checks")).resources("/trial81/f1").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("findByBoxName")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    MigrationPlan validating = new MigrationFixture(dir.resolve("validates")).resources("/trial81/f1").file(BOX_ID, """
        package repro;
        import java.util.UUID;
        public record BoxId(UUID value) {
            public BoxId {
                if (value == null) {
                    throw new IllegalArgumentException("id " + value);
                }
            }
        }
        """).plan();
    assertTrue(validating.targets().stream().anyMatch(t -> t.method().fact().name().equals("findByBoxName")),
        validating.refusals().stream().map(Refusal::reason).toList().toString());
  }

  @Test
  void aCompactConstructorRunningOtherCodeStillRefuses() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("code")).resources("/trial81/f1").file(BOX_ID, """
        package repro;
        import java.util.UUID;
        public record BoxId(UUID value) {
            public BoxId {
                Registry.remember(value);
            }
        }
        """).file("src/main/java/repro/Registry.java", """
        package repro;
        import java.util.UUID;
        final class Registry {
            static void remember(UUID id) {
            }
        }
        """).plan();
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("findByBoxName("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: findByBoxName"));
    assertTrue(reason.contains("the record BoxId's constructor, which keeps it in a component its own code may change"),
        reason);
  }
}
