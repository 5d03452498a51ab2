package dev.optkit.cli.report;

import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateFileException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.validation.harness.HostResult;
import dev.optkit.validation.report.CriterionResult;
import dev.optkit.validation.report.ScenarioReport;
import dev.optkit.validation.report.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** validate's report for the terminal and as Markdown, and the history of earlier runs. */
public final class ValidationText {
  private ValidationText() {
  }

  public static String terminal(ValidationReport report) {
    return render(report, false);
  }

  public static String markdown(ValidationReport report) {
    return render(report, true);
  }

  private static String render(ValidationReport report, boolean md) {
    StringBuilder out = new StringBuilder();
    out.append(md ? "# optkit validate\n\n" : "optkit validate\n").append(md ? "" : "\n");
    if (!report.callsCounted()) {
      out.append("Downstream calls were not counted: the call-counting agent jar was not found.\n\n");
    }
    for (ScenarioReport s : report.scenarios()) {
      out.append(md ? "## " : "Scenario ").append(s.scenario()).append(md ? "\n\n" : "\n");
      out.append(md ? "| | original | migrated |\n|---|---|---|\n" : "");
      row(out, md, "read latency mean (µs)", bench(s.original(), "mean"), bench(s.migrated(), "mean"));
      if (s.speed() != null) {
        row(out, md, "  geometric mean, 99.9% interval (µs), n", ValidationFigures.interval(s.speed().original()),
            ValidationFigures.interval(s.speed().migrated()));
      }
      row(out, md, "read latency p50 / p95 / p99 (µs)", bench(s.original(), "pct"), bench(s.migrated(), "pct"));
      row(out, md, "misses timed by JMH (calls made)", ValidationFigures.timedMisses(s.original()),
          ValidationFigures.timedMisses(s.migrated()));
      for (String outcome : ValidationFigures.OUTCOMES) {
        if (ValidationFigures.has(s, outcome)) {
          row(out, md, "replay " + ValidationFigures.plural(outcome) + ": n, p50 / p99 (µs)", ValidationFigures.replay(s.original(), outcome),
              ValidationFigures.replay(s.migrated(), outcome));
        }
      }
      row(out, md, "downstream calls in replay (reads / all)", calls(s.original()), calls(s.migrated()));
      row(out, md, "load: throughput (reads/s)", load(s.original(), "tput"), load(s.migrated(), "tput"));
      row(out, md, "load: p95 / p99 (µs)", load(s.original(), "pct"), load(s.migrated(), "pct"));
      row(out, md, "read error rate", s.originalErrorRate() == null ? "-" : pct(s.originalErrorRate()),
          pct(s.migratedErrorRate()));
      out.append(md ? "\n" : "");
      line(out, md, "answers compared: " + s.answersCompared() + ", differing: " + s.differingAnswers()
          + (s.writes() == null ? "" : " (writes included: " + s.writes().calls() + ", failed " + s.writes().migratedErrors()
              + (s.writes().originalErrors() == null ? "" : ", original " + s.writes().originalErrors()) + ")"));
      ValidationFigures.fillWarning(s).ifPresent(warning -> line(out, md, "WARNING: " + warning));
      for (String warning : s.warnings()) {
        line(out, md, "WARNING: " + warning);
      }
      if (s.hitRate() != null) {
        line(out, md, "hit rate " + pct(s.hitRate()) + ", downstream calls " + signed(s.callsReduction())
            + ", cost " + signed(s.costReduction()) + (s.speedup() == null ? "" : ", read " + f1(s.speedup()) + "x faster"));
      }
      cacheLines(out, md, "original", s.original());
      cacheLines(out, md, "migrated", s.migrated());
      if (s.savings() != null) {
        line(out, md, String.format(Locale.ROOT, "per 10,000 reads: %d calls saved, %.1f s of downstream time, $%.2f",
            s.savings().callsSavedPer10k(), s.savings().secondsSavedPer10k(), s.savings().costSavedPer10k()));
      }
      if (s.ttlAdvice() != null) {
        line(out, md, "TTL: " + s.ttlAdvice());
      }
      if (!s.hottestKeys().isEmpty()) {
        line(out, md, "hottest keys: " + String.join(", ", s.hottestKeys().stream()
            .map(k -> k.call() + " x" + k.reads()).toList()));
      }
      for (ScenarioReport.Difference d : s.differences()) {
        line(out, md, "DIFFERS at " + (d.write() ? "write #" : "read #") + d.index() + " " + d.call() + ": original "
            + d.original() + ", migrated " + d.migrated());
      }
      out.append("\n");
    }
    if (report.baselineOnly()) {
      out.append("Baseline only: nothing to compare, no criteria checked.\n");
      return out.toString();
    }
    out.append(md ? "## Criteria\n\n| scenario | criterion | required | measured | |\n|---|---|---|---|---|\n" : "Criteria\n");
    for (CriterionResult c : report.criteria()) {
      if (md) {
        out.append("| ").append(c.scenario()).append(" | ").append(c.criterion()).append(" | ").append(c.required())
            .append(" | ").append(c.measured()).append(" | ")
            .append(c.passed() ? "pass" : c.inconclusive() ? "*inconclusive*" : "**FAIL**").append(" |\n");
      } else {
        out.append(String.format(Locale.ROOT, "  %-4s %s: %s (required %s)%n", c.passed() ? "ok" : c.inconclusive() ? "??"
            : "FAIL", c.criterion(), c.measured(), c.required()));
      }
    }
    if (report.scenarios().stream().anyMatch(s -> s.migrated().bench() == null)) {
      out.append(md ? "\n" : "").append("  (cached read speedup not checked: run without --no-bench to measure it)\n");
    }
    out.append(md ? "\n" : "").append(!report.passed()
        ? "FAILED: " + report.failures().size() + " criterion/criteria missed\n"
        : report.inconclusive() ? "INCONCLUSIVE: nothing failed, but " + report.undecided().size() + " criterion/criteria "
            + "could not be decided on this machine (see ??); more forks or a quieter machine decide it, and --strict "
            + "fails on it\n"
        : "PASSED: every criterion holds\n");
    return out.toString();
  }

