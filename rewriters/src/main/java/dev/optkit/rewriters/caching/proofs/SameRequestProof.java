package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** With open-session-in-view on, another read or write of the same request shares its persistence context. */
public final class SameRequestProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.SAME_REQUEST;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    if (!candidate.spring() || context.whole().openInViewOff()
        || !context.snapshotReads().readsEntities(candidate.method())) {
      return Optional.empty();
    }
    return refusedWhen(context.sameRequest().whyNotInView(candidate.method(),
        context.snapshotReads().mayHoldWhatItReads(candidate.method()), context.bootApplication()));
  }
}
