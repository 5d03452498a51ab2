package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * A cached, detached entity breaks a caller that reads its lazy associations or hands it back to JPA; said to hold
 * only in view where that is why.
 */
public final class EntityResultProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.ENTITY_RESULT;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    boolean proxied = candidate.spring() && context.whole().openInViewOff();
    Optional<String> entity = context.entityResults().whyNot(candidate.method(), proxied);
    return refusedWhen(entity.isPresent() ? context.inViewOnly(candidate, proxied, entity,
        () -> context.entityResults().whyNot(candidate.method(), true)) : entity);
  }
}
