package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
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
 * Stream pipelines that are loops over a collection in all but their syntax (issue 24: the largest
 * shape of I/O loop left): {@code xs.stream().forEach(x -> ...)} and {@code xs.stream().map(x -> ...)}
 * collected to a list, read as {@code for (T x : xs)} and rewritten as that loop is; each near miss
 * (a short-circuiting or reducing terminal, a stream over something else than a local collection, a
 * stage before the call) stays refused with its reason.
 */
class StreamPipelineLoopsTest {
  @TempDir Path dir;

  private static final String METHOD = """
          public List<String> quoteAll(List<String> skus) {
              List<String> quotes = new ArrayList<>();
              for (String sku : skus) {
                  String price = fetch(sku);
                  quotes.add(sku + "=" + price);
              }
              return quotes;
          }
      """;

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

  /** The Quotes class with quoteAll's body replaced and java.util.stream.Collectors imported. */
  static String withMethod(String method) {
    String quotes = BlockingCallsInLoopRewriteTest.QUOTES_BEFORE;
    assertTrue(quotes.contains(METHOD));
    return quotes.replace(METHOD, method).replace("import java.util.List;\n",
        "import java.util.List;\nimport java.util.stream.Collectors;\n");
  }

  private String refusal(String source) {
    return refusal(new MigrationFixture(dir), source);
  }

  private String refusal(MigrationFixture fixture, String source) {
    MigrationPlan plan = fixture.java(source).config(loopsOnly()).plan();
    assertEquals(List.of(), plan.loops(), "must be refused:\n" + source);
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).map(Refusal::reason)
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  private static String after(MigrationPlan plan) {
    return MigrationFixture.after(plan, "src/main/java/shop/Quotes.java");
  }

  // ---- rewritten -----------------------------------------------------------------------------

  @Test
  void aMapCollectedToAReturnedListIsRewrittenAsTheLoopFillingIt() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withMethod("""
            public List<String> quoteAll(List<String> skus) {
                return skus.stream().map(sku -> sku + "=" + fetch(sku)).collect(Collectors.toList());
            }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = after(plan);
    assertTrue(after.contains("        List<String> results = new ArrayList<>();\n"), after);
    assertTrue(after.contains("                String sku = walked.remove();\n"), after);
    assertTrue(after.contains("FutureTask<String> call = new FutureTask<String>(() -> fetch(nextSku));"), after);
    assertTrue(after.contains("        return results;\n    }\n"), after);
    assertFalse(after.contains(".stream()"), after);
    assertTrue(plan.loops().get(0).action().contains("the stream pipeline over skus read as a loop over its elements"),
        plan.loops().get(0).action());
    fixture.assertCompiles(plan);
  }

  @Test
  void aMapCollectedToALocalListKeepsTheLocal() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withMethod("""
            public List<String> quoteAll(List<String> skus) {
                final List<String> quotes = skus.stream()
                        .map(sku -> fetch(sku))
                        .collect(Collectors.toList());
                quotes.add("end");
                return quotes;
            }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = after(plan);
    assertTrue(after.contains("        final List<String> quotes = new ArrayList<>();\n"), after);
    assertTrue(after.contains("        quotes.add(\"end\");\n        return quotes;\n"), after);
    fixture.assertCompiles(plan);
  }

  @Test
  void aMethodReferenceOnThisIsTheCallOfEachElement() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withMethod("""
            public List<String> quoteAll(List<String> skus) {
                List<String> quotes = skus.stream().map(this::fetch).collect(Collectors.toList());
                return quotes;
            }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = after(plan);
    assertTrue(after.contains("                String sku = walked.remove();\n"), after);
    assertTrue(after.contains("FutureTask<String> call = new FutureTask<String>(() -> this.fetch(nextSku));"), after);
    assertTrue(after.contains("                quotes.add(answer);\n"), after);
    fixture.assertCompiles(plan);
  }

  @Test
  void aMethodReferenceOnAFinalFieldIsTheCallOfEachElement() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withMethod("""
            private final Quotes self = this;

            public List<String> quoteAll(List<String> skus) {
                return skus.stream().map(self::fetch).collect(Collectors.toList());
            }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertTrue(after(plan).contains("FutureTask<String> call = new FutureTask<String>(() -> self.fetch(nextSku));"),
        after(plan));
    fixture.assertCompiles(plan);
    String reason = refusal(withMethod("""
            private Quotes self = this;

            public List<String> quoteAll(List<String> skus) {
                return skus.stream().map(self::fetch).collect(Collectors.toList());
            }
        """));
    assertTrue(reason.contains("its method reference self::fetch is not on this or a final field"), reason);
  }

