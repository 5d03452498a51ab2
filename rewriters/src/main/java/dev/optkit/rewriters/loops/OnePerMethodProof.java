package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** No other loop of the method is rewritten in the same migration: each rewrite names its locals from the method as it was. */
final class OnePerMethodProof implements RewriteCheck {
  @Override
  public Proof proof() {
    return Proof.ONE_PER_METHOD;
  }

  @Override
  public Optional<Reason> check(LoopContext context, RewrittenLoop rewritten, FileRewrites file) {
    return file.methods().contains(rewritten.method()) ? Reason.of(proof(), "another loop of "
        + rewritten.method().getNameAsString() + "() is rewritten in this migration: optkit rewrites one loop per "
        + "method (each names its locals from the method as it was)") : Optional.empty();
  }
}
