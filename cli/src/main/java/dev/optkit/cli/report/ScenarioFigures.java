package dev.optkit.cli.report;

import dev.optkit.validation.harness.HostResult;
import dev.optkit.validation.report.CodeSide;
import dev.optkit.validation.report.ScenarioReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One scenario's figures in words, the same in every validate format: the rows of its table
 * (original against migrated) and the notes under it. Raw text: each format escapes it its own way.
 */
final class ScenarioFigures {
  private ScenarioFigures() {}

  /** A measurement of both code versions; "-" where a version did not measure it. */
  record Row(String name, String original, String migrated) {}

  static List<Row> rows(ScenarioReport s) {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("read latency mean (µs)", bench(s.original(), true), bench(s.migrated(), true)));
    if (s.speed() != null) {
      rows.add(new Row("  geometric mean, 99.9% interval (µs), n", ValidationFigures.interval(s.speed().original()),
          ValidationFigures.interval(s.speed().migrated())));
    }
    rows.add(new Row("read latency p50 / p95 / p99 (µs)", bench(s.original(), false), bench(s.migrated(), false)));
    rows.add(new Row("misses timed by JMH (calls made)", ValidationFigures.timedMisses(s.original()),
        ValidationFigures.timedMisses(s.migrated())));
    for (String outcome : ValidationFigures.OUTCOMES) {
      if (ValidationFigures.has(s, outcome)) {
        rows.add(new Row("replay " + ValidationFigures.plural(outcome) + ": n, p50 / p99 (µs)",
            ValidationFigures.replay(s.original(), outcome), ValidationFigures.replay(s.migrated(), outcome)));
      }
    }
    rows.add(new Row("downstream calls in replay (reads / all)", calls(s.original()), calls(s.migrated())));
    rows.add(new Row("load: throughput (reads/s)", load(s.original(), true), load(s.migrated(), true)));
    rows.add(new Row("load: p95 / p99 (µs)", load(s.original(), false), load(s.migrated(), false)));
    rows.add(new Row("load: limited by", limitedBy(s.original()), limitedBy(s.migrated())));
    rows.add(new Row("read error rate", s.originalErrorRate() == null ? "-" : pct(s.originalErrorRate()),
        pct(s.migratedErrorRate())));
    return rows;
  }

  /**
   * A note under the table: about one side's code ({@code side}), or about the comparison or the scenario (null).
   * In a {@code --baseline-only} run the measured side is the current code, never called migrated.
   */
  record Note(CodeSide side, String text) {}

  /** The notes' text, in order: what every format writes. */
  static List<String> noteTexts(ScenarioReport s) {
    return notes(s).stream().map(Note::text).toList();
  }

  /** What the table does not show: answers, warnings, derived figures, caches, advice, differences. */
  static List<Note> notes(ScenarioReport s) {
    List<Note> notes = new ArrayList<>();
    for (String text : comparisonNotes(s)) {
      notes.add(new Note(null, text));
    }
    CodeSide measured = s.measuredSide();
    loadNote(notes, CodeSide.ORIGINAL, s.original());
    loadNote(notes, measured, s.migrated());
    cacheNotes(notes, CodeSide.ORIGINAL, s.original());
    cacheNotes(notes, measured, s.migrated());
    for (String text : adviceNotes(s)) {
      notes.add(new Note(null, text));
    }
    return notes;
  }

  private static List<String> comparisonNotes(ScenarioReport s) {
    List<String> notes = new ArrayList<>();
    notes.add("answers compared: " + s.answersCompared() + ", differing: " + s.differingAnswers()
        + (s.writes() == null ? "" : " (writes included: " + s.writes().calls() + ", failed " + s.writes().migratedErrors()
            + (s.writes().originalErrors() == null ? "" : ", original " + s.writes().originalErrors()) + ")"));
    ValidationFigures.fillWarning(s).ifPresent(warning -> notes.add("WARNING: " + warning));
    for (String warning : s.warnings()) {
      notes.add("WARNING: " + warning);
    }
    if (s.hitRate() != null) {
      notes.add("hit rate " + pct(s.hitRate()) + ", downstream calls " + signed(s.callsReduction())
          + ", cost " + signed(s.costReduction()) + (s.speedup() == null ? "" : ", read " + f1(s.speedup()) + "x faster"));
    }
    return notes;
  }

  private static List<String> adviceNotes(ScenarioReport s) {
    List<String> notes = new ArrayList<>();
    if (s.savings() != null) {
      notes.add(String.format(Locale.ROOT, "per 10,000 reads: %d calls saved, %.1f s of downstream time, $%.2f",
          s.savings().callsSavedPer10k(), s.savings().secondsSavedPer10k(), s.savings().costSavedPer10k()));
    }
    if (s.ttlAdvice() != null) {
      notes.add("TTL: " + s.ttlAdvice());
    }
    if (!s.hottestKeys().isEmpty()) {
      notes.add("hottest keys: " + String.join(", ", s.hottestKeys().stream().map(k -> k.call() + " x" + k.reads()).toList()));
    }
    for (ScenarioReport.Difference d : s.differences()) {
      notes.add("DIFFERS at " + (d.write() ? "write #" : "read #") + d.index() + " " + d.call() + ": original "
          + d.original() + ", migrated " + d.migrated());
    }
    return notes;
  }

  /** The caches the replay used, by their own statistics (the hit rate above counts downstream calls). */
  private static void cacheNotes(List<Note> notes, CodeSide side, HostResult result) {
    if (result == null || result.replay() == null) {
      return;
    }
    String version = side.label();
    result.replay().caches().forEach((name, counts) -> {
      if (!counts.recording()) {
        notes.add(new Note(side, version + " cache " + name + ": keeps no statistics (a Caffeine cache built without "
            + "recordStats(), a RedisCacheManager without enableStatistics())"));
      } else if (counts.hits() + counts.misses() > 0) {
        notes.add(new Note(side, String.format(Locale.ROOT, "%s cache %s: hit rate %s (%d hits, %d misses)", version,
            name, pct(counts.hitRate()), counts.hits(), counts.misses())));
      }
    });
  }

  private static String bench(HostResult r, boolean mean) {
    if (r == null || r.bench() == null) {
      return "-";
    }
    return mean ? f1(r.bench().meanMicros())
        : f1(r.bench().p50Micros()) + " / " + f1(r.bench().p95Micros()) + " / " + f1(r.bench().p99Micros());
  }

  private static String calls(HostResult r) {
    return r == null ? "-" : !r.replay().counted() ? "not counted" : r.replay().readCalls() + " / " + r.replay().totalCalls();
  }

  private static String limitedBy(HostResult r) {
    return r == null || r.load() == null ? "-" : String.valueOf(r.load().limitedBy());
  }

  /** Why the load test's throughput is what it is: the code, the pacing, or the load generator itself. */
  private static void loadNote(List<Note> notes, CodeSide side, HostResult result) {
    if (result != null && result.load() != null && result.load().limitedReason() != null) {
      notes.add(new Note(side, side.label() + " load test limited by " + result.load().limitedBy() + ": "
          + result.load().limitedReason()));
    }
  }

  private static String load(HostResult r, boolean throughput) {
    if (r == null || r.load() == null) {
      return "-";
    }
    return throughput ? f1(r.load().throughputPerSecond())
        : f1(r.load().p95Micros()) + " / " + f1(r.load().p99Micros());
  }

  static String pct(double value) {
    return String.format(Locale.ROOT, "%.1f%%", value * 100);
  }

  static String signed(Double reduction) {
    return reduction == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", -reduction * 100);
  }

  static String f1(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
