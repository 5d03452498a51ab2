package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.index.WebEntryPoints;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** A web response type is an answer made for one request. */
public final class WebResultProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.WEB_RESULT;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    return refusedWhen(WebEntryPoints.whyWebResult(candidate.fact()));
  }
}
