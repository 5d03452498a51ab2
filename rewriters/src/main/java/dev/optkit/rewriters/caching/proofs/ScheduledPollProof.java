package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.rewriters.caching.keys.ScheduledPolls;
import java.util.Optional;

/**
 * A scheduled job polls through it: a cache would answer later runs with what an earlier run saw, for the chosen
 * policy's TTL.
 */
public final class ScheduledPollProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.SCHEDULED_POLL;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return refusedWhen(ScheduledPolls.whyNot(context.whole(), candidate.method(), candidate.ttlSeconds()));
  }
}
