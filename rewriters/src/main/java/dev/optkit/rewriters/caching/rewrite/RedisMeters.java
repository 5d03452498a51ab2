package dev.optkit.rewriters.caching.rewrite;

import java.util.List;

/**
 * What the redis and two-level backends add when the module compiles against Micrometer: each Redis
 * cache's statistics (the manager is built with them on) bound to the application's MeterRegistry
 * when it has one. The meters are Micrometer's cache meters ({@code CacheMeterBinder}: {@code
 * cache.gets} by result, {@code cache.puts}) plus {@code cache.removals}, named and tagged
 * ({@code cache}, {@code cache.manager=optkit}) as Spring Boot's own {@code RedisCacheMetrics} names
 * them, so where Boot's actuator binds the same manager bean too, Micrometer finds each meter already
 * registered and keeps one. Boot's binder is not used itself: it is in the actuator, which a project
 * with Micrometer alone does not have, and a cache behind a resolver (no manager bean) Boot never sees.
 */
final class RedisMeters {
  private RedisMeters() {}

  /** The value of the {@code cache.manager} tag: the manager bean's name without "CacheManager", as Boot tags it. */
  static final String MANAGER_TAG = "optkit";

  static final String PARAMETER = "ObjectProvider<MeterRegistry> meterRegistry";

  /** The imports of the binder class ({@link #binderClass}, in {@link RedisCacheClassesFile}'s file). */
  static List<String> classImports() {
    return List.of("io.micrometer.core.instrument.FunctionCounter", "io.micrometer.core.instrument.MeterRegistry",
        "io.micrometer.core.instrument.Tags", "io.micrometer.core.instrument.binder.cache.CacheMeterBinder",
        "org.springframework.cache.transaction.TransactionAwareCacheDecorator",
        "org.springframework.data.redis.cache.RedisCache");
  }

  /** The imports of the configuration's bean method taking the registry ({@link #PARAMETER}, {@link #binding}). */
  static List<String> configurationImports() {
    return List.of("io.micrometer.core.instrument.MeterRegistry", "org.springframework.beans.factory.ObjectProvider");
  }

  /** The statement binding the built manager's caches, once they are initialised, {@code at} the body's indent. */
  static List<String> binding(String i, String at) {
    String fixed = RedisCacheClassesFile.CLASS_NAME;
    return List.of(at + "meterRegistry.ifAvailable(registry -> manager.getCacheNames().forEach(name ->",
        at + i + i + "new " + fixed + ".RedisCacheMeters(" + fixed + ".redisCache(manager.getCache(name))).bindTo(registry)));");
  }

  /** The binder class, nested in {@link RedisCacheClassesFile}'s. */
  static List<String> binderClass(String i) {
    return TwoLevelCacheConfigRewrite.reindent(i, """

        /** The RedisCache itself: a transaction-aware manager hands each out in a decorator, which keeps no statistics. */
        static RedisCache redisCache(org.springframework.cache.Cache cache) { // Cache: Caffeine's with two levels
            return (RedisCache) (cache instanceof TransactionAwareCacheDecorator
                    ? ((TransactionAwareCacheDecorator) cache).getTargetCache() : cache);
        }

        /**
         * A Redis cache's statistics as Micrometer's cache meters, tagged cache.manager=%s. The statistics count
         * the reads that reached Redis (with two levels: those the local level missed) on this instance. Raw
         * CacheMeterBinder: it takes a type argument only from Micrometer 1.7.
         */
        @SuppressWarnings({"rawtypes", "unchecked"})
        static final class RedisCacheMeters extends CacheMeterBinder {
            private final RedisCache cache;

            RedisCacheMeters(RedisCache cache) {
                super(cache, cache.getName(), Tags.of("cache.manager", "%s", "name", cache.getName()));
                this.cache = cache;
            }

            @Override
            protected Long size() {
                return null; // Redis keeps no count of one cache's entries
            }

            @Override
            protected long hitCount() {
                return cache.getStatistics().getHits();
            }

            @Override
            protected Long missCount() {
                return cache.getStatistics().getMisses();
            }

            @Override
            protected Long evictionCount() {
                return null; // entries leave by their TTL, inside Redis, uncounted
            }

            @Override
            protected long putCount() {
                return cache.getStatistics().getPuts();
            }

            @Override
            protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
                FunctionCounter.builder("cache.removals", cache, c -> c.getStatistics().getDeletes())
                        .tags(getTagsWithCacheName()).description("Cache removals").register(registry);
            }
        }
        """.formatted(MANAGER_TAG, MANAGER_TAG), 1);
  }
}
