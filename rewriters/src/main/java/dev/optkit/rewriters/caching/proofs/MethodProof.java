package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * One proof the planner asks of a read before it caches it, as assess's rules are one check each: its metadata is
 * the {@link Proof} it gives (id, stage, summary, remedy), its verdict the reason it does not hold, or none when it
 * holds. {@link CachingProofs} lists them in the order they are asked; the first that does not hold is the refusal.
 */
public interface MethodProof {
  /** The proof whose id a refusal of this check carries. */
  Proof proof();

  /** Why caching the candidate is refused, or empty when this proof holds for it. */
  Optional<Reason> check(ProofContext context, Candidate candidate);

  /** This proof's reason, when there is a text. */
  default Optional<Reason> refusedWhen(Optional<String> text) {
    return Reason.of(proof(), text);
  }

  /** This proof's reason. */
  default Optional<Reason> refused(String text) {
    return Reason.of(proof(), text);
  }
}
