package dev.optkit.validation.report;

import dev.optkit.validation.harness.HostResult;
import java.util.List;

/**
 * One scenario, original against migrated: the raw measurements of both, and the figures derived
 * from them. {@code original} is null in a baseline-only run.
 *
 * @param hitRate share of reads the migrated code answered without a downstream call that the
 *     original made: {@code 1 - migratedReadCalls / originalReadCalls} over the same replayed
 *     sequence (measured from real calls, not from cache statistics)
 * @param speedup the typical read's latency, original over migrated: the ratio of the geometric means
 *     of every measured iteration's median (JMH sample time, every fork; {@link SpeedEstimate})
 * @param answersCompared reads and writes whose answers were compared
 * @param differingAnswers of them, how many differ: a read's answer or a write's (what it returned or threw)
 * @param differences the first differing answers: call, arguments, both answers
 * @param hottestKeys the most repeated read calls, candidates for warming
 * @param warnings what makes the comparison less than it seems (answers it could not see into), by scenario
 * @param speed the speedup as an interval from every fork's iterations; null without JMH
 * @param writes the scenario's writes in both versions; null when it has none
 */
public record ScenarioReport(String scenario, HostResult original, HostResult migrated, Double hitRate,
    Double callsReduction, Double speedup, Double costReduction, Double originalErrorRate, double migratedErrorRate,
    int answersCompared, int differingAnswers, List<Difference> differences, List<HotKey> hottestKeys,
    String ttlAdvice, Savings savings, List<String> warnings, SpeedEstimate speed, Writes writes) {

  public ScenarioReport {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** Which code {@code migrated} holds: the migrated code beside an original, the current code alone without one. */
  public CodeSide measuredSide() {
    return CodeSide.measured(original != null);
  }

  /** A read call and how often the replay made it. */
  public record HotKey(String call, int reads) {}

  /**
   * One call whose answer changed: a stale read, a changed result, a write that now fails or returns
   * something else.
   *
   * @param index the call's number among the reads, or among the writes when {@code write}
   */
  public record Difference(int index, String call, String original, String migrated, boolean write) {}

  /**
   * The scenario's writes: what they returned is compared like a read's answer (in {@code
   * differingAnswers}); their errors are counted apart, since a write that throws changes nothing
   * and so tests nothing about a cache's staleness.
   *
   * @param originalErrors null in a run of the current code alone
   */
  public record Writes(int calls, Integer originalErrors, int migratedErrors) {}

  /**
   * The seed's savings estimate with measured numbers, per 10,000 reads: calls saved, downstream
   * time saved (calls saved x the original's mean downstream latency) and cost saved.
   */
  public record Savings(long callsSavedPer10k, double secondsSavedPer10k, double costSavedPer10k) {}
}
