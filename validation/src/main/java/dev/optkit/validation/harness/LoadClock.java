package dev.optkit.validation.harness;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The load test's time line, on {@link System#nanoTime()}: it starts at {@code start}, warms up
 * until {@code measureFrom} and is measured until {@code end}. Warm-up and measurement are one
 * uninterrupted load; a request belongs to the measurement when its intended start falls in it.
 */
record LoadClock(long start, long measureFrom, long end) {

  /** A clock starting {@code delayNanos} from now, so every user's thread is up and waiting when it does. */
  static LoadClock of(long delayNanos, double warmupSeconds, double seconds) {
    long start = System.nanoTime() + delayNanos;
    long measureFrom = start + nanos(warmupSeconds);
    return new LoadClock(start, measureFrom, measureFrom + nanos(seconds));
  }

  boolean measured(long intended) {
    return intended - measureFrom >= 0 && intended - end < 0;
  }

  boolean over(long now) {
    return now - end >= 0;
  }

  double measuredSeconds() {
    return (end - measureFrom) / 1e9;
  }

  /** Parks the calling thread until {@code time}; parkNanos may wake early (spuriously) and often wakes late. */
  static void sleepUntil(long time) {
    for (long wait = time - System.nanoTime(); wait > 0; wait = time - System.nanoTime()) {
      LockSupport.parkNanos(wait);
    }
  }

  private static long nanos(double seconds) {
    return (long) (seconds * TimeUnit.SECONDS.toNanos(1));
  }
}
