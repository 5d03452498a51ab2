package dev.optkit.analyzers.proof;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a proof did not hold: the proof (its {@link Proof#id()} goes into every report) and the words printed for it.
 * assess's rules and migrate's planner give the same reason for the same fact.
 */
public record Reason(Proof proof, String text) {
  public Reason {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(text, "text");
  }

  /** The reason, present. */
  public static Optional<Reason> of(Proof proof, String text) {
    return Optional.of(new Reason(proof, text));
  }

  /** The reason, when {@code text} is present. */
  public static Optional<Reason> of(Proof proof, Optional<String> text) {
    return text.map(t -> new Reason(proof, t));
  }
}
