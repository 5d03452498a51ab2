package dev.optkit.validation.report;

import dev.optkit.validation.harness.AnswerLine;
import dev.optkit.validation.harness.HostResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Derives a scenario's figures from the two versions' measurements and checks it against the criteria. */
public final class ScenarioComparison {
  private static final int SHOWN_DIFFERENCES = 10;

  private ScenarioComparison() {
  }

  public static ScenarioReport compare(String scenario, HostResult original, HostResult migrated, Path originalAnswers,
      Path migratedAnswers) throws IOException {
    return compare(scenario, original, migrated, originalAnswers, migratedAnswers, CallCosts.defaults());
  }

  /** @param costs the price of a downstream call by kind, for the cost criterion and the savings */
  public static ScenarioReport compare(String scenario, HostResult original, HostResult migrated, Path originalAnswers,
      Path migratedAnswers, CallCosts costs) throws IOException {
    // both files read line by line, side by side: a run of a million calls is never held in memory
    List<ScenarioReport.Difference> differences = new ArrayList<>();
    Map<String, Integer> callCounts = new HashMap<>();
    int differing = 0;
    int compared = 0;
    try (BufferedReader after = Files.newBufferedReader(migratedAnswers, StandardCharsets.UTF_8);
        BufferedReader before = original == null ? null
            : Files.newBufferedReader(originalAnswers, StandardCharsets.UTF_8)) {
      for (int line = 0; ; line++) {
        AnswerLine a = answer(after.readLine(), line);
        AnswerLine b = before == null ? null : answer(before.readLine(), line);
        if (a == null && b == null) {
          break;
        }
        if (a != null && !a.write()) {
          count(callCounts, a.call());
        }
        if (before == null) {
          continue;
        }
        AnswerLine shown = a != null ? a : b;
        compared += a != null && b != null ? 1 : 0;
        if (a == null || b == null || a.write() != b.write() || !a.answer().equals(b.answer())) {
          differing++;
          if (differences.size() < SHOWN_DIFFERENCES) {
            differences.add(new ScenarioReport.Difference(shown.index(), shown.call(),
                b == null ? "(no answer)" : b.answer(), a == null ? "(no answer)" : a.answer(), shown.write()));
          }
        }
      }
    }
    HostResult.Replay m = migrated.replay();
    double migratedErrorRate = m.reads() == 0 ? 0 : (double) m.readErrors() / m.reads();
    Double originalErrorRate = null;
    Double hitRate = null;
    Double callsReduction = null;
    Double costReduction = null;
    ScenarioReport.Savings savings = null;
    if (original != null) {
      HostResult.Replay o = original.replay();
      originalErrorRate = o.reads() == 0 ? 0 : (double) o.readErrors() / o.reads();
      if (o.counted() && m.counted() && o.readCalls() > 0) {
        hitRate = Math.max(0, 1 - (double) m.readCalls() / o.readCalls());
        callsReduction = o.totalCalls() == 0 ? 0 : 1 - (double) m.totalCalls() / o.totalCalls();
        double costBefore = cost(o.perSite(), costs);
        costReduction = costBefore == 0 ? 0 : 1 - cost(m.perSite(), costs) / costBefore;
        long savedPer10k = Math.round((o.readCalls() - m.readCalls()) * 10_000.0 / Math.max(1, o.reads()));
        double meanCallSeconds = meanCallSeconds(o.perSite());
        savings = new ScenarioReport.Savings(savedPer10k, savedPer10k * meanCallSeconds,
            savedPer10k * (cost(o.perSite(), costs) / Math.max(1, o.totalCalls())));
      }
    }
    SpeedEstimate speed = original == null ? null : SpeedEstimate.of(original.bench(), migrated.bench());
    Double speedup = speed == null ? null : speed.ratio();
    ScenarioReport.Writes writes = m.writes() == 0 ? null : new ScenarioReport.Writes(m.writes(),
        original == null ? null : original.replay().writeErrors(), m.writeErrors());
    return new ScenarioReport(scenario, original, migrated, hitRate, callsReduction, speedup, costReduction,
        originalErrorRate, migratedErrorRate, compared, differing, differences, hottestKeys(callCounts),
        ttlAdvice(hitRate), savings, warnings(scenario, original, migrated), speed, writes);
  }

