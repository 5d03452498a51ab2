package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blocking remote call per element, handed to a bounded pool: before and after text, the result
 * compiled, and both versions run against a real loopback HTTP server element for element (a
 * missing element, a failing one, duplicates); beside it a refusal for each thing that makes running
 * the call on another thread, ahead of the loop's later statements, change what the loop does.
 */
class BlockingCallsInLoopRewriteTest {
  @TempDir Path dir;

  static final String QUOTES_BEFORE = """
      package shop;

      import java.io.IOException;
      import java.io.UncheckedIOException;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.ArrayList;
      import java.util.List;

      public class Quotes {
          private final HttpClient http = HttpClient.newHttpClient();
          private final String baseUrl;

          public Quotes(String baseUrl) {
              this.baseUrl = baseUrl;
          }

          public List<String> quoteAll(List<String> skus) {
              List<String> quotes = new ArrayList<>();
              for (String sku : skus) {
                  String price = fetch(sku);
                  quotes.add(sku + "=" + price);
              }
              return quotes;
          }

          String fetch(String sku) {
              HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/prices/" + sku)).GET().build();
              try {
                  HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() != 200) {
                      throw new IllegalArgumentException(sku + " answered " + response.statusCode());
                  }
                  return response.body();
              } catch (IOException e) {
                  throw new UncheckedIOException(e);
              } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
              }
          }
      }
      """;

