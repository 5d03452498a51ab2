package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * A read inside a caller's transaction answers from its snapshot; that matters only where a write evicts: no writer,
 * no eviction to race (audit 13's s18).
 */
public final class TransactionSnapshotProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.TRANSACTION_SNAPSHOT;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    if (context.dataWriters().of(candidate.method()).isEmpty()) {
      return Optional.empty();
    }
    return refusedWhen(context.snapshotReads().whyNot(candidate.method()));
  }
}
