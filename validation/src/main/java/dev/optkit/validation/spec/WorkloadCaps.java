package dev.optkit.validation.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The caps on every count of a workload that sizes memory or threads, and the limits' own checks.
 * Checked when the workload is read, before anything is built: {@code calls: 2000000000} ran out of
 * memory and {@code users: 200000} ran to a 30-minute limit. Each cap is far above what a
 * validation needs (1,000 calls show a hit rate to a tenth; 50 users load a service) and low enough
 * that the run stays within {@link HeapEstimate#MAX_MEGABYTES} and a machine's threads.
 */
public final class WorkloadCaps {
  /** Replay calls of one scenario: answers are compared one by one. */
  public static final int MAX_CALLS = 1_000_000;
  /** Load test users: one platform thread each. */
  public static final int MAX_USERS = 1_000;
  /**
   * The open model's arrival rate: 10 µs between requests, about what one JVM's workers can be woken
   * on time for (a faster schedule would measure the load generator, which the report then says).
   */
  public static final double MAX_RATE_PER_SECOND = 100_000;
  /** A load test's warm-up, and its measurement, each: an hour, far past any steady state. */
  public static final double MAX_LOAD_SECONDS = 3_600;
  /** Writes interleaved in one scenario: each is drawn before every read. */
  public static final int MAX_WRITES = 100;
  /** A generator's hot set ({@code repeats.keys}) or Zipf ranks ({@code zipf.n}), held while calls are drawn. */
  public static final int MAX_KEYS = 1_000_000;
  /**
   * Scenarios in one workload, unless {@code limits.maxScenarios} raises it: each starts a host JVM per code version
   * (and JMH's forks), some seconds each even for one call, so 8,000 one-call scenarios ran about 35 hours.
   */
  public static final int MAX_SCENARIOS = 100;
  /** Every limit's smallest value; the heap's, since a JVM does not start with less. */
  public static final int MIN_HEAP_MEGABYTES = 64;

  private WorkloadCaps() {
  }

  /** Every count over its cap and every bad limit, each with what to change. */
  static List<String> problems(Workload workload) {
    List<String> problems = new ArrayList<>();
    Limits limits = workload.limits();
    atLeast(problems, "limits.callSeconds", limits.callSeconds(), 1);
    atLeast(problems, "limits.fixtureSeconds", limits.fixtureSeconds(), 1);
    if (limits.scenarioSeconds() != null) {
      atLeast(problems, "limits.scenarioSeconds", limits.scenarioSeconds(), 1);
    }
    atLeast(problems, "limits.fixtureHeapMegabytes", limits.fixtureHeapMegabytes(), MIN_HEAP_MEGABYTES);
    atLeast(problems, "limits.maxScenarios", limits.maxScenarios(), 1);
    if (workload.scenarios().size() > limits.maxScenarios()) {
      problems.add(String.format(Locale.ROOT, "%,d scenarios, over the cap of %,d (each starts JVMs of its own): "
          + "split the workload, or raise limits.maxScenarios deliberately",
          workload.scenarios().size(), limits.maxScenarios()));
    }
    for (Workload.Scenario scenario : workload.scenarios()) {
      int before = problems.size();
      String where = "scenario '" + scenario.name() + "'";
      over(problems, where + ": calls", scenario.calls(), MAX_CALLS);
      over(problems, where + ": " + scenario.writes().size() + " writes", scenario.writes().size(), MAX_WRITES);
      if (scenario.load() != null) {
        Workload.LoadSpec load = scenario.load();
        over(problems, where + ": load.users", load.users(), MAX_USERS);
        if (load.ratePerSecond() != null) {
          over(problems, where + ": load.ratePerSecond", load.ratePerSecond(), MAX_RATE_PER_SECOND);
        }
        over(problems, where + ": load.warmupSeconds", load.warmupSeconds(), MAX_LOAD_SECONDS);
        over(problems, where + ": load.seconds", load.seconds(), MAX_LOAD_SECONDS);
      }
      keys(problems, where, scenario.args());
      scenario.writes().forEach(write -> keys(problems, where + " write " + write.method(), write.args()));
      if (problems.size() == before && limits.fixtureHeapMegabytes() >= MIN_HEAP_MEGABYTES) {
        heap(problems, where, scenario, limits);
      }
    }
    return problems;
  }

  private static void heap(List<String> problems, String where, Workload.Scenario scenario, Limits limits) {
    long megabytes = HeapEstimate.megabytes(scenario, limits);
    if (megabytes > HeapEstimate.MAX_MEGABYTES) {
      problems.add(String.format(Locale.ROOT, "%s: needs an estimated %,d MB of heap (limits.fixtureHeapMegabytes %,d "
          + "+ %,d MB for %,d prepared calls and keys), over the cap of %,d MB: lower limits.fixtureHeapMegabytes, "
          + "calls or the generators' keys", where, megabytes,
          limits.fixtureHeapMegabytes(), HeapEstimate.workloadMegabytes(scenario), HeapEstimate.items(scenario),
          HeapEstimate.MAX_MEGABYTES));
    }
  }

  private static void keys(List<String> problems, String where, List<ArgSpec> args) {
    for (int i = 0; i < args.size(); i++) {
      for (ArgSpec at = args.get(i); at != null; at = at.repeats() == null ? null : at.repeats().of()) {
        if (at.repeats() != null) {
          over(problems, where + ": argument " + (i + 1) + " repeats.keys", at.repeats().keys(), MAX_KEYS);
        }
        if (at.zipf() != null && at.zipf().n() != null) {
          over(problems, where + ": argument " + (i + 1) + " zipf.n", at.zipf().n(), MAX_KEYS);
          atLeast(problems, where + ": argument " + (i + 1) + " zipf.n", at.zipf().n(), 1);
        }
      }
    }
  }

  private static void over(List<String> problems, String what, long value, long cap) {
    if (value > cap) {
      problems.add(String.format(Locale.ROOT, "%s is %,d, over the cap of %,d: lower it", what, value, cap));
    }
  }

  private static void over(List<String> problems, String what, double value, double cap) {
    if (value > cap) {
      problems.add(String.format(Locale.ROOT, "%s is %,.0f, over the cap of %,.0f: lower it", what, value, cap));
    }
  }

  private static void atLeast(List<String> problems, String what, int value, int least) {
    if (value < least) {
      problems.add(what + " must be at least " + least + " (it is " + value + ")");
    }
  }
}