  static final String QUOTES_AFTER = """
      package shop;

      import java.io.IOException;
      import java.io.UncheckedIOException;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.ArrayDeque;
      import java.util.ArrayList;
      import java.util.Deque;
      import java.util.Iterator;
      import java.util.LinkedList;
      import java.util.List;
      import java.util.concurrent.ExecutionException;
      import java.util.concurrent.ExecutorService;
      import java.util.concurrent.Future;
      import java.util.concurrent.FutureTask;
      import java.util.concurrent.SynchronousQueue;
      import java.util.concurrent.ThreadPoolExecutor;
      import java.util.concurrent.TimeUnit;

      public class Quotes {

          // optkit migrate: the threads this class's rewritten loops run their calls on: up to 64, made when
          // needed and ended after 60 s idle; when all are busy, a call runs on the caller's thread, as it did before
          private static final ExecutorService LOOP_CALL_POOL = new ThreadPoolExecutor(0, 64, 60L, TimeUnit.SECONDS,
                  new SynchronousQueue<Runnable>(), task -> {
                      Thread thread = new Thread(task, "optkit-loop-calls");
                      thread.setDaemon(true);
                      return thread;
                  }, new ThreadPoolExecutor.CallerRunsPolicy());
          private final HttpClient http = HttpClient.newHttpClient();
          private final String baseUrl;

          public Quotes(String baseUrl) {
              this.baseUrl = baseUrl;
          }

          public List<String> quoteAll(List<String> skus) {
              List<String> quotes = new ArrayList<>();
              // optkit migrate: up to 4 calls run ahead on LOOP_CALL_POOL, in input order, and each answer is taken in its turn;
              // -Doptkit.loops.sequential=true starts one at a time again
              int inFlightLimit = Boolean.getBoolean("optkit.loops.sequential") ? 1 : 4;
              Deque<Future<String>> started = new ArrayDeque<>();
              Iterator<? extends String> toStart = skus.iterator();
              Deque<String> walked = new LinkedList<>();
              boolean walkedAll = false;
              Throwable startFailure = null;
              try {
                  while (true) {
                      while (started.size() < inFlightLimit && !walkedAll && startFailure == null) {
                          try {
                              if (!toStart.hasNext()) {
                                  walkedAll = true;
                                  break;
                              }
                              String nextSku = toStart.next();
                              walked.add(nextSku);
                              FutureTask<String> call = new FutureTask<String>(() -> fetch(nextSku));
                              started.add(call);
                              if (inFlightLimit == 1) {
                                  call.run(); // one at a time: on this thread, as before
                              } else {
                                  LOOP_CALL_POOL.execute(call);
                              }
                          } catch (Throwable thrown) {
                              // thrown in its own element's turn, after every earlier element was joined
                              startFailure = thrown;
                          }
                      }
                      if (started.isEmpty()) {
                          if (startFailure == null) {
                              break; // every element walked and taken
                          }
                          throw Quotes.rethrowAsIs(startFailure); // as it was thrown, checked or not
                      }
                      String sku = walked.remove();
                      String price;
                      try {
                          price = started.remove().get();
                      } catch (ExecutionException failedAhead) {
                          Throwable cause = failedAhead.getCause();
                          throw Quotes.rethrowAsIs(cause); // as it was thrown, checked or not
                      } catch (InterruptedException interrupted) {
                          Thread.currentThread().interrupt();
                          throw new java.util.concurrent.CancellationException("interrupted while waiting for price");
                      }
                      quotes.add(sku + "=" + price);
                  }
              } finally {
                  // a loop left early leaves no call it started ahead running for nothing
                  started.forEach(future -> future.cancel(true));
              }
              return quotes;
          }

          String fetch(String sku) {
              HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/prices/" + sku)).GET().build();
              try {
                  HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() != 200) {
                      throw new IllegalArgumentException(sku + " answered " + response.statusCode());
                  }
                  return response.body();
              } catch (IOException e) {
                  throw new UncheckedIOException(e);
              } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
              }
          }

          // optkit migrate: a failure a rewritten loop's call threw, thrown again as it was: a checked
          // exception it throws without declaring it keeps its type instead of coming back wrapped
          @SuppressWarnings("unchecked")
          private static <E extends Throwable> RuntimeException rethrowAsIs(Throwable failure) throws E {
              throw (E) failure;
          }
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

  /** Loops four calls ahead; the caching rule off, so the plan is the loop's alone. */
  private static OptkitConfig loopsOnly() {
    return MigrationFixture.loopsOnly(new OptkitConfig.Loops(4));
  }

  @Test
  void handsEachCallToThePoolAndTakesEachAnswerInItsTurnBeforeAndAfter() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(QUOTES_BEFORE).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertEquals(QUOTES_AFTER, MigrationFixture.after(plan, "src/main/java/shop/Quotes.java"));
    fixture.assertCompiles(plan);
  }

  @Test
  void theRewrittenLoopAnswersAsTheOriginalElementForElementAndFailsAsIt() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(QUOTES_BEFORE).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    String base = prices.base();
    List<List<String>> inputs = List.of(
        List.of(),
        List.of("a"),
        List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"),
        List.of("a", "b", "a", "c", "b"),
        List.of("a", "b", "missing-1", "c", "broken-2"), // the first failure in input order, its type and message
        List.of("a", "bad sku", "broken-1", "c"), // a call that throws before it sends (no URI has a space)
        List.of("broken-1", "bad sku"));
    for (List<String> input : inputs) {
      assertEquals(run(original, base, input), run(migrated, base, input), "answers for " + input);
    }
    prices.inFlight.expectOverlap();
    run(migrated, base, List.of("a", "b", "c", "d", "e", "f", "g", "h"));
    int most = prices.inFlight.most();
    assertTrue(most > 1 && most <= 4, "calls in flight at once: " + most);
    prices.inFlight.count();
    run(original, base, List.of("a", "b", "c", "d"));
    assertEquals(1, prices.inFlight.most(), "the original waits for each call");
  }

  /**
   * Hostile review 51: the rewrite walked the collection twice, once to start the calls and once in
   * the loop's header, so a list another thread changed between the two walks (a CopyOnWriteArrayList
   * gives each walk its own snapshot) paired an element with another element's answer. Here the list
   * loses "c" right after its first walk begins, as another thread could make it: the one walk the
   * loop makes is the snapshot taken, so every element comes with its own price, as in the original.
   */
  @Test
  void aListChangedAfterItsWalkBeganPairsEachElementWithItsOwnAnswer() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(QUOTES_BEFORE).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    String answers = runOnChangingList(original);
    assertEquals("[a=price-of-a, b=price-of-b, c=price-of-c, d=price-of-d]", answers, "the original walks one snapshot");
    assertEquals(answers, runOnChangingList(migrated));
  }

  /**
   * Hostile review 54's W1: a list whose iterator fails in hasNext() (a lazily paged list whose next
   * page does not load) failed while calls were started ahead, before the earlier elements' turns: the
   * statements after their calls never ran. Asked inside the start's try, it fails in its own turn.
   */
  @Test
  void anIteratorFailingInHasNextFailsInItsTurnAfterTheEarlierElementsRan() throws Exception {
    String before = QUOTES_BEFORE.replace("    public List<String> quoteAll(List<String> skus) {\n",
            "    public final List<String> seen = new ArrayList<>();\n\n    public List<String> quoteAll(List<String> skus) {\n")
        .replace("            String price = fetch(sku);\n", "            String price = fetch(sku);\n            seen.add(sku);\n");
    assertTrue(before.contains("seen.add(sku);") && before.contains("public final List<String> seen"), before);
    MigrationFixture fixture = new MigrationFixture(dir).java(before).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    String answers = runOnPagedList(original);
    assertEquals("IllegalStateException: page 2 failed to load; seen [a, b, c]", answers);
    assertEquals(answers, runOnPagedList(migrated));
  }

  /** quoteAll over a list whose iterator's hasNext() fails after three elements; what it threw and what it saw. */
  private String runOnPagedList(Path classes) throws Exception {
    List<String> skus = new ArrayList<>(List.of("a", "b", "c", "d", "e")) {
      @Override
      public java.util.Iterator<String> iterator() {
        java.util.Iterator<String> walk = super.iterator();
        return new java.util.Iterator<String>() {
          private int taken;

          @Override
          public boolean hasNext() {
            if (taken == 3) {
              throw new IllegalStateException("page 2 failed to load");
            }
            return walk.hasNext();
          }

          @Override
          public String next() {
            taken++;
            return walk.next();
          }
        };
      }
    };
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        BlockingCallsInLoopRewriteTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Quotes");
      Object quotes = type.getConstructor(String.class).newInstance(prices.base());
      String thrown;
      try {
        type.getMethod("quoteAll", List.class).invoke(quotes, skus);
        thrown = "nothing thrown";
      } catch (InvocationTargetException e) {
        thrown = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
      }
      return thrown + "; seen " + type.getField("seen").get(quotes);
    }
  }

  /** quoteAll over a CopyOnWriteArrayList that another thread empties of "c" as soon as a walk of it began. */
  private String runOnChangingList(Path classes) throws Exception {
    List<String> skus = new java.util.concurrent.CopyOnWriteArrayList<>(List.of("a", "b", "c", "d")) {
      @Override
      public java.util.Iterator<String> iterator() {
        java.util.Iterator<String> walk = super.iterator();
        remove("c");
        return walk;
      }
    };
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        BlockingCallsInLoopRewriteTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Quotes");
      Object quotes = type.getConstructor(String.class).newInstance(prices.base());
      return String.valueOf(type.getMethod("quoteAll", List.class).invoke(quotes, skus));
    }
  }

  @Test
  void theSwitchRunsOneCallAtATimeAgain() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(QUOTES_BEFORE).config(loopsOnly());
    Path migrated = fixture.compile(fixture.plan());
    String base = prices.base();
    System.setProperty("optkit.loops.sequential", "true");
    try {
      prices.awaitIdle(); // a failed run's calls still in flight on its own pool
      prices.inFlight.count();
      long poolThreadsBefore = poolThreads();
      assertEquals("[a=price-of-a, b=price-of-b, c=price-of-c]", run(migrated, base, List.of("a", "b", "c")));
      assertEquals(1, prices.inFlight.most());
      // each call ran on the caller's thread: the fresh class's pool made no thread (earlier tests' may end meanwhile)
      assertTrue(poolThreads() <= poolThreadsBefore, "a pool thread was made with the switch on");
    } finally {
      System.clearProperty("optkit.loops.sequential");
    }
  }

  private static long poolThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("optkit-loop-calls")).count();
  }

  /** The loop's answer, or its exception's type and message: what a caller can tell apart. */
  private static String run(Path classes, String base, List<String> skus) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        BlockingCallsInLoopRewriteTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Quotes");
      Object quotes = type.getConstructor(String.class).newInstance(base);
      Method quoteAll = type.getMethod("quoteAll", List.class);
      try {
        return String.valueOf(quoteAll.invoke(quotes, new ArrayList<>(skus)));
      } catch (InvocationTargetException e) {
        return e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
      }
    }
  }

  /**
   * {@code byId.put(sku, fetch(sku))} on a map the method made: read as {@code String answer = fetch(sku); byId.put(sku,
   * answer);}, the key read in the element's turn as before; the map answers as the original's, element for element,
   * in the same order (a LinkedHashMap) and with the same failure. A map a field holds, or a key that runs code before
   * the call, is refused.
   */
  @Test
  void anAnswerPutInALocalMapRunsAheadAndTheMapIsTheOriginals() throws Exception {
    String before = QUOTES_BEFORE.replace("import java.util.List;\n", "import java.util.LinkedHashMap;\nimport java.util.List;\n"
            + "import java.util.Map;\n")
        .replace("    public List<String> quoteAll(List<String> skus) {\n        List<String> quotes = new ArrayList<>();\n"
            + "        for (String sku : skus) {\n            String price = fetch(sku);\n            quotes.add(sku + \"=\" + price);\n"
            + "        }\n        return quotes;\n",
            "    public List<String> quoteAll(List<String> skus) {\n        Map<String, String> bySku = new LinkedHashMap<>();\n"
            + "        for (String sku : skus) {\n            bySku.put(sku, fetch(sku));\n        }\n"
            + "        return new ArrayList<>(bySku.entrySet().stream().map(e -> e.getKey() + \"=\" + e.getValue()).toList());\n");
    assertTrue(before.contains("bySku.put(sku, fetch(sku));"), before);
    MigrationFixture fixture = new MigrationFixture(dir).java(before).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Quotes.java");
    assertTrue(after.contains("FutureTask<String> call = new FutureTask<String>(() -> fetch(nextSku));"), after);
    assertTrue(after.contains("                bySku.put(sku, answer);\n"), after);
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    for (List<String> input : List.<List<String>>of(List.of(), List.of("a", "b", "c", "d", "e", "f", "g"),
        List.of("a", "b", "a", "c"), List.of("a", "missing-1", "b", "broken-2"), List.of("a", "bad sku", "c"))) {
      assertEquals(run(original, prices.base(), input), run(migrated, prices.base(), input), "answers for " + input);
    }
    String field = refusal(before.replace("        Map<String, String> bySku = new LinkedHashMap<>();\n", "")
        .replace("    public List<String> quoteAll(", "    private final Map<String, String> bySku = new LinkedHashMap<>();\n\n"
            + "    public List<String> quoteAll("));
    assertTrue(field.contains("puts its answer in bySku, which is not a local map the method made"), field);
    String key = refusal(before.replace("bySku.put(sku, fetch(sku));", "bySku.put(sku.trim(), fetch(sku));"));
    assertTrue(key.contains("the statement runs sku.trim() before its call"), key);
  }

  /**
   * Hostile review 76 (/tmp/hostile76), each run differing from the original before: a map the key of which is another
   * class's static (its initialiser ran before any request in the original only), a project class named HashMap whose put
   * sends a request, the local of an earlier block taken for the map (a field's is filled), the loop walking the map's
   * keySet or a subList whose backing list the body changes (the original fails), a TreeMap with a comparator. Refused.
   */
  /** The quotes service with its answers put in a local HashMap ({@code bySku.put(sku, fetch(sku))}). */
  private static String quotesPutInAMap() {
    return QUOTES_BEFORE.replace("import java.util.List;\n", "import java.util.HashMap;\nimport java.util.List;\n"
            + "import java.util.Map;\n")
        .replace("    public List<String> quoteAll(List<String> skus) {\n        List<String> quotes = new ArrayList<>();\n"
            + "        for (String sku : skus) {\n            String price = fetch(sku);\n            quotes.add(sku + \"=\" + price);\n"
            + "        }\n        return quotes;\n",
            "    public List<String> quoteAll(List<String> skus) {\n        Map<String, String> bySku = new HashMap<>();\n"
            + "        for (String sku : skus) {\n            bySku.put(sku, fetch(sku));\n        }\n"
            + "        return new ArrayList<>(bySku.values());\n");
  }

  @Test
  void aMapFilledInTheLoopIsRefusedWhereItsOrderOrKeysMayDiffer() {
    String before = quotesPutInAMap().replace("import java.util.Map;\n", "import java.util.Map;\nimport java.util.TreeMap;\n");
    assertTrue(before.contains("bySku.put(sku, fetch(sku));"), before);
    assertTrue(refusal(before.replace("bySku.put(sku, fetch(sku));", "bySku.put(Sources.NAME, fetch(sku));")
        .replace("import java.util.TreeMap;\n", "import java.util.TreeMap;\nimport static shop.Sources.NAME;\n")
        .replace("bySku.put(Sources.NAME,", "bySku.put(NAME,")).contains("before its call"));
    assertTrue(refusal(before.replace("        Map<String, String> bySku = new HashMap<>();\n",
        "        if (skus.isEmpty()) {\n            Map<String, String> bySku = new HashMap<>();\n        }\n")
        .replace("    public List<String> quoteAll(", "    private final Map<String, String> bySku = new HashMap<>();\n\n"
            + "    public List<String> quoteAll(")).contains("not a local map the method made"));
    String keys = refusal(before.replace("for (String sku : skus) {", "bySku.put(\"a\", \"\");\n        for (String sku : "
        + "bySku.keySet()) {"));
    assertTrue(keys.contains("bySku"), keys);
    String sorted = refusal(before.replace("new HashMap<>()", "new TreeMap<>(java.util.Comparator.reverseOrder())"));
    assertTrue(sorted.contains("bySku"), sorted);
    assertTrue(refusal(before.replace("        for (String sku : skus) {\n            bySku.put(sku, fetch(sku));\n",
        "        List<String> all = new ArrayList<>(skus);\n        List<String> some = all.subList(0, all.size());\n"
            + "        for (String sku : some) {\n            bySku.put(sku, fetch(sku));\n            all.add(sku);\n"))
        .contains("all"));
    // last: its project HashMap stays in the test's folder, where the cases above are planned
    String ownHashMap = """
        package shop;

