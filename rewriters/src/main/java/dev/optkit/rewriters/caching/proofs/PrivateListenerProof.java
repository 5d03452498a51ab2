package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** Spring cannot invoke a private listener method on the proxy @Cacheable makes of its bean. */
public final class PrivateListenerProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.PRIVATE_LISTENER;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    if (!candidate.spring()) {
      return Optional.empty();
    }
    return refusedWhen(context.members().privateListener(candidate.fact().ownerType()).map(listener -> "its class has "
        + "the private " + listener + ", which Spring cannot invoke once @Cacheable makes the bean a proxy: the "
        + "application would not start"));
  }
}
