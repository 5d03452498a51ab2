package dev.optkit.validation.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The success criteria a migration must meet, with the seed's defaults: hit rate over 70%,
 * downstream calls down by half, the cached read ten times faster, no more errors, cost down by 40%,
 * and not one answer different from the original's.
 */
public record Criteria(double hitRate, double callsReduction, double speedup, double costReduction,
    int differingAnswers) {

  public static Criteria defaults() {
    return new Criteria(0.70, 0.50, 10.0, 0.40, 0);
  }

  /** The defaults with the workload's or the command line's overrides, by name. */
  public Criteria with(Map<String, Double> overrides) {
    Map<String, Double> values = new LinkedHashMap<>(Map.of("hitRate", hitRate, "callsReduction", callsReduction,
        "speedup", speedup, "costReduction", costReduction, "differingAnswers", (double) differingAnswers));
    for (var entry : overrides.entrySet()) {
      if (!values.containsKey(entry.getKey())) {
        throw new IllegalArgumentException("unknown criterion '" + entry.getKey() + "' (known: " + values.keySet() + ")");
      }
      values.put(entry.getKey(), entry.getValue());
    }
    return new Criteria(values.get("hitRate"), values.get("callsReduction"), values.get("speedup"),
        values.get("costReduction"), values.get("differingAnswers").intValue());
  }
}
