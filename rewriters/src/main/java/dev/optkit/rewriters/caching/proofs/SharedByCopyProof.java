package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.rewriters.caching.sharing.CopiedProperties;
import java.util.Optional;

/** A bean copy shares the cached result's mutable parts with its target. */
public final class SharedByCopyProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.SHARED_BY_COPY;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return candidate.immutableResult() ? Optional.empty() : refusedWhen(new CopiedProperties(context.index())
        .sharedByCopy(candidate.method(), context.sharing(), context.whole()));
  }
}
