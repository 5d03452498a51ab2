package dev.optkit.cli;

import dev.optkit.analyzers.Assessor;
import dev.optkit.cli.report.Formatting;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress of a scan on a terminal, every command's ({@link ReportOptions#scanProgress}): one line on stderr,
 * redrawn in place with the phase, the time since the scan began and, while files are parsed, the time left as the
 * files done so far took: {@code [#########      ] 1,204/3,980 files, 0:41, about 1.6 min left}. Redrawn at most
 * every 100 ms as files are done, and every second while a phase without files (the dependencies) runs; cleared by
 * {@link #finish} before anything else is printed.
 */
final class ProgressBar implements ScanProgress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final LongSupplier clock;
  private final long began;
  private ScheduledExecutorService ticker;
  private Assessor.Phase phase;
  private long phaseBegan;
  private int done;
  private int total = -1;
  private long lastDraw;
  private int drawnLength;

  /** @param clock nanoseconds, {@code System::nanoTime} but in tests */
  ProgressBar(PrintWriter err, LongSupplier clock) {
    this.err = err;
    this.clock = clock;
    this.began = clock.getAsLong();
  }

  /** A bar on the wall clock, redrawn every second by a daemon thread until {@link #finish}. */
  static ProgressBar ticking(PrintWriter err) {
    ProgressBar bar = new ProgressBar(err, System::nanoTime);
    bar.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "optkit-progress");
      thread.setDaemon(true); // never what keeps the JVM up
      return thread;
    });
    bar.ticker.scheduleAtFixedRate(bar::tick, 1, 1, TimeUnit.SECONDS);
    return bar;
  }

  @Override
  public synchronized void started(Assessor.Phase started) {
    phase = started;
    phaseBegan = clock.getAsLong();
    done = 0;
    total = -1;
    draw(phaseBegan);
  }

  @Override
  public synchronized void filesDone(int filesDone, int filesTotal) {
    long now = clock.getAsLong();
    done = filesDone;
    total = filesTotal;
    if (filesDone < filesTotal && now - lastDraw < 100_000_000L) {
      return;
    }
    draw(now);
  }

  private synchronized void tick() {
    if (phase != null || total >= 0) {
      draw(clock.getAsLong());
    }
  }

  /** The line as drawn at {@code now}. */
  synchronized String statusLine(long now) {
    StringBuilder line = new StringBuilder();
    if (total >= 0) {
      int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
      line.append(String.format(Locale.ROOT, "[%s%s] %,d/%,d files", "#".repeat(filled), " ".repeat(WIDTH - filled),
          done, total));
    } else {
      line.append(phase == null ? "working" : phase.doing());
    }
    long elapsed = Math.max(0, now - began) / 1_000_000_000L;
    line.append(String.format(Locale.ROOT, ", %d:%02d", elapsed / 60, elapsed % 60));
    if (total > 0 && done > 0 && done < total) {
      // as the files so far took: the first ones are slower (the JIT, the solver's caches), so it falls as it runs
      long phaseNanos = Math.max(0, now - (phase == Assessor.Phase.PARSE ? phaseBegan : began));
      long leftMillis = phaseNanos / done * (total - done) / 1_000_000L;
      line.append(", about ").append(Formatting.duration(leftMillis)).append(" left");
    }
    return line.toString();
  }

  private void draw(long now) {
    lastDraw = now;
    String line = statusLine(now);
    err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length()))); // over a longer line before it
    err.flush();
    drawnLength = Math.max(drawnLength, line.length());
  }

  /** Above the bar: the bar is cleared, the line printed, and the bar drawn again under it. */
  @Override
  public synchronized void note(String line) {
    if (drawnLength > 0) {
      err.print("\r" + " ".repeat(drawnLength) + "\r");
      drawnLength = 0;
    }
    err.println(line);
    if (phase != null || total >= 0) {
      draw(clock.getAsLong());
    } else {
      err.flush();
    }
  }

  @Override
  public synchronized void finish() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
    if (drawnLength > 0) {
      err.print("\r" + " ".repeat(drawnLength) + "\r");
      err.flush();
      drawnLength = 0;
    }
    phase = null;
    total = -1;
  }
}
