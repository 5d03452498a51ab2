package dev.optkit.cli;

import dev.optkit.analyzers.Assessor;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on stderr, redrawn at most every 100 ms. */
final class ProgressBar implements Assessor.Progress {
  private static final int WIDTH = 30;
  private final PrintStream err;
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintStream err) {
    this.err = err;
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

  synchronized void finish() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      err.flush();
    }
  }
}
