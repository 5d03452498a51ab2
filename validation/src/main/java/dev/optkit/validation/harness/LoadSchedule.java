package dev.optkit.validation.harness;

/**
 * When each user's next request is meant to start. The users ask it in turn; it answers with an
 * intended start on the {@link LoadClock}, or {@link #STOP} once the load test is over.
 */
interface LoadSchedule {
  long STOP = Long.MIN_VALUE;

  /**
   * @param user the asking user's number, from 0
   * @param free when that user's last call returned (the clock's start before its first)
   */
  long next(int user, long free);

  /** Whether requests have intended starts of their own, so latency counts from them (coordinated omission). */
  boolean scheduled();

  /** Requests whose intended start fell in the measured time; back to back, none are scheduled: -1. */
  long due();

  /** Reports the measured requests that never started, once every user has stopped. */
  void neverStarted(Unstarted sink);

  /** Requests that never started: {@code count} intended starts from {@code first}, {@code stepNanos} apart. */
  interface Unstarted {
    void add(long first, double stepNanos, long count);
  }
}
