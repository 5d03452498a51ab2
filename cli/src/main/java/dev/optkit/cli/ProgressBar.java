package dev.optkit.cli;

import dev.optkit.analyzers.Assessor;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress of a scan, every command's ({@link ReportOptions#progressBar}): one line on stderr,
 * redrawn at most every 100 ms, cleared by {@link #finish} before anything else is printed.
 */
final class ProgressBar implements Assessor.Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  /** {@code progress}'s callback, or none for a null bar. */
  static Assessor.Progress orNone(ProgressBar progress) {
    return progress == null ? Assessor.Progress.NONE : progress;
  }

  @Override
  public synchronized void filesDone(int done, int total) {
    long now = System.nanoTime();
    if (done < total && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
    err.print(String.format(Locale.ROOT, "\r[%s%s] %,d/%,d files", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total));
    err.flush();
    drawn = true;
  }

  /** Clears the bar; a null bar is nothing to clear. */
  static void finish(ProgressBar progress) {
    if (progress != null) {
      progress.finish();
    }
  }

  synchronized void finish() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      err.flush();
    }
  }
}
