package dev.optkit.validation.harness;

import dev.optkit.validation.spec.Limits;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ends this JVM when a call into the project's code does not return within its limit. A thread
 * stuck in project code cannot be stopped from outside (Thread.stop is gone), it may hold the
 * fixture's locks, and every call after it would run on a fixture in an unknown state, no longer
 * the sequence the other code version saw. So the hung call is described (what it was, which
 * limit, where its thread is), printed for the launcher ({@link HostOutput}), and the JVM halts:
 * halt, not exit, as shutdown hooks (a Spring context's close) may wait on the lock the hung
 * thread holds. One daemon thread checks every watched thread ten times a second.
 *
 * <p>The limits come from system properties the launcher sets on the host and the host on its JMH
 * forks; without them, the workload defaults ({@link Limits}).
 */
public final class CallWatchdog {
  public static final String CALL_SECONDS = "optkit.validation.callSeconds";
  public static final String FIXTURE_SECONDS = "optkit.validation.fixtureSeconds";
  /** The host's exit status after a call timed out, as {@code timeout(1)} has it. */
  public static final int EXIT_TIMED_OUT = 124;
  private static final long CHECK_MILLIS = 100;
  private static final Set<Slot> WATCHED = ConcurrentHashMap.newKeySet();
  private static Thread checker;

  private CallWatchdog() {
  }

  static int callSeconds() {
    return Integer.getInteger(CALL_SECONDS, Limits.CALL_SECONDS);
  }

  static int fixtureSeconds() {
    return Integer.getInteger(FIXTURE_SECONDS, Limits.FIXTURE_SECONDS);
  }

  /** Watches the calling thread; close it when the thread is done. */
  static Slot slot() {
    Slot slot = new Slot(Thread.currentThread());
    WATCHED.add(slot);
    startChecker();
    return slot;
  }

  /** Runs {@code work} on this thread within the fixture's limit: starting, reading or tearing down the fixture. */
  static <T> T fixture(String what, Supplier<T> work) {
    try (Slot slot = slot()) {
      slot.begin(() -> what, "limits.fixtureSeconds", fixtureSeconds());
      return work.get();
    }
  }

  /** One thread's call in flight, if any; {@link #begin} and {@link #end} cost one allocation and a volatile write. */
  static final class Slot implements AutoCloseable {
    private final Thread thread;
    private volatile Watched current;

    private Slot(Thread thread) {
      this.thread = thread;
    }

    /** @param what described only if the call times out (formatting arguments costs more than the call) */
    void begin(Supplier<String> what, String limit, int seconds) {
      current = new Watched(what, limit, seconds, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
    }

    void beginCall(Supplier<String> what) {
      begin(what, "limits.callSeconds or --call-timeout", callSeconds());
    }

    void end() {
      current = null;
    }

    @Override
    public void close() {
      current = null;
      WATCHED.remove(this);
    }
  }

  private record Watched(Supplier<String> what, String limit, int seconds, long deadline) {}

  private static synchronized void startChecker() {
    if (checker == null) {
      checker = new Thread(CallWatchdog::check, "optkit-call-watchdog");
      checker.setDaemon(true);
      checker.start();
    }
  }

  private static void check() {
    while (true) {
      try {
        Thread.sleep(CHECK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (Slot slot : WATCHED) {
        Watched watched = slot.current;
        if (watched != null && now - watched.deadline() > 0) {
          expire(slot.thread, watched);
        }
      }
    }
  }

  private static void expire(Thread thread, Watched watched) {
    String what;
    try {
      what = watched.what().get();
    } catch (RuntimeException | LinkageError e) {
      what = "a call (not described: " + e + ")";
    }
    List<String> where = HostOutput.frames(thread.getStackTrace());
    HostOutput.failed(what + " did not return within " + watched.seconds() + " s (" + watched.limit()
        + "): abandoned, and the run stopped", where);
    Runtime.getRuntime().halt(EXIT_TIMED_OUT);
  }
}