        public class HashMap<K, V> extends java.util.HashMap<K, V> {
        }
        """;
    MigrationPlan own = new MigrationFixture(dir.resolve("own")).java(before.replace("import java.util.HashMap;\n", ""))
        .java(ownHashMap).config(loopsOnly()).plan();
    assertEquals(List.of(), own.loops(), own.refusals().toString());
  }

  /**
   * Review 76's reasons that were not true of the code they named: a ConcurrentHashMap (or a reassigned map) the method
   * made was "not a local map the method made", {@code String old = m.put(..)} and {@code putIfAbsent} were "neither
   * kept nor put in a local map", a key {@code "x" + 1} was said to run code before the call (it is now rewritten: the
   * key is a value), and a local map's {@code keySet()} was "a class optkit cannot find".
   */
  @Test
  void aMapsRefusalReasonsSayWhatHolds() {
    String before = quotesPutInAMap();
    String concurrent = refusal(before.replace("new HashMap<>()", "new java.util.concurrent.ConcurrentHashMap<>()"));
    assertTrue(concurrent.contains("puts its answer in bySku, a ConcurrentHashMap"), concurrent);
    String reassigned = refusal(before.replace("        return new ArrayList<>(bySku.values());",
        "        bySku = new HashMap<>();\n        return new ArrayList<>(bySku.values());"));
    assertTrue(reassigned.contains("which the method assigns again"), reassigned);
    String old = refusal(before.replace("bySku.put(sku, fetch(sku));", "String old = bySku.put(sku, fetch(sku));"));
    assertTrue(old.contains("hands its call's answer to bySku.put(..) and uses what put answers"), old);
    String absent = refusal(before.replace("bySku.put(sku, fetch(sku));", "bySku.putIfAbsent(sku, fetch(sku));"));
    assertTrue(absent.contains("hands its call's answer to bySku.putIfAbsent(..)"), absent);
    String keys = refusal(before.replace("for (String sku : skus) {", "bySku.put(\"a\", \"\");\n        for (String sku : "
        + "bySku.keySet()) {"));
    assertTrue(keys.contains("what bySku (Map<String,String>, java.util's) answers: a view or a copy"), keys);
    MigrationPlan literalKey = new MigrationFixture(dir.resolve("literal-key"))
        .java(before.replace("bySku.put(sku, fetch(sku));", "bySku.put(\"x\" + 1, fetch(sku));")).config(loopsOnly()).plan();
    assertEquals(1, literalKey.loops().size(), literalKey.refusals().toString());
  }

  /**
   * Hostile review 70's c07b: in an enum the pool field went before the constants, and the loop was refused because
   * "the rewritten file would not parse". The field now stands after the semicolon ending the constants (a comment
   * holding one between them is skipped); the enum compiles and answers as the original, element for element.
   */
  @Test
  void aLoopInAnEnumGetsItsPoolAfterTheConstants() throws Exception {
    String before = QUOTES_BEFORE.replace("public class Quotes {", "public enum Quotes {\n    LIVE, // ends here; not\n"
            + "    BACKUP /* ; */;\n")
        .replace("    private final String baseUrl;\n\n    public Quotes(String baseUrl) {\n        this.baseUrl = baseUrl;\n"
            + "    }\n\n", "")
        .replace("quoteAll(List<String> skus)", "quoteAll(String baseUrl, List<String> skus)")
        .replace("fetch(sku);", "fetch(baseUrl, sku);").replace("String fetch(String sku)", "String fetch(String baseUrl, String sku)");
    MigrationFixture fixture = new MigrationFixture(dir).java(before).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Quotes.java");
    assertTrue(after.contains("    BACKUP /* ; */;\n\n    // optkit migrate: the threads this class's rewritten loops"), after);
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    for (List<String> input : List.of(List.of("a", "b", "c", "d", "e"), List.of("a", "missing-1", "b", "broken-2"))) {
      assertEquals(runEnum(original, prices.base(), input), runEnum(migrated, prices.base(), input), "answers for " + input);
    }
  }

  private static String runEnum(Path classes, String base, List<String> skus) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        BlockingCallsInLoopRewriteTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Quotes");
      Object live = type.getMethod("valueOf", String.class).invoke(null, "LIVE");
      try {
        return String.valueOf(type.getMethod("quoteAll", String.class, List.class).invoke(live, base, new ArrayList<>(skus)));
      } catch (InvocationTargetException e) {
        return e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
      }
    }
  }

  // ---- refusals: each a thing running the call on a pool thread, ahead, would change ----------

  private String refusal(String source) {
    return refused(source).reason();
  }

  /** The loop refusal of {@code source}, which must be refused: its proof, and its words. */
  private Refusal refused(String source) {
    return refused(new MigrationFixture(dir), source);
  }

  @Test
  void aCallThatReadsAFieldThatChangesIsRefused() {
    Refusal refused = refused(QUOTES_BEFORE.replace("    private final String baseUrl;\n",
        "    private final String baseUrl;\n    private String currency = \"EUR\";\n\n"
            + "    public void setCurrency(String currency) {\n        this.currency = currency;\n    }\n")
        .replace("\"/prices/\" + sku)", "\"/prices/\" + sku + \"?currency=\" + currency)"));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("field currency"), refused.reason());
  }

  @Test
  void aCallThatUsesStateBoundToTheCallersThreadIsRefused() {
    Refusal refused = refused(QUOTES_BEFORE.replace("    private final String baseUrl;\n",
        "    private final String baseUrl;\n    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();\n")
        .replace("\"/prices/\" + sku)", "\"/prices/\" + sku + \"?tenant=\" + TENANT.get())"));
    // the index's per-user reader names the ThreadLocal's read before the loop's own reading of the source
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("reads TENANT"), refused.reason());
  }

  @Test
  void aCallOnAFieldNotSafeFromSeveralThreadsIsRefused() {
    Refusal refused = refused(QUOTES_BEFORE.replace("    private final String baseUrl;\n",
        "    private final String baseUrl;\n    private final java.text.SimpleDateFormat day = "
            + "new java.text.SimpleDateFormat(\"yyyy-MM-dd\");\n")
        .replace("\"/prices/\" + sku)", "\"/prices/\" + sku + \"?day=\" + day.format(new java.util.Date(0)))"));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("field day"), refused.reason());
  }

  @Test
  void aPrivateClientFieldSetOnlyWhileTheObjectIsMadeIsAsGoodAsFinalAndOneASetterChangesIsNot() {
    // WebbshopBackend2's @Autowired private RestTemplate restTemplate: set once, never again
    String notFinal = QUOTES_BEFORE.replace("    private final HttpClient http = HttpClient.newHttpClient();",
        "    private HttpClient http;")
        .replace("        this.baseUrl = baseUrl;\n",
            "        this.baseUrl = baseUrl;\n        this.http = HttpClient.newHttpClient();\n");
    MigrationPlan plan = new MigrationFixture(dir.resolve("set-once")).java(notFinal).config(loopsOnly()).plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    MigrationPlan setter = new MigrationFixture(dir.resolve("setter")).java(notFinal.replace("    String fetch(String sku) {",
        "    void use(HttpClient other) {\n        http = other;\n    }\n\n    String fetch(String sku) {"))
        .config(loopsOnly()).plan();
    assertEquals(List.of(), setter.loops());
    Refusal refused = setter.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .findFirst().orElseThrow();
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("field http"), refused.reason());
  }

  @Test
  void aWriteIsRefused() {
    Refusal refused = refused(QUOTES_BEFORE.replace(".GET().build();", ".POST(HttpRequest.BodyPublishers.noBody()).build();"));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
  }

  @Test
  void anotherWaitAfterTheCallIsRefused() {
    Refusal refused = refused(QUOTES_BEFORE.replace("            quotes.add(sku + \"=\" + price);\n",
        "            quotes.add(sku + \"=\" + price + \"/\" + fetch(sku + \"-tax\"));\n"));
    assertEquals(Proof.LOOP_OTHER_IO, refused.proof(), refused.reason());
  }

  @Test
  void aLocalTheCallCapturesThatIsAssignedAgainIsRefused() {
    Refusal refused = refused(QUOTES_BEFORE.replace("            String price = fetch(sku);\n",
        "            String key = sku.trim();\n            key = key.toUpperCase();\n"
            + "            String price = fetch(key);\n"));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
  }

  @Test
  void aLoopHoldingALockIsRefused() {
    // the pool thread's synchronized fetch() would wait for the loop's monitor, held while the loop waits for it
    Refusal refused = refused(QUOTES_BEFORE.replace("public List<String> quoteAll(", "public synchronized List<String> quoteAll(")
        .replace("    String fetch(String sku) {", "    synchronized String fetch(String sku) {"));
    assertEquals(Proof.LOOP_HOLDS_LOCK, refused.proof(), refused.reason());
  }

  @Test
  void aLoopThatMayStopAtAnAnswerIsRefused() {
    Refusal refused = refused(QUOTES_BEFORE.replace("            quotes.add(sku + \"=\" + price);\n",
        "            if (price.isEmpty()) {\n                break;\n            }\n"
            + "            quotes.add(sku + \"=\" + price);\n"));
    assertEquals(Proof.LOOP_EARLY_EXIT, refused.proof(), refused.reason());
  }

  @Test
  void aThreadLocalOfAnotherClassIsRefused() {
    // an InheritableThreadLocal too: a pool thread made by the first request keeps that request's tenant
    Refusal refused = refused(new MigrationFixture(dir).java("""
        package shop;

