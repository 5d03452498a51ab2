package dev.optkit.validation.harness;

import java.util.Map;

/**
 * What one host JVM measured for one scenario on one code version, written as JSON for the
 * orchestrating optkit process. Latencies in microseconds; null parts were not run.
 */
public record HostResult(String scenario, Bench bench, Replay replay, Load load) {

  /**
   * JMH sample-time figures of the read alone, from one fork (a host) or merged over the forks of one
   * code version ({@link BenchMerge}).
   *
   * @param downstreamCalls calls the reads made during the measured iterations: after the fill pass
   *     and the warm-up, these are the cache's misses that JMH timed (expiries, evictions)
   * @param iterationMeansMicros each measured iteration's mean, fork after fork
   * @param iterationMediansMicros each measured iteration's median, fork after fork: the values of the
   *     speedup's confidence interval ({@code SpeedEstimate}), which so sees the variation between
   *     iterations and JVMs; a median, since one GC pause among a million cached reads of 0.1 µs moves
   *     an iteration's mean tenfold and says nothing about the code
   * @param histogram every timed sample, in nanoseconds ({@link LatencyHistograms#encode})
   * @param fill the untimed pass over the sequence's distinct reads before the warm-up
   */
  public record Bench(double meanMicros, double p50Micros, double p95Micros, double p99Micros, long samples,
      long invocations, long errors, long downstreamCalls, java.util.List<Double> iterationMeansMicros,
      java.util.List<Double> iterationMediansMicros, String histogram, Fill fill) {
    public Bench {
      iterationMeansMicros = iterationMeansMicros == null ? java.util.List.of() : java.util.List.copyOf(iterationMeansMicros);
      iterationMediansMicros = iterationMediansMicros == null ? java.util.List.of()
          : java.util.List.copyOf(iterationMediansMicros);
    }
  }

  /**
   * The pass that fills a cache before JMH measures: each distinct read of the sequence once, so the
   * measured iterations time the steady state, not the cache's first misses.
   *
   * @param complete false when the pass stopped at its time budget (the warm-up's length) first
   */
  public record Fill(int distinctReads, int called, boolean complete, double seconds) {}

  /**
   * The single-threaded replay with writes interleaved.
   *
   * @param readCalls downstream calls made while reads ran (the calls a cache can save)
   * @param perSite downstream calls per {@code kind<TAB>site}: count, errors, total and max nanos
   * @param caches the caches reachable from the fixture, with their hits and misses during the replay
   * @param opaqueAnswers answers the comparison could not see into ({@link CanonicalAnswer#opaque()})
   * @param opaque the first of them: the read, where in its answer, and why; null when there were none
   * @param writeErrors writes that threw: a write that fails changes nothing, so a cache's staleness goes unseen
   * @param latency the replay's calls by outcome, {@code hit} (a read that made no downstream call),
   *     {@code miss} (a read that made one), {@code read} (calls not counted: no agent) and {@code write}
   */
  public record Replay(int reads, int writes, int readErrors, long readCalls, long totalCalls, boolean counted,
      Map<String, long[]> perSite, Map<String, CacheCounts> caches, int opaqueAnswers, String opaque,
      int writeErrors, Map<String, Latency> latency) {
    public Replay {
      caches = caches == null ? Map.of() : caches; // results written before caches were counted
      latency = latency == null ? Map.of() : latency;
    }
  }

  /** A latency distribution's summary, in microseconds, with the distribution itself ({@link LatencyHistograms}). */
  public record Latency(long count, double meanMicros, double p50Micros, double p99Micros, double maxMicros,
      String histogram) {
    static Latency of(org.HdrHistogram.Histogram nanos) {
      return new Latency(nanos.getTotalCount(), nanos.getMean() / 1e3, nanos.getValueAtPercentile(50) / 1e3,
          nanos.getValueAtPercentile(99) / 1e3, nanos.getMaxValue() / 1e3, LatencyHistograms.encode(nanos));
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

  /**
   * The load test (docs/validate.md, "Load test"): what it ran, what it measured in the {@code
   * seconds} after its warm-up, and what set the throughput. Latencies are of the reads, from each
   * request's intended start when requests were scheduled ({@code correctedForCoordinatedOmission}).
   *
   * @param model {@code open} or {@code closed}
   * @param targetPerSecond the open model's arrival rate; null in the closed model
   * @param intervalMillis the closed model's pacing; 0 back to back
   * @param callsPerSecond requests (reads and writes) started per second in the measured time
   * @param throughputPerSecond reads per second in the measured time
   * @param downstreamCalls counted from the end of the warm-up until the last call returned
   * @param schedule how far requests started from their intended start, and why
   * @param limitedBy what set the throughput: {@code code} (its calls kept every user busy, or back to
   *     back), {@code pacing} (the schedule was met: the arrival rate or the users' interval set it) or
   *     {@code client} (the load generator itself fell behind)
   * @param limitedReason one line saying so with the figures that show it
   */
  public record Load(String model, int users, Double targetPerSecond, int intervalMillis, double warmupSeconds,
      double seconds, double callsPerSecond, double throughputPerSecond, double p50Micros, double p95Micros,
      double p99Micros, double maxMicros, long reads, long errors, long downstreamCalls,
      boolean correctedForCoordinatedOmission, Schedule schedule, String limitedBy, String limitedReason) {
    public static final String CODE = "code";
    public static final String PACING = "pacing";
    public static final String CLIENT = "client";

    /**
     * Requests against their schedule in the measured time. A request is late when it started over
     * 1 ms after its intended start: because every user was busy with an earlier call (backlog: the
     * code's doing) or while a user was free (the load generator's own lateness: waking, drawing the
     * call, the host's CPU).
     *
     * @param due requests whose intended start fell in the measured time (back to back: those started)
     * @param backlogged started late because every user was busy
     * @param neverStarted due but not started when the time was up; counted in the latencies with the
     *     time they had waited by then, a lower bound
     * @param clientLate started late while a user was free
     * @param clientLagP99Micros the generator's own share of a request's start delay, 99th percentile
     * @param clientTimeShare the generator's share of the users' time (its own work and lateness, over
     *     that plus the calls)
     * @param hostCpuLoad the host's CPU use over the measured time, 0 to 1; null when the JVM cannot tell
     */
    public record Schedule(long due, long backlogged, long neverStarted, long clientLate, double clientLagP99Micros,
        double clientTimeShare, Double hostCpuLoad) {}
  }
}
