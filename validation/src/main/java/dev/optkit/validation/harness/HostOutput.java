package dev.optkit.validation.harness;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the host JVM prints for the launcher to read back from its log: the phase
 * it is in, and on failure one marked headline with a few detail lines. The project's own output
 * shares that log and may end in anything (a shutdown hook's logging, a server's farewell), so the
 * launcher looks for these markers rather than at the log's last line.
 */
public final class HostOutput {
  public static final String PREFIX = "optkit-host: ";
  public static final String FAILED = PREFIX + "FAILED: ";
  public static final String DETAIL = PREFIX + "  ";
  /** Frames shown under a failure: where it happened, not the whole stack. */
  static final int FRAMES = 6;

  private HostOutput() {
  }

  static void phase(String scenario, String phase) {
    System.err.println(PREFIX + scenario + ": " + phase);
  }

  /** The headline and its details, each on one line of its own, written at once. */
  static synchronized void failed(String headline, List<String> details) {
    StringBuilder text = new StringBuilder(FAILED).append(oneLine(headline)).append('\n');
    details.forEach(detail -> text.append(DETAIL).append(oneLine(detail)).append('\n'));
    System.err.print(text);
    System.err.flush();
  }

  /** A failure as its root cause (the exception at the end of the cause chain) and where that was thrown. */
  static void failed(Throwable thrown) {
    Throwable root = rootCause(thrown);
    String headline = root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    List<String> details = frames(root.getStackTrace());
    if (root != thrown) { // what the harness was doing when it happened
      details.add("(the root cause of " + thrown.getClass().getName()
          + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()) + ")");
    }
    failed(headline, details);
  }

  static Throwable rootCause(Throwable thrown) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Throwable root = thrown;
    while (root.getCause() != null && seen.put(root, Boolean.TRUE) == null) {
      root = root.getCause();
    }
    return root;
  }

  /**
   * Where it happened: the top frames down to where the harness called in (reflection, optkit's own
   * frames), at most {@value #FRAMES}; the top three when it happened in the harness itself.
   */
  static List<String> frames(StackTraceElement[] stack) {
    List<String> frames = new ArrayList<>();
    for (int i = 0; i < stack.length && frames.size() < FRAMES && !isHarness(stack[i].getClassName()); i++) {
      frames.add("at " + frame(stack[i]));
    }
    for (int i = 0; frames.isEmpty() && i < Math.min(3, stack.length); i++) {
      frames.add("at " + frame(stack[i]));
    }
    return frames;
  }

  /** {@code pkg.Class.method(File.java:12)}, without the loader and module names (optkit-project//, java.base@17/). */
  private static String frame(StackTraceElement element) {
    String where = element.isNativeMethod() ? "Native Method" : element.getFileName() == null ? "Unknown Source"
        : element.getLineNumber() >= 0 ? element.getFileName() + ":" + element.getLineNumber() : element.getFileName();
    return element.getClassName() + "." + element.getMethodName() + "(" + where + ")";
  }

  private static boolean isHarness(String className) {
    return className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.reflect.")
        || className.startsWith("dev.optkit.");
  }

  /** Messages may hold line breaks (SQL, JSON): one line each, or the launcher would cut them. */
  private static String oneLine(String text) {
    String flat = text.replace('\r', ' ').replace('\n', ' ');
    return flat.length() > 500 ? flat.substring(0, 500) + "..." : flat;
  }
}
