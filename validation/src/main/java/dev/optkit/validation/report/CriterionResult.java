package dev.optkit.validation.report;

/** One criterion on one scenario: what it asks, what was measured, and by how much it missed. */
public record CriterionResult(String scenario, String criterion, String required, String measured, boolean passed) {}
