package dev.optkit.analyzers.index;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Code whose result the project already caches: methods that use a cache ({@code @Cacheable}, a
 * Caffeine cache they read through, optkit's own caches) and the methods only they call, such as
 * the loader a plain cache calls on a miss. Their calls are made once per miss, not per request.
 */
public final class CachedCode {
  private final ProjectIndex index;
  private Map<IndexedMethod, String> cached;

  CachedCode(ProjectIndex index) {
    this.index = index;
  }

  /** Why the method's calls are behind a cache already, or empty. */
  public synchronized Optional<String> whyCached(IndexedMethod method) {
    compute();
    return Optional.ofNullable(cached.get(method));
  }

  synchronized void compute() {
    if (cached == null) {
      Map<IndexedMethod, String> entries = new IdentityHashMap<>();
      for (IndexedMethod candidate : index.methods()) {
        if (index.alreadyCached(candidate)) {
          entries.put(candidate, "already cached by the project (" + candidate.fact().displayName() + "())");
        }
      }
      cached = OnlyCalledFrom.closure(index, entries, "already cached: called only from the cached");
    }
  }
}
