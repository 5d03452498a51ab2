package dev.optkit.rewriters;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests a loopback test server has in flight at once, and how long each is held. Counting, each request is
 * held its latency (a remote call's, so calls that can overlap do). Expecting an overlap, a request is held until a
 * second one is in flight (at most 10 s): code whose calls run at once is seen to, however loaded the machine, where a
 * fixed latency let a slow start miss the first call's (issue 67); code whose calls do not overlap waits out the 10 s
 * and is seen not to.
 */
final class OverlapProbe {
  private static final long OVERLAP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final long latencyMillis;
  private final AtomicInteger inFlight = new AtomicInteger();
  /** The most requests in flight at once since {@link #count} or {@link #expectOverlap}. */
  private final AtomicInteger most = new AtomicInteger();
  private volatile boolean expecting;

  OverlapProbe(long latencyMillis) {
    this.latencyMillis = latencyMillis;
  }

  /** From now, each request is held its latency, and the most in flight counted from 0. */
  void count() {
    expecting = false;
    most.set(0);
  }

  /** From now, a request is held until another is in flight (or 10 s), and the most in flight counted from 0. */
  void expectOverlap() {
    most.set(0);
    expecting = true;
  }

  int most() {
    return most.get();
  }

  int inFlight() {
    return inFlight.get();
  }

  /** One request: counted while it is held. */
  void hold() throws InterruptedException {
    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    synchronized (this) {
      notifyAll();
    }
    try {
      if (!expecting) {
        Thread.sleep(latencyMillis);
        return;
      }
      long end = System.nanoTime() + OVERLAP_WAIT_NANOS;
      synchronized (this) {
        for (long left = end - System.nanoTime(); most.get() < 2 && left > 0; left = end - System.nanoTime()) {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }
}
