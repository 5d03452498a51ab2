package dev.optkit.analyzers.facts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an I/O site reads, writes, or cannot be told apart from its text. */
public enum Access {
  READ,
  WRITE,
  UNKNOWN;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
