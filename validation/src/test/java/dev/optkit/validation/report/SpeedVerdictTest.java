package dev.optkit.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.validation.harness.HostResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The speedup criterion passes only when the interval's pessimistic end clears it, fails only when
 * the optimistic end misses it, and is otherwise inconclusive, saying how noisy the machine was.
 */
class SpeedVerdictTest {
  /** A version's measurement by its iterations' medians, the values the interval is built from. */
  private static HostResult.Bench bench(Double... iterationMedians) {
    return new HostResult.Bench(0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(iterationMedians), null, null);
  }

  @Test
  void aSteadyLargeSpeedupPasses() {
    SpeedEstimate speed = SpeedEstimate.of(bench(5000.0, 5100.0, 4950.0, 5050.0), bench(1.0, 1.1, 0.9, 1.0));
    CriterionResult result = ScenarioComparison.speedup("s", 10, speed);
    assertTrue(result.passed(), result.toString());
    assertTrue(speed.low() > 1000 && speed.low() < speed.ratio() && speed.ratio() < speed.high(), speed.toString());
  }

  @Test
  void identicalCodeNeverPassesTenTimesFaster() {
    // A/A: the same code measured twice, as noisy as a shared machine makes it
    SpeedEstimate speed = SpeedEstimate.of(bench(50.0, 80.0, 45.0, 120.0), bench(60.0, 40.0, 90.0, 55.0));
    CriterionResult result = ScenarioComparison.speedup("s", 10, speed);
    assertFalse(result.passed(), result.toString());
    assertTrue(speed.low() < 1 && (speed.high() == null || speed.high() > 1), speed.toString());
  }

  @Test
  void aClearMissFailsOutright() {
    SpeedEstimate speed = SpeedEstimate.of(bench(100.0, 101.0, 99.0, 100.0), bench(50.0, 51.0, 49.0, 50.0));
    CriterionResult result = ScenarioComparison.speedup("s", 10, speed);
    assertTrue(result.failed(), result.toString());
    assertFalse(result.inconclusive());
  }

  @Test
  void anIntervalStraddlingTheRequirementIsInconclusiveAndSaysHowNoisy() {
    // ~10x on average, but one fork of the original ran on a busy machine
    SpeedEstimate speed = SpeedEstimate.of(bench(100.0, 40.0, 160.0, 100.0), bench(10.0, 8.0, 12.0, 10.0));
    CriterionResult result = ScenarioComparison.speedup("s", 10, speed);
    assertTrue(result.inconclusive(), result.toString());
    assertFalse(result.passed());
    assertTrue(result.measured().contains("inconclusive: noisy machine") && result.measured().contains("x/÷"),
        result.measured());
    ValidationReport report = ValidationReport.completed(ValidationReport.Context.unknown(), null, "r", "w", false,
        true, List.of(), List.of(result));
    assertEquals(ValidationReport.INCONCLUSIVE, report.outcome());
    assertTrue(report.gatePassed(false));
    assertFalse(report.gatePassed(true));
  }

  @Test
  void iterationsThatVaryAThousandfoldDecideNothing() {
    SpeedEstimate speed = SpeedEstimate.of(bench(8200.0, 14100.0, 9000.0, 9400.0), bench(0.15, 119.0, 0.2, 90.0));
    CriterionResult result = ScenarioComparison.speedup("s", 10, speed);
    assertTrue(result.inconclusive(), result.toString());
  }

  @Test
  void theIntervalCoversTheTrueRatioAtTheStatedConfidence() {
    // log-normal iteration means, true ratio 10: over 2,000 simulated runs the interval misses it in at most
    // a few (0.1% expected); a formula that forgot the t quantile or the variance would miss in hundreds
    java.util.Random random = new java.util.Random(7);
    int missed = 0;
    for (int run = 0; run < 2000; run++) {
      Double[] before = new Double[4];
      Double[] after = new Double[4];
      for (int i = 0; i < 4; i++) {
        before[i] = 1000 * Math.exp(0.5 * random.nextGaussian());
        after[i] = 100 * Math.exp(0.3 * random.nextGaussian());
      }
      SpeedEstimate estimate = SpeedEstimate.of(bench(before), bench(after));
      missed += estimate.low() > 10 || estimate.high() < 10 ? 1 : 0;
    }
    assertTrue(missed <= 10, missed + " of 2000 intervals missed the true ratio");
  }

  @Test
  void oneIterationPerVersionDecidesNothing() {
    SpeedEstimate speed = SpeedEstimate.of(bench(5000.0), bench(1.0));
    assertNull(speed.high());
    CriterionResult result = ScenarioComparison.speedup("s", 10, speed);
    assertTrue(result.inconclusive(), result.toString());
    assertTrue(result.measured().contains("fewer than two measured iterations"), result.measured());
  }

  @Test
  void failingWritesFailTheGate() {
    CriterionResult allFailed = ScenarioComparison.writes("s", new ScenarioReport.Writes(40, 40, 40));
    assertTrue(allFailed.failed(), allFailed.toString());
    assertTrue(allFailed.measured().contains("the writes tested nothing"), allFailed.measured());
    CriterionResult more = ScenarioComparison.writes("s", new ScenarioReport.Writes(40, 0, 3));
    assertTrue(more.failed(), more.toString());
    CriterionResult fewer = ScenarioComparison.writes("s", new ScenarioReport.Writes(40, 3, 0));
    assertTrue(fewer.failed(), "errors that differ either way are a changed behaviour: " + fewer);
    CriterionResult same = ScenarioComparison.writes("s", new ScenarioReport.Writes(40, 2, 2));
    assertTrue(same.passed(), same.toString());
  }
}
