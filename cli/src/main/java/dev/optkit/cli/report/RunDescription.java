package dev.optkit.cli.report;

import dev.optkit.analyzers.Printable;
import dev.optkit.validation.report.CallCosts;
import dev.optkit.validation.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validate run's provenance in words, the same in the terminal, Markdown, HTML and the history:
 * the code versions compared, how it measured, on which JDK, at what prices. Each part is null when
 * the report does not record it (a report from before they were recorded). The text is raw: each
 * format escapes it its own way.
 */
final class RunDescription {
  /** Enough of a commit to find it; the JSON has it whole. */
  private static final int SHORT_COMMIT = 12;
  /** A ref, a path or a vendor read back from a planted report is shown at most this long. */
  private static final int MAX_FIELD_CHARS = 200;

  private RunDescription() {}

  /** The parts present, labelled, in the order they are shown. */
  static Map<String, String> of(ValidationReport report) {
    Map<String, String> parts = new java.util.LinkedHashMap<>();
    putIfPresent(parts, "Compared", refs(report));
    putIfPresent(parts, "Settings", settings(report.settings()));
    putIfPresent(parts, "JDK", jdk(report.jdk()));
    putIfPresent(parts, "Prices per downstream call", costs(report.costs()));
    putIfPresent(parts, "optkit", field(report.optkitVersion()));
    return parts;
  }

  private static void putIfPresent(Map<String, String> parts, String label, String text) {
    if (text != null) {
      parts.put(label, text);
    }
  }

  static String refs(ValidationReport report) {
    ValidationReport.Refs refs = report.refs();
    if (refs == null) {
      return null;
    }
    String current = refs.currentCommit() == null ? "the current code (not in a git repository)"
        : "the working tree at " + commit(refs.currentCommit())
            + (refs.currentChanged() == null ? "" : refs.currentChanged() ? ", changed since" : ", unchanged");
    if (refs.baseline() != null) {
      return "baseline " + field(refs.baseline()) + (refs.baselineCommit() == null ? "" : " (" + commit(refs.baselineCommit())
          + ")") + " against " + current;
    }
    if (refs.baselineJournal() != null) {
      return "baseline rebuilt from migration " + field(refs.baselineJournal()) + " against " + current;
    }
    return current + ", measured alone";
  }

  static String settings(ValidationReport.Settings s) {
    if (s == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    parts.add(s.bench() ? String.format(Locale.ROOT, "JMH %d fork%s, %d warm-up + %d measured iterations of %d s",
        s.forks(), s.forks() == 1 ? "" : "s", s.warmupIterations(), s.iterations(), s.secondsPerIteration())
        : "JMH off (--no-bench)");
    parts.add(s.load() ? "load test on" : "load test off (--no-load)");
    parts.add(String.format(Locale.ROOT, "limits %d s a call, %d s a fixture step, %d s a scenario", s.callSeconds(),
        s.fixtureSeconds(), s.scenarioSeconds()));
    if (s.scenarios() != null) {
      parts.add("only " + String.join(", ", s.scenarios().stream().map(RunDescription::field).toList()));
    }
    return String.join("; ", parts);
  }

  static String jdk(ValidationReport.Jdk jdk) {
    if (jdk == null) {
      return null;
    }
    String version = jdk.version() == null ? "version unknown" : field(jdk.version())
        + (jdk.vendor() == null ? "" : " (" + field(jdk.vendor()) + ")");
    return version + (jdk.executable() == null ? "" : ", " + field(jdk.executable()));
  }

  static String costs(CallCosts costs) {
    if (costs == null) {
      return null;
    }
    List<String> prices = new ArrayList<>();
    costs.perCall().forEach((kind, usd) -> prices.add(field(kind) + " " + usd(usd)));
    prices.add("other kinds " + usd(costs.otherKinds()));
    return String.join(", ", prices) + (costs.source() == null ? "" : " (" + field(costs.source()) + ")");
  }

  /** The verdict in a word or two. */
  static String verdict(ValidationReport report) {
    if (report.runFailed()) {
      return "RUN FAILED";
    }
    if (report.baselineOnly()) {
      return "MEASURED";
    }
    return !report.passed() ? "FAILED" : report.inconclusive() ? "INCONCLUSIVE" : "PASSED";
  }

  static String commit(String commit) {
    String shown = field(commit);
    return shown.length() > SHORT_COMMIT ? shown.substring(0, SHORT_COMMIT) : shown;
  }

  /** A text from a report, as it may be shown: control characters replaced, its length bounded. */
  static String field(String text) {
    String shown = printable(text);
    return shown.length() <= MAX_FIELD_CHARS ? shown : shown.substring(0, MAX_FIELD_CHARS) + "...";
  }

  /** A name from a file, as it may be printed: control and bidirectional characters escaped ({@link Printable}). */
  static String printable(String text) {
    return text == null ? "-" : Printable.escape(text);
  }

  private static String usd(double value) {
    return "$" + java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
