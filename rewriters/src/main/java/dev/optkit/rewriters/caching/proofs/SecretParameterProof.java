package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.facts.ParamFact;
import dev.optkit.analyzers.facts.types.SecretNames;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;
import java.util.Set;

/** A parameter named for a secret: a cache key would keep it in memory. */
public final class SecretParameterProof implements MethodProof {
  /** Numbers and booleans: no credential is one. */
  private static final Set<String> NUMBERS = Set.of("long", "int", "short", "byte", "boolean",
      "java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Byte", "java.lang.Boolean");

  @Override
  public Proof proof() {
    return Proof.SECRET_PARAMETER;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    for (ParamFact param : candidate.fact().params()) {
      // a number holds no secret: a cinema's Long sessionId is a screening, a String (or UUID) one a login's
      if (SecretNames.isSecret(param.name()) && !NUMBERS.contains(param.qualifiedType())) {
        return refused("parameter '" + param.name() + "' looks like a secret: a cache key would keep it in memory "
            + "and in cache statistics");
      }
    }
    return Optional.empty();
  }
}
