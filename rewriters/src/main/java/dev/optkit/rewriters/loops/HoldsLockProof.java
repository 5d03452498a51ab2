package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * A loop that runs while its thread holds a monitor (the model's {@code LoopFact.inSynchronized}: a synchronized
 * method or block around it): a call on a pool thread that needs the same monitor would wait for the loop, which
 * waits for it.
 */
final class HoldsLockProof implements PooledCallCheck {
  @Override
  public Proof proof() {
    return Proof.LOOP_HOLDS_LOCK;
  }

  @Override
  public Optional<Reason> check(LoopContext context, LoopCandidate candidate) {
    return candidate.fact().inSynchronized() ? Reason.of(proof(), "it runs while holding a lock "
        + "(synchronized): a call on a pool thread that needs the same lock would wait for the loop, which would wait "
        + "for it") : Optional.empty();
  }
}
