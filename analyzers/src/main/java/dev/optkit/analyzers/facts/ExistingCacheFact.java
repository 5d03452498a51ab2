package dev.optkit.analyzers.facts;

/**
 * Caching the code already has: an annotation ({@code @Cacheable}, {@code @CacheResult}), a cache
 * field (Caffeine, Guava, JCache) or a map used as a memo ({@code computeIfAbsent}), or a result kept in a field
 * by hand and loaded again when a guard says so.
 *
 * @param refreshedWhen a hand-written cache's condition for loading again besides an empty field, as written
 *     ({@code !container.getDate().equals(LocalDate.now())}), or null
 */
public record ExistingCacheFact(
    String mechanism,
    String ownerType,
    String member,
    String cacheName,
    SourceRange range,
    String snippet,
    String refreshedWhen) {

  public ExistingCacheFact(String mechanism, String ownerType, String member, String cacheName, SourceRange range,
      String snippet) {
    this(mechanism, ownerType, member, cacheName, range, snippet, null);
  }
}
