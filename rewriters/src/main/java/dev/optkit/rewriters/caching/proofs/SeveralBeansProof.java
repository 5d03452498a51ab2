package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** Several beans of the class would share one Spring cache keyed only by the parameters. */
public final class SeveralBeansProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.SEVERAL_BEANS;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return candidate.spring() ? refusedWhen(context.springBeans().otherBeansOfTheClass(candidate.fact().ownerType()))
        : Optional.empty();
  }
}
