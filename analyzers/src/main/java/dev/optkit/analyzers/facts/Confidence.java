package dev.optkit.analyzers.facts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a finding was established: resolved types (high), imports and declared types (medium), names (low). */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Confidence min(Confidence other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
