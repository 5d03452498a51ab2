package dev.optkit.validation.report;

import java.util.List;

/**
 * The whole run: every scenario and every criterion, and whether all of them held. A criterion that
 * could not be decided (an interval straddling its requirement) fails nothing, but the verdict is then
 * {@code INCONCLUSIVE}, never {@code PASSED}.
 */
public record ValidationReport(String runId, String workload, boolean baselineOnly, boolean callsCounted,
    List<ScenarioReport> scenarios, List<CriterionResult> criteria) {

  /** No criterion failed outright (some may be inconclusive: see {@link #verdict()}). */
  public boolean passed() {
    return criteria.stream().noneMatch(CriterionResult::failed);
  }

  public boolean inconclusive() {
    return criteria.stream().anyMatch(CriterionResult::inconclusive);
  }

  /** {@code PASSED}, {@code FAILED}, or {@code INCONCLUSIVE} when nothing failed but something could not be decided. */
  public String verdict() {
    return !passed() ? "FAILED" : inconclusive() ? "INCONCLUSIVE" : "PASSED";
  }

  /** Whether the run gates green: {@code strict} counts an undecided criterion as a failure. */
  public boolean gatePassed(boolean strict) {
    return passed() && !(strict && inconclusive());
  }

  public List<CriterionResult> failures() {
    return criteria.stream().filter(CriterionResult::failed).toList();
  }

  public List<CriterionResult> undecided() {
    return criteria.stream().filter(CriterionResult::inconclusive).toList();
  }
}
