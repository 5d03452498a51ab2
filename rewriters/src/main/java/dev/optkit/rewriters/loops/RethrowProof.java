package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** A rewrite that throws a call's failure again as it was needs a helper method its top-level type can declare. */
final class RethrowProof implements RewriteCheck {
  @Override
  public Proof proof() {
    return Proof.RETHROW;
  }

  @Override
  public Optional<Reason> check(LoopContext context, RewrittenLoop rewritten, FileRewrites file) {
    return rewritten.done().rethrows()
        ? Reason.of(proof(), RethrowAsIs.problem(rewritten.top(), file.release(), context.index()))
        : Optional.empty();
  }
}
