package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Evidence;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.List;
import java.util.Optional;

/**
 * An existing cache above is decisive whatever the callers do: the one level there is (audit 13's s15, whose chain
 * of callers through that cache named a change made to new objects mapped from the result).
 */
public final class CachedCallerProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.CACHED_CALLER;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return context.whole().cachedCaller(candidate.method()).flatMap(above -> refused("called by "
        + above.fact().displayName() + "(), which is already cached: one cache level per data, so the two never "
        + "disagree and their TTLs do not add up")
        .map(reason -> reason.resting(List.of(MethodEvidence.of(Evidence.Role.CACHED_ABOVE, above)))));
  }
}
