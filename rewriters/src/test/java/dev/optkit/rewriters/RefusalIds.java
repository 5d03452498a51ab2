package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.proof.Evidence;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.List;
import java.util.Optional;

/**
 * What tests ask of a refusal without reading its words: which proof refused a method (found by its class and name),
 * and the facts the refusal rests on. A method that is not refused fails the test, so a test that asserted a refusal
 * still fails if the method were cached.
 */
final class RefusalIds {
  private RefusalIds() {}

  /** The caching planner's rule, whose refusals name the method refused; the loop rewrites' is SequentialIoLoop. */
  private static final String LOOP_RULE = "SequentialIoLoop";

  /**
   * The refusal of {@code owner}'s (a simple class name, or null for any class) method {@code method} (a name), which
   * must be refused with {@code expected}; the refusal, for its facts.
   */
  static Refusal assertProof(Proof expected, MigrationPlan plan, String owner, String method) {
    Refusal refusal = refusal(plan, owner, method);
    assertEquals(expected, refusal.proof(), listing(plan));
    return refusal;
  }

  /** {@link #assertProof(Proof, MigrationPlan, String, String)} for the only method of that name, of any class. */
  static Refusal assertProof(Proof expected, MigrationPlan plan, String method) {
    return assertProof(expected, plan, null, method);
  }

  /** The refusal of that method, which must be refused. */
  static Refusal refusal(MigrationPlan plan, String owner, String method) {
    return plan.refusals().stream().filter(r -> names(r, owner, method)).findFirst()
        .orElseThrow(() -> new AssertionError((owner == null ? "" : owner + ".") + method + " not refused: "
            + listing(plan)));
  }

  /** The proof of that method's refusal, or empty when it is not refused (cached, or never proposed). */
  static Optional<Proof> proofOf(MigrationPlan plan, String owner, String method) {
    return plan.refusals().stream().filter(r -> names(r, owner, method)).map(Refusal::proof).findFirst();
  }

  /** The facts of that method's refusal ({@link #facts(Refusal)}), or none when it is not refused. */
  static List<String> factsOf(MigrationPlan plan, String owner, String method) {
    return plan.refusals().stream().filter(r -> names(r, owner, method)).findFirst().map(RefusalIds::facts)
        .orElse(List.of());
  }

  /**
   * The proof of the loop refusal, which there must be, of the method {@code method} (a name, or null for the plan's
   * first loop refusal).
   */
  static Proof loopProof(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals(LOOP_RULE))
        .filter(r -> method == null || r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::proof).findFirst()
        .orElseThrow(() -> new AssertionError("no loop refused" + (method == null ? "" : " in " + method) + ": "
            + listing(plan)));
  }

  /** The plan's first loop refusal's proof; there must be one. */
  static Proof loopProof(MigrationPlan plan) {
    return loopProof(plan, null);
  }

  /**
   * The proof of the refusal of that method, or, when migrate was never asked to cache it, of the reason assess gave
   * for not proposing it ({@code plan.notCacheable()}); one of them must exist.
   */
  static Proof refusedOrNotProposed(MigrationPlan plan, String owner, String method) {
    return plan.refusals().stream().filter(r -> names(r, owner, method)).map(Refusal::proof).findFirst()
        .or(() -> plan.notCacheable().stream()
            .filter(n -> owner == null ? n.method().contains("." + method + "(")
                : n.method().startsWith(owner + "." + method + "("))
            .map(n -> n.reason().proof()).findFirst())
        .orElseThrow(() -> new AssertionError(method + " neither refused nor explained: " + listing(plan)));
  }

  /** The facts a refusal rests on, each as its role and method: {@code writer shop.Rates.setRate}. */
  static List<String> facts(Refusal refusal) {
    return refusal.facts().stream().map(RefusalIds::fact).toList();
  }

  private static String fact(Evidence evidence) {
    return evidence.role().id() + " " + evidence.type() + "." + evidence.method();
  }

  /** Every refusal, and every read assess did not propose, with its proof id and words: a failed test's message. */
  static String listing(MigrationPlan plan) {
    return plan.refusals().stream().map(r -> r.finding().enclosingClass() + "." + r.finding().enclosingMethod() + " "
            + r.proof().id() + " " + facts(r) + ": " + r.reason()).toList()
        + " not proposed: " + plan.notCacheable().stream().map(n -> n.reason().proof().id() + " " + n.line()).toList()
        + " cached: " + plan.targets().stream().map(t -> t.method().fact().displayName()).toList();
  }

  private static boolean names(Refusal refusal, String owner, String method) {
    return refusal.finding().enclosingMethod().startsWith(method + "(")
        && (owner == null || refusal.finding().enclosingClass().equals(owner)
            || refusal.finding().enclosingClass().endsWith("." + owner));
  }
}
