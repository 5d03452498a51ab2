package dev.optkit.cli;

import dev.optkit.analyzers.Assessor;
import dev.optkit.cli.report.Formatting;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A scan's progress where stderr is not a terminal (piped, logged, CI): one line per phase, begun as the phase starts
 * and ended with its count and how long it took, as build tools log theirs:
 * {@code optkit assess: resolving dependencies ... 143 jars, 41.2 s}. A run that waits minutes on its dependencies or
 * its parse says so while it waits.
 */
final class PhaseLines implements ScanProgress {
  private final String prefix;
  private final PrintWriter err;
  private final LongSupplier clock;
  private Assessor.Phase open;
  private long openedAt;

  /** @param clock nanoseconds, {@code System::nanoTime} but in tests */
  PhaseLines(String command, PrintWriter err, LongSupplier clock) {
    this.prefix = "optkit " + command + ": ";
    this.err = err;
    this.clock = clock;
  }

  @Override
  public void filesDone(int done, int total) {
    // a line per phase, not per file
  }

  @Override
  public synchronized void started(Assessor.Phase phase) {
    finish();
    err.print(prefix + phase.doing() + " ... ");
    err.flush();
    open = phase;
    openedAt = clock.getAsLong();
  }

  @Override
  public synchronized void ended(Assessor.Phase phase, int count) {
    if (open != phase) {
      return;
    }
    long millis = (clock.getAsLong() - openedAt) / 1_000_000L;
    err.println(phase.counted(count) + ", " + Formatting.duration(millis));
    err.flush();
    open = null;
  }

  /** On a line of its own; a phase begun before it is begun again after it, so its end still names it. */
  @Override
  public synchronized void note(String line) {
    if (open != null) {
      err.println();
    }
    err.println(line);
    if (open != null) {
      err.print(prefix + open.doing() + " ... ");
    }
    err.flush();
  }

  @Override
  public synchronized void finish() {
    if (open != null) {
      err.println(); // a phase that ended by an error: what follows starts on a line of its own
      err.flush();
      open = null;
    }
  }
}
