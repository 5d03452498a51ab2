package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** The module's Spring is older than the configuration optkit generates for a Spring cache compiles against. */
public final class SpringTooOldProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.SPRING_TOO_OLD;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return candidate.spring() ? refusedWhen(context.springTooOld()) : Optional.empty();
  }
}
