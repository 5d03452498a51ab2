package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * Hibernate answers with the instances the surrounding transaction loaded earlier, which may predate a write's
 * eviction.
 */
public final class EntitySnapshotProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.ENTITY_SNAPSHOT;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return refusedWhen(context.snapshotReads().whyNotEntities(candidate.method()));
  }
}
