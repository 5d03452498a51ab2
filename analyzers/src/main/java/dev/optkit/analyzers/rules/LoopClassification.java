package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.proof.Proof;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a loop that waits on I/O per element is, as {@code SequentialIoLoop} reports it ({@code details.classification})
 * and as migrate's loop rewrites read it back: one reader of the id for both.
 */
public enum LoopClassification {
  /** Futures started and joined inside the loop: each completes before the next starts. */
  FUTURES_JOINED("futures-joined-in-loop", null),
  /** A remote call per element, the iterations independent. */
  INDEPENDENT_REMOTE_CALLS("independent-remote-calls", null),
  /** A remote call per element, the iterations sharing state (the rewrite proves what it may run ahead). */
  DEPENDENT_REMOTE_CALLS("dependent-remote-calls", null),
  /** A read per element whose keys do not depend on earlier iterations: batched into one query per chunk. */
  N_PLUS_ONE("n-plus-one-query", null),
  /** A write per element: batched inside one transaction. */
  WRITE_PER_ELEMENT("per-iteration-write", null),
  /** A database statement per element whose access no reader could tell. */
  STATEMENT_PER_ELEMENT("per-iteration-query", Proof.LOOP_BATCH_FORM),
  /** A read per element whose key an earlier iteration chose. */
  DEPENDENT_QUERIES("dependent-queries", Proof.LOOP_DEPENDENT);

  private final String id;
  private final Proof neverRewritten;

  LoopClassification(String id, Proof neverRewritten) {
    this.id = id;
    this.neverRewritten = neverRewritten;
  }

  /** The id in reports ({@code details.classification}). */
  public String id() {
    return id;
  }

  /** Whether migrate rewrites loops of this class (its verdict on each is then assess's {@code fixable}). */
  public boolean rewritable() {
    return neverRewritten == null;
  }

  /** The proof that keeps migrate from rewriting any loop of this class, or empty when it judges each loop. */
  public Optional<Proof> neverRewritten() {
    return Optional.ofNullable(neverRewritten);
  }

  /** Whether the per-element call is a remote one that the rewrite runs ahead on a bounded pool. */
  public boolean remoteCalls() {
    return this == INDEPENDENT_REMOTE_CALLS || this == DEPENDENT_REMOTE_CALLS;
  }

  /** The classification a finding's {@code details.classification} names, or empty. */
  public static Optional<LoopClassification> of(Object id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }
}
