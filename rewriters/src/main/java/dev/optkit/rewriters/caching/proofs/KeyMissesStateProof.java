package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** It depends on state a key over its parameters misses, or changes shared state a hit would skip. */
public final class KeyMissesStateProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.KEY_MISSES_STATE;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return refusedWhen(context.keyCoverage().whyNot(candidate.method()));
  }
}
