package dev.optkit.analyzers.facts;

import java.util.Objects;

/**
 * Why one iteration of a loop may depend on another, as a fact: the rules read its kind and name, reports print its
 * {@link #text()}.
 *
 * @param name the local assigned or updated; "" for the other kinds
 * @param draw for {@link Kind#ASSIGNS}: how the one value the loop assigns the local is made, where it may be drawn
 *     afresh; null otherwise
 */
public record LoopDependence(Kind kind, String name, Draw draw) {
  /**
   * A value that may be drawn afresh each time it is made ({@code sn = prefix + randomNum(6)}): it reads the clock or a
   * random source itself ({@code here}), or through one of these calls of the method (by index), whose targets may.
   * A loop assigning it until a query says it is free (an order number not yet used) runs once but on a collision.
   */
  public record Draw(boolean here, java.util.List<Integer> calls) {
    public Draw {
      calls = calls == null ? java.util.List.of() : java.util.List.copyOf(calls);
    }
  }

  public LoopDependence(Kind kind, String name) {
    this(kind, name, null);
  }

  /** What ties the iterations together. */
  public enum Kind {
    /** A local declared outside the loop is assigned in it. */
    ASSIGNS,
    /** A local declared outside the loop is incremented or decremented in it. */
    UPDATES,
    /** A while or do loop's condition reads state each iteration (not an iterator's hasNext). */
    CONDITION,
    /**
     * The loop runs until it is stopped, over no collection: its condition is {@code true} (or a {@code for (;;)}
     * without one or a step), or reads only a stop flag ({@code running}, {@code !stopped.get()}, the thread's
     * interruption), no local; and nothing in it ends it (no break or return, no change of the flag). Each iteration
     * waits for the next piece of work (a consumer's next message), not for an element's.
     */
    UNTIL_STOPPED,
    /** A break leaves the loop on what an iteration found. */
    BREAKS,
    /** A return leaves the method from inside the loop. */
    RETURNS
  }

  public LoopDependence {
    Objects.requireNonNull(kind, "kind");
    name = name == null ? "" : name;
  }

  /** A local of the method, declared outside the loop, that the loop assigns or updates: iterations carry it. */
  public boolean carriesLocal() {
    return kind == Kind.ASSIGNS || kind == Kind.UPDATES;
  }

  /** The words a report prints for it. */
  public String text() {
    return switch (kind) {
      case ASSIGNS -> "assigns '" + name + "', declared outside the loop";
      case UPDATES -> "updates '" + name + "', declared outside the loop";
      case CONDITION -> "the loop condition is re-evaluated from state each iteration";
      case UNTIL_STOPPED -> "runs until stopped, over no collection: each iteration waits for the next piece of work";
      case BREAKS -> "breaks out early, depending on what an iteration found";
      case RETURNS -> "returns from inside the loop, depending on what an iteration found";
    };
  }
}
