package dev.optkit.validation.run;

import dev.optkit.analyzers.Printable;
import dev.optkit.validation.spec.Workload;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What validate is doing, on stderr. Piped or logged: one line per phase as it starts
 * ({@code optkit validate: original: build: mvn ...}). On a terminal: the same phases, each kept as
 * a line with the time it took once it ends, under a line redrawn every second with the step, the
 * phase (which scenario on which code version) and the time left ({@link TimeLeft}).
 *
 * <p>One run at a time per process (the command line's): {@link #begin} starts it, from
 * {@link Validation#run()}; {@link #end} clears the redrawn line, and the command runs the run
 * {@link #whileRunning} so that it is cleared before the report or an error is printed. Whether the
 * line is live is the command's to say (its {@code --progress}, which every command takes): a run
 * not started by {@link #whileRunning} prints its phases as lines.
 */
public final class RunProgress {
  private static final String PREFIX = "optkit validate: ";
  private static RunProgress current = new RunProgress(null, false, null, System::nanoTime);
  /** Whether the next runs redraw a live line: {@link #whileRunning}'s to say. */
  private static boolean liveWanted;

  /** null: System.err as it is when printing (tests swap it). */
  private final PrintStream stream;
  private final boolean live;
  private final TimeLeft timeLeft;
  private final LongSupplier clock;
  private final int width;
  private ScheduledExecutorService ticker;
  private String phase;
  private boolean drawn;

  RunProgress(PrintStream stream, boolean live, TimeLeft timeLeft, LongSupplier clock) {
    this.stream = stream;
    this.live = live;
    this.timeLeft = timeLeft;
    this.clock = clock;
    this.width = columns();
  }

  /** A run of this workload starts: its steps planned, its progress on this process's stderr. */
  static synchronized void begin(Workload workload, RunSettings settings, boolean compares) {
    end();
    RunProgress progress = new RunProgress(null, liveWanted, TimeLeft.plan(workload, settings, compares),
        System::nanoTime);
    if (progress.live) {
      progress.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "optkit-progress");
        thread.setDaemon(true); // never what keeps the JVM up
        return thread;
      });
      progress.ticker.scheduleAtFixedRate(progress::redraw, 1, 1, TimeUnit.SECONDS);
    }
    current = progress;
  }

  /** Work that {@link #whileRunning} runs: {@code Validation::run}. */
  @FunctionalInterface
  public interface Run<T> {
    T run() throws java.io.IOException, InterruptedException;
  }

  /**
   * Runs {@code run}, its progress redrawn on one live line when {@code live} (stderr is a terminal),
   * else printed a line per phase; then {@link #end}s it however it ended: its caller prints next.
   */
  public static <T> T whileRunning(boolean live, Run<T> run) throws java.io.IOException, InterruptedException {
    synchronized (RunProgress.class) {
      liveWanted = live;
    }
    try {
      return run.run();
    } finally {
      end();
      synchronized (RunProgress.class) {
        liveWanted = false;
      }
    }
  }

  /** The run ended, however: the redrawn line is cleared and the last phase kept with its time. Idempotent. */
  public static synchronized void end() {
    current.finish();
    current = new RunProgress(null, false, null, System::nanoTime);
  }

  static synchronized RunProgress current() {
    return current;
  }

  boolean live() {
    return live;
  }

  /** A phase starts: a build, or a scenario's host JVM on one code version. */
  synchronized void step(CodeVersion version, String what) {
    long now = clock.getAsLong();
    if (live && phase != null) {
      clear();
      out().println(PREFIX + phase + " (" + TimeLeft.duration(timeLeft.stepSeconds(now)) + ")");
    }
    if (timeLeft != null) {
      timeLeft.next(now);
    }
    phase = version.label() + ": " + Printable.escape(what); // a scenario's name, a build command: the workload's text
    if (live) {
      draw(now);
    } else {
      out().println(PREFIX + phase);
    }
  }

  /** A line to keep, within a phase (a class path reused, a fixture copied). */
  synchronized void note(CodeVersion version, String what) {
    clear();
    out().println(PREFIX + (version == null ? "" : version.label() + ": ") + Printable.escape(what));
    if (live && phase != null) {
      draw(clock.getAsLong());
    }
  }

  private synchronized void redraw() {
    if (phase != null) {
      draw(clock.getAsLong());
    }
  }

  /** {@code [3/6, 0:42, about 2 min 10 s left] original: scenario lookup (heap ...}, cut to the terminal's width. */
  synchronized String statusLine(long now) {
    StringBuilder line = new StringBuilder("[");
    if (timeLeft != null) {
      int step = Math.min(timeLeft.stepNumber(), timeLeft.steps());
      line.append(step).append('/').append(timeLeft.steps()).append(", ");
      long elapsed = timeLeft.stepSeconds(now);
      line.append(elapsed / 60).append(':').append(String.format(java.util.Locale.ROOT, "%02d", elapsed % 60));
      TimeLeft.Estimate left = timeLeft.left(now);
      if (timeLeft.stepNumber() > timeLeft.steps()) {
        line.append(", finishing");
      } else if (left.buildsUnknown()) {
        line.append(", builds, then about ").append(TimeLeft.duration(left.seconds()));
      } else {
        line.append(", about ").append(TimeLeft.duration(left.seconds())).append(" left");
      }
    }
    line.append("] ").append(phase);
    return line.length() < width ? line.toString() : line.substring(0, width - 4) + "...";
  }

  private void draw(long now) {
    String line = statusLine(now);
    out().print("\r" + line + " ".repeat(Math.max(0, width - 1 - line.length()))); // over a longer line before it
    out().flush();
    drawn = true;
  }

  private void clear() {
    if (drawn) {
      out().print("\r" + " ".repeat(width - 1) + "\r");
      out().flush();
      drawn = false;
    }
  }

  synchronized void finish() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (live && phase != null) {
      clear();
      out().println(PREFIX + phase + " (" + TimeLeft.duration(timeLeft.stepSeconds(clock.getAsLong())) + ")");
      phase = null;
    }
  }

  private PrintStream out() {
    return stream != null ? stream : System.err;
  }

  /** The terminal's width when the shell exports it, else a common one. */
  private static int columns() {
    try {
      int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").strip());
      return Math.max(40, Math.min(columns, 300));
    } catch (NumberFormatException e) {
      return 100;
    }
  }
}
