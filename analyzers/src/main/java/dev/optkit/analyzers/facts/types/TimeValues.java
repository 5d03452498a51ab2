package dev.optkit.analyzers.facts.types;

import java.util.Set;

/**
 * The immutable value types of {@code java.time}: dates, times, amounts, zones and the formatter. Not the whole
 * package: {@code DateTimeFormatterBuilder} is a builder each {@code append} changes (hostile review 33's a5: a
 * cached builder gained one more {@code " (UTC)"} per call), and {@code Clock} subclasses may be anything.
 */
public final class TimeValues {
  private static final Set<String> IMMUTABLE = Set.of("java.time.Instant", "java.time.LocalDate",
      "java.time.LocalDateTime", "java.time.LocalTime", "java.time.OffsetDateTime", "java.time.OffsetTime",
      "java.time.ZonedDateTime", "java.time.Duration", "java.time.Period", "java.time.Year", "java.time.YearMonth",
      "java.time.MonthDay", "java.time.ZoneId", "java.time.ZoneOffset", "java.time.DayOfWeek", "java.time.Month",
      "java.time.format.DateTimeFormatter", "java.time.chrono.HijrahDate", "java.time.chrono.JapaneseDate",
      "java.time.chrono.MinguoDate", "java.time.chrono.ThaiBuddhistDate");

  private TimeValues() {}

  /** Whether the qualified type is one of java.time's immutable values. */
  public static boolean immutable(String qualified) {
    return IMMUTABLE.contains(qualified);
  }
}
