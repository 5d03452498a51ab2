package dev.optkit.validation.report;

import java.util.Locale;

/**
 * Which code a measurement is of: the original and the migrated code when validate compares them, or the current
 * code alone ({@code --baseline-only}), which no migration is compared with and which may never have been migrated.
 */
public enum CodeSide {
  ORIGINAL,
  MIGRATED,
  CURRENT;

  /** The word reports use: {@code original}, {@code migrated}, {@code current}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The side a run measures beside the original: the migrated code when it compares, the current code when not. */
  public static CodeSide measured(boolean compared) {
    return compared ? MIGRATED : CURRENT;
  }
}
