package dev.optkit.validation.run;

import dev.optkit.validation.spec.Limits;
import dev.optkit.validation.spec.Workload;
import dev.optkit.validation.spec.WorkloadException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time limits of one validate run: the workload's {@code limits:}, overridden by the command
 * line, and a scenario's default grown by the JMH time the settings plan (a long JMH run asked for
 * on the command line is not cut short by a default). Checked before anything is built.
 *
 * @param scenarioSeconds how long one scenario's host JVM (replay, load test and JMH on one code
 *     version) may run before it and its processes are ended
 */
public record RunLimits(int callSeconds, int fixtureSeconds, int scenarioSeconds) {
  /** Besides JMH: a replay and a load test of a thousand calls each at 50 ms, many times over. */
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
    int scenario = asked != null ? asked : defaultScenarioSeconds(settings);
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
      if (s.load() != null && settings.load()) {
        long paced = (long) s.load().requests() * s.load().intervalMillis() / 1000;
        if (paced >= scenario) {
          problems.add(String.format(Locale.ROOT, "scenario '%s': its paced load test alone takes %,d s "
              + "(load.requests x load.intervalMillis), at or over the scenario limit of %,d s: raise "
              + "limits.scenarioSeconds (--scenario-timeout) or lower them", s.name(), paced, scenario));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new WorkloadException(String.join("; ", problems));
    }
    return new RunLimits(call, limits.fixtureSeconds(), scenario);
  }

  /** {@value #SCENARIO_BASE_SECONDS} s plus twice the JMH time planned (forks start the fixture too). */
  static int defaultScenarioSeconds(RunSettings settings) {
    return (int) Math.min(Integer.MAX_VALUE, SCENARIO_BASE_SECONDS + 2 * benchSeconds(settings));
  }

  /** forks x (warm-up + measured iterations) x seconds per iteration; 0 without JMH. */
  static long benchSeconds(RunSettings settings) {
    return settings.bench() ? (long) settings.forks() * (settings.warmupIterations() + settings.iterations())
        * settings.secondsPerIteration() : 0;
  }
}
