package dev.optkit.validation.harness;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LoadTime} that moves only when every thread of the load test waits (for a time, or for
 * another to end), and then to the earliest time one waits for: a 2 ms call takes 2 ms of it
 * however loaded the machine, and a user is never late but for the calls ahead of it. The thread
 * that makes it is the load test's own; the users join through {@link #start}.
 */
final class VirtualLoadTime implements LoadTime {
  private final Set<Thread> threads = new HashSet<>();
  private final Map<Thread, Long> sleeping = new HashMap<>();
  private final Set<Thread> joining = new HashSet<>();
  private long now = TimeUnit.SECONDS.toNanos(1_000);

  VirtualLoadTime() {
    threads.add(Thread.currentThread());
  }

  @Override
  public synchronized long now() {
    return now;
  }

  /** A call's service time, from a fixture's method on a user's thread. */
  void sleepMillis(long millis) {
    sleepUntil(now() + TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Override
  public synchronized void sleepUntil(long time) {
    Thread self = Thread.currentThread();
    sleeping.put(self, time);
    try {
      while (now - time < 0) {
        advanceWhenAllWait();
        if (now - time < 0) {
          wait(1); // a thread that ends says nothing: looked at again
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      sleeping.remove(self);
    }
  }

  @Override
  public void start(Thread thread) {
    synchronized (this) {
      threads.add(thread); // before it runs: the time waits for it from now
    }
    thread.start();
  }

  @Override
  public void join(Thread thread) throws InterruptedException {
    Thread self = Thread.currentThread();
    synchronized (this) {
      joining.add(self);
    }
    try {
      while (thread.isAlive()) {
        synchronized (this) {
          advanceWhenAllWait();
        }
        thread.join(1);
      }
    } finally {
      synchronized (this) {
        joining.remove(self);
      }
    }
  }

  /** Holding the lock: when no thread of the load test is running, on to the earliest time one sleeps until. */
  private void advanceWhenAllWait() {
    threads.removeIf(thread -> thread.getState() == Thread.State.TERMINATED);
    for (Thread thread : threads) {
      if (!sleeping.containsKey(thread) && !joining.contains(thread)) {
        return;
      }
    }
    sleeping.values().stream().min(Long::compare).ifPresent(earliest -> {
      if (earliest - now > 0) {
        now = earliest;
        notifyAll();
      }
    });
  }
}
