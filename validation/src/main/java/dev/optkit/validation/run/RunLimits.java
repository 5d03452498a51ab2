package dev.optkit.validation.run;

import dev.optkit.validation.spec.Limits;
import dev.optkit.validation.spec.Workload;
import dev.optkit.validation.spec.WorkloadException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time limits of one validate run: the workload's {@code limits:}, overridden by the command
 * line, and a scenario's default grown by the JMH time the settings plan and by the longest load
 * test (a long JMH run or load test asked for is not cut short by a default). Checked before
 * anything is built.
 *
 * @param scenarioSeconds how long one scenario's host JVM (replay, load test and JMH on one code
 *     version) may run before it and its processes are ended
 */
public record RunLimits(int callSeconds, int fixtureSeconds, int scenarioSeconds) {
  /** Besides JMH and the load test's own time: starting the fixture and a replay of a thousand calls at 50 ms, many times over. */
  public static final int SCENARIO_BASE_SECONDS = 900;

  /**
   * @param callSeconds {@code --call-timeout}, or null for the workload's
   * @param scenarioSeconds {@code --scenario-timeout}, or null for the workload's or the default
   * @throws WorkloadException when a limit is below 1 or a scenario cannot finish within its limit
   */
  public static RunLimits of(Workload workload, Integer callSeconds, Integer scenarioSeconds, RunSettings settings) {
    Limits limits = workload.limits();
    int call = callSeconds != null ? callSeconds : limits.callSeconds();
    Integer asked = scenarioSeconds != null ? scenarioSeconds : limits.scenarioSeconds();
    int scenario = asked != null ? asked : defaultScenarioSeconds(workload, settings);
    List<String> problems = new ArrayList<>();
    if (call < 1 || scenario < 1) {
      problems.add("the call and scenario timeouts must be at least 1 s");
    }
    if (asked != null && benchSeconds(settings) >= scenario) {
      problems.add(String.format(Locale.ROOT, "the JMH settings plan %,d s per scenario, at or over the scenario "
          + "limit of %,d s: raise limits.scenarioSeconds (--scenario-timeout) or shorten JMH", benchSeconds(settings),
          scenario));
    }
    for (Workload.Scenario s : workload.scenarios()) {
      long load = loadSeconds(s, settings);
      if (load > 0 && load + benchSeconds(settings) >= scenario) {
        problems.add(String.format(Locale.ROOT, "scenario '%s': its load test takes %,d s (load.warmupSeconds + "
            + "load.seconds%s)%s, at or over the scenario limit of %,d s: raise limits.scenarioSeconds "
            + "(--scenario-timeout) or shorten them", s.name(), load, settings.quickLoad() ? ", cut by --quick" : "",
            benchSeconds(settings) > 0 ? String.format(Locale.ROOT, " and JMH %,d s", benchSeconds(settings)) : "",
            scenario));
      }
    }
    if (!problems.isEmpty()) {
      throw new WorkloadException(String.join("; ", problems));
    }
    return new RunLimits(call, limits.fixtureSeconds(), scenario);
  }

  /** {@value #SCENARIO_BASE_SECONDS} s plus twice the JMH time planned (forks start the fixture too) plus the longest load test. */
  static int defaultScenarioSeconds(Workload workload, RunSettings settings) {
    long load = workload.scenarios().stream().mapToLong(s -> loadSeconds(s, settings)).max().orElse(0);
    return (int) Math.min(Integer.MAX_VALUE, SCENARIO_BASE_SECONDS + 2 * benchSeconds(settings) + load);
  }

  /**
   * One host's JMH time: (warm-up + measured iterations) x seconds per iteration, for its one fork
   * (Validation runs the forks of a version in hosts of their own, alternating); 0 without JMH.
   */
  static long benchSeconds(RunSettings settings) {
    return settings.bench() ? (long) (settings.warmupIterations() + settings.iterations())
        * settings.secondsPerIteration() : 0;
  }

  /** The scenario's load test, warm-up and measurement, as these settings run it, in whole seconds; 0 without one. */
  static long loadSeconds(Workload.Scenario scenario, RunSettings settings) {
    if (scenario.load() == null || !settings.load()) {
      return 0;
    }
    Workload.LoadSpec load = settings.quickLoad() ? scenario.load().quick() : scenario.load();
    return (long) Math.ceil(load.totalSeconds());
  }
}
