package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * A default method of a repository interface (jhipster's findOneWithEagerRelationships): a Spring cache would not
 * need a class, but optkit caches a repository's query methods only.
 */
public final class RepositoryDefaultMethodProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.REPOSITORY_DEFAULT_METHOD;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    TypeFact declaring = context.index().type(candidate.fact().ownerType()).orElse(null);
    if (declaring == null || !declaring.kind().equals("interface") || candidate.fact().isAbstract()
        || context.index().declaredClient(declaring.qualifiedName()).isEmpty() || candidate.repositoryQuery()) {
      return Optional.empty();
    }
    return refused("a default method of the repository interface " + declaring.simpleName() + ": optkit caches "
        + "a repository's query methods, which the library implements, and not the project's code in its default "
        + "methods; cache the service that calls it instead");
  }
}