        public class Ctx {
            public static final InheritableThreadLocal<String> TENANT = new InheritableThreadLocal<>();
        }
        """), QUOTES_BEFORE.replace("\"/prices/\" + sku)", "\"/prices/\" + sku + \"?tenant=\" + Ctx.TENANT.get())"));
    // the index's per-user reader names the read first (ThreadBoundState)
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("Ctx.TENANT"), refused.reason());
  }

  @Test
  void stateTheCallReadsThatTheLoopsThreadCanChangeIsRefused() {
    // a public field of an object a final field holds
    Refusal refused = refused(new MigrationFixture(dir).java("""
        package shop;

        public class Config {
            public String region = "eu";
        }
        """), QUOTES_BEFORE.replace("    private final String baseUrl;\n", "    private final String baseUrl;\n"
            + "    private final Config config = new Config();\n")
        .replace("\"/prices/\" + sku)", "\"/prices/\" + sku + \"?region=\" + config.region)"));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("config.region"), refused.reason());
    // an element of a final array
    refused = refused(QUOTES_BEFORE.replace("    private final String baseUrl;\n", "    private final String baseUrl;\n"
        + "    private final String[] region = {\"eu\"};\n")
        .replace("\"/prices/\" + sku)", "\"/prices/\" + sku + \"?region=\" + region[0])"));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("region[0]"), refused.reason());
    // a field a subclass may write (protected, not final)
    refused = refused(QUOTES_BEFORE.replace("    private final String baseUrl;\n", "    private final String baseUrl;\n"
        + "    protected String region = \"eu\";\n")
        .replace("\"/prices/\" + sku)", "\"/prices/\" + sku + \"?region=\" + region)"));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("field region"), refused.reason());
  }

  @Test
  void aCallHandedAnObjectThatCanChangeIsRefusedAndAnImmutableOneIsNot() {
    Refusal refused = refused(QUOTES_BEFORE.replace("List<String> quoteAll(List<String> skus)",
            "List<String> quoteAll(List<String> skus, StringBuilder prefix)")
        .replace("String price = fetch(sku);", "String price = fetch(prefix + sku);")
        .replace("quotes.add(sku + \"=\" + price);", "quotes.add(sku + \"=\" + price);\n            prefix.append('x');"));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("reads prefix"), refused.reason());
    // a final class of final immutable fields cannot change: handed to the pool, it is rewritten
    MigrationPlan plan = new MigrationFixture(dir).java("""
        package shop;

