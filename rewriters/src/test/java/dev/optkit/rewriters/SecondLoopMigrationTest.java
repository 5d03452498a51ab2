package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.edit.FileChange;
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
    assertEquals(4, after.split("throw Quotes.rethrowAsIs\\(", -1).length - 1, after);
    assertTrue(second.changes().get(0).descriptions().stream().anyMatch(d -> d.contains("the one an earlier migration added")));
    fixture.assertCompiles(second);
  }

  /**
   * Hostile review 70: the method is called qualified ({@code Quotes.rethrowAsIs(x)}), so a nested class's own
   * method of that name neither hides it nor is hidden (F3, F6: rewritten, compiled); one the top-level class
   * declares itself would clash (F4), as would an unqualified call of a statically imported one, which the new
   * member would hide (F5): refused with the reason.
   */
  @Test
  void aMethodOfThatNameIsLeftAloneWhereItCannotClashAndRefusedWhereItWould() throws Exception {
    String nested = TWO_LOOPS.replace("    String fetch(String sku) {", "    static final class Helper {\n"
        + "        static String rethrowAsIs(String message) {\n            return message;\n        }\n    }\n\n"
        + "    String fetch(String sku) {");
    assertTrue(nested.contains("static String rethrowAsIs(String message)"), nested);
    MigrationFixture fixture = new MigrationFixture(dir.resolve("nested")).java(nested)
        .config(WiderLoopShapesTest.loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    fixture.assertCompiles(plan);

    String own = TWO_LOOPS.replace("    String fetch(String sku) {",
        "    static String rethrowAsIs(String message) {\n        return message;\n    }\n\n    String fetch(String sku) {");
    MigrationPlan refused = new MigrationFixture(dir.resolve("own")).java(own).config(WiderLoopShapesTest.loopsOnly()).plan();
    assertEquals(0, refused.loops().size(), refused.loops().toString());
    assertTrue(refused.refusals().stream().map(Refusal::reason).anyMatch(r -> r.equals("Quotes already has a method "
        + "named rethrowAsIs, the name optkit gives the method that throws a call's failure again as it was")),
        refused.refusals().toString());

    String imported = TWO_LOOPS.replace("import java.util.List;\n", "import java.util.List;\n\n"
            + "import static java.util.Objects.requireNonNull;\n")
        .replace("    String fetch(String sku) {", "    String fetch(String sku) {\n        rethrowAsIs(sku);");
    assertTrue(imported.contains("import static java.util.Objects.requireNonNull;") && imported.contains("rethrowAsIs(sku);"),
        imported);
    MigrationPlan hidden = new MigrationFixture(dir.resolve("imported")).java(imported.replace(
        "import static java.util.Objects.requireNonNull;", "import static shop.Util.rethrowAsIs;"))
        .config(WiderLoopShapesTest.loopsOnly()).plan();
    assertEquals(0, hidden.loops().size(), hidden.loops().toString());
    assertTrue(hidden.refusals().stream().map(Refusal::reason).anyMatch(r -> r.startsWith("its file calls a method "
        + "named rethrowAsIs without a class")), hidden.refusals().toString());
  }
}
