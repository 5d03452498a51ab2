package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * A Spring bean's read nothing in production calls, that is no entry point, in an application that has request
 * handlers ({@link CacheLevels#uncalledBesideHandlers}): dead code, or code outside what optkit reads. A cache there
 * saves no call anyone makes, and is what a reviewer sends back (a usefulness trial's library service had two such
 * caches: copies left with no caller, and a count only an uncalled check read); when something comes to call it, it
 * is planned then, with that caller's use of it read.
 */
public final class UncalledBesideHandlersProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.UNCALLED_BESIDE_HANDLERS;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    if (!context.cacheLevels().uncalledBesideHandlers(candidate.method())) {
      return Optional.empty();
    }
    return refused("no production code in the project calls it and it is no entry point, though the application has "
        + "request handlers: a cache there would save no call optkit can see (the reads its callers use are what to "
        + "cache)");
  }
}
