package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/** No loop around the rewritten one, or inside it, is rewritten in the same migration: their edits would overlap. */
final class NestedRewriteProof implements RewriteCheck {
  @Override
  public Proof proof() {
    return Proof.NESTED;
  }

  @Override
  public Optional<Reason> check(LoopContext context, RewrittenLoop rewritten, FileRewrites file) {
    boolean overlaps = rewritten.edit().filter(edit -> file.edits().stream()
        .anyMatch(kept -> kept.start() < edit.end() && edit.start() < kept.end())).isPresent();
    return overlaps ? Reason.of(proof(), "a loop around it or inside it is rewritten in this migration: one "
        + "at a time") : Optional.empty();
  }
}
