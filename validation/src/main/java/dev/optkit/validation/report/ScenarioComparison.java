package dev.optkit.validation.report;

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
  /** Cost of one downstream call by kind, in USD, for the cost criterion: a remote API costs more than a query. */
  private static final Map<String, Double> COST_PER_CALL = Map.of("http", 0.001, "jdbc", 0.0001);
  private static final int SHOWN_DIFFERENCES = 10;

  private ScenarioComparison() {
  }

  public static ScenarioReport compare(String scenario, HostResult original, HostResult migrated, Path originalAnswers,
      Path migratedAnswers) throws IOException {
    // both files read line by line, side by side: a run of a million calls is never held in memory
    List<ScenarioReport.Difference> differences = new ArrayList<>();
    Map<String, Integer> callCounts = new HashMap<>();
    int differing = 0;
    int compared = 0;
    try (BufferedReader after = Files.newBufferedReader(migratedAnswers, StandardCharsets.UTF_8);
        BufferedReader before = original == null ? null
            : Files.newBufferedReader(originalAnswers, StandardCharsets.UTF_8)) {
      for (int i = 0; ; i++) {
        String a = after.readLine();
        String b = before == null ? null : before.readLine();
        if (a == null && b == null) {
          break;
        }
        String[] m = a != null ? a.split("\t", 3) : new String[] {"" + i, "?", "(no answer)"};
        if (a != null) {
          count(callCounts, m);
        }
        if (before == null) {
          continue;
        }
        String[] o = b != null ? b.split("\t", 3) : new String[] {"" + i, "?", "(no answer)"};
        compared += a != null && b != null ? 1 : 0;
        if (!o[2].equals(m[2])) {
          differing++;
          if (differences.size() < SHOWN_DIFFERENCES) {
            differences.add(new ScenarioReport.Difference(i, o[1], o[2], m[2]));
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
    Double speedup = null;
    ScenarioReport.Savings savings = null;
    if (original != null) {
      HostResult.Replay o = original.replay();
      originalErrorRate = o.reads() == 0 ? 0 : (double) o.readErrors() / o.reads();
      if (o.counted() && m.counted() && o.readCalls() > 0) {
        hitRate = Math.max(0, 1 - (double) m.readCalls() / o.readCalls());
        callsReduction = o.totalCalls() == 0 ? 0 : 1 - (double) m.totalCalls() / o.totalCalls();
        double costBefore = cost(o.perSite());
        costReduction = costBefore == 0 ? 0 : 1 - cost(m.perSite()) / costBefore;
        long savedPer10k = Math.round((o.readCalls() - m.readCalls()) * 10_000.0 / Math.max(1, o.reads()));
        double meanCallSeconds = meanCallSeconds(o.perSite());
        savings = new ScenarioReport.Savings(savedPer10k, savedPer10k * meanCallSeconds,
            savedPer10k * (cost(o.perSite()) / Math.max(1, o.totalCalls())));
      }
      if (original.bench() != null && migrated.bench() != null && migrated.bench().meanMicros() > 0) {
        speedup = original.bench().meanMicros() / migrated.bench().meanMicros();
      }
    }
    return new ScenarioReport(scenario, original, migrated, hitRate, callsReduction, speedup, costReduction,
        originalErrorRate, migratedErrorRate, compared, differing, differences, hottestKeys(callCounts),
        ttlAdvice(hitRate), savings, warnings(scenario, original, migrated));
  }

  /**
   * Answers the comparison could not see into: equal markers would count as equal answers with
   * nothing compared, so each is a warning, and the differing-answers criterion fails on it.
   */
  private static List<String> warnings(String scenario, HostResult original, HostResult migrated) {
    List<String> warnings = new ArrayList<>();
    for (HostResult result : new HostResult[] {original, migrated}) {
      if (result != null && result.replay().opaqueAnswers() > 0) {
        String version = result == original ? "original" : original == null ? "current" : "migrated";
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
      results.add(report.speedup() == null
          ? new CriterionResult(s, "cached read speedup", "≥ " + criteria.speedup() + "x", "not measured", false)
          : new CriterionResult(s, "cached read speedup", "≥ " + fmt(criteria.speedup()) + "x",
              fmt(report.speedup()) + "x", report.speedup() >= criteria.speedup()));
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

  private static CriterionResult atLeast(String scenario, String name, double required, Double measured) {
    if (measured == null) {
      return new CriterionResult(scenario, name, "≥ " + pct(required), "not measured (no downstream calls counted)", false);
    }
    return new CriterionResult(scenario, name, "≥ " + pct(required), pct(measured), measured >= required);
  }

  private static double cost(Map<String, long[]> perSite) {
    double cost = 0;
    for (var entry : perSite.entrySet()) {
      String kind = entry.getKey().substring(0, entry.getKey().indexOf('\t'));
      cost += entry.getValue()[0] * COST_PER_CALL.getOrDefault(kind, 0.0005);
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
  private static void count(Map<String, Integer> counts, String[] line) {
    if (line.length > 1 && (counts.size() < COUNTED_CALLS || counts.containsKey(line[1]))) {
      counts.merge(line[1], 1, Integer::sum);
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
