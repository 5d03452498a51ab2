package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** A key of several parameters is a nested record, which an inner class cannot declare before Java 16. */
public final class KeyInInnerClassProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.KEY_IN_INNER_CLASS;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    if (candidate.fact().params().size() > 1 && context.traits().javaRelease() < 16
        && candidate.fact().modifiers().inInstanceInnerClass()) {
      return refused("its key needs a nested class, which an inner (non-static) class cannot declare before Java 16");
    }
    return Optional.empty();
  }
}
