package dev.optkit.analyzers.facts;

/**
 * Caching the code already has: an annotation ({@code @Cacheable}, {@code @CacheResult}), a cache
 * field (Caffeine, Guava, JCache) or a map used as a memo ({@code computeIfAbsent}).
 */
public record ExistingCacheFact(
    String mechanism,
    String ownerType,
    String member,
    String cacheName,
    SourceRange range,
    String snippet) {}
