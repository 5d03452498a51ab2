package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.rules.LoopClassification;
import java.util.Optional;

/**
 * One proof migrate asks of a loop before the rewrite of its shape runs, as the caching planner's proofs are one check
 * each: its metadata is the {@link Proof} it gives, its verdict the reason it does not hold. {@link LoopChecks} lists
 * them in the order they are asked.
 */
public interface LoopCheck {
  /** The proof whose id a refusal of this check carries. */
  Proof proof();

  /** Whether loops of this class are asked this proof (the pool's proofs only of loops whose calls go to a pool). */
  default boolean asks(LoopClassification classification) {
    return true;
  }

  /** Why rewriting the loop is refused, or empty when this proof holds for it. */
  Optional<Reason> check(LoopContext context, LoopCandidate candidate);
}
