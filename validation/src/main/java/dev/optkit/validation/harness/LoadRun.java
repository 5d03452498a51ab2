package dev.optkit.validation.harness;

import dev.optkit.validation.spec.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The closed-model load test: {@code users} threads each make {@code requests} calls of the
 * scenario (writes interleaved), latency of the reads recorded in an HdrHistogram. With a pacing
 * interval, latency counts from each request's intended start, so a stall also counts against the
 * requests it held back (coordinated omission).
 */
final class LoadRun {
  private LoadRun() {
  }

  static HostResult.Load run(ScenarioDriver driver) throws InterruptedException {
    Workload.Scenario scenario = driver.scenario();
    Workload.LoadSpec load = scenario.load();
    long intervalNanos = TimeUnit.MILLISECONDS.toNanos(load.intervalMillis());
    List<List<ScenarioDriver.Step>> perUser = new ArrayList<>();
    for (int user = 0; user < load.users(); user++) {
      perUser.add(driver.steps(load.requests(), scenario.seed() + 1 + user, true));
    }
    warmUp(driver);
    Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(10), 3);
    AtomicLong reads = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> users = new ArrayList<>();
    for (int user = 0; user < perUser.size(); user++) {
      List<ScenarioDriver.Step> steps = perUser.get(user);
      int number = user + 1;
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        try (CallWatchdog.Slot watched = CallWatchdog.slot()) {
          long intended = System.nanoTime();
          for (ScenarioDriver.Step step : steps) {
            if (intervalNanos > 0) {
              long wait = intended - System.nanoTime();
              if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
              }
            }
            watched.beginCall(() -> "a call of load test user " + number + ", " + step.named());
            long begin = intervalNanos > 0 ? intended : System.nanoTime();
            boolean failed = false;
            try {
              ScenarioDriver.invoke(step);
            } catch (Throwable thrown) {
              failed = true;
            }
            if (!step.write()) {
              long took = Math.max(0, System.nanoTime() - begin);
              latencies.recordValue(Math.min(latencies.getHighestTrackableValue(), took)); // recordValue throws past it
              reads.incrementAndGet();
              if (failed) {
                errors.incrementAndGet();
              }
            }
            watched.end();
            intended += intervalNanos;
          }
        }
      }, "optkit-load-user");
      users.add(thread);
      thread.start();
    }
    AgentCounters.reset();
    long began = System.nanoTime();
    start.countDown();
    for (Thread user : users) {
      user.join();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    return new HostResult.Load(load.users(), load.requests(), seconds, reads.get() / seconds,
        latencies.getValueAtPercentile(50) / 1e3, latencies.getValueAtPercentile(95) / 1e3,
        latencies.getValueAtPercentile(99) / 1e3, latencies.getMaxValue() / 1e3, reads.get(), errors.get(),
        AgentCounters.total(), intervalNanos > 0);
  }

  /** A short single-threaded pass so the load test does not measure class loading and the JIT's first steps. */
  private static void warmUp(ScenarioDriver driver) {
    try (CallWatchdog.Slot watched = CallWatchdog.slot()) {
      for (ScenarioDriver.Step step : driver.steps(Math.min(200, driver.scenario().calls()),
          driver.scenario().seed() - 1, false)) {
        watched.beginCall(() -> "a call of the load test's warm-up, " + step.named());
        try {
          ScenarioDriver.invoke(step);
        } catch (Throwable ignored) {
          // errors are counted in the measured run
        }
        watched.end();
      }
    }
  }
}
