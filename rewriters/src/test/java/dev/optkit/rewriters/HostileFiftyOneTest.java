package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile review 51 (2026-11-27) of stream pipelines read as loops: a {@code toList()} or {@code Collectors} that
 * is not java.util.stream's (the class's own method, another static import, a member its superclass declares) was
 * taken for it, and an unmodifiable list became an ArrayList (U1, reduced to {@code src/test/resources/hostile51/});
 * a call reading its tenant from MDC through a qualified name ran on the pool (U3); a pool rewrite's refusal said a
 * cache would serve one user's answer to another (W1).
 */
class HostileFiftyOneTest {
  @TempDir Path dir;

  private String refusal(MigrationPlan plan) {
    assertEquals(List.of(), plan.loops(), "must be refused");
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).map(Refusal::reason)
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  @Test
  void aToListOrCollectorsThatIsNotJavaUtilStreamsIsNotReadAsItsCollector() {
    for (String project : List.of("a1", "a2", "a3", "a4")) {
      MigrationPlan plan = new MigrationFixture(dir.resolve(project)).resources("/hostile51/base")
          .resources("/hostile51/" + project).plan();
      String reason = refusal(plan);
      assertTrue(reason.startsWith("optkit reads a stream pipeline as a loop only in the forms"), project + ": " + reason);
    }
  }

  @Test
  void aCallReadingMdcThroughItsQualifiedNameDoesNotRunOnThePool() {
    MigrationPlan plan = new MigrationFixture(dir).java(StreamPipelineLoopsTest.withMethod("""
            public List<String> quoteAll(List<String> skus) {
                return skus.stream().map(this::fetchTenant).collect(Collectors.toList());
            }

            String fetchTenant(String sku) {
                return fetch(org.slf4j.MDC.get("tenant") + "-" + sku);
            }
        """)).config(WiderLoopShapesTest.loopsOnly()).plan();
    String reason = refusal(plan);
    // the index's per-user reader names the read before the loop's own reading of the source (ThreadBoundState)
    assertTrue(reason.contains("Quotes.fetchTenant() reads the caller's own context (reads MDC.get(), state bound to the "
        + "calling thread)"), reason);
  }

  @Test
  void aPoolRefusalForTheCallersContextSaysWhatThePoolThreadLacks() {
    MigrationPlan plan = new MigrationFixture(dir).java(StreamPipelineLoopsTest.withMethod("""
            public List<String> quoteAll(List<String> skus) {
                return skus.stream().map(this::fetchForUser).collect(Collectors.toList());
            }

            String fetchForUser(String sku) {
                String user = org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication().getName();
                return fetch(user + "-" + sku);
            }
        """)).config(WiderLoopShapesTest.loopsOnly()).plan();
    String reason = refusal(plan);
    assertTrue(reason.contains("which a pool thread does not carry"), reason);
    assertTrue(!reason.contains("a cache keyed by its parameters"), reason);
  }
}
