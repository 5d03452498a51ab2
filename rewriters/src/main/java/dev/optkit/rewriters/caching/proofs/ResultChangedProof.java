package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * A caller changes the answer, which a cache shares between callers; said to hold only in view where that is why.
 */
public final class ResultChangedProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.RESULT_CHANGED;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    boolean bypassed = candidate.bypassed();
    Optional<String> mutated = context.sharing().mutatingCaller(candidate.method(), bypassed);
    return refusedWhen(mutated.isPresent() ? context.inViewOnly(candidate, bypassed, mutated,
        () -> context.sharing().mutatingCaller(candidate.method(), true)) : mutated);
  }
}
