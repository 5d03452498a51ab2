package dev.optkit.validation.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the load test's users measured: each user counts into its own {@link User} (no shared
 * counter on the way of a call), the latencies go to one histogram. The warm-up is not counted.
 * The rates count the calls that started in the measured time, what the code was doing then; the
 * schedule and the latencies count the requests whose intended start fell in it, so a request held
 * back by a backlog still counts against the time it was due.
 *
 * <p>A request's start delay (started minus intended) has two parts: until its user was free of
 * its last call (backlog: every user was busy) and from then (the load generator's own: waking up
 * late, drawing the call, waiting for a CPU).
 */
final class LoadTally {
  /** A request starting later than this after its intended start is late. */
  static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  /** Above any latency a load test of at most an hour and calls of at most their time limit can see. */
  private static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(4);
  /** Never-started requests are recorded one by one up to this many, then in as many groups. */
  private static final int UNSTARTED_GROUPS = 10_000;

  private final LoadClock clock;
  private final boolean scheduled;
  private final Histogram latencies = new ConcurrentHistogram(HIGHEST_NANOS, 3);
  private final Histogram clientLag = new ConcurrentHistogram(HIGHEST_NANOS, 3);
  private final List<User> users = new ArrayList<>();
  private long neverStarted;

  /** @param scheduled whether requests have intended starts of their own: latency then counts from them */
  LoadTally(LoadClock clock, boolean scheduled) {
    this.clock = clock;
    this.scheduled = scheduled;
  }

  /** A new user's counts; create every user's before the load starts. */
  synchronized User user() {
    User user = new User();
    users.add(user);
    return user;
  }

  /** One user's counts, written by that user's thread only and read once every user has stopped. */
  final class User {
    private long started;
    private long reads;
    private long errors;
    private long backlogged;
    private long clientLate;
    private long clientNanos;
    private long callNanos;

    /**
     * @param intended when the request was meant to start (back to back: when its user was free)
     * @param free when its user's last call returned
     */
    void record(boolean write, boolean failed, long intended, long free, long start, long finish) {
      long client = Math.max(0, start - Math.max(free, intended));
      if (clock.measured(start)) {
        started++;
        clientNanos += client;
        callNanos += finish - start;
        if (!write) {
          reads++;
          errors += failed ? 1 : 0;
        }
      }
      if (!clock.measured(intended)) {
        return;
      }
      long busy = Math.max(0, free - intended);
      if (busy + client > LATE_NANOS) {
        if (busy >= client) {
          backlogged++;
        } else {
          clientLate++;
        }
      }
      clientLag.recordValue(Math.min(HIGHEST_NANOS, client));
      if (!write) {
        latencies.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, finish - (scheduled ? intended : start))));
      }
    }
  }

  /**
   * Requests due in the measured time that never started, in the latencies with the time each had
   * waited when the time was up: a lower bound, but leaving them out would hide the backlog.
   */
  synchronized void neverStarted(long first, double stepNanos, long count) {
    neverStarted += count;
    if (count <= UNSTARTED_GROUPS) {
      for (long i = 0; i < count; i++) {
        latencies.recordValue(waited(first + (long) (i * stepNanos)));
      }
      return;
    }
    for (int group = 0; group < UNSTARTED_GROUPS; group++) {
      long from = count * group / UNSTARTED_GROUPS;
      long to = count * (group + 1) / UNSTARTED_GROUPS;
      long middle = first + (long) ((from + to - 1) / 2.0 * stepNanos);
      latencies.recordValueWithCount(waited(middle), to - from);
    }
  }

  private long waited(long intended) {
    return Math.min(HIGHEST_NANOS, Math.max(0, clock.end() - intended));
  }

  /** Every user's counts summed; call once every user has stopped. */
  synchronized Figures figures() {
    Figures sum = new Figures();
    for (User user : users) {
      sum.started += user.started;
      sum.reads += user.reads;
      sum.errors += user.errors;
      sum.backlogged += user.backlogged;
      sum.clientLate += user.clientLate;
      sum.clientNanos += user.clientNanos;
      sum.callNanos += user.callNanos;
    }
    sum.neverStarted = neverStarted;
    sum.latencies = latencies;
    sum.clientLagP99Nanos = clientLag.getTotalCount() == 0 ? 0 : clientLag.getValueAtPercentile(99);
    return sum;
  }

  /** The measured time's figures, summed over the users. */
  static final class Figures {
    long started;
    long reads;
    long errors;
    long backlogged;
    long clientLate;
    long neverStarted;
    long clientNanos;
    long callNanos;
    long clientLagP99Nanos;
    Histogram latencies;

    double meanCallNanos() {
      return started == 0 ? 0 : (double) callNanos / started;
    }

    double clientTimeShare() {
      return clientNanos + callNanos == 0 ? 0 : (double) clientNanos / (clientNanos + callNanos);
    }
  }
}
