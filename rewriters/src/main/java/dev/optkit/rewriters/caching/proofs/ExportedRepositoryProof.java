package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** Spring Data REST's own controllers write the data, where no eviction can follow them. */
public final class ExportedRepositoryProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.EXPORTED_REPOSITORY;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return refusedWhen(context.exportedRepositories().whyNot(candidate.method()));
  }
}
