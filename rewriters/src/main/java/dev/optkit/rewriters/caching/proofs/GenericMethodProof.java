package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** A generic method's answer type is not one type. */
public final class GenericMethodProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.GENERIC;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    if (candidate.fact().modifiers().generic()) {
      return refused("generic method: its type parameters cannot be part of a cache's type");
    }
    return Optional.empty();
  }
}
