package dev.optkit.validation.harness;

import java.util.concurrent.TimeUnit;

/**
 * The closed model: each user sends its next request when its last one returned, at once (back to
 * back), or, paced, at its next slot {@code intervalMillis} after the last slot, so a fast call is
 * followed by a wait and a slow one by the next request at once, its latency counted from its slot.
 * The users' slots are spread over the interval rather than all falling at the same instant.
 */
final class ClosedSchedule implements LoadSchedule {
  private final LoadClock clock;
  private final long intervalNanos;
  private final int users;
  /** Each user's next slot, written by that user only; read by the others after every user stopped. */
  private final long[] slots;

  ClosedSchedule(LoadClock clock, int users, int intervalMillis) {
    this.clock = clock;
    this.users = users;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    this.slots = new long[users];
    for (int user = 0; user < users; user++) {
      slots[user] = firstSlot(user);
    }
  }

  @Override
  public long next(int user, long free) {
    if (intervalNanos == 0) {
      return clock.over(free) ? STOP : free;
    }
    long slot = slots[user];
    if (clock.over(slot) || clock.over(clock.now())) {
      return STOP; // the slots left are never started
    }
    slots[user] = slot + intervalNanos;
    return slot;
  }

  @Override
  public boolean scheduled() {
    return intervalNanos > 0;
  }

  @Override
  public long due() {
    if (intervalNanos == 0) {
      return -1;
    }
    long due = 0;
    for (int user = 0; user < users; user++) {
      due += slotsBefore(user, clock.end()) - slotsBefore(user, clock.measureFrom());
    }
    return due;
  }

  @Override
  public void neverStarted(Unstarted sink) {
    if (intervalNanos == 0) {
      return;
    }
    for (int user = 0; user < users; user++) {
      long from = Math.max(slotsBefore(user, slots[user]), slotsBefore(user, clock.measureFrom()));
      long count = slotsBefore(user, clock.end()) - from;
      if (count > 0) {
        sink.add(firstSlot(user) + from * intervalNanos, intervalNanos, count);
      }
    }
  }

  private long firstSlot(int user) {
    return clock.start() + intervalNanos * user / users;
  }

  /** How many of the user's slots come before {@code time}. */
  private long slotsBefore(int user, long time) {
    long since = time - firstSlot(user);
    return since <= 0 ? 0 : (since + intervalNanos - 1) / intervalNanos;
  }
}
