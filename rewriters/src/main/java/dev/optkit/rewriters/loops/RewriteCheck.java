package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * One proof migrate asks of a loop's rewrite before it keeps it: that the edit maps back onto the loop, does not
 * overlap another, and that what it adds to the file fits. {@link LoopChecks} lists them in the order they are asked.
 */
public interface RewriteCheck {
  /** The proof whose id a refusal of this check carries. */
  Proof proof();

  /** Why the rewrite is not kept, or empty when this proof holds for it. */
  Optional<Reason> check(LoopContext context, RewrittenLoop rewritten, FileRewrites file);
}
