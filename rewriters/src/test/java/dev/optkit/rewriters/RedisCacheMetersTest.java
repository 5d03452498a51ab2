package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.caching.rewrite.RedisCacheClassesFile;
import dev.optkit.rewriters.plan.MigrationPlan;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With Micrometer in the pom, the redis and two-level backends bind each Redis cache's own statistics
 * to the application's MeterRegistry (issue 25: "the registry's hit and miss counts equal the cache's
 * statistics"): the migrated service compiled and run against a real redis-server with a real
 * SimpleMeterRegistry, its {@code cache.gets} by result are the RedisCache's {@code getStatistics()},
 * and its hits are the reads the HTTP source never saw.
 */
class RedisCacheMetersTest {
  private static final String CACHE = "optkit.Settings.setting";

  private static final String MICROMETER = """
          <dependency>
            <groupId>io.micrometer</groupId>
            <artifactId>micrometer-core</artifactId>
          </dependency>
      """;

  @TempDir Path dir;
  @org.junit.jupiter.api.extension.RegisterExtension
  final SettingsSource.PerTest loopback = new SettingsSource.PerTest();

  private static final String TRANSACTIONS = """
          <dependency>
            <groupId>org.springframework</groupId>
            <artifactId>spring-tx</artifactId>
          </dependency>
      """;

  /** @param variant a backend, with "+tx" when the project has Spring's transactions (a transaction-aware manager) */
  private MigrationFixture fixture(String variant, boolean micrometer) {
    String backend = variant.replace("+tx", "");
    String pom = micrometer ? RedisBackendTest.BOOT_POM.replace("<dependencies>", "<dependencies>\n" + MICROMETER)
        : RedisBackendTest.BOOT_POM;
    return new MigrationFixture(dir.resolve(variant + micrometer))
        .file("pom.xml", variant.endsWith("+tx") ? pom.replace("<dependencies>", "<dependencies>\n" + TRANSACTIONS) : pom)
        .java(RedisBackendTest.SETTING).java(RedisBackendTest.SETTINGS)
        .config(OptkitConfig.defaults().withCacheBackend(backend));
  }

  private static String config(MigrationPlan plan) {
    return plan.changes().stream().filter(c -> c.path().endsWith("OptkitCacheConfig.java"))
        .map(c -> new String(c.after(), StandardCharsets.UTF_8)).findFirst()
        .orElseThrow(() -> new AssertionError("no configuration; refused: "
            + plan.refusals().stream().map(Refusal::reason).toList()));
  }

