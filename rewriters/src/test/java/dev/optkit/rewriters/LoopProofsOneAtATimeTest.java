package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.rewriters.loops.LoopCheck;
import dev.optkit.rewriters.loops.LoopChecks;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each proof of the loop registry asked alone of one loop, beside a control it holds for: the fixture is
 * BlockingCallsInLoopRewriteTest's quotes loop (a remote read per element, rewritten onto a pool), each case one edit.
 */
class LoopProofsOneAtATimeTest {
  @TempDir Path dir;

  private static final String QUOTES = BlockingCallsInLoopRewriteTest.QUOTES_BEFORE;
  private static final String LOOP_HEAD = "        for (String sku : skus) {\n";

  private static LoopCheck registered(Proof proof) {
    return LoopChecks.BEFORE_REWRITE.stream().filter(check -> check.proof() == proof).findFirst().orElseThrow();
  }

  private Optional<String> asked(Proof proof, String source, String... more) {
    MigrationFixture project = new MigrationFixture(dir.resolve(proof.name() + source.hashCode())).java(source);
    for (String other : more) {
      project.java(other);
    }
    return OneLoopCheck.refusalId(project, registered(proof));
  }

  private static String edited(String from, String to) {
    String edited = QUOTES.replace(from, to);
    org.junit.jupiter.api.Assertions.assertNotEquals(QUOTES, edited);
    return edited;
  }

  @Test
  void aLoopReadingTheClockIsRefusedAndOneThatDoesNotIsNot() {
    assertEquals(Optional.empty(), asked(Proof.LOOP_CLOCK, QUOTES));
    String clocked = edited("            quotes.add(sku + \"=\" + price);\n",
        "            quotes.add(sku + \"=\" + price + \"@\" + System.currentTimeMillis());\n");
    assertEquals(Optional.of("loop.clock"), asked(Proof.LOOP_CLOCK, clocked));
  }

  /** The pool is a static field named LOOP_CALL_POOL: a class with a field of that name of its own cannot hold it. */
  @Test
  void aClassWithAFieldOfThePoolsNameIsRefusedAndAnotherIsNot() {
    assertEquals(Optional.empty(), asked(Proof.LOOP_POOL, QUOTES));
    String named = edited("    private final String baseUrl;\n",
        "    private final String baseUrl;\n    private static final Object LOOP_CALL_POOL = new Object();\n");
    assertEquals(Optional.of("loop.pool"), asked(Proof.LOOP_POOL, named));
  }

  /** Read from the model's fact of the loop (a synchronized method around it), not from the finding's words. */
  @Test
  void aLoopHoldingALockIsRefusedAndOneThatHoldsNoneIsNot() {
    assertEquals(Optional.empty(), asked(Proof.LOOP_HOLDS_LOCK, QUOTES));
    String method = edited("    public List<String> quoteAll(", "    public synchronized List<String> quoteAll(");
    assertEquals(Optional.of("loop.holds-lock"), asked(Proof.LOOP_HOLDS_LOCK, method));
    String block = edited(LOOP_HEAD, "        synchronized (this) {\n" + LOOP_HEAD)
        .replace("        return quotes;\n", "        }\n        return quotes;\n");
    assertEquals(Optional.of("loop.holds-lock"), asked(Proof.LOOP_HOLDS_LOCK, block));
  }

  @Test
  void anInterceptorReadingTheCallersContextIsRefusedAndOneThatDoesNotIsNot() {
    String header = """
        package shop;

        import org.springframework.http.HttpRequest;
        import org.springframework.http.client.ClientHttpRequestExecution;
        import org.springframework.http.client.ClientHttpRequestInterceptor;
        import org.springframework.http.client.ClientHttpResponse;
        import org.springframework.security.core.context.SecurityContextHolder;

        public class UserHeader implements ClientHttpRequestInterceptor {
            @Override
            public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                    throws java.io.IOException {
                request.getHeaders().add("X-User", %s);
                return execution.execute(request, body);
            }
        }
        """;
    assertEquals(Optional.empty(), asked(Proof.LOOP_INTERCEPTOR_STATE, QUOTES, header.formatted("\"optkit\"")));
    assertEquals(Optional.of("loop.interceptor-thread-state"), asked(Proof.LOOP_INTERCEPTOR_STATE, QUOTES,
        header.formatted("SecurityContextHolder.getContext().getAuthentication().getName()")));
  }

  /** Each rewrite names its locals from the method as it was: the second loop of a method waits for the next run. */
  @Test
  void aSecondLoopOfTheMethodIsRefusedItsRewrite() {
    String twice = edited("        return quotes;\n", """
                for (String sku : skus) {
                    String again = fetch(sku);
                    quotes.add(sku + "~" + again);
                }
                return quotes;
        """);
    MigrationPlan plan = new MigrationFixture(dir).java(twice).config(WiderLoopShapesTest.loopsOnly()).plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertEquals(List.of(Proof.ONE_PER_METHOD), plan.refusals().stream()
        .filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).map(r -> r.proof()).toList());
  }
}
