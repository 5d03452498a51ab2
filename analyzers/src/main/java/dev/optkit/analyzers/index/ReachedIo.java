package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.findings.Confidence;
import java.util.List;

/**
 * An I/O site a method performs, directly (empty {@code via}) or through a chain of project
 * methods; confidence is the weakest link of the chain.
 */
public record ReachedIo(IoSite site, String sitePath, List<String> via, Confidence confidence) {
  public boolean direct() {
    return via.isEmpty();
  }
}
