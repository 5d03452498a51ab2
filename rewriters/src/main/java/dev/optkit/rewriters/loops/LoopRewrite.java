package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.findings.Finding;

/**
 * A loop migrate rewrites so its calls start ahead of the one it joins.
 *
 * @param path the file, relative to the project
 * @param inFlight how many calls it keeps started at most
 * @param futureType the type of the future each element's call gives, as written
 */
public record LoopRewrite(Finding finding, String path, int inFlight, String futureType) {
  /** The loop's class and method, {@code PricingClient.fetchUnitPrices}. */
  public String method() {
    String owner = finding.enclosingClass();
    return owner.substring(owner.lastIndexOf('.') + 1) + "." + finding.enclosingMethod().replaceAll("\\(.*", "");
  }

  /** What the rewrite makes the loop do. */
  public String action() {
    return futureType.startsWith("Future<") || futureType.startsWith("java.util.concurrent.Future<")
        ? "runs up to " + inFlight + " calls ahead on a bounded pool and takes each answer in its turn"
        : "starts up to " + inFlight + " calls ahead and joins each in its turn";
  }

  /** One line for the plan and the journal. */
  public String describe() {
    return method() + "(): " + action() + " (loop at line "
        + finding.line() + ")";
  }
}
