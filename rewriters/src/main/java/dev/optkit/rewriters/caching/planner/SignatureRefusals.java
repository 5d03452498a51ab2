package dev.optkit.rewriters.caching.planner;

import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.ParamFact;
import java.util.Optional;
import java.util.Set;

/**
 * What a method's signature and the module's Java release alone forbid, whatever the code does: a key optkit cannot
 * generate or should not keep (a secret), a type parameter a cache cannot hold. The planner
 * asks each at its place in its order of reasons.
 */
final class SignatureRefusals {
  private SignatureRefusals() {}


  /** Numbers and booleans: no credential is one. */
  private static final Set<String> NUMBERS = java.util.Set.of("long", "int", "short", "byte", "boolean",
      "java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Byte", "java.lang.Boolean");

  static Optional<String> release(int javaRelease) {
    if (javaRelease < 8) {
      return Optional.of("the module compiles for Java " + javaRelease + "; optkit generates code for Java 8 "
          + "and later only");
    }
    return Optional.empty();
  }

  static Optional<String> secretParameter(MethodFact fact) {
    for (ParamFact param : fact.params()) {
      // a number holds no secret: a cinema's Long sessionId is a screening, a String (or UUID) one a login's
      if (dev.optkit.analyzers.facts.types.SecretNames.isSecret(param.name()) && !NUMBERS.contains(param.qualifiedType())) {
        return Optional.of("parameter '" + param.name() + "' looks like a secret: a cache key would keep it in memory "
            + "and in cache statistics");
      }
    }
    return Optional.empty();
  }

  static Optional<String> keyInInnerClass(MethodFact fact, int javaRelease) {
    if (fact.params().size() > 1 && javaRelease < 16 && fact.modifiers().inInstanceInnerClass()) {
      return Optional.of("its key needs a nested class, which an inner (non-static) class cannot declare before Java 16");
    }
    return Optional.empty();
  }

  static Optional<String> generic(MethodFact fact) {
    if (fact.modifiers().generic()) {
      return Optional.of("generic method: its type parameters cannot be part of a cache's type");
    }
    return Optional.empty();
  }
}