  /** A report of many scenarios is tens of KB; a planted file is never read whole past this. */
  private static final long MAX_REPORT_BYTES = 16L << 20;

  /**
   * One line per earlier run: when, and the key figures of each scenario. A run whose report cannot
   * be read (a link, a damaged or foreign file) is named and skipped; the others are still shown.
   */
  public static String history(StateDirectory state, Path runs) throws StateFileException {
    if (!state.isDirectory(runs)) {
      return "No validate runs yet under " + runs + "\n";
    }
    ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-23s %-20s %8s %8s %8s %9s %6s%n",
        "run", "scenario", "hit", "calls", "speedup", "differing", "gate"));
    List<Path> dirs;
    try {
      dirs = state.list(runs);
    } catch (IOException e) {
      return out.append("could not list ").append(state.shown(runs)).append('\n').toString();
    }
    for (Path dir : dirs) {
      StringBuilder rows = new StringBuilder();
      try {
        if (!state.isDirectory(dir)) {
          continue;
        }
        java.util.Optional<byte[]> bytes = state.read(dir.resolve("report.json"), MAX_REPORT_BYTES);
        if (bytes.isEmpty()) {
          continue; // a run that did not finish
        }
        ValidationReport report = mapper.readValue(bytes.get(), ValidationReport.class);
        for (ScenarioReport s : report.scenarios()) {
          rows.append(String.format(Locale.ROOT, "%-23s %-20s %8s %8s %8s %9d %6s%n", dir.getFileName(),
              printable(s.scenario()), s.hitRate() == null ? "-" : pct(s.hitRate()),
              s.callsReduction() == null ? "-" : signed(s.callsReduction()),
              s.speedup() == null ? "-" : f1(s.speedup()) + "x", s.differingAnswers(),
              report.baselineOnly() ? "-" : !report.passed() ? "FAIL" : report.inconclusive() ? "??" : "pass"));
        }
      } catch (StateFileException e) {
        rows.setLength(0);
        rows.append(String.format(Locale.ROOT, "%-23s skipped: %s%n", dir.getFileName(), e.problem()));
      } catch (IOException | RuntimeException e) {
        // Jackson's message quotes the file, and a report missing its parts fails later: only that it is not a report is said
        rows.setLength(0);
        rows.append(String.format(Locale.ROOT, "%-23s skipped: report.json is not a report optkit wrote%n",
            dir.getFileName()));
      }
      out.append(rows);
    }
    return out.toString();
  }

  /** A name from a file, as it may be printed: control characters (escape sequences, new lines) replaced. */
  private static String printable(String text) {
    return text == null ? "-" : text.codePoints().map(c -> Character.isISOControl(c)
        || Character.getType(c) == Character.FORMAT ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  private static void row(StringBuilder out, boolean md, String name, String before, String after) {
    out.append(md ? "| " + name + " | " + before + " | " + after + " |\n"
        : String.format(Locale.ROOT, "  %-42s %26s %26s%n", name, before, after));
  }

  /** The caches the replay used, by their own statistics (the hit rate above counts downstream calls). */
  private static void cacheLines(StringBuilder out, boolean md, String version, HostResult result) {
    if (result == null || result.replay() == null) {
      return;
    }
    result.replay().caches().forEach((name, counts) -> {
      if (!counts.recording()) {
        line(out, md, version + " cache " + name + ": keeps no statistics (built without recordStats())");
      } else if (counts.hits() + counts.misses() > 0) {
        line(out, md, String.format(Locale.ROOT, "%s cache %s: hit rate %s (%d hits, %d misses)", version, name,
            pct(counts.hitRate()), counts.hits(), counts.misses()));
      }
    });
  }

  private static void line(StringBuilder out, boolean md, String text) {
    out.append(md ? "- " : "  ").append(text).append('\n');
  }

  private static String bench(HostResult r, String what) {
    if (r == null || r.bench() == null) {
      return "-";
    }
    return what.equals("mean") ? f1(r.bench().meanMicros())
        : f1(r.bench().p50Micros()) + " / " + f1(r.bench().p95Micros()) + " / " + f1(r.bench().p99Micros());
  }

  private static String calls(HostResult r) {
    return r == null ? "-" : !r.replay().counted() ? "not counted" : r.replay().readCalls() + " / " + r.replay().totalCalls();
  }

  private static String load(HostResult r, String what) {
    if (r == null || r.load() == null) {
      return "-";
    }
    return what.equals("tput") ? f1(r.load().throughputPerSecond())
        : f1(r.load().p95Micros()) + " / " + f1(r.load().p99Micros());
  }

  private static String pct(double value) {
    return String.format(Locale.ROOT, "%.1f%%", value * 100);
  }

  private static String signed(Double reduction) {
    return reduction == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", -reduction * 100);
  }

  private static String f1(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

}
