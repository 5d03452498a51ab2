package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile review 52 (2026-11-27) of the second day's stream allowances, each proven against the original by a probe
 * (its report): reduced to {@code src/test/resources/hostile52/}.
 */
class StreamPipelinesReadAsLoopsTest {
  @TempDir Path dir;

  private MigrationFixture fixture(String project) {
    // each case on the shared base: the pom, caching off, the price client
    return new MigrationFixture(dir.resolve(project)).resources("/hostile52/base")
        .resources("/hostile52/" + project);
  }

  private static String reasons(MigrationPlan plan) {
    return plan.refusals().stream().map(Refusal::reason).toList().toString();
  }

  /**
   * N1: an anonymous class's own non-final field taken for the outer class's final one; N3: any call's toList()
   * taken for a list the method makes (a synchronized one); N4: a getter a subclass overrides (it loaded remotely);
   * N5: the getter's holder typed by the first local of its name, not the one in scope; N7: a project list
   * extending CopyOnWriteArrayList with a reversing spliterator.
   */
  @ParameterizedTest
  @ValueSource(strings = {"m1", "q2", "g1", "g2", "p2"})
  void aPipelineThatIsNoLoopOverAnUnchangedPlainCollectionIsRefused(String attack) {
    MigrationPlan plan = fixture(attack).plan();
    assertEquals(List.of(), plan.loops().stream().map(l -> l.describe()).toList(), reasons(plan));
  }

  /** N2: the stream fails on a null final field's reference before the first element; the loop written says so. */
  @Test
  void aReferenceOnAFinalFieldStillFailsOnItsNullBeforeTheFirstElement() throws Exception {
    MigrationFixture fixture = fixture("f1");
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), reasons(plan));
    String after = MigrationFixture.after(plan, "src/main/java/shop/Quotes.java");
    assertTrue(after.contains("Objects.requireNonNull(pricing); // pricing::fetch fails on a null pricing before the "
        + "first element"), after);
    fixture.assertCompiles(plan);
  }

  /** N6: the getter's Entry is shop.model.Entry; the loop's file imports java.util.Map.Entry: written qualified. */
  @Test
  void aGettersElementTypeIsWrittenAsTheGettersFileMeansIt() throws Exception {
    MigrationFixture fixture = fixture("g3");
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), reasons(plan));
    String after = MigrationFixture.after(plan, "src/main/java/shop/Quotes.java");
    assertTrue(after.contains("shop.model.Entry entry = walked.remove();"), after);
    fixture.assertCompiles(plan);
  }

  /**
   * A {@code toList()} or {@code Collectors} that is not java.util.stream's (the class's own method, another static
   * import, a member its superclass declares) is not read as its collector: the pipeline is no loop optkit rewrites
   * (an unmodifiable list became an ArrayList). (From hostile review 51, its U1: resources hostile51/a1 to a4.)
   */
  @Test
  void aToListOrCollectorsThatIsNotJavaUtilStreamsIsNotReadAsItsCollector() {
    for (String project : List.of("a1", "a2", "a3", "a4")) {
      MigrationPlan plan = new MigrationFixture(dir.resolve(project)).resources("/hostile51/base")
          .resources("/hostile51/" + project).plan();
      assertEquals(List.of(), plan.loops(), project + " must be refused");
      assertEquals(List.of(Proof.NOT_FOR_EACH), plan.refusals().stream()
          .filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).map(Refusal::proof).toList(),
          project + ": " + plan.refusals());
    }
  }
}
