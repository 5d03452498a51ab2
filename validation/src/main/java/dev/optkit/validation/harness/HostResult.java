package dev.optkit.validation.harness;

import java.util.Map;

/**
 * What one host JVM measured for one scenario on one code version, written as JSON for the
 * orchestrating optkit process. Latencies in microseconds; null parts were not run.
 */
public record HostResult(String scenario, Bench bench, Replay replay, Load load) {

  /** JMH sample-time figures of the read alone. */
  public record Bench(double meanMicros, double p50Micros, double p95Micros, double p99Micros, long samples,
      long invocations, long errors, long downstreamCalls) {}

  /**
   * The single-threaded replay with writes interleaved.
   *
   * @param readCalls downstream calls made while reads ran (the calls a cache can save)
   * @param perSite downstream calls per {@code kind<TAB>site}: count, errors, total and max nanos
   * @param caches the caches reachable from the fixture, with their hits and misses during the replay
   * @param opaqueAnswers answers the comparison could not see into ({@link CanonicalAnswer#opaque()})
   * @param opaque the first of them: the read, where in its answer, and why; null when there were none
   */
  public record Replay(int reads, int writes, int readErrors, long readCalls, long totalCalls, boolean counted,
      Map<String, long[]> perSite, Map<String, CacheCounts> caches, int opaqueAnswers, String opaque) {
    public Replay {
      caches = caches == null ? Map.of() : caches; // results written before caches were counted
    }
  }

  /**
   * A cache's own statistics: Caffeine's hits and misses; {@code recording} false when the cache was
   * built without {@code recordStats()}, so its zeros mean nothing.
   */
  public record CacheCounts(long hits, long misses, boolean recording) {
    public Double hitRate() {
      return !recording || hits + misses == 0 ? null : (double) hits / (hits + misses);
    }
  }

  /** The closed-model load test. */
  public record Load(int users, int requests, double seconds, double throughputPerSecond, double p50Micros,
      double p95Micros, double p99Micros, double maxMicros, long reads, long errors, long downstreamCalls,
      boolean correctedForCoordinatedOmission) {}
}
