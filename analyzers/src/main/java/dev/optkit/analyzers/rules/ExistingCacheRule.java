package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.ExistingCacheFact;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
    id = "ExistingCache",
    title = "Existing cache",
    category = Category.EXISTING_CACHE,
    severity = Severity.INFO,
    summary = "Caching the code already has: @Cacheable/@CachePut, JCache @CacheResult, Caffeine, Guava or JCache "
        + "cache fields, and maps used as memos.",
    description = "A map counts as a memo only when the method filling it performs I/O. An inventory, so the report shows what is cached today next to what could be. Methods that "
        + "already use a cache are not proposed as cacheable reads.",
    remediation = "Nothing to do; check that each cache is bounded and expires.")
public final class ExistingCacheRule implements Rule {

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (FileFacts file : context.index().files()) {
      for (ExistingCacheFact cache : file.existingCaches()) {
        boolean unbounded = cache.mechanism().equals("map-memo") || cache.mechanism().equals("field-memo");
        if (unbounded && context.index().methods(cache.ownerType(), cache.member()).stream()
            .allMatch(m -> context.index().reachedIo(m).isEmpty())) {
          continue; // a map of counters or locks, not a cache of I/O results
        }
        findings.add(new FindingDraft(info(), file.path(), cache.range(), cache.ownerType(), cache.member(), cache.snippet())
            .message("Existing cache (" + cache.mechanism() + ")"
                + (cache.cacheName().isEmpty() ? "" : " '" + cache.cacheName() + "'") + " in "
                + TypeNames.simple(cache.ownerType()) + "." + cache.member()
                + (cache.mechanism().equals("map-memo") ? ": a map memo never evicts, so it grows without bound"
                    : cache.mechanism().equals("field-memo") ? (cache.refreshedWhen() == null
                        ? ": cached by hand in field " + cache.cacheName() + ", loaded once per object and never refreshed"
                        : ": cached by hand in field " + cache.cacheName() + ", loaded again when "
                            + cache.refreshedWhen())
                    : cache.mechanism().equals("http-cache") ? ": an HTTP client with a cache, which answers GETs when "
                        + "the responses allow it" : ""))
            .severity(unbounded ? Severity.LOW : Severity.INFO)
            .detail("mechanism", cache.mechanism())
            .detail("cacheName", cache.cacheName().isEmpty() ? null : cache.cacheName())
            .detail("bounded", unbounded ? Boolean.FALSE : null)
            .detail("refreshedWhen", cache.refreshedWhen())
            .refused(CacheableReadMethodRule.ALREADY_CACHED)
            .build());
      }
    }
    return findings;
  }

}
