package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** What a login reads is the login's as much as its own code's, however deep (audit 14, hostile review 60). */
public final class LoginProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.LOGIN;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return refusedWhen(context.index().perUserCode().readByLogin(candidate.method()));
  }
}
