package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.findings.Finding;

/** A candidate migrate will not touch, and why. */
public record Refusal(Finding finding, String reason) {

  /** Distinct writers' reasons, the first few in full: overloads and repeated sites say the same thing. */
  static String summarise(java.util.List<String> reasons) {
    java.util.List<String> distinct = reasons.stream().distinct().toList();
    int shown = Math.min(distinct.size(), 3);
    return String.join("; ", distinct.subList(0, shown))
        + (distinct.size() > shown ? "; and " + (distinct.size() - shown) + " more writers" : "");
  }
}
