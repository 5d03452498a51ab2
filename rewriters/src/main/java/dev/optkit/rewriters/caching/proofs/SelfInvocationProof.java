package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.proof.Evidence;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Spring cache only its own object calls, through 'this', would never apply: the first thing to say of it, before
 * what caching it would risk.
 */
public final class SelfInvocationProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.SELF_INVOCATION;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    if (candidate.selfCallers().isEmpty() || context.outsideCallers().any(candidate.method())) {
      return Optional.empty();
    }
    List<IndexedMethod> callers = context.members().selfCalls(candidate.method()).stream().map(Map.Entry::getKey)
        .toList();
    return refused("only called through 'this' from " + String.join(", ", candidate.selfCallers())
        + (context.outsideCallers().onlyTests(candidate.method()) ? " (and by tests, through the proxy)" : "")
        + ": @Cacheable would never apply, because self-invocation bypasses Spring's proxy (Sonar S6809)")
        .map(reason -> reason.resting(MethodEvidence.of(Evidence.Role.SELF_CALLER, callers)));
  }
}
