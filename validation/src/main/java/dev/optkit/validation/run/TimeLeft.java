package dev.optkit.validation.run;

import dev.optkit.validation.spec.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a validate run has left, from its plan and what it measured so far. The plan is the run's
 * order of steps: each version's build (with its class path), then per scenario a host JVM for the
 * original and one for the migrated code, and one more pair per further JMH fork (alternated, ABBA).
 * The first host of a version is planned at a start-up and replay allowance, its load test and one
 * JMH fork ((warm-up + iterations) x seconds, plus the fork's start); a later one at its JMH fork; once hosts have run, the plan is scaled by how long they really took against it (per
 * code version: the original's replay waits on its downstream, the migrated one's mostly does not).
 * A build is unknown until one has been measured; the next is expected to take as long.
 */
final class TimeLeft {
  /** JVM start, the fixture's start and a replay of a thousand calls, as a guess to be corrected. */
  static final long HOST_START_SECONDS = 10;
  /** A JMH fork starts a JVM and the fixture again. */
  static final long FORK_START_SECONDS = 5;

  /** @param planned seconds, or -1 for a build (known once one is measured) */
  record Step(boolean build, String version, long planned) {}

  private final List<Step> plan;
  private final List<Long> tookNanos = new ArrayList<>();
  private int current = -1;
  private long currentStarted;

  TimeLeft(List<Step> plan) {
    this.plan = List.copyOf(plan);
  }

  /** The steps {@link Validation#run()} takes, in its order. */
  static TimeLeft plan(Workload workload, RunSettings settings, boolean compares) {
    List<Step> steps = new ArrayList<>();
    Workload.ClasspathSpec spec = workload.classpath();
    if (spec != null && (spec.build() != null || spec.command() != null)) {
      steps.add(new Step(true, compares ? "migrated" : "current", -1));
      if (compares) {
        steps.add(new Step(true, "original", -1));
      }
    }
    int rounds = settings.bench() ? settings.forks() : 1;
    for (Workload.Scenario scenario : workload.scenarios()) {
      for (int round = 0; round < rounds; round++) {
        long seconds = round == 0 ? hostSeconds(scenario, settings) : forkSeconds(settings);
        boolean originalFirst = round % 2 == 0; // as Validation alternates them
        if (compares && originalFirst) {
          steps.add(new Step(false, "original", seconds));
        }
        steps.add(new Step(false, compares ? "migrated" : "current", seconds));
        if (compares && !originalFirst) {
          steps.add(new Step(false, "original", seconds));
        }
      }
    }
    return new TimeLeft(steps);
  }

  /** A scenario's first host: start-up and replay, its load test, and its first JMH fork. */
  static long hostSeconds(Workload.Scenario scenario, RunSettings settings) {
    long seconds = HOST_START_SECONDS + (settings.bench() ? forkSeconds(settings) : 0);
    if (settings.load() && scenario.load() != null) {
      seconds += (long) Math.ceil((settings.quickLoad() ? scenario.load().quick() : scenario.load()).totalSeconds());
    }
    return seconds;
  }

  /** One JMH fork: its JVM and fixture started, its warm-up and measured iterations. */
  static long forkSeconds(RunSettings settings) {
    return RunLimits.benchSeconds(settings) + FORK_START_SECONDS;
  }

  /** The next step starts (and the one before it ended) at {@code now}, in nanoseconds. */
  void next(long now) {
    if (current >= 0) {
      tookNanos.add(now - currentStarted);
    }
    current++;
    currentStarted = now;
  }

  /** 1-based; past the plan when a run takes a step it did not plan (then it is nearly done). */
  int stepNumber() {
    return current + 1;
  }

  int steps() {
    return plan.size();
  }

  long stepSeconds(long now) {
    return current < 0 ? 0 : (now - currentStarted) / 1_000_000_000L;
  }

  /**
   * @param seconds what is left as far as it is known
   * @param buildsUnknown whether builds are still to come and none has been measured yet
   */
  record Estimate(long seconds, boolean buildsUnknown) {}

  Estimate left(long now) {
    long seconds = 0;
    boolean buildsUnknown = false;
    for (int i = Math.max(current, 0); i < plan.size(); i++) {
      long expected = expectedNanos(plan.get(i));
      if (expected < 0) {
        buildsUnknown = true;
        continue;
      }
      long remaining = i == current ? Math.max(0, expected - (now - currentStarted)) : expected;
      seconds += remaining / 1_000_000_000L;
    }
    return new Estimate(seconds, buildsUnknown);
  }

  /** What the step should take from what was measured so far; -1 for a build before any was measured. */
  private long expectedNanos(Step step) {
    long builds = 0;
    int buildCount = 0;
    double versionTook = 0;
    double versionPlanned = 0;
    double allTook = 0;
    double allPlanned = 0;
    for (int i = 0; i < tookNanos.size() && i < plan.size(); i++) {
      Step done = plan.get(i);
      if (done.build()) {
        builds += tookNanos.get(i);
        buildCount++;
      } else {
        allTook += tookNanos.get(i);
        allPlanned += done.planned() * 1e9;
        if (done.version().equals(step.version())) {
          versionTook += tookNanos.get(i);
          versionPlanned += done.planned() * 1e9;
        }
      }
    }
    if (step.build()) {
      return buildCount == 0 ? -1 : builds / buildCount;
    }
    double scale = versionPlanned > 0 ? versionTook / versionPlanned : allPlanned > 0 ? allTook / allPlanned : 1;
    return (long) (step.planned() * 1e9 * scale);
  }

  /** 45 s, 3 min 10 s, 1 h 5 min. */
  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      long rounded = seconds < 600 ? seconds / 5 * 5 : seconds / 60 * 60; // the estimate is no finer
      return rounded / 60 + " min" + (rounded % 60 == 0 ? "" : " " + rounded % 60 + " s");
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }
}
