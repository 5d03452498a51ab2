package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The shapes of blocking-call loops real code has most (issue 24's real-project report: 0 of 133
 * remote-call loops rewritten, each for its shape alone): the answer added straight to a local list,
 * or through a helper; the call inside a filter on the element; an array or a getter iterated; an
 * AWS SDK v2 client handed in. Each beside its near miss, which stays refused.
 */
class WiderLoopShapesTest {
  @TempDir Path dir;

  private static final String QUOTES = BlockingCallsInLoopRewriteTest.QUOTES_BEFORE;
  static final String LOOP = """
              for (String sku : skus) {
                  String price = fetch(sku);
                  quotes.add(sku + "=" + price);
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

  static OptkitConfig loopsOnly() {
    return MigrationFixture.loopsOnly(new OptkitConfig.Loops(4));
  }

  static String withLoop(String loop) {
    assertTrue(QUOTES.contains(LOOP));
    return QUOTES.replace(LOOP, loop);
  }

  private MigrationPlan plan(String source) {
    return new MigrationFixture(dir).java(source).config(loopsOnly()).plan();
  }

  /** The loop refusal of {@code source}, which must be refused: its proof, and its words. */
  private Refusal refusal(MigrationFixture fixture, String source) {
    MigrationPlan plan = fixture.java(source).config(loopsOnly()).plan();
    assertEquals(List.of(), plan.loops(), "must be refused:\n" + source);
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  private Refusal refusal(String source) {
    return refusal(new MigrationFixture(dir), source);
  }

  /** The rewritten loop's text: from the optkit comment to the finally's end. */
  private static String rewrittenLoop(MigrationPlan plan) {
    String after = MigrationFixture.after(plan, "src/main/java/shop/Quotes.java");
    int from = after.indexOf("        // optkit migrate: up to");
    int to = after.indexOf("        }\n", after.indexOf("future -> future.cancel(true)")) + "        }\n".length();
    assertTrue(from > 0 && to > from, after);
    return after.substring(from, to);
  }

  // ---- 1. results.add(client.call(x)) and results.add(f(client.call(x))) ----------------------

  @Test
  void anAnswerAddedStraightToALocalListIsTakenInItsTurnAndAddedAsBefore() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withLoop("""
                for (String sku : skus) {
                    quotes.add(fetch(sku));
                }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertEquals("""
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
                        String answer;
                        try {
                            answer = started.remove().get();
                        } catch (ExecutionException failedAhead) {
                            Throwable cause = failedAhead.getCause();
                            throw Quotes.rethrowAsIs(cause); // as it was thrown, checked or not
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                            throw new java.util.concurrent.CancellationException("interrupted while waiting for answer");
                        }
                        quotes.add(answer);
                    }
                } finally {
                    // a loop left early leaves no call it started ahead running for nothing
                    started.forEach(future -> future.cancel(true));
                }
        """, rewrittenLoop(plan));
    fixture.assertCompiles(plan);
  }

  @Test
  void anAnswerPassedThroughAHelperIsTakenWhereTheCallWas() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withLoop("""
                for (String sku : skus) {
                    quotes.add(label(fetch(sku).trim(), sku));
                }
        """).replace("    String fetch(String sku) {",
            "    private static String label(String price, String sku) {\n        return sku + \"=\" + price;\n    }\n\n"
                + "    String fetch(String sku) {")).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String loop = rewrittenLoop(plan);
    assertTrue(loop.contains("FutureTask<String> call = new FutureTask<String>(() -> fetch(nextSku));"), loop);
    assertTrue(loop.contains("                quotes.add(label(answer.trim(), sku));\n"), loop);
    fixture.assertCompiles(plan);
  }

  @Test
  void anAnswerJoinedToTheElementsTextIsTakenWhereTheCallWas() throws Exception {
    // sku + "=" runs before fetch(): text of a String the loop cannot change, which neither throws nor changes anything
    MigrationFixture fixture = new MigrationFixture(dir).java(withLoop("""
                for (String sku : skus) {
                    quotes.add(sku + "=" + fetch(sku));
                }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertTrue(rewrittenLoop(plan).contains("                quotes.add(sku + \"=\" + answer);\n"), rewrittenLoop(plan));
    fixture.assertCompiles(plan);
  }

  @Test
  void anAnswerAddedToAFieldsListIsRefused() {
    Refusal refused = refusal(withLoop("""
                for (String sku : skus) {
                    seen.add(fetch(sku));
                }
        """).replace("    private final String baseUrl;\n",
            "    private final String baseUrl;\n    private final List<String> seen = new ArrayList<>();\n"));
    assertEquals(Proof.LOOP_SHAPE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("answer to seen"), refused.reason());
  }

  @Test
  void aStatementThatRunsCodeBeforeTheCallIsRefused() {
    // prefix() runs before fetch() in the original: taking the answer first would reorder them
    Refusal refused = refusal(withLoop("""
                for (String sku : skus) {
                    quotes.add(prefix(sku).concat(fetch(sku)));
                }
        """).replace("    String fetch(String sku) {",
            "    String prefix(String sku) {\n        return sku + \"=\";\n    }\n\n    String fetch(String sku) {"));
    assertEquals(Proof.LOOP_SHAPE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("prefix(sku)"), refused.reason());
  }

  @Test
  void anOptionalOfAnImmutableValueHandedToTheCallIsUnchangeableAndOneOfAMutableValueIsNot() {
    // shopizer's files.add(getFile(store, folderPath, type, name)), folderPath an Optional<String>
    String source = withLoop("""
                for (String sku : skus) {
                    quotes.add(fetch(sku, suffix));
                }
        """).replace("quoteAll(List<String> skus)", "quoteAll(List<String> skus, java.util.Optional<String> suffix)")
        .replace("    String fetch(String sku) {",
            "    String fetch(String sku, java.util.Optional<String> suffix) {\n        return fetch(sku + suffix.orElse(\"\"));\n"
                + "    }\n\n    String fetch(String sku) {");
    MigrationPlan plan = plan(source);
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    Refusal refused = refusal(new MigrationFixture(dir.resolve("mutable")),
        source.replace("java.util.Optional<String>", "java.util.Optional<StringBuilder>"));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("reads suffix (java.util.Optional<StringBuilder>)"), refused.reason());
  }

  // ---- 2. the call inside if (filter(x)) -------------------------------------------------------

  @Test
  void aCallInsideAFilterOnTheElementIsStartedOnlyForTheElementsThatPass() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withLoop("""
                for (String sku : skus) {
                    if (!sku.isEmpty()) {
                        String price = fetch(sku);
                        quotes.add(sku + "=" + price);
                    }
                }
        """)).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertEquals("""
                // optkit migrate: up to 4 calls run ahead on LOOP_CALL_POOL, in input order, and each answer is taken in its turn;
                // -Doptkit.loops.sequential=true starts one at a time again
                int inFlightLimit = Boolean.getBoolean("optkit.loops.sequential") ? 1 : 4;
                Deque<Future<String>> started = new ArrayDeque<>();
                Iterator<? extends String> toStart = skus.iterator();
                Deque<String> walked = new LinkedList<>();
                // the mark of an element its filter leaves out: no call is started for it
                FutureTask<String> skipped = new FutureTask<String>(() -> null);
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
                                if (!nextSku.isEmpty()) {
                                    FutureTask<String> call = new FutureTask<String>(() -> fetch(nextSku));
                                    started.add(call);
                                    if (inFlightLimit == 1) {
                                        call.run(); // one at a time: on this thread, as before
                                    } else {
                                        LOOP_CALL_POOL.execute(call);
                                    }
                                } else {
                                    started.add(skipped);
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
                        Future<String> taken = started.remove();
                        if (taken != skipped) {
                            String price;
                            try {
                                price = taken.get();
                            } catch (ExecutionException failedAhead) {
                                Throwable cause = failedAhead.getCause();
                                throw Quotes.rethrowAsIs(cause); // as it was thrown, checked or not
                            } catch (InterruptedException interrupted) {
                                Thread.currentThread().interrupt();
                                throw new java.util.concurrent.CancellationException("interrupted while waiting for price");
                            }
                            quotes.add(sku + "=" + price);
                        }
                    }
                } finally {
                    // a loop left early leaves no call it started ahead running for nothing
                    started.forEach(future -> future.cancel(true));
                }
        """, rewrittenLoop(plan));
    fixture.assertCompiles(plan);
  }

  @Test
  void aFilterThatReadsWhatTheLoopChangesIsRefused() {
    Refusal refused = refusal(withLoop("""
                int taken = 0;
                for (String sku : skus) {
                    if (taken < 3) {
                        String price = fetch(sku);
                        quotes.add(sku + "=" + price);
                        taken++;
                    }
                }
        """));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("reads taken"), refused.reason());
  }

  @Test
  void aFilterThatReadsTheListTheLoopFillsIsRefused() {
    Refusal refused = refusal(withLoop("""
                for (String sku : skus) {
                    if (quotes.size() < 3) {
                        String price = fetch(sku);
                        quotes.add(sku + "=" + price);
                    }
                }
        """));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("reads quotes (List<String>)"), refused.reason());
  }

  @Test
  void aCommentBetweenTheLoopAndItsFilterIsKeptByRefusingTheRewrite() {
    // the filter's lines are written anew: a comment beside them would be lost
    Refusal refused = refusal(withLoop("""
                for (String sku : skus) {
                    // only the skus we sell
                    if (!sku.isEmpty()) {
                        String price = fetch(sku);
                        quotes.add(sku + "=" + price);
                    }
                }
        """));
    assertEquals(Proof.LOOP_SHAPE, refused.proof(), refused.reason());
  }

  @Test
  void aFilterThatWaitsOnIoIsRefused() {
    Refusal refused = refusal(withLoop("""
                for (String sku : skus) {
                    if (!fetch(sku + "-stock").isEmpty()) {
                        String price = fetch(sku);
                        quotes.add(sku + "=" + price);
                    }
                }
        """));
    assertEquals(Proof.LOOP_OTHER_IO, refused.proof(), refused.reason());
  }

  // ---- 3. an array, a getter of a parameter ----------------------------------------------------

  @Test
  void anArrayParameterIsWalkedOnceThroughItsListView() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(withLoop(LOOP)
        .replace("quoteAll(List<String> skus)", "quoteAll(String[] skus)")).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    // the list's rewrite, but for the one walk's iterator: Arrays.asList over the array
    assertEquals(BlockingCallsInLoopRewriteTest.QUOTES_AFTER.replace("quoteAll(List<String> skus)", "quoteAll(String[] skus)")
        .replace("import java.util.ArrayList;\n", "import java.util.ArrayList;\nimport java.util.Arrays;\n")
        .replace("toStart = skus.iterator();", "toStart = Arrays.asList(skus).iterator();"),
        MigrationFixture.after(plan, "src/main/java/shop/Quotes.java"));
    fixture.assertCompiles(plan);
  }

  @Test
  void anArrayTheLoopWritesIsRefused() {
    Refusal refused = refusal(withLoop("""
                for (String sku : skus) {
                    String price = fetch(sku);
                    quotes.add(sku + "=" + price);
                    skus[0] = price;
                }
        """).replace("quoteAll(List<String> skus)", "quoteAll(String[] skus)"));
    assertEquals(Proof.LOOP_COLLECTION, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("uses skus"), refused.reason());
  }

  private static final String ORDER = """
      package shop;

      import java.util.List;

      public class Order {
          private final List<String> skus;

          public Order(List<String> skus) {
              this.skus = skus;
          }

          public List<String> getSkus() {
              return skus;
          }
      }
      """;

  @Test
  void aGetterOfAParameterThatReturnsItsFieldIsIterated() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(ORDER).java(withLoop(LOOP.replace("skus)", "order.getSkus())"))
        .replace("quoteAll(List<String> skus)", "quoteAll(Order order)")).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    // the getter called once, as by the loop's header: the one walk is its list's
    assertEquals(BlockingCallsInLoopRewriteTest.QUOTES_AFTER.replace("quoteAll(List<String> skus)", "quoteAll(Order order)")
        .replace("toStart = skus.iterator();", "toStart = order.getSkus().iterator();")
        .replace("\"skus changed while the loop ran\"", "\"order.getSkus() changed while the loop ran\""),
        MigrationFixture.after(plan, "src/main/java/shop/Quotes.java"));
    fixture.assertCompiles(plan);
  }

  @Test
  void aGetterWhoseHolderTheLoopUsesIsRefused() {
    Refusal refused = refusal(new MigrationFixture(dir).java(ORDER), withLoop("""
                for (String sku : order.getSkus()) {
                    String price = fetch(sku);
                    quotes.add(sku + "=" + price);
                    order.getSkus().add(price);
                }
        """).replace("quoteAll(List<String> skus)", "quoteAll(Order order)"));
    assertEquals(Proof.LOOP_COLLECTION, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("uses order"), refused.reason());
  }

  // ---- 4. AWS SDK v2 service clients --------------------------------------------------------

  private static final String S3_KEYS = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;
      import software.amazon.awssdk.core.ResponseBytes;
      import software.amazon.awssdk.services.s3.S3Client;
      import software.amazon.awssdk.services.s3.model.GetObjectRequest;
      import software.amazon.awssdk.services.s3.model.GetObjectResponse;

      public class Downloads {
          public List<byte[]> download(S3Client s3, String bucket, List<String> keys) {
              List<byte[]> all = new ArrayList<>();
              for (String key : keys) {
                  GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(key).build();
                  ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(request);
                  all.add(bytes.asByteArray());
              }
              return all;
          }
      }
      """;

  @Test
  void anAwsServiceClientHandedInIsSafeFromSeveralThreads() {
    MigrationPlan plan = new MigrationFixture(dir).java(S3_KEYS).config(loopsOnly()).plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Downloads.java");
    assertTrue(after.contains("new FutureTask<ResponseBytes<GetObjectResponse>>(() -> s3.getObjectAsBytes(request))"),
        after);
    // in a final field too
    MigrationPlan field = new MigrationFixture(dir.resolve("field")).java(S3_KEYS.replace(
        "    public List<byte[]> download(S3Client s3, String bucket,",
        "    private final S3Client s3 = S3Client.create();\n\n    public List<byte[]> download(String bucket,"))
        .config(loopsOnly()).plan();
    assertEquals(1, field.loops().size(), field.refusals().toString());
  }

  @Test
  void aClientNamedLikeAnAwsOneButNotImportedFromTheSdkIsNotTakenForOne() {
    // the project's own S3Client: its calls are judged as the project's code, which reads a field that changes
    Refusal refused = refusal(new MigrationFixture(dir).java("""
        package shop;

        public class S3Client {
            private String region = "eu";

            public void moveTo(String region) {
                this.region = region;
            }

            public String fetch(String key) throws Exception {
                java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL("http://s3/" + region + "/" + key)
                    .openConnection();
                return new String(c.getInputStream().readAllBytes());
            }
        }
        """), """
        package shop;

        import java.util.ArrayList;
        import java.util.List;

        public class Downloads {
            public List<String> download(S3Client s3, List<String> keys) throws Exception {
                List<String> all = new ArrayList<>();
                for (String key : keys) {
                    String body = s3.fetch(key);
                    all.add(body);
                }
                return all;
            }
        }
        """);
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("S3Client.fetch() reads field region"), refused.reason());
  }

  @Test
  void anAwsServiceClientInAFieldASetterChangesIsRefused() {
    Refusal refused = refusal(S3_KEYS.replace("    public List<byte[]> download(S3Client s3, String bucket,",
            "    private S3Client s3;\n\n    public void use(S3Client other) {\n        s3 = other;\n    }\n\n"
                + "    public List<byte[]> download(String bucket,"));
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("field s3"), refused.reason());
  }

  // ---- compiled and run: the original and the rewrite against the same loopback server -------

  private static final String SHAPES = QUOTES.replace(LOOP, """
              for (String sku : skus) {
                  quotes.add(fetch(sku));
              }
      """).replace("    String fetch(String sku) {", """
          public List<String> labelled(List<String> skus) {
              List<String> quotes = new ArrayList<>();
              for (String sku : skus) {
                  quotes.add(label(fetch(sku).trim(), sku));
              }
              return quotes;
          }

          public List<String> filtered(List<String> skus) {
              List<String> quotes = new ArrayList<>();
              for (String sku : skus) {
                  if (!sku.startsWith("skip")) {
                      String price = fetch(sku);
                      quotes.add(sku + "=" + price);
                  }
              }
              return quotes;
          }

          public List<String> fromArray(String[] skus) {
              List<String> quotes = new ArrayList<>();
              for (String sku : skus) {
                  String price = fetch(sku);
                  quotes.add(sku + "=" + price);
              }
              return quotes;
          }

          private static String label(String price, String sku) {
              return sku + "=" + price;
          }

          String fetch(String sku) {""");

  @Test
  void eachNewShapeAnswersAsTheOriginalElementForElementAndFailsAsIt() throws Exception {
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
        List.of("skip-1", "skip-2", "skip-3", "skip-4", "skip-5", "skip-6"),
        List.of("a", "b", "missing-1", "c", "broken-2"), // the first failure in input order, its type and message
        List.of("a", "skip-broken-1", "broken-1", "bad sku"), // a filtered-out element is never fetched
        List.of("broken-1", "bad sku", "c"));
    for (String method : List.of("quoteAll", "labelled", "filtered", "fromArray")) {
      for (List<String> input : inputs) {
        assertEquals(run(original, base, method, input), run(migrated, base, method, input), method + " of " + input);
      }
    }
    prices.inFlight.expectOverlap();
    run(migrated, base, "filtered", List.of("a", "b", "skip", "c", "d", "e", "f", "g"));
    int most = prices.inFlight.most();
    prices.inFlight.count();
    assertTrue(most > 1 && most <= 4, "calls in flight at once: " + most);
  }

  private static String run(Path classes, String base, String method, List<String> skus) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        WiderLoopShapesTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Quotes");
      Object quotes = type.getConstructor(String.class).newInstance(base);
      boolean array = method.equals("fromArray");
      var call = type.getMethod(method, array ? String[].class : List.class);
      try {
        return String.valueOf(call.invoke(quotes, array ? (Object) skus.toArray(new String[0]) : new ArrayList<>(skus)));
      } catch (InvocationTargetException e) {
        return e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
      }
    }
  }
}