  @Test
  void aRecordsAccessorIsStreamedWithTheElementTypeItsComponentDeclares() throws Exception {
    // job-vacy-backend: a generated getter (Lombok's, a record's) has no signature to read the element type from
    MigrationFixture fixture = new MigrationFixture(dir).java("""
        package shop;

        import java.util.List;

        public record Basket(List<String> skus) {
        }
        """).java(withMethod("""
            public List<String> quoteAll(Basket basket) {
                return basket.skus().stream().map(this::fetch).collect(Collectors.toList());
            }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertTrue(after(plan).contains("                String element = walked.remove();\n"), after(plan));
    fixture.assertCompiles(plan);
  }

  @Test
  void anElementNamedAfterItsCollectionIsNoKeyword() throws Exception {
    // ccd-data-store-api: results.getCases() gave "case", and the view did not parse
    MigrationFixture fixture = new MigrationFixture(dir).java("""
        package shop;

        import java.util.List;

        public class Docket {
            private final List<String> cases;

            public Docket(List<String> cases) {
                this.cases = cases;
            }

            public List<String> getCases() {
                return cases;
            }
        }
        """).java(withMethod("""
            public List<String> quoteAll(Docket docket) {
                return docket.getCases().stream().map(this::fetch).collect(Collectors.toList());
            }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertTrue(after(plan).contains("                String eachCase = walked.remove();\n"), after(plan));
    fixture.assertCompiles(plan);
  }

  @Test
  void aMethodReferenceOnALocalIsRefusedForWhenItsReceiverIsRead() {
    String reason = refusal(withMethod("""
            public List<String> quoteAll(List<String> skus) {
                Quotes other = this;
                return skus.stream().map(other::fetch).collect(Collectors.toList());
            }
        """));
    assertTrue(reason.contains("its method reference other::fetch is not on this or a final field of the class: the "
        + "stream evaluates its receiver once, before the first element"), reason);
  }

  @Test
  void aForEachOfOneCallOnAListTheMethodMakesIsTheLoopOfThatCall() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withMethod("""
            public List<String> quoteAll(List<String> skus) {
                List<String> quotes = new ArrayList<>();
                List<String> todo = new ArrayList<>(skus);
                todo.forEach(sku -> quotes.add(fetch(sku)));
                return quotes;
            }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertTrue(after(plan).contains("                String sku = walked.remove();\n"), after(plan));
    fixture.assertCompiles(plan);
    // on a list it is handed, forEach may be a synchronized list's, which holds its lock for the whole walk
    String reason = refusal(new MigrationFixture(dir.resolve("handed")), withMethod("""
            public List<String> quoteAll(List<String> skus) {
                List<String> quotes = new ArrayList<>();
                skus.forEach(sku -> quotes.add(fetch(sku)));
                return quotes;
            }
        """));
    assertTrue(reason.startsWith("it calls forEach on skus, which is not a plain list or set the method makes itself"),
        reason);
  }

  @Test
  void aStreamsForEachIsRewrittenAsTheLoop() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withMethod("""
            public List<String> quoteAll(List<String> skus) {
                List<String> quotes = new ArrayList<>();
                skus.stream().forEach(sku -> quotes.add(fetch(sku)));
                return quotes;
            }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    fixture.assertCompiles(plan);
  }

  /** FindByIdBatchRewriteTest's lookup with its loop written as the pipeline. */
  private static String streamedLookup(String pipeline) {
    String lookup = FindByIdBatchRewriteTest.LOOKUP_BEFORE;
    String loop = """
                List<String> described = new ArrayList<>();
                for (Long id : ids) {
                    Optional<Order> order = orders.findById(id);
                    described.add(order.map(o -> o.getId() + " " + o.getStatus()).orElse(id + " missing"));
                }
                return described;
        """;
    assertTrue(lookup.contains(loop));
    return lookup.replace(loop, pipeline).replace("import java.util.Optional;\n",
        "import java.util.Optional;\nimport java.util.stream.Collectors;\n");
  }

  @Test
  void aFindByIdPerIdMappedToAListIsBatched() throws Exception {
    FindByIdBatchRewriteTest.batchedAndAnsweringAlike(new MigrationFixture(dir).java(FindByIdBatchRewriteTest.ORDER)
        .java(FindByIdBatchRewriteTest.REPOSITORY).java(streamedLookup("""
                return ids.stream()
                        .map(id -> orders.findById(id).map(o -> o.getId() + " " + o.getStatus()).orElse(id + " missing"))
                        .collect(Collectors.toList());
        """)).config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops())));
  }

