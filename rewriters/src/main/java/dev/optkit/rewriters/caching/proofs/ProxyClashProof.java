package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** A bean used by its class would be a JDK proxy of its interfaces once cached: the application would not start. */
public final class ProxyClashProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.PROXY_CLASH;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return candidate.spring() ? refusedWhen(context.springBeans().injectedByClass(candidate.fact().ownerType()))
        : Optional.empty();
  }
}
