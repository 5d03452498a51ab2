package dev.optkit.validation.spec;

import java.util.List;

/**
 * The heap a scenario's JVMs (the host and its JMH forks) are given, from the workload: the
 * fixture's own share plus what the harness prepares before it calls. The harness builds each
 * call sequence up front (so that both code versions see the same one) and keeps it while it runs;
 * the answers themselves are written to a file as they come and are not kept.
 *
 * <pre>
 * heap MB = limits.fixtureHeapMegabytes (default 256)
 *         + ceil(items x 512 B / 1 MB)
 * items   = calls x (1 + the writes' shares summed)
 *         + every generator's repeats.keys and zipf.n
 * </pre>
 *
 * 512 bytes an item is three to eight times a prepared call as measured (a million steps, heap
 * used after System.gc() before and after: 60 B with one string argument, 84 B with a long and a
 * string, 172 B with a record holding a list): generous, as a JVM short of heap fails the run.
 * The load test draws its calls as it makes them (it runs for a time, not a count): nothing to prepare.
 */
public final class HeapEstimate {
  public static final long BYTES_PER_ITEM = 512;
  /** A host JVM and one JMH fork run at once: twice this is what a run can take, on a CI runner of 7 GB. */
  public static final long MAX_MEGABYTES = 4096;

  private HeapEstimate() {
  }

  /** The prepared calls and keys a scenario's JVM holds at most, by the formula above. */
  public static long items(Workload.Scenario scenario) {
    double writeShare = scenario.writes().stream().mapToDouble(Workload.WriteSpec::share).sum();
    long steps = (long) Math.ceil(scenario.calls() * (1 + writeShare));
    long keys = keys(scenario.args());
    for (Workload.WriteSpec write : scenario.writes()) {
      keys += keys(write.args());
    }
    return steps + keys;
  }

  public static long megabytes(Workload.Scenario scenario, Limits limits) {
    return limits.fixtureHeapMegabytes() + workloadMegabytes(scenario);
  }

  static long workloadMegabytes(Workload.Scenario scenario) {
    return (items(scenario) * BYTES_PER_ITEM + (1 << 20) - 1) >> 20;
  }

  private static long keys(List<ArgSpec> args) {
    long keys = 0;
    for (ArgSpec arg : args) {
      for (ArgSpec at = arg; at != null; at = at.repeats() == null ? null : at.repeats().of()) {
        keys += at.repeats() != null ? at.repeats().keys() : 0;
        keys += at.zipf() != null && at.zipf().n() != null ? at.zipf().n() : 0;
      }
    }
    return keys;
  }
}
