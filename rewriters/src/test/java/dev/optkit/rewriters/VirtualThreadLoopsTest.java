package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool of a blocking call per element on Java 21 and later: virtual threads where nothing on the
 * call's path can pin one, platform threads where a monitor may be held around I/O on Java 21 to 23.
 * The virtual form is compiled for Java 21 by a JDK 21+ and run there against a loopback HTTP server,
 * element for element against the original loop.
 */
class VirtualThreadLoopsTest {
  @TempDir Path dir;

  private LoopbackPrices prices;

  static final String MAIN = """
      package shop;

      import java.util.ArrayList;
      import java.util.Arrays;
      import java.util.List;

      public class QuotesMain {
          public static void main(String[] args) throws Exception {
              List<String> skus = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
              try {
                  System.out.println(new Quotes(args[0]).quoteAll(skus));
              } catch (RuntimeException e) {
                  System.out.println(e.getClass().getName() + ": " + e.getMessage());
              }
              for (java.lang.reflect.Field field : Quotes.class.getDeclaredFields()) {
                  if (field.getName().equals("LOOP_CALL_POOL")) {
                      field.setAccessible(true);
                      System.out.println("pool: " + field.get(null).getClass().getName());
                  }
              }
          }
      }
      """;

  @BeforeEach
  void startServer() throws Exception {
    prices = new LoopbackPrices();
  }

  @AfterEach
  void stopServer() {
    prices.close();
  }

  private static String pom(int release) {
    return "<project><modelVersion>4.0.0</modelVersion><groupId>shop</groupId><artifactId>quotes</artifactId>"
        + "<version>1</version><properties><maven.compiler.release>" + release
        + "</maven.compiler.release></properties></project>";
  }

  private MigrationFixture fixture(String source, int release) {
    return new MigrationFixture(dir).file("pom.xml", pom(release)).java(source).java(MAIN)
        .config(MigrationFixture.loopsOnly(new OptkitConfig.Loops(4)));
  }

  private MigrationPlan plan(String source, int release) {
    return fixture(source, release).plan();
  }

  private static String descriptions(MigrationPlan plan) {
    return String.join("\n", plan.changes().stream().flatMap(c -> c.descriptions().stream()).toList());
  }

  @Test
  void aModuleForJava21CallingTheJdkHttpClientRunsItsCallsOnVirtualThreads() throws Exception {
    MigrationFixture fixture = fixture(BlockingCallsInLoopRewriteTest.QUOTES_BEFORE, 21);
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Quotes.java");
    // the loop is the same code as on a platform pool; only the pool's field differs
    String expected = BlockingCallsInLoopRewriteTest.QUOTES_AFTER
        .replace("""
                // optkit migrate: the threads this class's rewritten loops run their calls on: up to 64, made when
                // needed and ended after 60 s idle; when all are busy, a call runs on the caller's thread, as it did before
                private static final ExecutorService LOOP_CALL_POOL = new ThreadPoolExecutor(0, 64, 60L, TimeUnit.SECONDS,
                        new SynchronousQueue<Runnable>(), task -> {
                            Thread thread = new Thread(task, "optkit-loop-calls");
                            thread.setDaemon(true);
                            return thread;
                        }, new ThreadPoolExecutor.CallerRunsPolicy());
            """, """
                // optkit migrate: the threads this class's rewritten loops run their calls on: a virtual thread per call;
                // each loop bounds its own calls at once
                private static final ExecutorService LOOP_CALL_POOL = Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("optkit-loop-calls-", 0).factory());
            """)
        .replace("import java.util.concurrent.ExecutorService;\n",
            "import java.util.concurrent.ExecutorService;\nimport java.util.concurrent.Executors;\n")
        .replace("import java.util.concurrent.SynchronousQueue;\nimport java.util.concurrent.ThreadPoolExecutor;\n"
            + "import java.util.concurrent.TimeUnit;\n", "");
    assertEquals(expected, after);
    assertTrue(descriptions(plan).contains("LOOP_CALL_POOL of Quotes: its calls run on virtual threads (Java 21)"),
        descriptions(plan));

    Path jdk = jdk21OrLater().orElse(null);
    assumeTrue(jdk != null, "no JDK 21 or later on this machine (set OPTKIT_JDK21_HOME)");
    Path original = fixture.compileWith(jdk, unchanged(plan), "21");
    Path migrated = fixture.compileWith(jdk, plan, "21");
    List<List<String>> inputs = List.of(
        List.of(),
        List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"),
        List.of("a", "b", "a", "c", "b"),
        List.of("a", "b", "missing-1", "c", "broken-2"),
        List.of("a", "bad sku", "broken-1", "c"));
    for (List<String> input : inputs) {
      assertEquals(run(jdk, original, input), run(jdk, migrated, input).replace(
          "\npool: java.util.concurrent.ThreadPerTaskExecutor", ""), "answers for " + input);
    }
    prices.inFlight.expectOverlap();
    String answer = run(jdk, migrated, List.of("a", "b", "c", "d", "e", "f", "g", "h"));
    assertTrue(answer.endsWith("pool: java.util.concurrent.ThreadPerTaskExecutor"), answer);
    int most = prices.inFlight.most();
    prices.inFlight.count();
    assertTrue(most > 1 && most <= 4, "calls in flight at once: " + most);
  }

