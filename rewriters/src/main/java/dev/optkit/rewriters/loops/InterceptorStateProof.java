package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * No interceptor of the project's HTTP clients reads the caller's context (the request, the security context, state
 * bound to the thread), which a pool thread does not have.
 */
final class InterceptorStateProof implements PooledCallCheck {
  @Override
  public Proof proof() {
    return Proof.LOOP_INTERCEPTOR_STATE;
  }

  @Override
  public Optional<Reason> check(LoopContext context, LoopCandidate candidate) {
    return Reason.of(proof(), context.interceptorProblem().get());
  }
}
