package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** The rewrite of a loop read as a for-each (a pipeline, a counted loop) maps back onto the whole code it was read from. */
final class PartialRewriteProof implements RewriteCheck {
  @Override
  public Proof proof() {
    return Proof.PARTIAL_REWRITE;
  }

  @Override
  public Optional<Reason> check(LoopContext context, RewrittenLoop rewritten, FileRewrites file) {
    return rewritten.edit().isPresent() ? Optional.empty()
        : Reason.of(proof(), "its rewrite, " + rewritten.read() + ", does not replace the whole loop");
  }
}
