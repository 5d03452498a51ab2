package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Optional;

/**
 * A loop whose method reads the clock or a random source: rewritten, its elements come faster one after another, and
 * times that differed by a round trip could come out equal (a name or key made of them would repeat).
 */
final class ClockReadProof implements LoopCheck {
  @Override
  public Proof proof() {
    return Proof.LOOP_CLOCK;
  }

  @Override
  public Optional<Reason> check(LoopContext context, LoopCandidate candidate) {
    return Reason.of(proof(), ClockReads.problem(context.index(), candidate.method(), candidate.loop(),
        candidate.finding()));
  }
}
