package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.rewriters.caching.writers.SecondLevelCaches;
import java.util.Optional;

/** A cache the project already has (a library's) answers its queries: nothing to gain, whatever else holds. */
public final class CachedBelowProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.CACHED_BELOW;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return refusedWhen(SecondLevelCaches.whyCachedAlready(context.index(), candidate.method()));
  }
}
