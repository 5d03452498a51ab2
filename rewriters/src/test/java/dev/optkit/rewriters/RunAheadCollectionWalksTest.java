package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile review 54 of the calls run ahead walking their collection once: the refusals it found
 * false (F1: a copy-on-write list or an ArrayDeque is walked ahead as the loop's header would walk
 * it; F2: a loop among a switch case's statements; F3: an int element of an Integer[]), each beside
 * the case that stays refused for a true reason.
 */
class RunAheadCollectionWalksTest {
  @TempDir Path dir;

  private static OptkitConfig loopsOnly() {
    return MigrationFixture.loopsOnly(new OptkitConfig.Loops(4));
  }

  private static String quotes(String parameter, String imports) {
    return BlockingCallsInLoopRewriteTest.QUOTES_BEFORE.replace("quoteAll(List<String> skus)", "quoteAll(" + parameter + ")")
        .replace("import java.util.List;\n", "import java.util.List;\n" + imports);
  }

  private String reason(MigrationPlan plan) {
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).map(Refusal::reason)
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  @Test
  void aCopyOnWriteListOrAnArrayDequeIsWalkedAheadAsItsHeaderWouldWalkIt() throws Exception {
    for (String[] parameter : List.of(
        new String[] {"CopyOnWriteArrayList<String> skus", "import java.util.concurrent.CopyOnWriteArrayList;\n"},
        new String[] {"ArrayDeque<String> skus", "import java.util.ArrayDeque;\n"},
        new String[] {"java.util.concurrent.CopyOnWriteArraySet<String> skus", ""})) {
      MigrationFixture fixture = new MigrationFixture(dir.resolve(String.valueOf(parameter[0].hashCode() & 0xffff)))
          .java(quotes(parameter[0], parameter[1])).config(loopsOnly());
      MigrationPlan plan = fixture.plan();
      assertEquals(1, plan.loops().size(), parameter[0] + ": " + plan.refusals());
      assertTrue(MigrationFixture.after(plan, "src/main/java/shop/Quotes.java").contains("toStart = skus.iterator();"));
      fixture.assertCompiles(plan);
    }
  }

  @Test
  void aQueueOrALazyIterableIsRefusedForWhatReadingAheadWouldSee() {
    for (String[] parameter : List.of(
        new String[] {"Queue<String> skus", "import java.util.Queue;\n"},
        new String[] {"java.util.concurrent.ConcurrentLinkedQueue<String> skus", ""},
        new String[] {"Iterable<String> skus", ""})) {
      MigrationPlan plan = new MigrationFixture(dir.resolve(String.valueOf(parameter[0].hashCode() & 0xffff)))
          .java(quotes(parameter[0], parameter[1])).config(loopsOnly()).plan();
      assertEquals(List.of(), plan.loops(), parameter[0]);
      assertTrue(reason(plan).endsWith("the rewrite reads its elements ahead of the loop's body, earlier than the loop "
          + "would, which optkit does only for java.util lists, sets and ArrayDeques and the copy-on-write collections "
          + "(a snapshot): another collection may load its elements lazily, or show other threads' changes as it is "
          + "walked"), reason(plan));
    }
  }

  @Test
  void aLoopAmongASwitchCasesStatementsIsRefusedForItsScope() {
    String inCase = BlockingCallsInLoopRewriteTest.QUOTES_BEFORE
        .replace("quoteAll(List<String> skus)", "quoteAll(List<String> skus, int mode)")
        .replace("        for (String sku : skus) {\n            String price = fetch(sku);\n"
            + "            quotes.add(sku + \"=\" + price);\n        }\n",
            "        switch (mode) {\n            case 1:\n                for (String sku : skus) {\n"
            + "                    String price = fetch(sku);\n                    quotes.add(sku + \"=\" + price);\n"
            + "                }\n                break;\n            default:\n                quotes.add(\"none\");\n"
            + "        }\n");
    assertTrue(inCase.contains("case 1:"), inCase);
    MigrationPlan plan = new MigrationFixture(dir).java(inCase).config(loopsOnly()).plan();
    assertEquals(List.of(), plan.loops());
    assertEquals("it stands among a switch case's statements, where the locals the rewrite declares would be in "
        + "scope of the later cases too", reason(plan));
  }

  @Test
  void anIntElementOfAnIntegerArrayIsWalkedThroughItsListView() throws Exception {
    String boxed = BlockingCallsInLoopRewriteTest.QUOTES_BEFORE.replace("quoteAll(List<String> skus)", "quoteAll(Integer[] skus)")
        .replace("for (String sku : skus)", "for (int sku : skus)").replace("fetch(sku)", "fetch(String.valueOf(sku))");
    MigrationFixture fixture = new MigrationFixture(dir).java(boxed).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertTrue(MigrationFixture.after(plan, "src/main/java/shop/Quotes.java")
        .contains("Iterator<? extends Integer> toStart = Arrays.asList(skus).iterator();"));
    fixture.assertCompiles(plan);
  }

  @Test
  void aFieldIsRefusedForWhatOptkitProves() {
    String field = BlockingCallsInLoopRewriteTest.QUOTES_BEFORE.replace("quoteAll(List<String> skus)", "quoteAll()")
        .replace("    private final String baseUrl;\n",
            "    private final String baseUrl;\n    private static final List<String> skus = List.of(\"a\", \"b\");\n");
    MigrationPlan plan = new MigrationFixture(dir).java(field).config(loopsOnly()).plan();
    assertEquals(List.of(), plan.loops());
    assertEquals("it iterates skus, a field: optkit proves that nothing changes a collection while the rewrite reads "
        + "its elements ahead only for a parameter or local of the method", reason(plan));
  }
}
