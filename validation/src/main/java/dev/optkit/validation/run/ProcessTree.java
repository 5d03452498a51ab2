package dev.optkit.validation.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a host JVM and every process it started (its JMH forks, servers its fixture ran): destroying
 * the host alone leaves them running, re-parented and no longer found from it.
 */
final class ProcessTree {
  private static final long WAIT_SECONDS = 10;

  private ProcessTree() {
  }

  /** @return how many processes below the host were ended */
  static int destroy(Process process) throws InterruptedException {
    // listed while the host lives (once it is gone its children are re-parented); the host is
    // ended first so that it cannot start another fork after the list was taken
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    List<CompletableFuture<ProcessHandle>> ends = new ArrayList<>();
    ends.add(process.toHandle().onExit());
    descendants.forEach(handle -> ends.add(handle.onExit()));
    try {
      CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // SIGKILL was sent: a process still there is in the kernel's hands (uninterruptible I/O)
    }
    return descendants.size();
  }
}