        public final class Sku {
            private final String code;

            public Sku(String code) {
                this.code = code;
            }

            public String code() {
                return code;
            }
        }
        """).java(QUOTES_BEFORE.replace("List<String> quoteAll(List<String> skus)", "List<String> quoteAll(List<Sku> skus)")
        .replace("for (String sku : skus)", "for (Sku sku : skus)").replace("fetch(sku);", "fetch(sku.code());"))
        .config(loopsOnly()).plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
  }

  /** apollo's Env, reduced: not final, but no one can extend it; its one field is final and a String. */
  private static final String ENV = """
      package shop;

      public class Env {
          public static final Env DEV = new Env("DEV");
          private static final java.util.Map<String, Env> KNOWN = new java.util.HashMap<>();
          private final String name;

          private Env(String name) {
              this.name = name;
          }

          public String getName() {
              return name;
          }
      }
      """;

  private static final String QUOTES_BY_ENV = QUOTES_BEFORE
      .replace("List<String> quoteAll(List<String> skus)", "List<String> quoteAll(List<Env> skus)")
      .replace("for (String sku : skus)", "for (Env sku : skus)").replace("fetch(sku);", "fetch(sku.getName());")
      .replace("quotes.add(sku + \"=\" + price);", "quotes.add(sku.getName() + \"=\" + price);");

  @Test
  void aClassNoOneCanExtendWithOnlyFinalImmutableFieldsCannotChangeAndOneWithASetterCan() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("closed")).java(ENV).java(QUOTES_BY_ENV)
        .config(loopsOnly()).plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    // the same class with a field that is not final: another element's statements could change it
    String changeable = ENV.replace("private final String name;", "private String name;")
        .replace("    public String getName() {", "    public void rename(String name) {\n        this.name = name;\n    }\n\n"
            + "    public String getName() {");
    Refusal refused = refused(new MigrationFixture(dir.resolve("changeable")).java(changeable), QUOTES_BY_ENV);
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("reads sku (Env)"), refused.reason());
    // a public constructor and a subclass in the project that adds state: an element may be one of those
    String subclass = """
        package shop;

