package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.rewriters.caching.ProjectTraits;
import java.util.Optional;

/** Spring Boot's test slices load a repository with caching on but without optkit's configuration. */
public final class TestSliceCachingProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.TEST_SLICE_CACHING;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    if (!candidate.repositoryQuery()) {
      return Optional.empty();
    }
    return refusedWhen(context.slices().sliceWithCachingOn().map(slice -> "a query method of a Spring Data repository "
        + "interface, and caching is switched on by the application class (or test code): Spring Boot's test slices "
        + "such as " + ProjectTraits.simpleName(slice) + " load the repository with caching on but none of optkit's "
        + "configuration, so the cache manager its @Cacheable names would be missing there; move @EnableCaching to a "
        + "configuration class of its own first"));
  }
}
