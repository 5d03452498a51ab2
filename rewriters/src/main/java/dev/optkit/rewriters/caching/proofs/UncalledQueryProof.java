package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import java.util.Optional;

/**
 * A repository query nothing in production calls (prove51: cleverjohann's findUserStatistics().clear() emptied the
 * cached list).
 */
public final class UncalledQueryProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.UNCALLED_QUERY;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    if (candidate.immutableResult() || !candidate.repositoryQuery()
        || context.index().webEntryPoints().whyEntryPoint(candidate.method()).isPresent()
        || !context.index().callersOf(candidate.method()).stream().allMatch(caller -> SourceSet.isTestPath(caller.path()))) {
      return Optional.empty();
    }
    return refused("no production code in the project calls it, so what its callers do with the "
        + ProjectTraits.simpleName(candidate.fact().returnType()) + " it returns cannot be read (the framework or code "
        + "outside the project may call it, and change it): a cached result is one object shared by every caller");
  }
}
