package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.rewriters.caching.keys.CopiedKeys;
import java.util.Optional;

/** A key parameter is a collection its caller may change after the call. */
public final class CopiedKeyProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.COPIED_KEY;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return refusedWhen(CopiedKeys.whyNot(candidate.form(), candidate.method(), context.index(),
        context.whole()::declaration));
  }
}
