package dev.optkit.validation.report;

import java.util.List;

/** The whole run: every scenario and every criterion, and whether all of them held. */
public record ValidationReport(String runId, String workload, boolean baselineOnly, boolean callsCounted,
    List<ScenarioReport> scenarios, List<CriterionResult> criteria) {

  public boolean passed() {
    return criteria.stream().allMatch(CriterionResult::passed);
  }

  public List<CriterionResult> failures() {
    return criteria.stream().filter(c -> !c.passed()).toList();
  }
}
