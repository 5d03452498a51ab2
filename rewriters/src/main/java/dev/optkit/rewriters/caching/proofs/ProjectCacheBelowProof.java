package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * The project's own cache below: the call graph reaches no read behind it, so its writers would not evict this one
 * (hostile review 37's p1, p2: report() over a project-cached api.name(), stale after a rename).
 */
public final class ProjectCacheBelowProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.PROJECT_CACHE_BELOW;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return refusedWhen(context.cacheLevels().projectCachedCallee(candidate.method()).map(below -> "it calls "
        + below.fact().displayName() + "(), which the project already caches: one cache level per data, and what "
        + "that cache's data writers change would not evict this one"));
  }
}
