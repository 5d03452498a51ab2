package dev.optkit.cli.report;

import dev.optkit.validation.harness.HostResult;
import dev.optkit.validation.report.ScenarioReport;
import dev.optkit.validation.report.SpeedEstimate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The figures of validate's report that carry their uncertainty: intervals, misses JMH timed, the replay by outcome. */
final class ValidationFigures {
  /** The replay's calls by outcome, in the order shown: reads without and with a downstream call, uncounted reads, writes. */
  static final List<String> OUTCOMES = List.of("hit", "miss", "read", "write");
  private static final java.util.Map<String, String> PLURALS = java.util.Map.of("hit", "hits", "miss", "misses",
      "read", "reads (calls not counted)", "write", "writes");

  private ValidationFigures() {
  }

  static String interval(SpeedEstimate.Interval interval) {
    if (interval == null) {
      return "-";
    }
    return interval.lower() == null
        ? String.format(Locale.ROOT, "%s, unknown, %d", micros(interval.mean()), interval.iterations())
        : String.format(Locale.ROOT, "%s, %s-%s, %d", micros(interval.mean()), micros(interval.lower()),
            micros(interval.upper()), interval.iterations());
  }

  /** Three significant digits at least: a cached read is 0.05 µs, an uncached one 50,000. */
  private static String micros(double value) {
    return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3g", value);
  }

  static String timedMisses(HostResult result) {
    return result == null || result.bench() == null || !result.replay().counted() ? "-"
        : String.valueOf(result.bench().downstreamCalls());
  }

  static String plural(String outcome) {
    return PLURALS.get(outcome);
  }

  static boolean has(ScenarioReport s, String outcome) {
    return s.migrated().replay().latency().containsKey(outcome)
        || s.original() != null && s.original().replay().latency().containsKey(outcome);
  }

  static String replay(HostResult result, String outcome) {
    HostResult.Latency latency = result == null ? null : result.replay().latency().get(outcome);
    return latency == null ? "-" : String.format(Locale.ROOT, "%d, %.1f / %.1f", latency.count(), latency.p50Micros(),
        latency.p99Micros());
  }

  /** JMH measured before the cache was filled: its figures include the first misses. */
  static Optional<String> fillWarning(ScenarioReport s) {
    HostResult.Bench bench = s.migrated().bench();
    if (bench == null || bench.fill() == null || bench.fill().complete()) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "the fill pass before JMH's warm-up called %d of %d distinct reads "
        + "within the warm-up's length: the measured reads include first misses (raise --warmup or --seconds)",
        bench.fill().called(), bench.fill().distinctReads()));
  }
}