  /** A line of an answers file; one that is not (cut short, or written by something else) is an answer of its own. */
  private static AnswerLine answer(String line, int number) {
    if (line == null) {
      return null;
    }
    AnswerLine parsed = AnswerLine.parse(line);
    return parsed != null ? parsed : new AnswerLine(false, number, "?", "(unreadable line " + number + ")");
  }

  /**
   * Answers the comparison could not see into: equal markers would count as equal answers with
   * nothing compared, so each is a warning, and the differing-answers criterion fails on it.
   */
  private static List<String> warnings(String scenario, HostResult original, HostResult migrated) {
    List<String> warnings = new ArrayList<>();
    for (HostResult result : new HostResult[] {original, migrated}) {
      if (result != null && result.replay().opaqueAnswers() > 0) {
        String version = (result == original ? CodeSide.ORIGINAL : CodeSide.measured(original != null)).label();
        warnings.add("scenario '" + scenario + "': " + result.replay().opaqueAnswers() + " of " + result.replay().reads()
            + " answers of the " + version + " code could not be compared, nothing in them to see (first: "
            + result.replay().opaque() + "); set compareAs: toString on the scenario if its toString() shows "
            + "its state, or return a value with fields");
      }
    }
    return warnings;
  }

  private static boolean blind(ScenarioReport report) {
    return report.migrated().replay().opaqueAnswers() > 0
        || report.original() != null && report.original().replay().opaqueAnswers() > 0;
  }

  /**
   * Every criterion for this scenario; a figure that could not be measured fails its criterion, saying
   * so, except the read speedup of a run without benchmarks ({@code --no-bench}), which is not checked.
   */
  public static List<CriterionResult> check(ScenarioReport report, Criteria criteria) {
    List<CriterionResult> results = new ArrayList<>();
    String s = report.scenario();
    results.add(atLeast(s, "hit rate", criteria.hitRate(), report.hitRate()));
    results.add(atLeast(s, "downstream calls reduced", criteria.callsReduction(), report.callsReduction()));
    boolean benchSkipped = report.original() != null && report.original().bench() == null
        && report.migrated().bench() == null;
    if (!benchSkipped) { // --no-bench: the speedup is not checked, and the report says so
      results.add(speedup(s, criteria.speedup(), report.speed()));
    }
    if (report.writes() != null) {
      results.add(writes(s, report.writes()));
    }
    results.add(atLeast(s, "cost reduced", criteria.costReduction(), report.costReduction()));
    double before = report.originalErrorRate() == null ? 0 : report.originalErrorRate();
    results.add(new CriterionResult(s, "error rate not higher", "≤ " + pct(before), pct(report.migratedErrorRate()),
        report.migratedErrorRate() <= before));
    if (blind(report)) { // fails closed: answers that could not be seen into compare equal without being compared
      results.add(new CriterionResult(s, "differing answers", "≤ " + criteria.differingAnswers(),
          report.differingAnswers() + " of " + report.answersCompared() + ", but some answers could not be seen into "
              + "(see the warning)", false));
    } else {
      results.add(new CriterionResult(s, "differing answers", "≤ " + criteria.differingAnswers(),
          report.differingAnswers() + " of " + report.answersCompared(),
          report.differingAnswers() <= criteria.differingAnswers()));
    }
    return results;
  }

