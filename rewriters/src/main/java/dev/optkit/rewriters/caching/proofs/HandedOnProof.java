package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.rewriters.caching.keys.ReferencedReads;
import java.util.Optional;

/** A caller hands a reference to it to code that may keep or change what it returns. */
public final class HandedOnProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.HANDED_ON;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return candidate.immutableResult() ? Optional.empty()
        : refusedWhen(ReferencedReads.handedOn(context.index(), context.whole(), candidate.method()));
  }
}
