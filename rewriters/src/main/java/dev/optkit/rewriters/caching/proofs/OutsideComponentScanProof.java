package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** The class's bean is found by a component scan in another Maven module, beside that application's own caching. */
public final class OutsideComponentScanProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.OUTSIDE_COMPONENT_SCAN;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return candidate.spring() ? refusedWhen(context.springBeans().outsideComponentScan(candidate.fact()))
        : Optional.empty();
  }
}
