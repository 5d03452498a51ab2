package dev.optkit.analyzers.findings;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The estimated daily effect of fixing a finding. Figures are estimates from the savings model's
 * assumptions ({@code basis}), not measurements; validate measures.
 */
@JsonPropertyOrder({"callsPerDay", "callsSavedPerDay", "timeSavedMsPerDay", "costSavedUsdPerDay", "basis"})
public record Savings(
    long callsPerDay,
    long callsSavedPerDay,
    long timeSavedMsPerDay,
    double costSavedUsdPerDay,
    String basis) {

  public static final Savings NONE = new Savings(0, 0, 0, 0.0, "no savings estimated");

  public Savings plus(Savings other) {
    return new Savings(callsPerDay + other.callsPerDay, callsSavedPerDay + other.callsSavedPerDay,
        timeSavedMsPerDay + other.timeSavedMsPerDay, round(costSavedUsdPerDay + other.costSavedUsdPerDay), "total");
  }

  /** Money to the hundredth of a cent, so that sums print the same everywhere. */
  public static double round(double usd) {
    return Math.round(usd * 10_000.0) / 10_000.0;
  }
}
