package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** Declared in an interface, enum or record, where no cache field fits (a repository's query method aside). */
public final class NotInAClassProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.NOT_IN_A_CLASS;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    TypeFact owner = context.index().type(candidate.fact().ownerType()).orElse(null);
    if (candidate.repositoryQuery() || (owner != null && owner.kind().equals("class"))) {
      return Optional.empty();
    }
    return refused("declared in " + (owner == null ? "an unknown type" : "a " + owner.kind())
        + ": caches need a class to hold them");
  }
}
