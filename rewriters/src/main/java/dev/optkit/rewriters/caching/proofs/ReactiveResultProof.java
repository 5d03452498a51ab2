package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.index.WebEntryPoints;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** A reactive publisher is a recipe run on each subscription: caching the object caches no answer. */
public final class ReactiveResultProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.REACTIVE;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return refusedWhen(WebEntryPoints.whyPublisher(candidate.fact()));
  }
}
