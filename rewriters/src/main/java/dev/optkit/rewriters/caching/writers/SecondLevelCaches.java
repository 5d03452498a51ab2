package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Caches the project's data layer has already (MyBatis's second-level cache), which a cache above adds nothing to. */
public final class SecondLevelCaches {
  private SecondLevelCaches() {}

  /**
   * Every query the method reads through is answered by a cache the project already has (MyBatis's
   * second-level cache): a second cache above it saves no query and adds its own staleness.
   */
  public static Optional<String> whyCachedAlready(ProjectIndex index, IndexedMethod method) {
    List<String> caches = new ArrayList<>();
    for (var reached : index.reachedIo(method)) {
      if (reached.site().access() != Access.READ) {
        continue;
      }
      Optional<String> cache = index.secondLevelCache(reached.site());
      if (cache.isEmpty()) {
        return Optional.empty();
      }
      caches.add(cache.get());
    }
    return caches.isEmpty() ? Optional.empty() : Optional.of("its queries are already cached by "
        + String.join(", ", caches.stream().distinct().toList()) + ": a second cache above it would save no query "
        + "and add staleness of its own");
  }
}
