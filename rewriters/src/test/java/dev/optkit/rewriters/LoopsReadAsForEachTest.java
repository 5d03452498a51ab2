package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.loops.LoopRewrite;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile review 39 of the counted and forEach loops read as for-each loops (/tmp/hostile39, 2026-11-26): each case
 * here was rewritten and proven to answer otherwise than the original, or not to compile. The projects are under
 * {@code src/test/resources/hostile39/}, as the reviewer wrote them.
 */
class LoopsReadAsForEachTest {
  @TempDir Path dir;

  private MigrationFixture fixture(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/hostile39/" + name);
  }

  private static String reasons(MigrationPlan plan) {
    return plan.refusals().stream().map(Refusal::reason).toList().toString();
  }

  /**
   * Rewritten and proven wrong: forEach on a synchronized list, whose lock it holds for the whole loop (c2, and the
   * findById batch s3); a list of the project's own ArrayList subclass overriding forEach or get (c9, c9c); the list
   * changed through a second parameter naming it too (c1p, c1pf); a list held in a field, found as a later local of
   * the same name (c59, and the for-each c59s); a loop in an anonymous class's initializer, whose name may be its
   * field (c43); an index that is an anonymous class's own field in the body (c56); an index written as a unicode
   * escape (c32b).
   */
  @ParameterizedTest
  @ValueSource(strings = {"c2", "s3", "c9", "c9c", "c1p", "c1pf", "c59", "c59s", "c43", "c56", "c32b"})
  void aLoopThatIsNoForEachOverAnUnchangedPlainListIsRefused(String attack) {
    MigrationPlan plan = fixture(attack).plan();
    assertEquals(List.of(), plan.loops().stream().map(LoopRewrite::describe).toList(), reasons(plan));
  }

  /** c6c: a sibling block's List<Integer> of the same name is not the list the loop walks: the output compiles. */
  @Test
  void theListALoopWalksIsTheOneInScope() throws Exception {
    MigrationFixture fixture = fixture("c6c");
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), reasons(plan));
    String after = MigrationFixture.after(plan, "src/main/java/shop/Quotes.java");
    assertTrue(after.contains("toStart = skus.iterator();") && after.contains("String sku = walked.remove();"), after);
    fixture.assertCompiles(plan);
  }

  /** c29, c29c: two loops of one method, each rewritten, declared the same locals twice: one at a time. */
  @ParameterizedTest
  @ValueSource(strings = {"c29", "c29c"})
  void oneLoopOfAMethodIsRewrittenAtATime(String attack) throws Exception {
    MigrationFixture fixture = fixture(attack);
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), reasons(plan));
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().contains("optkit rewrites one loop per method")), reasons(plan));
    fixture.assertCompiles(plan);
  }
}
