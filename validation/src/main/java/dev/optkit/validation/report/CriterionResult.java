package dev.optkit.validation.report;

/**
 * One criterion on one scenario: what it asks, what was measured, and by how much it missed.
 *
 * @param inconclusive neither passed nor failed: the measurement's interval straddles the
 *     requirement (a noisy machine); {@code passed} is then false, and the run's verdict says so
 *     instead of failing, unless {@code --strict}
 */
public record CriterionResult(String scenario, String criterion, String required, String measured, boolean passed,
    boolean inconclusive) {

  public CriterionResult(String scenario, String criterion, String required, String measured, boolean passed) {
    this(scenario, criterion, required, measured, passed, false);
  }

  public static CriterionResult inconclusive(String scenario, String criterion, String required, String measured) {
    return new CriterionResult(scenario, criterion, required, measured, false, true);
  }

  /** Failed outright: measured, and the requirement missed. */
  public boolean failed() {
    return !passed && !inconclusive;
  }
}