  /**
   * Passes only when the interval's pessimistic end clears the requirement, fails only when its
   * optimistic end misses it, and otherwise is undecided: the machine was too noisy to tell.
   */
  static CriterionResult speedup(String scenario, double required, SpeedEstimate speed) {
    String name = "speedup";
    String asked = "≥ " + fmt(required) + "x";
    if (speed == null) {
      return new CriterionResult(scenario, name, asked, "not measured", false);
    }
    String measured = fmt(speed.ratio()) + "x, " + pct(SpeedEstimate.CONFIDENCE) + " interval " + fmt(speed.low())
        + "-" + (speed.high() == null ? "unbounded" : fmt(speed.high())) + "x";
    if (speed.clears(required)) {
      return new CriterionResult(scenario, name, asked, measured, true);
    }
    if (speed.misses(required)) {
      return new CriterionResult(scenario, name, asked, measured, false);
    }
    String noise = speed.noise() == null
        ? "fewer than two measured iterations per version: run more forks or iterations"
        : "the iterations vary so much that the ratio is known only within x/÷ " + fmt(speed.noise());
    return CriterionResult.inconclusive(scenario, name, asked, measured + "; inconclusive: noisy machine (" + noise + ")");
  }

  /**
   * Writes must fail no more often than the original's, and not all of them: a scenario whose writes
   * all throw changed nothing, so its reads could not have been stale, and its answers tested nothing.
   */
  static CriterionResult writes(String scenario, ScenarioReport.Writes writes) {
    String name = "writes succeed as before";
    int before = writes.originalErrors() == null ? 0 : writes.originalErrors();
    String measured = writes.migratedErrors() + " of " + writes.calls() + " writes failed"
        + (writes.originalErrors() == null ? "" : " (original: " + before + ")");
    if (writes.migratedErrors() == writes.calls() || writes.originalErrors() != null && before == writes.calls()) {
      return new CriterionResult(scenario, name, "some writes succeed, errors as in the original",
          measured + ": the writes tested nothing", false);
    }
    boolean same = writes.originalErrors() == null || writes.migratedErrors() == before;
    return new CriterionResult(scenario, name, "errors = " + before, measured, same);
  }

  private static CriterionResult atLeast(String scenario, String name, double required, Double measured) {
    if (measured == null) {
      return new CriterionResult(scenario, name, "≥ " + pct(required), "not measured (no downstream calls counted)", false);
    }
    return new CriterionResult(scenario, name, "≥ " + pct(required), pct(measured), measured >= required);
  }

  private static double cost(Map<String, long[]> perSite, CallCosts costs) {
    double cost = 0;
    for (var entry : perSite.entrySet()) {
      String kind = entry.getKey().substring(0, entry.getKey().indexOf('\t'));
      cost += entry.getValue()[0] * costs.of(kind);
    }
    return cost;
  }

  private static double meanCallSeconds(Map<String, long[]> perSite) {
    long calls = 0;
    long nanos = 0;
    for (long[] figures : perSite.values()) {
      calls += figures[0];
      nanos += figures[2];
    }
    return calls == 0 ? 0 : nanos / 1e9 / calls;
  }

  /**
   * Counts a read's call. New calls stop being counted past {@value #COUNTED_CALLS} distinct ones: the
   * hot keys of a workload are among its first calls, and one of more distinct calls has none worth warming.
   */
  private static void count(Map<String, Integer> counts, String call) {
    if (counts.size() < COUNTED_CALLS || counts.containsKey(call)) {
      counts.merge(call, 1, Integer::sum);
    }
  }

  private static final int COUNTED_CALLS = 50_000;

  private static List<ScenarioReport.HotKey> hottestKeys(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(5).map(e -> new ScenarioReport.HotKey(e.getKey(), e.getValue())).toList();
  }

  private static String ttlAdvice(Double hitRate) {
    if (hitRate == null) {
      return null;
    }
    if (hitRate >= 0.95) {
      return "very high hit rate: consider a longer TTL, where the data tolerates it, to save the calls left";
    }
    if (hitRate >= 0.70) {
      return "good hit rate: a longer TTL may raise it, if the data allows that much staleness";
    }
    if (hitRate >= 0.30) {
      return "low hit rate: keys repeat rarely within the TTL; consider a longer TTL or caching fewer keys";
    }
    return "very low hit rate: this cache mostly adds memory and a lookup; consider removing it";
  }

  static String pct(double value) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", value * 100);
  }

  static String fmt(double value) {
    return String.format(java.util.Locale.ROOT, "%.1f", value);
  }
}
