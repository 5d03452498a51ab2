package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.rewriters.caching.keys.SubclassedMethods;
import java.util.Optional;

/** Subclasses would share one cache keyed only by the parameters, or run it past the proxy. */
public final class SubclassedProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.SUBCLASSED;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    if (candidate.repositoryQuery() || !context.index().hasSubtypes(candidate.fact().ownerType())) {
      return Optional.empty();
    }
    return refused(SubclassedMethods.whyNot(context.index(), candidate.method()));
  }
}
