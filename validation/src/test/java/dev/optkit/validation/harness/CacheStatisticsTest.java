package dev.optkit.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache.ValueWrapper;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

class CacheStatisticsTest {

  /** A service as optkit's plain rewrite leaves it: the cache in a field, statistics on. */
  static final class PriceService {
    private final Cache<String, Integer> priceCache = Caffeine.newBuilder().maximumSize(10).recordStats().build();

    int price(String sku) {
      return priceCache.get(sku, String::length);
    }
  }

  static final class Legacy {
    private static final Cache<String, String> LOOKUP = Caffeine.newBuilder().build();
  }

  /** The fixture holds the service two levels down, and a class whose cache keeps no statistics. */
  static final class Fixture {
    private final Wiring wiring = new Wiring();
    private final Legacy legacy = new Legacy();
  }

  static final class Wiring {
    private final PriceService prices = new PriceService();
    private final PriceService samePrices = prices;
  }

  @Test
  void findsCachesInTheFixturesGraphAndCountsWhatHappenedBetweenSnapshots() {
    Fixture fixture = new Fixture();
    fixture.wiring.prices.price("warm-up");
    Map<String, HostResult.CacheCounts> before = CacheStatistics.of(fixture);
    for (int i = 0; i < 10; i++) {
      fixture.wiring.prices.price(i % 2 == 0 ? "a" : "b");
    }
    Legacy.LOOKUP.get("x", k -> k);
    Map<String, HostResult.CacheCounts> during = CacheStatistics.since(before, CacheStatistics.of(fixture));

    assertEquals(java.util.List.of("Legacy.LOOKUP", "PriceService.priceCache"), java.util.List.copyOf(during.keySet()));
    HostResult.CacheCounts prices = during.get("PriceService.priceCache");
    assertEquals(new HostResult.CacheCounts(8, 2, true), prices);
    assertEquals(0.8, prices.hitRate(), 1e-9);
    HostResult.CacheCounts legacy = during.get("Legacy.LOOKUP");
    assertFalse(legacy.recording());
    assertNull(legacy.hitRate());
  }

  /** A service whose caches live in Redis, as migrate's redis backend makes them: a RedisCacheManager. */
  static final class RedisBacked {
    private final RedisCacheManager counted;
    private final RedisCacheManager uncounted;

    RedisBacked(RedisCacheManager counted, RedisCacheManager uncounted) {
      this.counted = counted;
      this.uncounted = uncounted;
    }
  }

  @Test
  void readsARedisCachesOwnStatisticsOnARealRedisAndNoFiguresWhereTheyAreOff() throws Exception {
    try (LocalRedis redis = LocalRedis.start()) {
      LettuceConnectionFactory connections = new LettuceConnectionFactory(
          new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
      connections.afterPropertiesSet();
      connections.start();
      try {
        // statistics on, as the generated OptkitCacheConfig builds its manager
        RedisCacheManager counted = RedisCacheManager.builder(connections).enableStatistics()
            .initialCacheNames(Set.of("prices")).build();
        counted.afterPropertiesSet();
        RedisCacheManager uncounted = RedisCacheManager.builder(connections).initialCacheNames(Set.of("stock")).build();
        uncounted.afterPropertiesSet();
        RedisBacked service = new RedisBacked(counted, uncounted);
        Map<String, HostResult.CacheCounts> before = CacheStatistics.of(service);

        org.springframework.cache.Cache prices = counted.getCache("prices");
        for (String sku : java.util.List.of("a", "b", "a", "a", "b", "c")) {
          ValueWrapper kept = prices.get(sku);
          if (kept == null) {
            prices.put(sku, sku.length());
          }
        }
        uncounted.getCache("stock").get("a");
        Map<String, HostResult.CacheCounts> during = CacheStatistics.since(before, CacheStatistics.of(service));

        assertEquals(new HostResult.CacheCounts(3, 3, true), during.get("RedisCacheManager:prices"), during.toString());
        assertEquals(0.5, during.get("RedisCacheManager:prices").hitRate(), 1e-9);
        // statistics off: no figures rather than zeros
        assertFalse(during.get("RedisCacheManager:stock").recording(), during.toString());
        assertNull(during.get("RedisCacheManager:stock").hitRate());
      } finally {
        connections.destroy();
      }
    }
  }

  /**
   * The contract of the class migrate writes for a plain Java cache in Redis (PlainRedisCacheFile, whose counters
   * PlainRedisBackendTest runs on a real Redis): a class of that simple name with hitCount() and missCount().
   */
  public static final class OptkitRedisCache {
    private long hits;
    private long misses;

    public long hitCount() {
      return hits;
    }

    public long missCount() {
      return misses;
    }
  }

  static final class PlainRedisBacked {
    private static final OptkitRedisCache SETTINGS = new OptkitRedisCache();
  }

  @Test
  void countsAPlainCacheInRedisByItsOwnCounters() {
    Map<String, HostResult.CacheCounts> before = CacheStatistics.of(new PlainRedisBacked());
    PlainRedisBacked.SETTINGS.hits += 7;
    PlainRedisBacked.SETTINGS.misses += 3;
    Map<String, HostResult.CacheCounts> during = CacheStatistics.since(before, CacheStatistics.of(new PlainRedisBacked()));
    assertEquals(Map.of("PlainRedisBacked.SETTINGS", new HostResult.CacheCounts(7, 3, true)), during);
  }

  /**
   * The contract of the two-level backend's local level (LocalLevelText, run on a real Redis by TwoLevelBackendTest):
   * a bean named optkitLocalLevel whose public statistics(name) gives a cache's Caffeine statistics, null for none.
   */
  public static final class LocalLevel {
    private final Map<String, Cache<String, Integer>> caches = Map.of("prices",
        Caffeine.newBuilder().maximumSize(10).recordStats().build());

    public com.github.benmanes.caffeine.cache.stats.CacheStats statistics(String name) {
      return caches.get(name).stats();
    }
  }

  @Test
  void readsTheTwoLevelBackendsLocalLevelBesideTheManagersCaches() {
    LocalLevel level = new LocalLevel();
    try (org.springframework.context.support.GenericApplicationContext context =
        new org.springframework.context.support.GenericApplicationContext()) {
      context.registerBean("optkitCacheManager", org.springframework.cache.CacheManager.class,
          () -> new org.springframework.cache.concurrent.ConcurrentMapCacheManager("prices", "stock"));
      context.registerBean("optkitLocalLevel", LocalLevel.class, () -> level);
      context.refresh();
      Map<String, HostResult.CacheCounts> before = CacheStatistics.of(context);
      Cache<String, Integer> prices = level.caches.get("prices");
      for (String sku : java.util.List.of("a", "b", "a", "a", "b", "c")) {
        prices.get(sku, String::length);
      }
      Map<String, HostResult.CacheCounts> during = CacheStatistics.since(before, CacheStatistics.of(context));

      assertEquals(new HostResult.CacheCounts(3, 3, true), during.get("optkitLocalLevel:prices"), during.toString());
      // the manager's own caches keep their entries; a name the level does not hold is no cache of it
      assertEquals(java.util.List.of("optkitCacheManager:prices", "optkitCacheManager:stock", "optkitLocalLevel:prices"),
          java.util.List.copyOf(during.keySet()));
    }
  }
}
