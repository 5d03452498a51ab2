package dev.optkit.validation.harness;

import dev.optkit.validation.spec.Workload;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The load test (docs/validate.md, "Load test"): {@code users} threads run the scenario's calls
 * (writes interleaved, one call sequence drawn as they go) for {@code warmupSeconds}, then the same
 * load is measured for {@code seconds}. Open model: requests come due at a fixed rate whatever the
 * code does ({@link OpenSchedule}); closed: each user sends its next request when its last returned,
 * optionally paced ({@link ClosedSchedule}). Latency of the reads goes to an HdrHistogram, from each
 * request's intended start when there is one, so a stall counts against every request it held back
 * (coordinated omission). The result says what set the throughput ({@link LoadVerdict}).
 */
final class LoadRun {
  /** Time for every user's thread to start and wait for the clock, so none starts behind. */
  private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private LoadRun() {
  }

  /** The scenario's load test; with {@code quick}, cut to {@code --quick}'s length. */
  static HostResult.Load run(ScenarioDriver driver, boolean quick) throws InterruptedException {
    Workload.LoadSpec spec = driver.scenario().load();
    return run(driver, quick ? spec.quick() : spec, LoadTime.SYSTEM);
  }

  /** @param time the system's in a run; a virtual one in tests */
  static HostResult.Load run(ScenarioDriver driver, Workload.LoadSpec spec, LoadTime time) throws InterruptedException {
    LoadClock clock = LoadClock.of(time, START_DELAY_NANOS, spec.warmupSeconds(), spec.seconds());
    LoadSchedule schedule = spec.open() ? new OpenSchedule(clock, spec.ratePerSecond())
        : new ClosedSchedule(clock, spec.users(), spec.intervalMillis());
    LoadTally tally = new LoadTally(clock, schedule.scheduled());
    // one sequence for all users, seeded apart from the replay's: the same draws (hot keys) for both versions
    ScenarioDriver.StepStream steps = driver.stream(driver.scenario().seed() + 1, true);
    List<LoadUser> users = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int number = 0; number < spec.users(); number++) {
      LoadUser user = new LoadUser(number, clock, schedule, steps, tally.user());
      Thread thread = new Thread(user, "optkit-load-user-" + (number + 1));
      thread.setDaemon(true); // a user stuck in the project's code must not keep the JVM up: the watchdog ends it
      users.add(user);
      threads.add(thread);
    }
    threads.forEach(time::start);
    clock.sleepUntil(clock.measureFrom());
    AgentCounters.reset(); // the warm-up's downstream calls are not the measurement's
    HostCpu cpu = HostCpu.start();
    clock.sleepUntil(clock.end());
    Double hostCpu = cpu.load();
    for (Thread thread : threads) {
      time.join(thread); // the calls in flight at the end finish, each within the watchdog's limit
    }
    long downstreamCalls = AgentCounters.total();
    for (LoadUser user : users) {
      if (user.failure() != null) {
        throw new IllegalStateException("the load test failed: " + user.failure(), user.failure());
      }
    }
    schedule.neverStarted(tally::neverStarted);
    LoadTally.Figures figures = tally.figures();
    double seconds = clock.measuredSeconds();
    long due = schedule.due();
    LoadVerdict verdict = LoadVerdict.of(spec, due, figures, seconds, hostCpu);
    Histogram latencies = figures.latencies;
    return new HostResult.Load(spec.model(), spec.users(), spec.ratePerSecond(), spec.intervalMillis(),
        spec.warmupSeconds(), spec.seconds(), figures.started / seconds, figures.reads / seconds,
        micros(latencies, 50), micros(latencies, 95), micros(latencies, 99), latencies.getMaxValue() / 1e3,
        figures.reads, figures.errors, downstreamCalls, schedule.scheduled(),
        new HostResult.Load.Schedule(due < 0 ? figures.started : due, figures.backlogged, figures.neverStarted,
            figures.clientLate, figures.clientLagP99Nanos / 1e3, figures.clientTimeShare(), hostCpu),
        verdict.limitedBy(), verdict.reason());
  }

  private static double micros(Histogram latencies, double percentile) {
    return latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(percentile) / 1e3;
  }

  /**
   * The host's CPU use over an interval: the JVM's {@code getCpuLoad()} reports the use since its
   * previous call, so the first call starts the interval and the second reads it.
   */
  private record HostCpu(com.sun.management.OperatingSystemMXBean bean) {
    static HostCpu start() {
      if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean) {
        bean.getCpuLoad();
        return new HostCpu(bean);
      }
      return new HostCpu(null);
    }

    Double load() {
      if (bean == null) {
        return null;
      }
      double load = bean.getCpuLoad();
      return load >= 0 && load <= 1 ? load : null;
    }
  }
}
