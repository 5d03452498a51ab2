package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.findings.Finding;

/** A candidate migrate will not touch, and why. */
public record Refusal(Finding finding, String reason) {

  /** Distinct writers' reasons, the first few in full: overloads and repeated sites say the same thing. */
  static String summarise(java.util.List<String> reasons) {
    return summarise(reasons, 3);
  }

  /** The first {@code most} distinct reasons, and how many more there are. */
  static String summarise(java.util.List<String> reasons, int most) {
    java.util.List<String> distinct = reasons.stream().distinct().toList();
    int shown = Math.min(distinct.size(), most);
    return String.join("; ", distinct.subList(0, shown))
        + (distinct.size() > shown ? "; and " + (distinct.size() - shown) + " more writers" : "");
  }
}
