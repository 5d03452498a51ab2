package dev.optkit.validation.harness;

import java.util.concurrent.TimeUnit;

/**
 * The load test's time line, on its {@link LoadTime}: it starts at {@code start}, warms up
 * until {@code measureFrom} and is measured until {@code end}. Warm-up and measurement are one
 * uninterrupted load; a request belongs to the measurement when its intended start falls in it.
 */
record LoadClock(LoadTime time, long start, long measureFrom, long end) {

  /** A clock starting {@code delayNanos} from now, so every user's thread is up and waiting when it does. */
  static LoadClock of(LoadTime time, long delayNanos, double warmupSeconds, double seconds) {
    long start = time.now() + delayNanos;
    long measureFrom = start + nanos(warmupSeconds);
    return new LoadClock(time, start, measureFrom, measureFrom + nanos(seconds));
  }

  long now() {
    return time.now();
  }

  void sleepUntil(long when) {
    time.sleepUntil(when);
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

  private static long nanos(double seconds) {
    return (long) (seconds * TimeUnit.SECONDS.toNanos(1));
  }
}
