package dev.optkit.analyzers.findings;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a finding matters, highest first. */
public enum Severity {
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String text) {
    for (Severity severity : values()) {
      if (severity.id().equalsIgnoreCase(text.trim())) {
        return severity;
      }
    }
    throw new IllegalArgumentException("unknown severity '" + text + "' (expected high, medium, low or info)");
  }

  public boolean atLeast(Severity threshold) {
    return compareTo(threshold) <= 0;
  }
}