        public class MutableEnv extends Env {
            private int uses;

            public MutableEnv() {
                super("X");
            }
        }
        """;
    assertEquals(Proof.LOOP_AHEAD_STATE, loopRefusal(new MigrationFixture(dir.resolve("open"))
        .java(ENV.replace("private Env(", "public Env(")).java(subclass), QUOTES_BY_ENV));
    // or an anonymous one
    assertEquals(Proof.LOOP_AHEAD_STATE, loopRefusal(new MigrationFixture(dir.resolve("anonymous"))
        .java(ENV.replace("private Env(", "public Env(").replace("KNOWN = new java.util.HashMap<>();",
            "KNOWN = new java.util.HashMap<>();\n    static final Env ODD = new Env(\"ODD\") {\n        int uses;\n    };")),
        QUOTES_BY_ENV));
    // a public constructor alone: the project is what optkit reads, and no class of it extends Env (the registry every
    // proof asks, ImmutableTypes, decides so for caches and loops alike)
    MigrationPlan open = new MigrationFixture(dir.resolve("public")).java(ENV.replace("private Env(", "public Env("))
        .java(QUOTES_BY_ENV).config(loopsOnly()).plan();
    assertEquals(1, open.loops().size(), open.refusals().toString());
  }

  /**
   * A loop over java.awt.Point, which the file imports by name, beside a project record of the same simple name: the
   * element is the JDK's changeable point, not the record (hostile review 106's F2: each run read a point another
   * element's statements had moved).
   */
  @Test
  void anElementTypeIsTheOneItsFileImportsNotAProjectTypeOfTheSameName() {
    String record = """
        package geo;

