package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loops that are enhanced for loops in all but their syntax (issue 24's real-project report: counted
 * and forEach loops were refused for their shape alone): a counted loop over a list's or an array's
 * indexes that uses its index only to take the element, and {@code xs.forEach(x -> { ... });}. Each is
 * read as {@code for (T x : xs)} and rewritten as that loop is; each near miss (the index used for
 * more, a lambda that returns early from a loop of its own, a field iterated) stays refused with its reason.
 */
class CountedAndForEachLoopsTest {
  @TempDir Path dir;

  private static final String LOOP = WiderLoopShapesTest.LOOP;

  private LoopbackPrices prices;

  @BeforeEach
  void startServer() throws Exception {
    prices = new LoopbackPrices();
  }

  @AfterEach
  void stopServer() {
    prices.close();
  }

  private static OptkitConfig loopsOnly() {
    return WiderLoopShapesTest.loopsOnly();
  }

  private static String withLoop(String loop) {
    return WiderLoopShapesTest.withLoop(loop);
  }

  private String refusal(String source) {
    return refused(source).reason();
  }

  /** The loop refusal of {@code source}, which must be refused: its proof, and its words. */
  private Refusal refused(String source) {
    return refused(new MigrationFixture(dir), source);
  }

  private Refusal refused(MigrationFixture fixture, String source) {
    MigrationPlan plan = fixture.java(source).config(loopsOnly()).plan();
    assertEquals(List.of(), plan.loops(), "must be refused:\n" + source);
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  /** The loop's part of the rewritten method: from the for-each to the end of its body. */
  private static String loopPart(MigrationPlan plan) {
    String after = MigrationFixture.after(plan, "src/main/java/shop/Quotes.java");
    int from = after.indexOf("Iterator<? extends ");
    int to = after.indexOf("        } finally {", from);
    assertTrue(from > 0 && to > from, after);
    return after.substring(from, to);
  }

  // ---- rewritten -----------------------------------------------------------------------------

  @Test
  void aCountedLoopOverAListsIndexesIsRewrittenAsTheLoopOverItsElements() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withLoop("""
                for (int i = 0; i < skus.size(); i++) {
                    String price = fetch(skus.get(i));
                    quotes.add(skus.get(i) + "=" + price);
                }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String loop = loopPart(plan);
    assertTrue(loop.startsWith("Iterator<? extends String> toStart = skus.iterator();\n") && loop.contains("                String sku = walked.remove();\n"), loop);
    assertTrue(loop.contains("FutureTask<String> call = new FutureTask<String>(() -> fetch(nextSku));"), loop);
    assertTrue(loop.contains("                quotes.add(sku + \"=\" + price);\n"), loop);
    assertFalse(MigrationFixture.after(plan, "src/main/java/shop/Quotes.java").contains("/*~"), "no marker left");
    assertTrue(plan.loops().get(0).action().contains("the counted loop over the indexes of skus read as a loop over "
        + "its elements"), plan.loops().get(0).action());
    fixture.assertCompiles(plan);
  }

  @Test
  void aForEachLambdaOnAListTheMethodMakesIsRewrittenAsTheLoopOverItsElements() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withLoop("""
                List<String> unique = new ArrayList<>(new java.util.LinkedHashSet<>(skus));
                unique.forEach(sku -> {
                    String price = fetch(sku);
                    quotes.add(sku + "=" + price);
                });
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Quotes.java");
    assertTrue(loopPart(plan).startsWith("Iterator<? extends String> toStart = unique.iterator();\n") && loopPart(plan).contains("                String sku = walked.remove();\n"), after);
    assertFalse(after.contains("forEach(sku"), after);
    assertTrue(after.contains("            }\n        } finally {\n"), after);
    fixture.assertCompiles(plan);
  }

  @Test
  void aCountedLoopOverAnArraysIndexesIsRewrittenOverItsElements() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withLoop("""
                String[] codes = skus.toArray(new String[0]);
                for (int n = 0; n < codes.length; ++n) {
                    String price = fetch(codes[n]);
                    quotes.add(codes[n] + "=" + price);
                }
        """))
        .config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String loop = loopPart(plan);
    assertTrue(loop.startsWith("Iterator<? extends String> toStart = Arrays.asList(codes).iterator();\n") && loop.contains("                String code = walked.remove();\n"), MigrationFixture.after(plan, "src/main/java/shop/Quotes.java"));
    assertTrue(loop.contains("quotes.add(code + \"=\" + price);"), loop);
    fixture.assertCompiles(plan);
  }

  /**
   * A project's own collection class (a permissions set) may walk otherwise than its iterator, so a list's loop is
   * refused while the project declares one; an array is none of them, so a loop counting to an array's length is
   * rewritten all the same (a blind trial's forum: 27 loops over request parameters' arrays were refused as maybe
   * walking its RoleValueCollection).
   */
  @Test
  void aCountedLoopOverAnArrayIsNoneOfTheProjectsOwnCollections() throws Exception {
    String roles = """
        package shop;

        public class RoleSet extends java.util.LinkedHashSet<String> {
            @Override
            public java.util.Iterator<String> iterator() {
                return new java.util.TreeSet<>(this).iterator();
            }
        }
        """;
    MigrationFixture fixture = new MigrationFixture(dir).java(roles).java(withLoop("""
                String[] codes = skus.toArray(new String[0]);
                for (int n = 0; n < codes.length; ++n) {
                    String price = fetch(codes[n]);
                    quotes.add(codes[n] + "=" + price);
                }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    fixture.assertCompiles(plan);
    Refusal list = refused(new MigrationFixture(dir.resolve("list")).java(roles), withLoop("""
                for (int i = 0; i < skus.size(); i++) {
                    String price = fetch(skus.get(i));
                    quotes.add(skus.get(i) + "=" + price);
                }
        """));
    assertEquals(Proof.NOT_FOR_EACH, list.proof(), list.reason());
  }

  @Test
  void aCountedJdbcUpdatePerElementIsBatchedLikeItsForEach() throws Exception {
    String before = BatchUpdateRewriteTest.BEFORE.replace(
        "        for (Item item : items) {\n"
            + "            jdbc.update(\"INSERT INTO item (id, price) VALUES (?, ?)\", item.id(), item.price());\n",
        "        for (int i = 0; i < items.size(); i++) {\n"
            + "            jdbc.update(\"INSERT INTO item (id, price) VALUES (?, ?)\", items.get(i).id(), items.get(i).price());\n");
    assertTrue(before.contains("items.get(i)"));
    MigrationFixture fixture = new MigrationFixture(dir).java(BatchUpdateRewriteTest.ITEM).java(before)
        .config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops()));
    MigrationPlan plan = fixture.plan();
    assertEquals(2, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    assertEquals(BatchUpdateRewriteTest.AFTER, MigrationFixture.after(plan, "src/main/java/shop/Prices.java"));
    fixture.assertCompiles(plan);
  }

  // ---- refused, each with its reason ----------------------------------------------------------------

  @Test
  void anIndexUsedForMoreThanTakingTheElementIsRefused() {
    Refusal refused = refused(withLoop("""
                for (int i = 0; i < skus.size(); i++) {
                    String price = fetch(skus.get(i));
                    quotes.add(i + ":" + price);
                }
        """));
    assertEquals(Proof.NOT_FOR_EACH, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("i + \":\" at line"), refused.reason());
  }

  @Test
  void aNeighboursElementIsNotTheElement() {
    Refusal refused = refused(withLoop("""
                for (int i = 0; i < skus.size() - 1; i++) {
                    String price = fetch(skus.get(i + 1));
                    quotes.add(price);
                }
        """));
    assertEquals(Proof.NOT_FOR_EACH, refused.proof(), refused.reason());
    String stepped = refusal(withLoop("""
                for (int i = 0; i < skus.size(); i += 2) {
                    quotes.add(fetch(skus.get(i)));
                }
        """));
    assertTrue(stepped.contains("only in the form"), stepped);
  }

  @Test
  void anIndexTheBodyChangesIsRefused() {
    Refusal refused = refused(withLoop("""
                for (int i = 0; i < skus.size(); i++) {
                    quotes.add(fetch(skus.get(i)));
                    i++;
                }
        """));
    assertEquals(Proof.NOT_FOR_EACH, refused.proof(), refused.reason());
  }

  @Test
  void anArrayElementWrittenThroughTheIndexIsRefused() {
    Refusal refused = refused(withLoop("""
                String[] codes = skus.toArray(new String[0]);
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = fetch(codes[i]);
                    quotes.add(codes[i]);
                }
        """));
    assertEquals(Proof.NOT_FOR_EACH, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("(codes[i])"), refused.reason());
  }

  @Test
  void aCountedLoopOverAFieldIsRefused() {
    Refusal refused = refused(withLoop("""
                for (int i = 0; i < known.size(); i++) {
                    quotes.add(fetch(known.get(i)));
                }
        """).replace("    private final String baseUrl;\n",
            "    private final String baseUrl;\n    private final List<String> known = new ArrayList<>();\n"));
    assertEquals(Proof.NOT_FOR_EACH, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("counts over known"), refused.reason());
  }

  @Test
  void aForEachOnAListTheMethodIsHandedIsRefused() {
    // Collections.synchronizedList(...).forEach holds the list's lock for the whole loop (hostile review 39's c2)
    Refusal refused = refused(withLoop("""
                skus.forEach(sku -> {
                    quotes.add(fetch(sku));
                });
        """));
    assertEquals(Proof.NOT_FOR_EACH, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("forEach on skus"), refused.reason());
  }

  @Test
  void aForEachOnAVectorTheMethodMakesSaysSo() {
    // hostile review 40's l8: refused rightly, but not as "handed or got from a call"
    Refusal refused = refused(withLoop("""
                List<String> todo = new java.util.Vector<>(skus);
                todo.forEach(sku -> {
                    quotes.add(fetch(sku));
                });
        """));
    assertEquals(Proof.NOT_FOR_EACH, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("forEach on todo"), refused.reason());
  }

  @Test
  void aForEachLambdaThatReturnsEarlyFromAnInnerLoopIsRefused() {
    // its return ends the element's turn; a continue written there would continue the inner loop instead
    Refusal refused = refused(withLoop("""
                List<String> todo = new ArrayList<>(skus);
                todo.forEach(sku -> {
                    for (String part : sku.split("-")) {
                        if (part.isEmpty()) {
                            return;
                        }
                    }
                    quotes.add(fetch(sku));
                });
        """));
    assertEquals(Proof.NOT_FOR_EACH, refused.proof(), refused.reason());
  }

  @Test
  void aForEachOnAFieldIsRefused() {
    Refusal refused = refused(withLoop("""
                known.forEach(sku -> {
                    quotes.add(fetch(sku));
                });
        """).replace("    private final String baseUrl;\n",
            "    private final String baseUrl;\n    private final List<String> known = new ArrayList<>();\n"));
    assertEquals(Proof.NOT_FOR_EACH, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("forEach on known"), refused.reason());
  }

  @Test
  void aForEachOnOneLineIsRefusedForItsLayout() {
    Refusal refused = refused(withLoop("""
                List<String> todo = new ArrayList<>(skus);
                todo.forEach(sku -> { quotes.add(fetch(sku)); });
        """));
    assertEquals(Proof.NOT_FOR_EACH, refused.proof(), refused.reason());
  }

  @Test
  void whatTheRewriteRefusesForTheForEachItRefusesForTheCountedLoopToo() {
    // the same proof as for (String sku : skus): prefix() runs before fetch(), so the answer cannot be taken first
    Refusal refused = refused(withLoop("""
                for (int i = 0; i < skus.size(); i++) {
                    quotes.add(prefix(skus.get(i)).concat(fetch(skus.get(i))));
                }
        """).replace("    String fetch(String sku) {",
            "    String prefix(String sku) {\n        return sku + \"=\";\n    }\n\n    String fetch(String sku) {"));
    assertEquals(Proof.LOOP_SHAPE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("runs prefix(sku) before its call"), refused.reason());
    // the words: how a counted loop's reason reads, read as a for-each
    String reason = refused.reason();
    assertFalse(reason.contains("/*"), "no marker in a reason: " + reason);
    assertTrue(reason.contains("(the counted loop over the indexes of skus read as a loop over its elements)"), reason);
  }

  @Test
  void aChangeToACollectionTheMethodDidNotMakeIsRefused() {
    // quoteAll(list, list): the second name may be the list walked (hostile review 39's c1p, c1pf)
    Refusal refused = refused(withLoop("""
                for (int i = 0; i < skus.size(); i++) {
                    seen.add(fetch(skus.get(i)));
                }
        """).replace("    private final String baseUrl;\n",
            "    private final String baseUrl;\n    private final List<String> seen = new ArrayList<>();\n"));
    assertEquals(Proof.NOT_FOR_EACH, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("changes seen (add())"), refused.reason());
  }

  /**
   * A holder declared as a JDK class no list or set is cannot be the walked list under another name: an unseen JPA
   * project's CSV reader set a {@code Calendar calendarJava} in its loop over rows, and was refused as if the calendar
   * could be the rows. (The near miss, a list field the body adds to, is the test above, refused by loop.not-for-each.)
   * What refuses this loop is its statement before the call (loop.shape), not the calendar.
   */
  @Test
  void aCalendarTheBodySetsIsNoListItWalks() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("calendar")).java(withLoop("""
                List<String> named = new ArrayList<>(skus);
                for (int i = 0; i < named.size(); i++) {
                    java.util.Calendar day = dayOf(named.get(i));
                    day.set(java.util.Calendar.YEAR, 2020);
                    quotes.add(day.get(java.util.Calendar.YEAR) + fetch(named.get(i)));
                }
        """).replace("    String fetch(String sku) {", "    static java.util.Calendar dayOf(String sku) {\n"
            + "        java.util.Calendar day = new java.util.GregorianCalendar(2000, 0, 1);\n        return day;\n"
            + "    }\n\n    String fetch(String sku) {")).config(loopsOnly()).plan();
    assertEquals(Proof.LOOP_SHAPE, RefusalIds.loopProof(plan), RefusalIds.listing(plan));
  }

  @Test
  void aLoopWhoseBodyReadsTheClockIsRefused() {
    // real24's D1: files named by the current second; faster, two elements wrote the same name
    Refusal refused = refused(withLoop("""
                for (String sku : skus) {
                    quotes.add(stamped(fetch(sku)));
                }
        """).replace("    String fetch(String sku) {",
            "    static String stamped(String price) {\n        return java.time.LocalDateTime.now().withNano(0) + \" \" + price;"
                + "\n    }\n\n    String fetch(String sku) {"));
    assertEquals(Proof.LOOP_CLOCK, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("Quotes.stamped()"), refused.reason());
    String direct = refusal(withLoop("""
                for (int i = 0; i < skus.size(); i++) {
                    quotes.add(System.currentTimeMillis() + ":" + fetch(skus.get(i)));
                }
        """));
    assertTrue(direct.startsWith("its method reads the clock or a random source (System.currentTimeMillis())"), direct);
  }

  /**
   * A clock read after the loop has ended cannot be seen by its elements (an unseen SaaS's loop was refused for a
   * LocalDate.now() after it); in a loop around both, the next round runs the loop after the reading, and it is
   * refused as before.
   */
  @Test
  void aClockReadOnceAfterTheLoopIsNoReadOfItsElements() {
    MigrationPlan plan = new MigrationFixture(dir).java(withLoop("""
                for (String sku : skus) {
                    quotes.add(fetch(sku));
                }
                quotes.add("at " + java.time.LocalDate.now());
        """)).config(loopsOnly()).plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String around = refusal(withLoop("""
                for (int round = 0; round < 2; round++) {
                    for (String sku : skus) {
                        quotes.add(fetch(sku));
                    }
                    quotes.add("at " + java.time.LocalDate.now());
                }
        """));
    assertTrue(around.contains("reads the clock or a random source (java.time.LocalDate.now())"), around);
  }

  @Test
  void aGetterNamedLikeAClockCallIsNoClockRead() {
    // a refusal saying the loop reads the clock would be untrue of event.instant(), booking.getStartTime()
    MigrationPlan plan = new MigrationFixture(dir).java(withLoop("""
                for (String sku : skus) {
                    quotes.add(fetch(sku) + new Stamp(sku.length()).instant());
                }
        """).replace("    String fetch(String sku) {",
            "    record Stamp(long instant) {}\n\n    String fetch(String sku) {")).config(loopsOnly()).plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
  }

  @Test
  void aCommentTheLoopWrittenAnewWouldLoseIsKept() {
    // hostile review 39's c11, c31b, c4b: behaviour kept, but the comment gone
    String header = refusal(withLoop("""
                for (int i = 0; i < skus.size(); i++ /* every sku, in order */) {
                    quotes.add(fetch(skus.get(i)));
                }
        """));
    assertTrue(header.contains("a comment stands in its header or where it takes its element"), header);
    String lambda = refusal(withLoop("""
                List<String> todo = new ArrayList<>(skus);
                todo.forEach(/* each */ sku -> {
                    quotes.add(fetch(sku));
                });
        """));
    assertTrue(lambda.contains("a comment or an annotation stands in its forEach call"), lambda);
  }

  @Test
  void aWhileLoopIsRefusedByItsKind() {
    Refusal refused = refused(withLoop("""
                java.util.Iterator<String> it = skus.iterator();
                while (it.hasNext()) {
                    quotes.add(fetch(it.next()));
                }
        """));
    // a loop of a kind optkit does not rewrite: loop.unsupported-kind (it carried loop.not-for-each, the proof of a
    // loop it cannot read as a for-each, while its words were the kind's)
    assertEquals(Proof.LOOP_KIND, refused.proof(), refused.reason());
  }

  // ---- run: the same answers and failures as the original ----------------------------------------

  private static final String SHAPES = withLoop(LOOP).replace("""
          String fetch(String sku) {""", """
          public List<String> counted(List<String> skus) {
              List<String> quotes = new ArrayList<>();
              for (int i = 0; i < skus.size(); i++) {
                  String price = fetch(skus.get(i));
                  quotes.add(skus.get(i) + "=" + price);
              }
              return quotes;
          }

          public List<String> lambda(List<String> skus) {
              List<String> quotes = new ArrayList<>();
              List<String> todo = new ArrayList<>(skus);
              todo.forEach(sku -> {
                  if (!sku.startsWith("skip")) {
                      String price = fetch(sku);
                      quotes.add(sku + "=" + price);
                  }
              });
              return quotes;
          }

          public List<String> array(List<String> skus) {
              List<String> quotes = new ArrayList<>();
              String[] codes = skus.toArray(new String[0]);
              for (int i = 0; i < codes.length; i++) {
                  quotes.add(codes[i] + "=" + fetch(codes[i]));
              }
              return quotes;
          }

          String fetch(String sku) {""");

  @Test
  void eachShapeAnswersAsTheOriginalElementForElementAndFailsAsIt() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(SHAPES).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(4, plan.loops().size(), plan.refusals().toString());
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    String base = prices.base();
    List<List<String>> inputs = List.of(
        List.of(),
        List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"),
        List.of("a", "skip-1", "b", "a", "skip-2", "c"),
        List.of("a", "b", "missing-1", "c", "broken-2"), // the first failure in input order, its type and message
        List.of("broken-1", "bad sku", "c"));
    for (String method : List.of("counted", "lambda", "array")) {
      for (List<String> input : inputs) {
        assertEquals(run(original, base, method, input), run(migrated, base, method, input), method + " of " + input);
      }
      prices.awaitIdle(); // a failed run's calls still in flight on its own pool
      prices.inFlight.expectOverlap();
      run(migrated, base, method, List.of("a", "b", "c", "d", "e", "f", "g", "h"));
      int most = prices.inFlight.most();
      prices.inFlight.count();
      assertTrue(most > 1 && most <= 4, method + ": calls in flight at once: " + most);
    }
  }

  private static String run(Path classes, String base, String method, List<String> skus) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        CountedAndForEachLoopsTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Quotes");
      Object quotes = type.getConstructor(String.class).newInstance(base);
      try {
        return String.valueOf(type.getMethod(method, List.class).invoke(quotes, new ArrayList<>(skus)));
      } catch (InvocationTargetException e) {
        return e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
      }
    }
  }
}
