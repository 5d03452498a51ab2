package dev.optkit.validation.harness;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open model: request {@code k} is due at {@code start + k / rate}, whatever the code does. A
 * free user takes the next request in order and waits for its time; a request whose time comes
 * while every user is busy is taken late, by the first user to return (backlog), and its latency
 * still counts from its time. Once the time is up no request starts: those left are never started.
 */
final class OpenSchedule implements LoadSchedule {
  private final LoadClock clock;
  private final double periodNanos;
  private final AtomicLong tickets = new AtomicLong();
  /** Requests taken after the time was up: at most one per user. */
  private final Queue<Long> refused = new ConcurrentLinkedQueue<>();

  OpenSchedule(LoadClock clock, double ratePerSecond) {
    this.clock = clock;
    this.periodNanos = 1e9 / ratePerSecond;
  }

  @Override
  public long next(int user, long free) {
    long ticket = tickets.getAndIncrement();
    long intended = intended(ticket);
    if (clock.over(intended)) {
      return STOP;
    }
    // the clock is read after the ticket is taken: every request taken before the time was up is made
    if (clock.over(clock.now())) {
      refused.add(ticket);
      return STOP;
    }
    return intended;
  }

  @Override
  public boolean scheduled() {
    return true;
  }

  @Override
  public long due() {
    return firstAtOrAfter(clock.end()) - firstAtOrAfter(clock.measureFrom());
  }

  @Override
  public void neverStarted(Unstarted sink) {
    long first = firstAtOrAfter(clock.measureFrom());
    for (long ticket : refused) {
      if (ticket >= first) {
        sink.add(intended(ticket), periodNanos, 1);
      }
    }
    // tickets never taken: every one from the counter's last value to the end of the measured time
    long untaken = Math.max(tickets.get(), first);
    long last = firstAtOrAfter(clock.end());
    if (untaken < last) {
      sink.add(intended(untaken), periodNanos, last - untaken);
    }
  }

  private long intended(long ticket) {
    return clock.start() + (long) (ticket * periodNanos);
  }

  /** The first ticket intended at or after {@code time}. */
  private long firstAtOrAfter(long time) {
    long ticket = Math.max(0, (long) Math.ceil((time - clock.start()) / periodNanos));
    while (ticket > 0 && intended(ticket - 1) - time >= 0) {
      ticket--;
    }
    while (intended(ticket) - time < 0) {
      ticket++;
    }
    return ticket;
  }
}
