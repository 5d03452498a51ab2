package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second migration of a class whose first one added the loop pool: its next loop shares that pool
 * instead of being refused for the field's name (hostile review 40's l23: a method's second loop, left by
 * the one-loop-per-method rule, could never be rewritten).
 */
class SecondLoopMigrationTest {
  @TempDir Path dir;

  private static final String TWO_LOOPS = WiderLoopShapesTest.withLoop(WiderLoopShapesTest.LOOP + """
              List<String> again = new ArrayList<>();
              for (String sku : skus) {
                  String price = fetch(sku + "-2");
                  again.add(price);
              }
              quotes.addAll(again);
      """);

  @Test
  void theNextLoopSharesThePoolAnEarlierMigrationAdded() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(TWO_LOOPS).config(WiderLoopShapesTest.loopsOnly());
    MigrationPlan first = fixture.plan();
    assertEquals(1, first.loops().size(), first.refusals().stream().map(Refusal::reason).toList().toString());
    for (FileChange change : first.changes()) {
      fixture.file(change.path(), new String(change.after(), StandardCharsets.UTF_8));
    }
    MigrationPlan second = fixture.plan();
    assertEquals(1, second.loops().size(), second.refusals().stream().map(Refusal::reason).toList().toString());
    String after = MigrationFixture.after(second, "src/main/java/shop/Quotes.java");
    assertEquals(1, after.split("private static final ExecutorService LOOP_CALL_POOL", -1).length - 1, after);
    assertEquals(2, after.split("LOOP_CALL_POOL.execute\\(", -1).length - 1, after);
    // and the method that throws a call's failure again as it was: one, the first migration's
    assertEquals(1, after.split("RuntimeException rethrowAsIs\\(Throwable failure\\)", -1).length - 1, after);
    assertEquals(4, after.split("throw rethrowAsIs\\(", -1).length - 1, after);
    assertTrue(second.changes().get(0).descriptions().stream().anyMatch(d -> d.contains("the one an earlier migration added")));
    fixture.assertCompiles(second);
  }

  /** A method of the file named as the one optkit adds (any class of the file: a nested class's would hide it). */
  @Test
  void aMethodNamedAsTheRethrowingOneIsRefusedWithItsName() {
    String source = TWO_LOOPS.replace("    String fetch(String sku) {", """
            static final class Helper {
                static void rethrowAsIs(String message) {
                    throw new IllegalStateException(message);
                }
            }

            String fetch(String sku) {""".indent(0).stripTrailing().replace("\n", "\n") );
    assertTrue(source.contains("static void rethrowAsIs(String message)"), source);
    MigrationPlan plan = new MigrationFixture(dir).java(source).config(WiderLoopShapesTest.loopsOnly()).plan();
    assertEquals(0, plan.loops().size(), plan.loops().toString());
    assertTrue(plan.refusals().stream().map(Refusal::reason).anyMatch(r -> r.equals("its file already has a method "
        + "named rethrowAsIs, the name optkit gives the method that throws a call's failure again as it was")),
        plan.refusals().toString());
  }
}
