package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * The loop's class can hold the static pool its calls would run on (a top-level or static class, no field of that
 * name), or holds the one an earlier migration made for them.
 */
final class PoolFieldProof implements PooledCallCheck {
  @Override
  public Proof proof() {
    return Proof.LOOP_POOL;
  }

  @Override
  public Optional<Reason> check(LoopContext context, LoopCandidate candidate) {
    return Reason.of(proof(), LoopCallPool.problem(candidate.owner()));
  }
}
