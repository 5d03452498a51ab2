package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.Confidence;
import java.util.List;

/**
 * An I/O site a method performs, directly (empty {@code via}) or through a chain of project
 * methods; confidence is the weakest link of the chain.
 */
public record ReachedIo(IoSite site, String sitePath, List<String> via, Confidence confidence) {
  public boolean direct() {
    return via.isEmpty();
  }

  /** The chain as messages print it, "A.b() -> C.d()", at most {@code cap} methods and a count of the rest. */
  public String chain(int cap) {
    if (via.size() <= Math.max(1, cap)) {
      return String.join(" -> ", via);
    }
    return String.join(" -> ", via.subList(0, Math.max(1, cap))) + " -> ... (" + (via.size() - Math.max(1, cap))
        + " more)";
  }
}
