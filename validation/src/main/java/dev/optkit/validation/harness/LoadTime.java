package dev.optkit.validation.harness;

import java.util.concurrent.locks.LockSupport;

/**
 * Where the load test's time comes from, and how its threads wait for it: {@link #SYSTEM} in a run
 * ({@link System#nanoTime()}, parking). A test passes a virtual time that moves only when every
 * thread of the load test waits, so what the load test decides (the schedule kept or not, requests
 * late or never started, the verdict) is checked without depending on the machine's speed.
 */
interface LoadTime {
  LoadTime SYSTEM = new LoadTime() {
    @Override
    public long now() {
      return System.nanoTime();
    }

    /** parkNanos may wake early (spuriously) and often wakes late. */
    @Override
    public void sleepUntil(long time) {
      for (long wait = time - System.nanoTime(); wait > 0; wait = time - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
    }
  };

  long now();

  /** Returns once {@code time} has come. */
  void sleepUntil(long time);

  /** Starts a thread of the load test (a user). */
  default void start(Thread thread) {
    thread.start();
  }

  /** Waits for a thread of the load test to end. */
  default void join(Thread thread) throws InterruptedException {
    thread.join();
  }
}
