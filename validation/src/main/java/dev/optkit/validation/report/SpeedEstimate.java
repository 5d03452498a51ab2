package dev.optkit.validation.report;

import dev.optkit.validation.harness.HostResult;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The read's speedup as an interval, not one ratio, from the median latency of each measured
 * iteration of every fork of both versions (a median: a GC pause among a million cached reads moves
 * an iteration's mean tenfold). Latencies are positive and skewed, and a speedup is a ratio, so the
 * estimate works on their logarithms: the ratio of the versions' geometric means, with Welch's
 * t-interval for the difference of two means of unequal variance (Student's t: two forks of two
 * iterations are four values a version, and the interval is honest about how few that is). The
 * interval holds at {@link #CONFIDENCE}.
 *
 * @param original the original's geometric mean latency and its interval, µs
 * @param migrated the migrated's, µs
 * @param ratio the geometric means' ratio, original over migrated
 * @param low the pessimistic end of the ratio's interval
 * @param high the optimistic end; null (unbounded) when either version has fewer than two iterations
 * @param noise the interval's half-width as a factor ("x/÷ noise" around the ratio); null when unknown
 */
public record SpeedEstimate(Interval original, Interval migrated, double ratio, double low, Double high,
    Double noise) {
  public static final double CONFIDENCE = 0.999;
  /** An iteration's mean below a nanosecond (the timer's grain) counts as one. */
  private static final double FLOOR_MICROS = 1e-3;

  /** A geometric mean with its interval; {@code lower}/{@code upper} null with fewer than two iterations. */
  public record Interval(double mean, Double lower, Double upper, int iterations) {
    static Interval of(LogSample sample) {
      if (sample.n() < 2) {
        return new Interval(Math.exp(sample.mean()), null, null, sample.n());
      }
      double half = quantile(sample.n() - 1) * Math.sqrt(sample.variance() / sample.n());
      return new Interval(Math.exp(sample.mean()), Math.exp(sample.mean() - half), Math.exp(sample.mean() + half),
          sample.n());
    }
  }

  /** The logarithms of one version's iteration means: their count, mean and sample variance. */
  record LogSample(int n, double mean, double variance) {
    static LogSample of(List<Double> iterationMeansMicros) {
      int n = iterationMeansMicros.size();
      double sum = 0;
      for (double value : iterationMeansMicros) {
        sum += Math.log(Math.max(value, FLOOR_MICROS));
      }
      double mean = sum / n;
      double squares = 0;
      for (double value : iterationMeansMicros) {
        double d = Math.log(Math.max(value, FLOOR_MICROS)) - mean;
        squares += d * d;
      }
      return new LogSample(n, mean, n < 2 ? Double.NaN : squares / (n - 1));
    }
  }

  /** @return null unless both versions were benchmarked */
  public static SpeedEstimate of(HostResult.Bench original, HostResult.Bench migrated) {
    if (original == null || migrated == null || original.iterationMediansMicros().isEmpty()
        || migrated.iterationMediansMicros().isEmpty()) {
      return null;
    }
    LogSample before = LogSample.of(original.iterationMediansMicros());
    LogSample after = LogSample.of(migrated.iterationMediansMicros());
    double difference = before.mean() - after.mean();
    double ratio = Math.exp(difference);
    if (before.n() < 2 || after.n() < 2) {
      return new SpeedEstimate(Interval.of(before), Interval.of(after), ratio, 0, null, null);
    }
    double a = before.variance() / before.n();
    double b = after.variance() / after.n();
    double standardError = Math.sqrt(a + b);
    double half = 0;
    if (standardError > 0) { // Welch–Satterthwaite degrees of freedom
      double freedom = (a + b) * (a + b) / (a * a / (before.n() - 1) + b * b / (after.n() - 1));
      half = quantile(freedom) * standardError;
    }
    return new SpeedEstimate(Interval.of(before), Interval.of(after), ratio, Math.exp(difference - half),
        Math.exp(difference + half), Math.exp(half));
  }

  /** The two-sided {@link #CONFIDENCE} quantile of Student's t. */
  private static double quantile(double degreesOfFreedom) {
    return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
  }

  /** Whether the whole interval clears {@code required}: only then does the criterion pass. */
  public boolean clears(double required) {
    return high != null && low >= required;
  }

  /** Whether the whole interval misses {@code required}: only then does the criterion fail. */
  public boolean misses(double required) {
    return high != null && high < required;
  }
}
