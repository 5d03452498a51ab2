package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** Its answer is the caller's: secured, or it reads who calls or state bound to the calling thread. */
public final class PerUserProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.PER_USER;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return refusedWhen(context.index().perUserCode().whyPerUser(candidate.method()));
  }
}
