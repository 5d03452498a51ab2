package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** A request handler belongs to one request: cache the service it calls. */
public final class RequestHandlerProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.REQUEST_HANDLER;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return refusedWhen(context.index().webEntryPoints().whyEntryPoint(candidate.method()));
  }
}
