package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.findings.Finding;

/**
 * A loop migrate rewrites: its calls started ahead of the one it joins, handed to a pool, or
 * batched into one query per chunk.
 *
 * @param path the file, relative to the project
 * @param action what the rewrite makes the loop do, for the plan and the journal
 */
public record LoopRewrite(Finding finding, String path, String action) {
  /** The loop's class and method, {@code PricingClient.fetchUnitPrices}. */
  public String method() {
    String owner = finding.enclosingClass();
    return owner.substring(owner.lastIndexOf('.') + 1) + "." + finding.enclosingMethod().replaceAll("\\(.*", "");
  }

  /** One line for the plan and the journal. */
  public String describe() {
    return method() + "(): " + action() + " (loop at line "
        + finding.line() + ")";
  }
}
