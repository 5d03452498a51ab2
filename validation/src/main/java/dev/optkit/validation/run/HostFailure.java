package dev.optkit.validation.run;

import dev.optkit.validation.harness.CallWatchdog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why a host JVM failed, in a few lines: the root cause its output names (the failure it marked,
 * the last stack trace's deepest cause, an out-of-memory error, the JVM's own start-up error), or
 * the signal that ended it, and where to read more. Never the log's last line alone (a fixture's
 * shutdown logging ends many logs), and never more than {@value #MAX_LINES} lines.
 */
final class HostFailure {
  static final int MAX_LINES = 10;
  private static final int LINE_CHARS = 300;
  private static final Map<Integer, String> SIGNALS = Map.of(
      6, "SIGABRT: the JVM aborted (look for an hs_err_pid file in the run folder)",
      9, "SIGKILL: killed from outside, often by the kernel's out-of-memory killer",
      11, "SIGSEGV: the JVM crashed (look for an hs_err_pid file in the run folder)",
      15, "SIGTERM: stopped from outside");

  private HostFailure() {
  }

  /**
   * @param who the code version and scenario ({@code migrated, scenario 'x'})
   * @param exit the host's exit status
   * @param resultWritten whether it wrote its result (a 0 exit without it is a failure too)
   * @param jmh the JMH log, read for a fork's failure when the host was running JMH
   */
  static String describe(String who, int exit, boolean resultWritten, HostLog host, HostLog jmh, Path hostLog,
      Path jmhLog, long heapMegabytes) {
    List<String> lines = new ArrayList<>();
    // a fork that said why is named by the host's own mark; otherwise its exception is in JMH's log
    boolean forkNamed = host.failed() != null && host.failed().startsWith("in a JMH fork");
    boolean inJmh = "JMH".equals(host.phase()) && !forkNamed && (jmh.failed() != null || jmh.traceRoot() != null);
    HostLog source = inJmh ? jmh : host;
    String during = host.phase() == null ? "" : " during " + (inJmh ? "JMH (in a fork)" : phrase(host.phase()));
    String outOfMemory = host.outOfMemory() != null ? host.outOfMemory() : inJmh ? jmh.outOfMemory() : null;
    if (exit == CallWatchdog.EXIT_TIMED_OUT && source.failed() != null) {
      lines.add(who + ": " + source.failed());
      lines.addAll(indented(source.failedDetails()));
    } else if (outOfMemory != null) {
      lines.add(who + ": the host JVM ran out of memory" + during + " (" + exitText(exit) + "): "
          + outOfMemory.replaceFirst("^.*?(java\\.lang\\.OutOfMemoryError)", "$1"));
      lines.add("  its heap was " + heapMegabytes + " MB (limits.fixtureHeapMegabytes + the workload's calls, see "
          + "docs/validate.md): raise limits.fixtureHeapMegabytes, or lower calls");
    } else {
      String headline = exit == 0 && !resultWritten ? "the host JVM ended without writing its result"
          : "the host JVM failed" + during + " (" + exitText(exit) + ")";
      lines.add(who + ": " + headline + cause(source, exit).map(c -> ": " + c).orElse(""));
      lines.addAll(indented(source.failed() != null ? source.failedDetails()
          : source.traceRoot() != null ? source.traceFrames() : source.jvmError() != null ? List.of()
          : signal(exit) != null ? List.of() : source.lastLines()));
    }
    lines.add("  see " + hostLog + (inJmh ? " and " + jmhLog : ""));
    return bounded(lines);
  }

  /** The host JVM ran past the scenario's limit and was ended with its processes. */
  static String timedOut(String who, int seconds, int children, HostLog host, Path hostLog) {
    return bounded(List.of(who + ": the host JVM did not finish within " + seconds + " s (limits.scenarioSeconds or "
        + "--scenario-timeout); it" + (children == 0 ? " was" : " and " + children + " process"
        + (children == 1 ? "" : "es") + " it started were") + " ended"
        + (host.phase() == null ? "" : ", during " + phrase(host.phase())), "  see " + hostLog));
  }

  private static java.util.Optional<String> cause(HostLog log, int exit) {
    if (log.failed() != null) {
      return java.util.Optional.of(log.failed());
    }
    if (log.traceRoot() != null) {
      return java.util.Optional.of(log.traceRoot());
    }
    if (log.jvmError() != null) {
      return java.util.Optional.of(log.jvmError());
    }
    if (signal(exit) != null) {
      return java.util.Optional.of(signal(exit));
    }
    return log.lastLines().isEmpty() ? java.util.Optional.of("it printed nothing") : java.util.Optional.empty();
  }

  private static String exitText(int exit) {
    String signal = signal(exit);
    return "exit " + exit + (signal == null ? "" : ", " + signal.substring(0, signal.indexOf(':')));
  }

  /** A JVM ended by a signal exits with 128 + its number. */
  private static String signal(int exit) {
    return exit > 128 && exit < 160 ? SIGNALS.getOrDefault(exit - 128, "signal " + (exit - 128) + ": ended from outside")
        : null;
  }

  private static String phrase(String phase) {
    return switch (phase) {
      case "replay" -> "the replay";
      case "load test" -> "the load test";
      default -> phase;
    };
  }

  private static List<String> indented(List<String> details) {
    return details.stream().map(d -> "    " + d).toList();
  }

  private static String bounded(List<String> lines) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (kept.size() == MAX_LINES - 1 && i < lines.size() - 1) {
        kept.add(lines.get(lines.size() - 1)); // the "see" line always
        break;
      }
      String line = lines.get(i);
      kept.add(line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) + "..." : line);
    }
    return String.join("\n", kept);
  }
}
