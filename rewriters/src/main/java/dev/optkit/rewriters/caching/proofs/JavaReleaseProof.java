package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** optkit generates code for Java 8 and later. */
public final class JavaReleaseProof implements MethodProof {
  @Override
  public Proof proof() {
    return Proof.JAVA_RELEASE;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    int release = context.traits().javaRelease();
    if (release < 8) {
      return refused("the module compiles for Java " + release + "; optkit generates code for Java 8 and later only");
    }
    return Optional.empty();
  }
}
