package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Objects;

/**
 * A candidate migrate will not touch, the proof that did not hold ({@link Proof#id()} in reports) and the reason as
 * printed.
 */
public record Refusal(Finding finding, Proof proof, String reason) {

  public Refusal {
    Objects.requireNonNull(proof, "proof");
  }

  public Refusal(Finding finding, Reason reason) {
    this(finding, reason.proof(), reason.text());
  }

  /** Distinct writers' reasons, the first few in full: overloads and repeated sites say the same thing. */
  public static String summarise(java.util.List<String> reasons) {
    return summarise(reasons, 3);
  }

  /** The first {@code most} distinct reasons, and how many more there are. */
  public static String summarise(java.util.List<String> reasons, int most) {
    java.util.List<String> distinct = reasons.stream().distinct().toList();
    int shown = Math.min(distinct.size(), most);
    return String.join("; ", distinct.subList(0, shown))
        + (distinct.size() > shown ? "; and " + (distinct.size() - shown) + " more writers" : "");
  }
}
