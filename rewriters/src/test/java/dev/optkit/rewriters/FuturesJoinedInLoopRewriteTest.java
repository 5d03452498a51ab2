package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Futures joined inside a loop: before and after text, the result compiled, and both versions run
 * against a real loopback HTTP server, element for element, with a missing element, a failing one and
 * an element whose start throws. Beside it, a refusal for each thing that would make starting ahead
 * change what the loop does.
 */
class FuturesJoinedInLoopRewriteTest {
  @TempDir Path dir;

  private HttpServer server;
  /** The calls in flight at once, each held 40 ms, or until another is in flight when an overlap is expected. */
  private final OverlapProbe inFlight = new OverlapProbe(40);
  private final List<String> requested = Collections.synchronizedList(new ArrayList<>());

  static final String PRICES_BEFORE = """
      package shop;

      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.LinkedHashMap;
      import java.util.List;
      import java.util.Map;
      import java.util.concurrent.CompletableFuture;
      import java.util.concurrent.CompletionException;

      public class Prices {
          private final HttpClient http = HttpClient.newHttpClient();
          private final String baseUrl;

          public Prices(String baseUrl) {
              this.baseUrl = baseUrl;
          }

          public Map<String, String> fetchAll(List<String> skus) {
              Map<String, String> prices = new LinkedHashMap<>();
              for (String sku : skus) {
                  HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/prices/" + sku))
                          .GET()
                          .build();
                  CompletableFuture<String> price = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                          .thenApply(response -> checked(sku, response));
                  try {
                      prices.put(sku, price.join());
                  } catch (CompletionException e) {
                      throw new IllegalStateException("no price for " + sku + ": " + e.getCause().getMessage());
                  }
              }
              return prices;
          }

          private static String checked(String sku, HttpResponse<String> response) {
              if (response.statusCode() != 200) {
                  throw new IllegalArgumentException(sku + " answered " + response.statusCode());
              }
              return response.body();
          }
      }
      """;

  static final String PRICES_AFTER = """
      package shop;

      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.ArrayDeque;
      import java.util.Deque;
      import java.util.Iterator;
      import java.util.LinkedHashMap;
      import java.util.LinkedList;
      import java.util.List;
      import java.util.Map;
      import java.util.concurrent.CompletableFuture;
      import java.util.concurrent.CompletionException;

      public class Prices {
          private final HttpClient http = HttpClient.newHttpClient();
          private final String baseUrl;

          public Prices(String baseUrl) {
              this.baseUrl = baseUrl;
          }

          public Map<String, String> fetchAll(List<String> skus) {
              Map<String, String> prices = new LinkedHashMap<>();
              // optkit migrate: up to 4 calls start ahead, in input order, and each is joined in its turn;
              // -Doptkit.loops.sequential=true starts one at a time again
              int inFlightLimit = Boolean.getBoolean("optkit.loops.sequential") ? 1 : 4;
              Deque<CompletableFuture<String>> started = new ArrayDeque<>();
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
                              HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/prices/" + nextSku))
                                      .GET()
                                      .build();
                              started.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                                      .thenApply(response -> checked(nextSku, response)));
                          } catch (Throwable thrown) {
                              // thrown in its own element's turn, after every earlier element was joined
                              startFailure = thrown;
                          }
                      }
                      if (started.isEmpty()) {
                          if (startFailure == null) {
                              break; // every element walked and taken
                          }
                          throw Prices.rethrowAsIs(startFailure); // as it was thrown, checked or not
                      }
                      String sku = walked.remove();
                      CompletableFuture<String> price = started.remove();
                      try {
                          prices.put(sku, price.join());
                      } catch (CompletionException e) {
                          throw new IllegalStateException("no price for " + sku + ": " + e.getCause().getMessage());
                      }
                  }
              } finally {
                  // a loop left early leaves no call it started ahead running for nothing
                  started.forEach(future -> future.cancel(true));
              }
              return prices;
          }

          private static String checked(String sku, HttpResponse<String> response) {
              if (response.statusCode() != 200) {
                  throw new IllegalArgumentException(sku + " answered " + response.statusCode());
              }
              return response.body();
          }

          // optkit migrate: a failure a rewritten loop's call threw, thrown again as it was: a checked
          // exception it throws without declaring it keeps its type instead of coming back wrapped
          @SuppressWarnings("unchecked")
          private static <E extends Throwable> RuntimeException rethrowAsIs(Throwable failure) throws E {
              throw (E) failure;
          }
      }
      """;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/prices/", exchange -> {
      String sku = exchange.getRequestURI().getPath().substring("/prices/".length());
      requested.add(sku);
      try {
        inFlight.hold();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      int status = sku.startsWith("missing") ? 404 : sku.startsWith("broken") ? 500 : 200;
      byte[] body = (sku.startsWith("missing") ? "" : "price-of-" + sku).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private OptkitConfig inFlight(int calls) {
    OptkitConfig defaults = OptkitConfig.defaults();
    return new OptkitConfig(defaults.include(), defaults.exclude(), defaults.includeTests(), defaults.rules(),
        defaults.cacheable(), defaults.analysis(), defaults.savings(), defaults.clients(), defaults.declaredClients(),
        defaults.cachePolicies(), new OptkitConfig.Loops(calls));
  }

  @Test
  void startsCallsAheadAndJoinsEachInItsTurnBeforeAndAfter() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(PRICES_BEFORE).config(inFlight(4));
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertEquals(PRICES_AFTER, MigrationFixture.after(plan, "src/main/java/shop/Prices.java"));
    fixture.assertCompiles(plan);
  }

