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
 * @param clientSizes the parameters through which a caller chooses how many elements an entry holds
 *     ({@code pageable}, {@code limit}): when there are any, the cache is bounded by weight
 *     ({@link CachePolicy#maximumWeight()}, in elements) instead of by entries
 * @param contentGetter for an answer that holds its elements in a project class ({@code PageResponse}), the public
 *     getter without arguments that returns them ({@code getContent}), which the weigher counts; else null
 * @param policyBasis why the policy is the one its name does not give ({@code its answer holds ProductDto.stock}), or
 *     empty when the method's name chose it
 * @param clearedForTests the tests' set-up methods writing its data straight to the store, which the caches' clearing
 *     before each test method covers ({@code TestCacheReset}): the migration adds that listener to the tests
 * @param offInTests test code writing its data straight to the store where the clearing cannot cover it (inside a
 *     test): the caches are off while that module's tests run ({@code CacheSwitchFile#OFF_IN_TESTS_MARKER})
 * @param keepsNoNull whether a null answer is never stored: the method answers null (or an empty Optional) when
 *     something it calls fails ({@code FailureAnswerReads.Verdict.NoValue}), and the next call must try again
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
    List<String> acceptedStale,
    List<String> clientSizes,
    String contentGetter,
    String policyBasis,
    List<IndexedMethod> clearedForTests,
    List<IndexedMethod> offInTests,
    boolean keepsNoNull) {

  public CachingTarget {
    offInTests = offInTests == null ? List.of() : offInTests;
  }

  public CachingTarget(Finding finding, IndexedMethod method, CacheForm form, String policyName, CachePolicy policy,
      String cacheName, List<Eviction> evictions, List<String> warnings, List<String> acceptedStale,
      List<String> clientSizes, String contentGetter, String policyBasis, List<IndexedMethod> clearedForTests,
      List<IndexedMethod> offInTests) {
    this(finding, method, form, policyName, policy, cacheName, evictions, warnings, acceptedStale, clientSizes,
        contentGetter, policyBasis, clearedForTests, offInTests, false);
  }

  public CachingTarget(Finding finding, IndexedMethod method, CacheForm form, String policyName, CachePolicy policy,
      String cacheName, List<Eviction> evictions, List<String> warnings, List<String> acceptedStale,
      List<String> clientSizes, String contentGetter, String policyBasis, List<IndexedMethod> clearedForTests) {
    this(finding, method, form, policyName, policy, cacheName, evictions, warnings, acceptedStale, clientSizes,
        contentGetter, policyBasis, clearedForTests, List.of());
  }

  public CachingTarget(Finding finding, IndexedMethod method, CacheForm form, String policyName, CachePolicy policy,
      String cacheName, List<Eviction> evictions, List<String> warnings, List<String> acceptedStale) {
    this(finding, method, form, policyName, policy, cacheName, evictions, warnings, acceptedStale, List.of(), null, "",
        List.of());
  }

  public CachingTarget(Finding finding, IndexedMethod method, CacheForm form, String policyName, CachePolicy policy,
      String cacheName, List<Eviction> evictions, List<String> warnings, List<String> acceptedStale,
      List<String> clientSizes) {
    this(finding, method, form, policyName, policy, cacheName, evictions, warnings, acceptedStale, clientSizes, null,
        "", List.of());
  }

  /** Whether entries are weighed by their elements rather than counted. */
  public boolean weighed() {
    return !clientSizes.isEmpty();
  }

  /** The same target with other evictions (fewer, once a method above a writer evicts for it). */
  public CachingTarget withEvictions(List<Eviction> kept) {
    return new CachingTarget(finding, method, form, policyName, policy, cacheName, List.copyOf(kept), warnings,
        acceptedStale, clientSizes, contentGetter, policyBasis, clearedForTests, offInTests, keepsNoNull);
  }

  /** The same target bounded by weight, because of these parameters, its elements read by that getter (or null). */
  public CachingTarget weighedBy(List<String> parameters, String getter) {
    return new CachingTarget(finding, method, form, policyName, policy, cacheName, evictions, warnings, acceptedStale,
        List.copyOf(parameters), getter, policyBasis, clearedForTests, offInTests, keepsNoNull);
  }

  /** The same target with other warnings. */
  public CachingTarget withWarnings(List<String> kept) {
    return new CachingTarget(finding, method, form, policyName, policy, cacheName, evictions, List.copyOf(kept),
        acceptedStale, clientSizes, contentGetter, policyBasis, clearedForTests, offInTests, keepsNoNull);
  }

  /** A writer after whose write every entry of the cache is dropped. */
  public record Eviction(IndexedMethod writer) {}
}
