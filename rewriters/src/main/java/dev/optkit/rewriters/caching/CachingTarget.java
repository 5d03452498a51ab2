package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.config.OptkitConfig.CachePolicy;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.IndexedMethod;
import java.util.List;

/**
 * One method migrate will cache, and how.
 *
 * @param cacheName the cache's name ({@code optkit.Owner.method}, unique per overload)
 * @param evictions writer methods that drop every entry after they write
 * @param warnings what a reviewer must know (self-invocation, stale data nobody evicts)
 * @param acceptedStale writers that cannot evict, accepted with --accept-stale: said in the diff too
 */
public record CachingTarget(
    Finding finding,
    IndexedMethod method,
    CacheForm form,
    String policyName,
    CachePolicy policy,
    String cacheName,
    List<Eviction> evictions,
    List<String> warnings,
    List<String> acceptedStale) {

  /** A writer after whose write every entry of the cache is dropped. */
  public record Eviction(IndexedMethod writer) {}
}
