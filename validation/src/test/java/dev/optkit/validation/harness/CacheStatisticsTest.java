package dev.optkit.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
