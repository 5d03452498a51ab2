package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** Other code reads a field of the bean directly, which the proxy @Cacheable makes of it does not hold. */
public final class FieldReadElsewhereProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.FIELD_READ_ELSEWHERE;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return candidate.spring() ? refusedWhen(context.members().fieldReadElsewhere(candidate.fact().ownerType()))
        : Optional.empty();
  }
}
