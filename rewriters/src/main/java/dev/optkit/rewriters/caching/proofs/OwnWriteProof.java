package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.rewriters.caching.writers.ProjectWrites;
import java.util.Optional;

/**
 * A write of its own (request.setStatus(CONFIRMED) on what findById loaded, written back at the flush): a cached
 * answer would skip it.
 */
public final class OwnWriteProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.OWN_WRITE;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    Optional<ProjectWrites.Write> ownWrite = ProjectWrites.firstOf(context.whole(), candidate.method());
    return ownWrite.isEmpty() ? Optional.empty()
        : refused("it writes: it " + ownWrite.get().what() + ", and a cache hit would skip that write");
  }
}
