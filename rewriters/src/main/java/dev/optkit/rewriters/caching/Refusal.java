package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.proof.Evidence;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.Objects;

/**
 * A candidate migrate will not touch, the proof that did not hold ({@link Proof#id()} in reports), the reason as
 * printed, and the facts it rests on where the proof names them.
 */
public record Refusal(Finding finding, Proof proof, String reason, java.util.List<Evidence> facts) {

  public Refusal {
    Objects.requireNonNull(proof, "proof");
    facts = facts == null ? java.util.List.of() : java.util.List.copyOf(facts);
  }

  public Refusal(Finding finding, Proof proof, String reason) {
    this(finding, proof, reason, java.util.List.of());
  }

  public Refusal(Finding finding, Reason reason) {
    this(finding, reason.proof(), reason.text(), reason.facts());
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
