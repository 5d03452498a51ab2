package dev.optkit.analyzers.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * The savings model's assumptions. Every figure optkit estimates comes from these, so they are all
 * overridable: defaults, then per rule, then per host or per query (a case-insensitive SQL fragment).
 */
public record SavingsSettings(
    long callsPerDay,
    double hitRate,
    int loopIterations,
    int parallelism,
    Map<String, Double> latencyMs,
    Map<String, Double> costPerCallUsd,
    Map<String, Override> rules,
    Map<String, Override> hosts,
    Map<String, Override> queries) {

  public static final long DEFAULT_CALLS_PER_DAY = 10_000;
  public static final double DEFAULT_HIT_RATE = 0.7;
  public static final int DEFAULT_LOOP_ITERATIONS = 10;
  public static final int DEFAULT_PARALLELISM = 8;
  public static final Map<String, Double> DEFAULT_LATENCY_MS = Map.of("api-call", 150.0, "db-query", 5.0, "llm", 2000.0);
  public static final Map<String, Double> DEFAULT_COST_USD = Map.of("api-call", 0.002, "db-query", 0.0, "llm", 0.01);

  /** Overrides for one rule, host or query; absent fields keep the level above. */
  public record Override(Long callsPerDay, Double hitRate, Double latencyMs, Double costPerCallUsd, Integer loopIterations) {}

  @JsonCreator
  public SavingsSettings(
      @JsonProperty("callsPerDay") Long callsPerDay,
      @JsonProperty("hitRate") Double hitRate,
      @JsonProperty("loopIterations") Integer loopIterations,
      @JsonProperty("parallelism") Integer parallelism,
      @JsonProperty("latencyMs") Map<String, Double> latencyMs,
      @JsonProperty("costPerCallUsd") Map<String, Double> costPerCallUsd,
      @JsonProperty("rules") Map<String, Override> rules,
      @JsonProperty("hosts") Map<String, Override> hosts,
      @JsonProperty("queries") Map<String, Override> queries) {
    this(callsPerDay == null ? DEFAULT_CALLS_PER_DAY : callsPerDay,
        hitRate == null ? DEFAULT_HIT_RATE : hitRate,
        loopIterations == null ? DEFAULT_LOOP_ITERATIONS : loopIterations,
        parallelism == null ? DEFAULT_PARALLELISM : parallelism,
        merged(DEFAULT_LATENCY_MS, latencyMs),
        merged(DEFAULT_COST_USD, costPerCallUsd),
        rules == null ? Map.of() : new TreeMap<>(rules),
        hosts == null ? Map.of() : new TreeMap<>(hosts),
        queries == null ? Map.of() : new TreeMap<>(queries));
  }

  public SavingsSettings {
    if (hitRate < 0 || hitRate > 1) {
      throw new IllegalArgumentException("savings.hitRate must be between 0 and 1, was " + hitRate);
    }
    if (callsPerDay < 0) {
      throw new IllegalArgumentException("savings.callsPerDay must not be negative, was " + callsPerDay);
    }
    if (loopIterations < 1 || parallelism < 1) {
      throw new IllegalArgumentException("savings.loopIterations and savings.parallelism must be at least 1");
    }
    for (String key : latencyMs.keySet()) {
      if (!DEFAULT_LATENCY_MS.containsKey(key)) {
        throw new IllegalArgumentException("savings.latencyMs has unknown category '" + key + "' (expected api-call, db-query or llm)");
      }
    }
    for (String key : costPerCallUsd.keySet()) {
      if (!DEFAULT_COST_USD.containsKey(key)) {
        throw new IllegalArgumentException("savings.costPerCallUsd has unknown category '" + key + "' (expected api-call, db-query or llm)");
      }
    }
  }

  public static SavingsSettings defaults() {
    return new SavingsSettings((Long) null, null, null, null, null, null, null, null, null);
  }

  private static Map<String, Double> merged(Map<String, Double> defaults, Map<String, Double> overrides) {
    Map<String, Double> result = new TreeMap<>(defaults);
    if (overrides != null) {
      result.putAll(overrides);
    }
    return result;
  }
}