        public record Point(int x, int y) {}
        """;
    String tiles = QUOTES_BEFORE.replace("import java.util.List;\n", "import java.util.List;\nimport java.awt.Point;\n")
        .replace("List<String> quoteAll(List<String> skus)", "List<String> quoteAll(List<Point> skus)")
        .replace("for (String sku : skus)", "for (Point sku : skus)").replace("fetch(sku);", "fetch(sku.x + \"/\" + sku.y);");
    assertEquals(Proof.LOOP_AHEAD_STATE, loopRefusal(new MigrationFixture(dir.resolve("awt")).java(record), tiles));
    // the project's record itself, imported by name: rewritten
    MigrationPlan own = new MigrationFixture(dir.resolve("record")).java(record)
        .java(tiles.replace("import java.awt.Point;", "import geo.Point;").replace("sku.x + \"/\" + sku.y", "sku.x() + \"/\" + sku.y()"))
        .config(loopsOnly()).plan();
    assertEquals(1, own.loops().size(), own.refusals().toString());
  }

  @Test
  void aCollectionAFieldMayHoldChangedAfterTheCallIsRefused() {
    // quoteAll(pending) from inside the class, and bump() changes pending: the elements taken ahead would be old
    Refusal refused = refused(QUOTES_BEFORE.replace("    private final String baseUrl;\n", "    private final String baseUrl;\n"
            + "    private final List<String> pending = new ArrayList<>();\n\n"
            + "    void bump(int i) {\n        pending.set(i, pending.get(i) + \"!\");\n    }\n")
        .replace("quotes.add(sku + \"=\" + price);", "quotes.add(sku + \"=\" + price);\n            bump(quotes.size());"));
    assertEquals(Proof.LOOP_COLLECTION, refused.proof(), refused.reason());
  }

  @Test
  void whatRunsOnlyOnTheCallersThreadIsRefused() {
    Refusal refused = refused(QUOTES_BEFORE.replace("\"/prices/\" + sku)",
        "\"/prices/\" + sku + \"?by=\" + Thread.currentThread().getName())"));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("Thread.currentThread()"), refused.reason());
    refused = refused(QUOTES_BEFORE.replace("        HttpRequest request =", "        System.out.println(sku);\n        HttpRequest request ="));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("System.out"), refused.reason());
    refused = refused(QUOTES_BEFORE.replace("    private final String baseUrl;\n", "    private final String baseUrl;\n"
            + "    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(\"quotes\");\n")
        .replace("        HttpRequest request =", "        LOG.info(sku);\n        HttpRequest request ="));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("LOG (Logger)"), refused.reason());
  }

  /**
   * A checked exception the call throws without declaring it (Lombok's @SneakyThrows, a Kotlin library,
   * a project's own "sneaky throw") came back from the pool wrapped in an IllegalStateException, and
   * @SneakyThrows was refused for it: it is thrown again as it was now, so both are rewritten, and the
   * rewritten loop fails with the original's IOException, type and message (the Java 8 test compiles the method too).
   */
  @Test
  void aCheckedExceptionThrownUndeclaredComesBackAsItWas() throws Exception {
    MigrationPlan lombok = new MigrationFixture(dir.resolve("lombok")).java(QUOTES_BEFORE.replace(
        "    String fetch(String sku) {", "    @lombok.SneakyThrows\n    String fetch(String sku) {")).config(loopsOnly()).plan();
    assertEquals(1, lombok.loops().size(), lombok.refusals().toString());
    String sneaky = QUOTES_BEFORE.replace("        } catch (IOException e) {\n            throw new UncheckedIOException(e);\n",
            "        } catch (IOException e) {\n            throw Quotes.<RuntimeException>sneaky(e);\n")
        .replace("    String fetch(String sku) {", "    @SuppressWarnings(\"unchecked\")\n"
            + "    static <E extends Throwable> E sneaky(Throwable failure) throws E {\n        throw (E) failure;\n    }\n\n"
            + "    String fetch(String sku) {");
    assertTrue(sneaky.contains("throw Quotes.<RuntimeException>sneaky(e);"), sneaky);
    for (String release : List.of("11", "17")) {
      MigrationFixture fixture = new MigrationFixture(dir.resolve("sneaky" + release)).java(sneaky).config(loopsOnly());
      MigrationPlan plan = fixture.plan();
      assertEquals(1, plan.loops().size(), plan.refusals().toString());
      Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()),
          release);
      Path migrated = fixture.compile(plan, release);
      String base = "http://127.0.0.1:1"; // nothing listens: every send fails with a ConnectException
      for (List<String> input : List.of(List.of("a"), List.of("a", "b", "c", "d", "e", "f"))) {
        String answer = run(original, base, input);
        assertTrue(answer.startsWith("java.net.ConnectException"), answer);
        assertEquals(answer, run(migrated, base, input), "answers for " + input + " on Java " + release);
      }
      String live = prices.base();
      List<String> mixed = List.of("a", "b", "missing-1", "c");
      assertEquals(run(original, live, mixed), run(migrated, live, mixed), "answers for " + mixed + " on Java " + release);
    }
  }

  @Test
  void aRequestWhoseVerbIsSetAfterItsBuilderIsMadeIsNotARead() {
    Refusal refused = refused(QUOTES_BEFORE.replace(
        "HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + \"/prices/\" + sku)).GET().build();",
        "HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + \"/prices/\" + sku)).GET();\n"
            + "        builder.DELETE();\n        HttpRequest request = builder.build();"));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
  }

  @Test
  void aThrowAfterTheCallIsRefusedAndAReturnInAnAnonymousClassIsNot() {
    Refusal refused = refused(QUOTES_BEFORE.replace("            quotes.add(sku + \"=\" + price);\n",
        "            if (price.isEmpty()) {\n                throw new IllegalStateException(sku);\n            }\n"
            + "            quotes.add(sku + \"=\" + price);\n"));
    assertEquals(Proof.LOOP_EARLY_EXIT, refused.proof(), refused.reason());
    MigrationPlan plan = new MigrationFixture(dir).java(QUOTES_BEFORE.replace("            quotes.add(sku + \"=\" + price);\n",
        "            java.util.function.Supplier<String> quote = new java.util.function.Supplier<String>() {\n"
            + "                @Override\n                public String get() {\n                    return sku + \"=\" + price;\n"
            + "                }\n            };\n            quotes.add(quote.get());\n"))
        .config(loopsOnly()).plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
  }

  @Test
  void aWideningAssignmentOfTheAnswerCompiles() throws Exception {
    // long size = size(sku): the int answer widens on assignment, which a Callable<Long> does not do by itself
    MigrationFixture fixture = new MigrationFixture(dir).java(QUOTES_BEFORE
        .replace("            String price = fetch(sku);\n            quotes.add(sku + \"=\" + price);\n",
            "            long size = size(sku);\n            quotes.add(sku + \"=\" + size);\n")
        .replace("    String fetch(String sku) {", "    int size(String sku) {\n        return fetch(sku).length();\n    }\n\n"
            + "    String fetch(String sku) {"))
        .config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertTrue(MigrationFixture.after(plan, "src/main/java/shop/Quotes.java")
        .contains("new FutureTask<Long>(() -> (long) size(nextSku))"));
    fixture.assertCompiles(plan);
  }

  /** The proof a loop's refusal rests on. */
  private static Proof loopRefusal(MigrationFixture fixture, String source) {
    MigrationPlan plan = fixture.java(source).config(loopsOnly()).plan();
    assertEquals(List.of(), plan.loops(), "must be refused:\n" + source);
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).map(Refusal::proof)
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  private Refusal refused(MigrationFixture fixture, String source) {
    MigrationPlan plan = fixture.java(source).config(loopsOnly()).plan();
    assertEquals(List.of(), plan.loops(), "must be refused:\n" + source);
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  /** The same loop for Java 8: HttpURLConnection, a checked IOException the loop's method declares. */
  static final String QUOTES_JAVA_8 = """
      package shop;