  @Test
  void aRewrittenLoopIsNoLongerOneThatJoinsEachCallBeforeStartingTheNext() {
    MigrationPlan again = new MigrationFixture(dir).java(PRICES_AFTER).plan();
    assertEquals(List.of(), again.loops());
    assertEquals(List.of(), again.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).toList());
  }

  @Test
  void theRewrittenLoopAnswersAsTheOriginalElementForElementAndFailsAsIt() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(PRICES_BEFORE).config(inFlight(4));
    MigrationPlan plan = fixture.plan();
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    String base = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    List<List<String>> inputs = List.of(
        List.of(),
        List.of("a"),
        List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"),
        List.of("a", "b", "a", "c", "b"), // duplicates: the last answer of a key stays where the key came first
        List.of("a", "b", "missing-1", "c", "broken-2"), // the first failure in input order
        List.of("a", "bad sku", "broken-1", "c"), // a start that throws (no URI has a space) before a later failure
        List.of("broken-1", "bad sku"));
    for (List<String> input : inputs) {
      assertEquals(run(original, base, input), run(migrated, base, input), "answers for " + input);
    }
    // the same answers, with the calls overlapping: up to 4 at once
    inFlight.expectOverlap();
    run(migrated, base, List.of("a", "b", "c", "d", "e", "f", "g", "h"));
    int most = inFlight.most();
    assertTrue(most > 1 && most <= 4, "calls in flight at once: " + most);
    inFlight.count();
    run(original, base, List.of("a", "b", "c", "d"));
    assertEquals(1, inFlight.most(), "the original waits for each call");
  }

  @Test
  void theSwitchStartsOneCallAtATimeAgain() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(PRICES_BEFORE).config(inFlight(4));
    Path migrated = fixture.compile(fixture.plan());
    String base = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    System.setProperty("optkit.loops.sequential", "true");
    try {
      inFlight.count();
      assertEquals("{a=price-of-a, b=price-of-b, c=price-of-c}", run(migrated, base, List.of("a", "b", "c")));
      assertEquals(1, inFlight.most());
    } finally {
      System.clearProperty("optkit.loops.sequential");
    }
  }

  /** The loop's answer, or its exception's type and message: what a caller can tell apart. */
  private static String run(Path classes, String base, List<String> skus) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        FuturesJoinedInLoopRewriteTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Prices");
      Object prices = type.getConstructor(String.class).newInstance(base);
      Method fetchAll = type.getMethod("fetchAll", List.class);
      try {
        return String.valueOf(fetchAll.invoke(prices, new ArrayList<>(skus)));
      } catch (InvocationTargetException e) {
        return e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
      }
    }
  }

  // ---- refusals: each a change that starting ahead would reorder ----------------------------

  /** The sample with the statements before its try replaced by {@code startingStatements}, and {@code field} added. */
  private String refusal(String field, String startingStatements) {
    MigrationPlan plan = new MigrationFixture(dir).java(withStart(field, startingStatements)).plan();
    assertEquals(List.of(), plan.loops(), "must be refused:\n" + withStart(field, startingStatements));
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).map(Refusal::reason)
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  /** The prices loop with these statements starting each call, and this field declared. */
  private static String withStart(String field, String startingStatements) {
    String loopHead = "for (String sku : skus) {\n";
    int from = PRICES_BEFORE.indexOf(loopHead) + loopHead.length();
    int to = PRICES_BEFORE.indexOf("            try {", from);
    String replacement = startingStatements.stripIndent().lines().map(l -> "            " + l + "\n")
        .reduce("", String::concat);
    return (PRICES_BEFORE.substring(0, from) + replacement + PRICES_BEFORE.substring(to))
        .replace("    private final String baseUrl;\n", "    private final String baseUrl;\n" + field);
  }

  @Test
  void aStatementBeforeTheStartThatIsNoDeclarationIsRefused() {
    String reason = refusal("    private final java.util.List<String> log = new java.util.ArrayList<>();\n", """
                  log.add(sku);
                  CompletableFuture<String> price = http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/prices/" + sku)).build(),
                          HttpResponse.BodyHandlers.ofString()).thenApply(response -> checked(sku, response));
        """);
    assertEquals("the statement 'log.add(sku);' comes before the call: it would run ahead of the earlier elements' "
        + "statements after their joins", reason);
  }

  @Test
  void aFieldTheStartReadsThatItsClassChangesIsRefused() {
    // without the setter, a private field set only while its object is made is as good as final
    String reason = refusal("    private String region = \"eu\";\n\n    void moveTo(String next) {\n        region = next;\n    }\n", """
                  CompletableFuture<String> price = http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/" + region + "/" + sku)).build(),
                          HttpResponse.BodyHandlers.ofString()).thenApply(response -> checked(sku, response));
        """);
    assertTrue(reason.startsWith("the code that starts each call reads field region, which its class changes after "
        + "construction"), reason);
    String setOnce = withStart("    private String region = \"eu\";\n", """
                  CompletableFuture<String> price = http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/" + region + "/" + sku)).build(),
                          HttpResponse.BodyHandlers.ofString()).thenApply(response -> checked(sku, response));
        """);
    MigrationFixture fixture = new MigrationFixture(dir.resolve("set-once")).java(setOnce);
    assertEquals(1, fixture.plan().loops().size(), fixture.plan().refusals().toString());
  }

  @Test
  void aSharedObjectTheStartCallsIsRefused() {
    String reason = refusal("    private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();\n", """
                  String path = "/prices/" + sku + "?n=" + sent.incrementAndGet();
                  CompletableFuture<String> price = http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                          HttpResponse.BodyHandlers.ofString()).thenApply(response -> checked(sku, response));
        """);
    assertTrue(reason.startsWith("the code that starts each call uses field sent (AtomicLong), whose state"), reason);
  }

  @Test
  void aWriteStartedAheadIsRefused() {
    String reason = refusal("", """
                  CompletableFuture<String> price = http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/prices/" + sku))
                          .POST(HttpRequest.BodyPublishers.ofString("reserve")).build(),
                          HttpResponse.BodyHandlers.ofString()).thenApply(response -> checked(sku, response));
        """);
    assertTrue(reason.startsWith("the call it starts, java.net.http HttpClient sendAsync() (POST), is not a read"), reason);
  }

  @Test
  void aCheckedExceptionFromAStartIsHeldBackToItsTurnAndThrownAsItself() throws Exception {
    // new URI(...) throws URISyntaxException, which fetchAll declares
    String checked = PRICES_BEFORE.replace("URI.create(baseUrl + \"/prices/\" + sku)", "new URI(baseUrl + \"/prices/\" + sku)")
        .replace("public Map<String, String> fetchAll(List<String> skus) {",
            "public Map<String, String> fetchAll(List<String> skus) throws java.net.URISyntaxException {");
    MigrationFixture fixture = new MigrationFixture(dir).java(checked).config(inFlight(4));
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Prices.java");
    for (String line : List.of("Throwable startFailure = null;", "} catch (Throwable thrown) {",
        "if (startFailure instanceof java.net.URISyntaxException) {", "throw (java.net.URISyntaxException) startFailure;",
        "throw Prices.rethrowAsIs(startFailure); // as it was thrown, checked or not",
        "private static <E extends Throwable> RuntimeException rethrowAsIs(Throwable failure) throws E {")) {
      assertTrue(after.lines().anyMatch(l -> l.trim().equals(line)), line + " in:\n" + after);
    }
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    String base = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    for (List<String> input : List.of(List.of("a", "b", "c"), List.of("a", "bad sku", "broken-1"),
        List.of("broken-1", "bad sku"), List.of("a", "b", "c", "d", "e", "bad sku"))) {
      assertEquals(run(original, base, input), run(migrated, base, input), "answers for " + input);
    }
  }

  /**
   * A method declaring {@code throws E}, a type variable, was refused: a held failure was tested with
   * instanceof against the types the method declares, which cannot name E. Thrown again as it was, it
   * needs no test: rewritten, compiled and run as the original.
   */
  @Test
  void aMethodThrowingATypeVariableIsRewrittenAndFailsAsTheOriginal() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(PRICES_BEFORE.replace(
        "public Map<String, String> fetchAll(List<String> skus) {",
        "public <E extends Exception> Map<String, String> fetchAll(List<String> skus) throws E {"));
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    String base = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    for (List<String> input : List.of(List.of("a", "b", "c"), List.of("a", "bad sku", "broken-1"))) {
      assertEquals(run(original, base, input), run(migrated, base, input), "answers for " + input);
    }
  }

  @Test
  void aLaterStatementUsingAValueMadeBeforeTheStartIsRefused() {
    MigrationPlan plan = new MigrationFixture(dir).java(PRICES_BEFORE.replace(
        "prices.put(sku, price.join());", "prices.put(request.uri().toString(), price.join());")).plan();
    assertEquals(List.of(), plan.loops());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().equals(
        "the statements after the call use request, made before it for the same element")), plan.refusals().toString());
  }

  @Test
  void aCollectionThatIsNotAJavaUtilListOrSetIsRefused() {
    MigrationPlan plan = new MigrationFixture(dir).java(PRICES_BEFORE.replace(
        "public Map<String, String> fetchAll(List<String> skus) {",
        "public Map<String, String> fetchAll(Iterable<String> skus) {")).plan();
    assertEquals(List.of(), plan.loops());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().startsWith("it iterates skus, an Iterable<String>: the "
        + "rewrite reads its elements ahead of the loop's body")), plan.refusals().toString());
  }

  // found by a hostile review: what runs ahead may not read what the statements after a join change

  @Test
  void aProjectMethodReadingAFieldTheLoopChangesIsRefused() {
    String reason = refusal("    private int page;\n    public void nextPage() {\n        page += 10;\n    }\n    private String uri(String id) {\n        return baseUrl + \"/\" + id + \"?page=\" + page;\n    }\n", """
                  CompletableFuture<String> price = http.sendAsync(HttpRequest.newBuilder(URI.create(uri(sku))).build(),
                          HttpResponse.BodyHandlers.ofString()).thenApply(response -> checked(sku, response));
        """);
    assertTrue(reason.startsWith("the code that starts each call calls Prices.uri(), which reads field page"), reason);
  }

  @Test
  void aLibraryCallOnAnObjectTheMethodIsGivenIsRefused() {
    MigrationPlan plan = new MigrationFixture(dir).java(PRICES_BEFORE
        .replace("public Map<String, String> fetchAll(List<String> skus) {",
            "public Map<String, String> fetchAll(List<String> skus, java.util.concurrent.atomic.AtomicReference<String> token) {")
        .replace("URI.create(baseUrl + \"/prices/\" + sku)", "URI.create(baseUrl + \"/prices/\" + sku + token.get())")).plan();
    assertEquals(List.of(), plan.loops());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().startsWith("the code that starts each call reads token "
        + "(java.util.concurrent.atomic.AtomicReference<String>), whose objects whatever handed them in may change")),
        plan.refusals().toString());
  }

  @Test
  void aStaticFieldOfAnotherClassIsRefused() {
    String reason = refusal("", """
                  CompletableFuture<String> price = http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + System.lineSeparator().trim() + Holder.token + sku)).build(),
                          HttpResponse.BodyHandlers.ofString()).thenApply(response -> checked(sku, response));
        """);
    assertTrue(reason.startsWith("the code that starts each call reads Holder.token"), reason);
  }

  @Test
  void anExecutorInAFieldIsRefusedForTheQueueItCannotSee() {
    String reason = refusal("    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(1);\n", """
                  CompletableFuture<String> price = CompletableFuture.supplyAsync(() -> sku, pool)
                          .thenCompose(id -> http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/prices/" + id)).build(),
                                  HttpResponse.BodyHandlers.ofString())).thenApply(response -> checked(sku, response));
        """);
    assertTrue(reason.startsWith("the code that starts each call uses field pool (ExecutorService)"), reason);
  }

  @Test
  void aProjectTypeNamedLikeTheRewritesOwnIsNotShadowed() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(PRICES_BEFORE.replace("    private final String baseUrl;\n",
        "    private final String baseUrl;\n    private final Deque queue = new Deque();\n"))
        .java("package shop;\n\npublic class Deque {\n}\n").config(inFlight(4));
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Prices.java");
    assertTrue(after.contains("java.util.Deque<CompletableFuture<String>> started = new ArrayDeque<>();"), after);
    fixture.assertCompiles(plan);
  }
}
