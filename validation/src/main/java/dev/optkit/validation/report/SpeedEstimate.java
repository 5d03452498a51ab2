package dev.optkit.validation.report;

import dev.optkit.validation.harness.HostResult;
import java.util.List;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The read's speedup as an interval, not one ratio: each version's mean latency with its confidence
 * interval over the measured iterations of every fork (Student's t, so two forks of three iterations
 * are honest about how little they are), and the ratio's interval from their ends: pessimistic =
 * the original's low end over the migrated's high end, optimistic = the other way round. Each mean's
 * interval holds at {@link #CONFIDENCE}, so both together hold at least at 99.8%.
 *
 * @param original the original's mean and interval, µs
 * @param migrated the migrated's mean and interval, µs
 * @param low the pessimistic speedup; 0 when the original's interval reaches 0
 * @param high the optimistic speedup; null (unbounded) when the migrated's interval reaches 0 or
 *     either interval is unknown (one iteration)
 * @param noise the wider relative half-width of the two intervals: what the machine's noise costs;
 *     null when an interval is unknown
 */
public record SpeedEstimate(Interval original, Interval migrated, double ratio, double low, Double high,
    Double noise) {
  public static final double CONFIDENCE = 0.999;

  /** A mean with its interval; {@code lower}/{@code upper} NaN when fewer than two iterations were measured. */
  public record Interval(double mean, double lower, double upper, int iterations) {
    static Interval of(List<Double> iterationMeans) {
      ListStatistics statistics = new ListStatistics();
      iterationMeans.forEach(statistics::addValue);
      if (iterationMeans.size() < 2) {
        return new Interval(statistics.getMean(), Double.NaN, Double.NaN, iterationMeans.size());
      }
      double[] bounds = statistics.getConfidenceIntervalAt(CONFIDENCE);
      return new Interval(statistics.getMean(), bounds[0], bounds[1], iterationMeans.size());
    }

    boolean known() {
      return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    double relativeHalfWidth() {
      return mean == 0 ? Double.POSITIVE_INFINITY : (upper - lower) / 2 / Math.abs(mean);
    }
  }

  /** @return null unless both versions were benchmarked */
  public static SpeedEstimate of(HostResult.Bench original, HostResult.Bench migrated) {
    if (original == null || migrated == null || original.iterationMeansMicros().isEmpty()
        || migrated.iterationMeansMicros().isEmpty()) {
      return null;
    }
    Interval before = Interval.of(original.iterationMeansMicros());
    Interval after = Interval.of(migrated.iterationMeansMicros());
    // a mean of 0 µs (a read faster than the timer's resolution) counts as one nanosecond
    double ratio = before.mean() / Math.max(after.mean(), 1e-3);
    if (!before.known() || !after.known()) {
      return new SpeedEstimate(before, after, ratio, 0, null, null);
    }
    double low = before.lower() <= 0 ? 0 : before.lower() / Math.max(after.upper(), 1e-3);
    Double high = after.lower() <= 0 ? null : Math.max(0, before.upper()) / after.lower();
    double noise = Math.max(before.relativeHalfWidth(), after.relativeHalfWidth());
    return new SpeedEstimate(before, after, ratio, low, high, Double.isFinite(noise) ? noise : null);
  }

  /** Whether the whole interval clears {@code required}: only then does the criterion pass. */
  public boolean clears(double required) {
    return low >= required;
  }

  /** Whether the whole interval misses {@code required}: only then does the criterion fail. */
  public boolean misses(double required) {
    return high != null && high < required;
  }
}