      import java.io.IOException;
      import java.io.InputStream;
      import java.net.HttpURLConnection;
      import java.net.URL;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.Scanner;

      public class Quotes {
          private final String baseUrl;

          public Quotes(String baseUrl) {
              this.baseUrl = baseUrl;
          }

          public List<String> quoteAll(List<String> skus) throws IOException {
              List<String> quotes = new ArrayList<>();
              for (String sku : skus) {
                  String price = fetch(sku);
                  quotes.add(sku + "=" + price);
              }
              return quotes;
          }

          String fetch(String sku) throws IOException {
              HttpURLConnection connection = (HttpURLConnection) new URL(baseUrl + "/prices/" + sku).openConnection();
              try {
                  if (connection.getResponseCode() != 200) {
                      throw new IOException(sku + " answered " + connection.getResponseCode());
                  }
                  try (InputStream in = connection.getInputStream(); Scanner text = new Scanner(in, "UTF-8")) {
                      return text.useDelimiter("\\\\A").next();
                  }
              } finally {
                  connection.disconnect();
              }
          }
      }
      """;

  @Test
  void theRewriteCompilesForJava8AndKeepsTheCallsCheckedException() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(QUOTES_JAVA_8).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Quotes.java");
    assertTrue(after.contains("if (cause instanceof IOException) {") && after.contains("throw (IOException) cause;")
        && after.contains("throw Quotes.rethrowAsIs(cause);") && after.contains("throw (E) failure;"), after);
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()), "8");
    Path migrated = fixture.compile(plan, "8");
    String base = prices.base();
    for (List<String> input : List.of(List.of("a", "b", "c", "d", "e", "f"), List.of("a", "missing-1", "broken-2"))) {
      assertEquals(run(original, base, input), run(migrated, base, input), "answers for " + input);
    }
  }

  /**
   * Hostile review 70's F1: a catch around the loop naming a checked type only the call throws compiles only
   * while the rewritten try may throw it: the held failure is thrown as that type first, then as it was. F2: a
   * method declaring {@code throws E}, E any Throwable, is refused (the call runs as a Callable).
   */
  @Test
  void aCatchAroundTheLoopStillCompilesAndAThrowableTypeVariableIsRefused() throws Exception {
    String caught = QUOTES_JAVA_8.replace("public List<String> quoteAll(List<String> skus) throws IOException {",
            "public List<String> quoteAll(List<String> skus) {")
        .replace("        return quotes;\n", "        return quotes;\n        } catch (IOException e) {\n"
            + "            throw new java.io.UncheckedIOException(\"quotes failed\", e);\n        }\n");
    caught = caught.replace("        List<String> quotes = new ArrayList<>();\n",
        "        try {\n        List<String> quotes = new ArrayList<>();\n");
    assertTrue(caught.contains("        try {\n        List<String> quotes") && caught.contains("catch (IOException e)"), caught);
    MigrationFixture fixture = new MigrationFixture(dir.resolve("caught")).java(caught).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()), "8");
    Path migrated = fixture.compile(plan, "8");
    String base = prices.base();
    for (List<String> input : List.of(List.of("a", "b", "c"), List.of("a", "missing-1", "broken-2"))) {
      assertEquals(run(original, base, input), run(migrated, base, input), "answers for " + input);
    }
    MigrationPlan typeVariable = new MigrationFixture(dir.resolve("typevar")).java(QUOTES_JAVA_8.replace(
        "public List<String> quoteAll(List<String> skus) throws IOException {",
        "public <E extends Throwable> List<String> quoteAll(List<String> skus) throws IOException, E {"))
        .config(loopsOnly()).plan();
    assertEquals(List.of(), typeVariable.loops());
    String reason = typeVariable.refusals().get(0).reason();
    assertEquals("quoteAll() declares 'throws E', which may be any Throwable: the call, run on the pool as a Callable, "
        + "may throw Exceptions only", reason);
  }
}
