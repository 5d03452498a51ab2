package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.rules.LoopClassification;

/** A proof asked only of the loops whose calls the rewrite hands to a pool: the remote calls per element. */
interface PooledCallCheck extends LoopCheck {
  @Override
  default boolean asks(LoopClassification classification) {
    return classification.remoteCalls();
  }
}
