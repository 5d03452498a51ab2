package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * Spring Data's repository proxy honours @Cacheable on the interface's method, as on a bean's, but only where
 * Spring's context can configure it.
 */
public final class RepositoryWithoutSpringProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.REPOSITORY_WITHOUT_SPRING;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    if (!candidate.repositoryQuery() || context.traits().spring()) {
      return Optional.empty();
    }
    return refused("a query method of a Spring Data repository interface in a module without Spring's context on its "
        + "class path: the @Cacheable its proxy would honour cannot be configured here");
  }
}