  private static String classes(MigrationPlan plan) {
    return plan.changes().stream().filter(c -> c.path().endsWith("/" + RedisCacheClassesFile.CLASS_NAME + ".java"))
        .map(c -> new String(c.after(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis", "two-level", "redis+tx", "two-level+tx"})
  void theRegistrysGetsAreTheRedisCachesOwnStatistics(String variant) throws Exception {
    String backend = variant.replace("+tx", "");
    MigrationFixture fixture = fixture(variant, true);
    MigrationPlan plan = fixture.plan();
    String config = config(plan);
    // trial 61: a transaction-aware manager hands out its caches in a decorator, which the binding unwraps
    assertEquals(variant.endsWith("+tx"), config.contains("caches.transactionAware();"), config);
    for (String line : List.of(
        "        meterRegistry.ifAvailable(registry -> manager.getCacheNames().forEach(name ->",
        "                new OptkitRedisCaches.RedisCacheMeters(OptkitRedisCaches.redisCache(manager.getCache(name)))"
            + ".bindTo(registry)));")) {
      assertTrue(config.lines().anyMatch(line::equals), "missing: " + line + "\n" + config);
    }
    // the binder is one of the classes beside the configuration
    String cacheClasses = classes(plan);
    for (String line : List.of(
        "    static final class RedisCacheMeters extends CacheMeterBinder {",
        "            super(cache, cache.getName(), Tags.of(\"cache.manager\", \"optkit\", \"name\", cache.getName()));")) {
      assertTrue(cacheClasses.lines().anyMatch(line::equals), "missing: " + line + "\n" + cacheClasses);
    }
    MigrationPlan unmetered = fixture(variant, false).plan();
    assertFalse(config(unmetered).contains("MeterRegistry") || classes(unmetered).contains("MeterRegistry"),
        "without Micrometer in the pom nothing refers to it");
    Path classes = fixture.compile(plan, null, List.of(RedisBackendTest.springDataRedisJar()));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (RedisServer redis = RedisServer.start(); URLClassLoader loader = RedisBackendTest.loader(classes)) {
      Thread.currentThread().setContextClassLoader(loader);
      try (RedisBackendTest.Instance service = new RedisBackendTest.Instance(loader, RedisBackendTest.configPath(plan),
          redis.port(), context -> context.registerBean("meterRegistry", MeterRegistry.class, () -> registry))) {
        if (backend.equals("two-level")) {
          awaitServing(service);
        }
        readAndWrite(service::read, service::update);

        Object cache = service.context.getBean("optkitCacheManager").getClass().getMethod("getCache", String.class)
            .invoke(service.context.getBean("optkitCacheManager"), CACHE);
        if (variant.endsWith("+tx")) {
          cache = cache.getClass().getMethod("getTargetCache").invoke(cache); // TransactionAwareCacheDecorator
        }
        Class<?> statistics = loader.loadClass("org.springframework.data.redis.cache.CacheStatistics");
        Object own = loader.loadClass("org.springframework.data.redis.cache.RedisCache").getMethod("getStatistics")
            .invoke(cache);
        long hits = (Long) statistics.getMethod("getHits").invoke(own);
        long misses = (Long) statistics.getMethod("getMisses").invoke(own);
        long deletes = (Long) statistics.getMethod("getDeletes").invoke(own);
        long puts = (Long) statistics.getMethod("getPuts").invoke(own);
        assertEquals(puts, (long) registry.get("cache.puts").tags("cache", CACHE, "cache.manager", "optkit", "name", CACHE)
            .functionCounter().count(), "the registry's puts are the Redis cache's own");
        assertEquals(3, puts, "each load stored once, by optkit's own script (trial 61: the statistics missed them)");
        assertEquals(hits, (long) gets(registry, "hit"), "the registry's hits are the Redis cache's own");
        assertEquals(misses, (long) gets(registry, "miss"), "the registry's misses are the Redis cache's own");
        assertEquals(deletes, (long) registry.get("cache.removals").tags("cache", CACHE, "cache.manager", "optkit")
            .functionCounter().count(), "the registry's removals are the Redis cache's deletes");
        // redis: every read but each key's first and the one after the write is a Redis hit; two-level: those are
        // the local level's, and Redis sees only the three reads that level missed, all misses
        assertEquals(backend.equals("redis") ? 19 : 0, hits, "Redis hits");
        assertEquals(3, misses, "Redis misses");
        assertEquals(3, loopback.source.reads.get(), "the source answered only the misses");
      }
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
  }

  /**
   * A plain Java cache in Redis counts this JVM's reads in Micrometer's global registry: one pair of counters
   * per cache name, so two objects' caches (a field per object) are counted together, as the meters' one name
   * and tags would have them.
   */
  @Test
  void aPlainJavaRedisCachesReadsAreMetersInTheGlobalRegistry() throws Exception {
    String settings = PlainRedisBackendTest.SETTINGS.replace("@BASE@", "http://127.0.0.1:" + loopback.source.port());
    MigrationFixture fixture = new MigrationFixture(dir.resolve("plain"))
        .file("pom.xml", PlainRedisBackendTest.POM.replace("<dependencies>", "<dependencies>\n" + MICROMETER
            .replace("</artifactId>", "</artifactId>\n        <version>1.13.0</version>")))
        .java(RedisBackendTest.SETTING).java(settings).config(OptkitConfig.defaults().withCacheBackend("redis"));
    MigrationPlan plan = fixture.plan();
    String cacheClass = MigrationFixture.after(plan, "src/main/java/shop/OptkitRedisCache.java");
    assertTrue(cacheClass.contains("        FunctionCounter.builder(\"cache.gets\", reads[0], LongAdder::sum)\n"
        + "                .tags(\"cache\", name, \"name\", name, \"cache.manager\", \"optkit\", \"result\", \"hit\")"),
        cacheClass);
    String unmetered = MigrationFixture.after(new MigrationFixture(dir.resolve("unmetered"))
        .file("pom.xml", PlainRedisBackendTest.POM).java(RedisBackendTest.SETTING).java(settings)
        .config(OptkitConfig.defaults().withCacheBackend("redis")).plan(), "src/main/java/shop/OptkitRedisCache.java");
    assertFalse(unmetered.contains("Metrics") || unmetered.contains("named"), "without Micrometer nothing refers to it");
    Path classes = fixture.compile(plan);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Metrics.addRegistry(registry);
    try (RedisServer redis = RedisServer.start()) {
      System.setProperty("optkit.cache.redis.url", "redis://127.0.0.1:" + redis.port());
      try (PlainRedisBackendTest.Copy service = new PlainRedisBackendTest.Copy(classes)) {
        readAndWrite(service::read, service::update);
        assertEquals("19 hits, 3 misses", service.counts(), "the cache's own counts");
        assertEquals(19, (long) registry.get("cache.gets").tags("cache", CACHE, "result", "hit").functionCounter().count());
        assertEquals(3, (long) registry.get("cache.gets").tags("cache", CACHE, "result", "miss").functionCounter().count());
        assertEquals(3, loopback.source.reads.get(), "the source answered only the misses");
      }
    } finally {
      Metrics.removeRegistry(registry);
      System.clearProperty("optkit.cache.redis.url");
    }
  }

  interface Read {
    Object read(String name) throws Exception;
  }

  interface Write {
    void update(String name, String value) throws Exception;
  }

  /** 22 reads of two settings with a write between: 3 of them find nothing cached (each key's first, the one after). */
  private void readAndWrite(Read service, Write writer) throws Exception {
    loopback.source.stored.put("currency", "EUR");
    loopback.source.stored.put("region", "north");
    for (int round = 0; round < 10; round++) {
      assertEquals("EUR", value(service.read("currency")));
      assertEquals("north", value(service.read("region")));
    }
    writer.update("currency", "USD");
    assertEquals("USD", value(service.read("currency")));
    assertEquals("USD", value(service.read("currency")));
  }

  private static double gets(MeterRegistry registry, String result) {
    return registry.get("cache.gets").tags("cache", CACHE, "cache.manager", "optkit", "result", result)
        .functionCounter().count();
  }

  private static Object value(Object setting) throws Exception {
    return setting.getClass().getMethod("value").invoke(setting);
  }

  /** The two-level backend serves its local level once its own heartbeat comes back (at most 15 s). */
  private static void awaitServing(RedisBackendTest.Instance instance) throws Exception {
    Object level = instance.context.getBean("optkitLocalLevel");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!(Boolean) level.getClass().getMethod("serving").invoke(level)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the local level was not served in 15 s");
      }
      Thread.sleep(20);
    }
  }
}
