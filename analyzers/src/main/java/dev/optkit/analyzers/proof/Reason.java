package dev.optkit.analyzers.proof;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a proof did not hold: the proof (its {@link Proof#id()} goes into every report), the words printed for it, and
 * the facts it rests on where the proof names them (the callers, writers or outer cache it read).
 * assess's rules and migrate's planner give the same reason for the same fact.
 */
public record Reason(Proof proof, String text, List<Evidence> facts) {
  public Reason {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(text, "text");
    facts = facts == null ? List.of() : List.copyOf(facts);
  }

  public Reason(Proof proof, String text) {
    this(proof, text, List.of());
  }

  /** The reason, present. */
  public static Optional<Reason> of(Proof proof, String text) {
    return Optional.of(new Reason(proof, text));
  }

  /** The reason, when {@code text} is present. */
  public static Optional<Reason> of(Proof proof, Optional<String> text) {
    return text.map(t -> new Reason(proof, t));
  }

  /** The same reason, resting on these facts. */
  public Reason resting(List<Evidence> on) {
    return new Reason(proof, text, on);
  }
}