  static final String QUOTES_SYNCHRONIZED = BlockingCallsInLoopRewriteTest.QUOTES_BEFORE
      .replace("    String fetch(String sku) {", "    synchronized String fetch(String sku) {");

  @Test
  void onJava21To23AMonitorOnTheCallsPathKeepsPlatformThreadsAndOn24ItDoesNot() {
    MigrationPlan java22 = plan(QUOTES_SYNCHRONIZED, 22);
    assertEquals(1, java22.loops().size(), java22.refusals().toString());
    String after = MigrationFixture.after(java22, "src/main/java/shop/Quotes.java");
    assertTrue(after.contains("new ThreadPoolExecutor(0, 64") && !after.contains("ofVirtual"), after);
    assertTrue(descriptions(java22).contains("LOOP_CALL_POOL of Quotes: its calls run on platform threads, at most 64 at "
        + "once: Quotes.fetch() holds a monitor (synchronized): on Java 21 to 23 a virtual thread blocked while it holds "
        + "a monitor keeps its carrier (JEP 491 lifts that in Java 24)"), descriptions(java22));

    MigrationPlan java24 = plan(QUOTES_SYNCHRONIZED, 24);
    assertTrue(MigrationFixture.after(java24, "src/main/java/shop/Quotes.java").contains("Thread.ofVirtual()"));
  }

  static final String QUOTES_REST_TEMPLATE = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;
      import org.springframework.web.client.RestTemplate;

      public class Quotes {
          private final RestTemplate rest = new RestTemplate();

          public List<String> quoteAll(List<String> skus) {
              List<String> quotes = new ArrayList<>();
              for (String sku : skus) {
                  String price = rest.getForObject("http://prices.internal/prices/{sku}", String.class, sku);
                  quotes.add(sku + "=" + price);
              }
              return quotes;
          }
      }
      """;

  @Test
  void aLibraryClientWhoseCodeIsNotReadKeepsPlatformThreadsOnJava21To23() {
    MigrationPlan java21 = plan(QUOTES_REST_TEMPLATE, 21);
    assertEquals(1, java21.loops().size(), java21.refusals().toString());
    assertTrue(MigrationFixture.after(java21, "src/main/java/shop/Quotes.java").contains("new ThreadPoolExecutor(0, 64"));
    assertTrue(descriptions(java21).contains("getForObject() is library code optkit does not read, which may hold a "
        + "monitor around its I/O"), descriptions(java21));
    MigrationPlan java25 = plan(QUOTES_REST_TEMPLATE, 25);
    assertTrue(MigrationFixture.after(java25, "src/main/java/shop/Quotes.java").contains("Thread.ofVirtual()"));
  }

  @Test
  void belowJava21TheCallsRunOnPlatformThreads() {
    MigrationPlan java17 = plan(BlockingCallsInLoopRewriteTest.QUOTES_BEFORE, 17);
    assertTrue(MigrationFixture.after(java17, "src/main/java/shop/Quotes.java").contains("new ThreadPoolExecutor(0, 64"));
    assertTrue(descriptions(java17).contains("the module compiles for Java 17, which has no virtual threads"),
        descriptions(java17));
  }

  private static MigrationPlan unchanged(MigrationPlan plan) {
    return new MigrationPlan(plan.root(), List.<FileChange>of(), List.of(), List.of(), List.of(), List.of());
  }

  /** What the loop answers (or throws) under the given JDK, and the pool's class when it has one. */
  private String run(Path jdk, Path classes, List<String> skus) throws Exception {
    String base = prices.base();
    List<String> command = new ArrayList<>(List.of(jdk.resolve("bin/java").toString(), "-cp", classes.toString(),
        "shop.QuotesMain", base));
    command.addAll(skus);
    Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(java.waitFor(60, TimeUnit.SECONDS), "the run did not end");
    assertEquals(0, java.exitValue(), output);
    return output;
  }

  /**
   * A JDK of release 21 or later: OPTKIT_JDK21_HOME, the running one, or the JDK 25 this kind of
   * machine ships. CI must have one (it fails there without).
   */
  static Optional<Path> jdk21OrLater() {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(System.getenv("OPTKIT_JDK21_HOME")).map(Path::of).ifPresent(candidates::add);
    if (Runtime.version().feature() >= 21) {
      candidates.add(Path.of(System.getProperty("java.home")));
    }
    candidates.add(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64"));
    Optional<Path> found = candidates.stream().filter(home -> Files.isExecutable(home.resolve("bin/javac"))).findFirst();
    if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("CI needs a JDK 21 or later for the virtual-thread loops: set OPTKIT_JDK21_HOME");
    }
    return found;
  }
}
