package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.index.SecretAnswers;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** A secret read outside a login (a card's CVV, a user's hash for an admin page): kept in memory all the same. */
public final class SecretInAnswerProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.SECRET_IN_ANSWER;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return refusedWhen(new SecretAnswers(context.index()).heldSecret(candidate.fact()).map(field -> "its answer has "
        + "the field " + field + ", named for a secret, which optkit cannot show is left empty: a cache would keep it "
        + "in memory for its TTL and hand it to every caller"));
  }
}