  @Test
  void aFindByIdOrNullPerIdIsBatched() throws Exception {
    FindByIdBatchRewriteTest.batchedAndAnsweringAlike(new MigrationFixture(dir).java(FindByIdBatchRewriteTest.ORDER)
        .java(FindByIdBatchRewriteTest.REPOSITORY).java(streamedLookup("""
                List<Order> found = ids.stream().map(id -> orders.findById(id).orElse(null)).toList();
                return found.stream().map(o -> o == null ? "missing" : o.getId() + " " + o.getStatus())
                        .collect(Collectors.toList());
        """)).config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops())));
  }

  @Test
  void theOptionalsAFindByIdPerIdAnswersKeptWhenPresentAreBatched() throws Exception {
    for (String kept : List.of(".filter(Optional::isPresent).map(Optional::get)", ".flatMap(Optional::stream)")) {
      FindByIdBatchRewriteTest.batchedAndAnsweringAlike(new MigrationFixture(dir.resolve(kept.substring(1, 8)))
          .java(FindByIdBatchRewriteTest.ORDER).java(FindByIdBatchRewriteTest.REPOSITORY).java(streamedLookup("""
                  List<Order> found = ids.stream().map(orders::findById)KEPT.collect(Collectors.toList());
                  return found.stream().map(o -> o.getId() + " " + o.getStatus()).collect(Collectors.toList());
          """.replace("KEPT", kept))).config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops())));
    }
  }

  // ---- refused, each with its reason ----------------------------------------------------------------

  @Test
  void aStreamOverAFieldIsReadAsTheLoopOverItAndJudgedAsThatLoop() {
    String reason = refusal(withMethod("""
            private final List<String> known = new ArrayList<>();

            public List<String> quoteAll(List<String> skus) {
                return known.stream().map(sku -> fetch(sku)).collect(Collectors.toList());
            }
        """));
    assertTrue(reason.endsWith("(the stream pipeline over known read as a loop over its elements)"), reason);
  }

  @Test
  void aStreamOverAnExpressionIsRefused() {
    String reason = refusal(withMethod("""
            public List<String> quoteAll(List<String> skus) {
                return new ArrayList<>(skus).stream().map(sku -> fetch(sku)).collect(Collectors.toList());
            }
        """));
    assertTrue(reason.startsWith("optkit reads a stream pipeline as a loop only in the forms"), reason);
  }

  @Test
  void aSetCollectedIsFilledByTheLoop() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withMethod("""
            public List<String> quoteAll(List<String> skus) {
                java.util.Set<String> prices = skus.stream().map(this::fetch).collect(Collectors.toSet());
                return new ArrayList<>(new java.util.TreeSet<>(prices));
            }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertTrue(after(plan).contains("        java.util.Set<String> prices = new HashSet<>();\n"), after(plan));
    fixture.assertCompiles(plan);
  }

  @Test
  void aGetterOfAParameterThatReturnsItsFieldIsStreamedAsTheLoopOverIt() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java("""
        package shop;

        import java.util.List;

        public class Basket {
            private final List<String> skus;

            public Basket(List<String> skus) {
                this.skus = skus;
            }

            public List<String> getSkus() {
                return skus;
            }
        }
        """).java(withMethod("""
            public List<String> quoteAll(Basket basket) {
                return basket.getSkus().stream().map(this::fetch).collect(Collectors.toList());
            }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertTrue(after(plan).contains("                java.lang.String sku = walked.remove();\n")
        || after(plan).contains("                String sku = walked.remove();\n"), after(plan));
    fixture.assertCompiles(plan);
  }

  @Test
  void aProjectListThatWalksAsArrayListDoesNotStopTheReadingButOneThatStreamsOtherwiseDoes() throws Exception {
    String pipeline = withMethod("""
            public List<String> quoteAll(List<String> skus) {
                return skus.stream().map(this::fetch).collect(Collectors.toList());
            }
        """);
    // hawkbit's MgmtDistributionSetAssignments: an ArrayList whose isEmpty its JSON form hides, walked as any ArrayList
    MigrationFixture fixture = new MigrationFixture(dir.resolve("carrying")).java("""
        package shop;

        public class ResponseList<T> extends java.util.ArrayList<T> {
            private long total;

            public long getTotal() {
                return total;
            }

            @Override
            public boolean isEmpty() {
                return super.isEmpty();
            }
        }
        """).java(pipeline).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    fixture.assertCompiles(plan);
    String reason = refusal(new MigrationFixture(dir.resolve("streaming")).java("""
        package shop;

        public class ShuffledList<T> extends ResponseList<T> {
            @Override
            public java.util.stream.Stream<T> stream() {
                java.util.List<T> copy = new java.util.ArrayList<>(this);
                java.util.Collections.reverse(copy);
                return copy.stream();
            }
        }
        """).java("""
        package shop;

        public class ResponseList<T> extends java.util.ArrayList<T> {
        }
        """), pipeline);
    assertTrue(reason.startsWith("the project declares collections of its own (ShuffledList)"), reason);
  }

  @Test
  void aFilterBeforeTheMapIsRefusedWhereItsTestCouldNotRunAheadOrBeWrittenAsTheLoopsIf() {
    String differently = refusal(withMethod("""
            public List<String> quoteAll(List<String> skus) {
                return skus.stream().filter(s -> !s.isEmpty()).map(sku -> fetch(sku)).collect(Collectors.toList());
            }
        """));
    assertTrue(differently.contains("its filter() and map() name the element differently (s, sku)"), differently);
    String block = refusal(new MigrationFixture(dir.resolve("block")), withMethod("""
            public List<String> quoteAll(List<String> skus) {
                return skus.stream().filter(sku -> { return !sku.isEmpty(); }).map(sku -> fetch(sku)).toList();
            }
        """));
    assertTrue(block.contains("its filter() takes a lambda with a block body"), block);
    // the test reads what the element's call changes: run ahead, it would let through elements the original drops
    String budget = refusal(new MigrationFixture(dir.resolve("budget")), withMethod("""
            private int budget = 3;

            public List<String> quoteAll(List<String> skus) {
                return skus.stream().filter(sku -> budget > 0).map(sku -> spend(sku)).collect(Collectors.toList());
            }

            private String spend(String sku) {
                budget--;
                return fetch(sku);
            }
        """));
    assertTrue(budget.contains("Quotes.spend() reads field budget, which changes after construction"), budget);
    // the test itself waits on the remote service: its calls would run ahead of the earlier elements' answers
    String remote = refusal(new MigrationFixture(dir.resolve("remote")), withMethod("""
            public List<String> quoteAll(List<String> skus) {
                return skus.stream().filter(sku -> !fetch(sku).isEmpty()).map(sku -> fetch(sku)).toList();
            }
        """));
    assertTrue(remote.contains("its filter '!fetch(sku).isEmpty()' waits on I/O (fetch())"), remote);
  }

  @Test
  void aShortCircuitingTerminalIsRefused() {
    String reason = refusal(withMethod("""
            public List<String> quoteAll(List<String> skus) {
                return skus.stream().map(sku -> fetch(sku)).filter(p -> p.isEmpty()).findFirst()
                        .map(List::of).orElse(List.of());
            }
        """));
    assertTrue(reason.contains("optkit reads a stream pipeline as a loop only in the forms"), reason);
  }

  // ---- run: the same answers and failures as the original ----------------------------------------

  private static final String SHAPES = withMethod(METHOD + """

            public List<String> returned(List<String> skus) {
                return skus.stream().map(sku -> sku + "=" + fetch(sku)).collect(Collectors.toList());
            }

            public List<String> unmodifiable(List<String> skus) {
                List<String> quotes = skus.stream().map(sku -> fetch(sku)).toList();
                return quotes;
            }

            public List<String> referenced(List<String> skus) {
                return skus.stream().map(this::fetch).toList();
            }

            public List<String> present(List<String> skus) {
                return skus.stream().map(this::fetchUnlessSkipped).filter(java.util.Objects::nonNull)
                        .collect(Collectors.toList());
            }

            String fetchUnlessSkipped(String sku) {
                return sku.startsWith("skip") ? null : fetch(sku);
            }

            public List<String> returning(List<String> skus) {
                List<String> quotes = new ArrayList<>();
                List<String> todo = new ArrayList<>(skus);
                todo.forEach(sku -> {
                    String price = fetch(sku);
                    if (price.endsWith("-c")) {
                        return;
                    }
                    quotes.add(sku + "=" + price);
                });
                return quotes;
            }

            public List<String> filtered(List<String> skus) {
                return skus.stream().filter(sku -> !sku.startsWith("skip")).map(sku -> sku + "=" + fetch(sku))
                        .collect(Collectors.toList());
            }

            public List<String> filteredByReference(List<String> skus) {
                return skus.stream().filter(java.util.Objects::nonNull).map(this::fetch).toList();
            }

            public List<String> filteredByOwnTest(List<String> skus) {
                return skus.stream().filter(this::wanted).map(sku -> fetch(sku)).collect(Collectors.toList());
            }

            private boolean wanted(String sku) {
                return sku != null && !sku.startsWith("skip");
            }

            public List<String> each(List<String> skus) {
                List<String> quotes = new ArrayList<>();
                skus.stream().forEach(sku -> {
                    if (!sku.startsWith("skip")) {
                        quotes.add(sku + "=" + fetch(sku));
                    }
                });
                return quotes;
            }
        """);

  @Test
  void eachShapeAnswersAsTheOriginalElementForElementAndFailsAsIt() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(SHAPES).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(10, plan.loops().size(), plan.refusals().toString());
    String after = after(plan);
    assertTrue(after.contains("                if (price.endsWith(\"-c\")) {\n                    continue;\n"), after);
    // a filter() before the map is the loop's if, tested on the caller's thread before the element's call starts
    assertTrue(after.contains("if (!nextSku.startsWith(\"skip\")) {"), after);
    assertTrue(after.contains("if (nextSku != null) {"), after);
    assertTrue(after.contains("if (this.wanted(nextSku)) {"), after);
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    String base = prices.base();
    List<List<String>> inputs = List.of(
        List.of(),
        List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"),
        List.of("a", "skip-1", "b", "a", "skip-2", "c"),
        List.of("a", "b", "missing-1", "c", "broken-2"), // the first failure in input order, its type and message
        List.of("broken-1", "bad sku", "c"),
        java.util.Arrays.asList("a", null, "skip-1", "b", null)); // nulls: a filter may drop them, else a call fails
    for (String method : List.of("returned", "unmodifiable", "referenced", "present", "returning", "each", "filtered",
        "filteredByReference", "filteredByOwnTest")) {
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
        StreamPipelineLoopsTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Quotes");
      Object quotes = type.getConstructor(String.class).newInstance(base);
      try {
        Object answer = type.getMethod(method, List.class).invoke(quotes, new ArrayList<>(skus));
        String modifiable;
        try {
          ((List<?>) answer).add(null);
          modifiable = "modifiable";
        } catch (UnsupportedOperationException e) {
          modifiable = "unmodifiable";
        }
        return modifiable + " " + answer;
      } catch (InvocationTargetException e) {
        // the JVM's helpful NullPointerException message names the local slot or variable that held the null,
        // which a rewritten body holds under another (docs/migrate-loops.md): the rest of the message must agree
        return e.getCause().getClass().getName() + ": " + String.valueOf(e.getCause().getMessage())
            .replaceAll("because \"[^\"]*\" is null", "because a local is null");
      }
    }
  }
}
