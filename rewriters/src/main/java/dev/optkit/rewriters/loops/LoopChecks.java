package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Reason;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one place migrate's proofs of a loop are registered, in the order they are asked: the first that does not hold
 * is the refusal. Between the two lists the rewrite of the loop's shape runs ({@link LoopMigration}, one rewrite per
 * class of loop), with the proofs of that shape (where the call stands, which collection is walked, what would move).
 */
public final class LoopChecks {
  private LoopChecks() {}

  /** Asked of the loop as assess found it, before its shape's rewrite. */
  public static final List<LoopCheck> BEFORE_REWRITE = List.of(
      new ClockReadProof(),
      new PoolFieldProof(),
      new HoldsLockProof(),
      new InterceptorStateProof());

  /** Asked of the rewrite, beside the ones kept before it in its file. */
  public static final List<RewriteCheck> ONCE_REWRITTEN = List.of(
      new PartialRewriteProof(),
      new NestedRewriteProof(),
      new RethrowProof(),
      new OnePerMethodProof());

  /** The proofs of both lists, in the order they are asked. */
  public static List<dev.optkit.analyzers.proof.Proof> proofs() {
    return Stream.concat(BEFORE_REWRITE.stream().map(LoopCheck::proof), ONCE_REWRITTEN.stream().map(RewriteCheck::proof))
        .toList();
  }

  /** The reason of the first proof asked of the loop that does not hold, or empty when all hold. */
  static Optional<Reason> firstRefusal(LoopContext context, LoopCandidate candidate) {
    for (LoopCheck check : BEFORE_REWRITE) {
      if (check.asks(candidate.classification())) {
        Optional<Reason> refused = check.check(context, candidate);
        if (refused.isPresent()) {
          return refused;
        }
      }
    }
    return Optional.empty();
  }

  /** The reason of the first proof of the rewrite that does not hold, or empty when all hold. */
  static Optional<Reason> firstRefusal(LoopContext context, RewrittenLoop rewritten, FileRewrites file) {
    for (RewriteCheck check : ONCE_REWRITTEN) {
      Optional<Reason> refused = check.check(context, rewritten, file);
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }
}
