package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.caching.rewrite.RedisCacheClassesFile;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * migrate's two-level backend (cache.backend: two-level): a Caffeine level in each JVM in front of the
 * redis backend's Redis, writers' evictions broadcast to every instance. The generated configuration as
 * text against the redis backend's, compiled, and run as two application contexts on one real
 * redis-server: B answers from its own level, a write through A is never followed by a stale answer
 * through B, a load that overlapped a write is stored in neither level, and a dropped connection
 * empties the local level.
 */
class TwoLevelBackendTest {
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

  private MigrationFixture fixture(String backend) {
    return new MigrationFixture(dir).file("pom.xml", RedisBackendTest.BOOT_POM).java(RedisBackendTest.SETTING)
        .java(RedisBackendTest.SETTINGS).config(OptkitConfig.defaults().withCacheBackend(backend));
  }

  private static String after(MigrationPlan plan, String suffix) {
    return plan.changes().stream().filter(c -> c.path().endsWith(suffix)).map(c -> new String(c.after(),
        StandardCharsets.UTF_8)).findFirst().orElseThrow(() -> new AssertionError("no change to " + suffix + "; refused: "
            + plan.refusals().stream().map(Refusal::reason).toList()));
  }

  /**
   * The service is annotated as with redis (no sync); the configuration keeps every line of the redis
   * backend's but the three that build the manager, which now take the local level; and it compiles.
   */
  @Test
  void theTwoLevelConfigurationAsTextAndCompiled() throws Exception {
    MigrationPlan plan = fixture("two-level").plan();
    assertEquals(List.of("setting"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    MigrationPlan redis = fixture("redis").plan();
    assertEquals(after(redis, "shop/Settings.java"), after(plan, "shop/Settings.java"));
    assertFalse(after(plan, "shop/Settings.java").contains("sync = true"), "no per-key load: as with redis");

    String config = after(plan, "OptkitCacheConfig.java");
    List<String> onlyRedis = new ArrayList<>(after(redis, "OptkitCacheConfig.java").lines().toList());
    config.lines().forEach(onlyRedis::remove);
    assertEquals(List.of(
        " * Caches added by optkit migrate, kept in Redis: every instance of the service reads the same entries,",
        " * and a writer's eviction on one instance is seen by all. Each cache has its own TTL and key prefix",
        "    public CacheManager optkitCacheManager(RedisConnectionFactory connectionFactory) {",
        "        RedisCacheManager.RedisCacheManagerBuilder caches = RedisCacheManager.builder(shared)",
        "        register(caches, \"optkit.Settings.setting\", 3600, shop.Setting.class); // reference: Settings.setting()"),
        onlyRedis);
    for (String line : List.of(
        "    @Bean(name = \"optkitLocalLevel\", destroyMethod = \"close\")",
        "    public CacheManager optkitCacheManager(RedisConnectionFactory connectionFactory, "
            + "OptkitRedisCaches.LocalLevel optkitLocalLevel) {",
        "        RedisCacheManager.RedisCacheManagerBuilder caches = RedisCacheManager.builder("
            + "new OptkitRedisCaches.TwoLevelCacheWriter(shared, optkitLocalLevel))",
        "        OptkitRedisCaches.WriteAwareCacheWriter shared = new OptkitRedisCaches.WriteAwareCacheWriter(",
        "                RedisCacheWriter.nonLockingRedisCacheWriter(connectionFactory, BatchStrategies.scan(1000)), "
            + "connectionFactory);",
        "        register(caches, optkitLocalLevel, \"optkit.Settings.setting\", 3600, 1000, shop.Setting.class); "
            + "// reference: Settings.setting()",
        "        level.add(name, Math.max(1000, ttlSeconds * 1000 / 10), maximumSize);")) {
      assertTrue(config.lines().anyMatch(line::equals), "missing: " + line + "\n" + config);
    }
    // the local level and its writer are the classes beside the configuration, the same in every two-level module
    String classes = after(plan, RedisCacheClassesFile.CLASS_NAME + ".java");
    for (String line : List.of(
        "import com.github.benmanes.caffeine.cache.Caffeine;",
        "    public static final class LocalLevel implements MessageListener, AutoCloseable {",
        "    static final class TwoLevelCacheWriter implements RedisCacheWriter {")) {
      assertTrue(classes.lines().anyMatch(line::equals), "missing: " + line + "\n" + classes);
    }
    String pom = after(plan, "pom.xml");
    assertTrue(pom.contains("<artifactId>spring-boot-starter-data-redis</artifactId>"), pom);
    assertTrue(pom.contains("<artifactId>caffeine</artifactId>"), "the local level is Caffeine: " + pom);
    fixture("two-level").compile(plan, null, List.of(RedisBackendTest.springDataRedisJar()));
    fixture("two-level").compile(plan, null, List.of(Path.of(System.getProperty("optkit.springDataRedis4Jar"))));
  }

  /** A later migration registers its caches in both levels; the redis and local backends refuse to mix with it. */
  @Test
  void aLaterMigrationExtendsTheTwoLevelConfigurationAndRefusesToMixBackends() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", RedisBackendTest.BOOT_POM)
        .java(RedisBackendTest.SETTING)
        .java(RedisBackendTest.SETTINGS.replace("base + \"/settings/\"", "\"https://settings.example.com/\""))
        .config(OptkitConfig.defaults().withCacheBackend("two-level"));
    MigrationPlan first = fixture.plan();
    String config = RedisBackendTest.configPath(first);
    for (FileChange change : first.changes()) {
      fixture.file(change.path(), new String(change.after(), StandardCharsets.UTF_8));
    }
    fixture.java(RedisBackendTest.LABELS.replace("base + \"/labels/\" + name", "\"https://labels.example.com/\" + name"));
    MigrationPlan second = fixture.plan();
    assertEquals(List.of("label"), second.targets().stream().map(t -> t.method().fact().name()).toList(),
        second.refusals().stream().map(Refusal::reason).toList().toString());
    String marker = "        // optkit:caches (migrate adds caches above this line)\n";
    assertEquals(MigrationFixture.after(first, config).replace(marker, "        register(caches, optkitLocalLevel, "
        + "\"optkit.Labels.label\", 60, 10000, java.lang.String.class); // remote: Labels.label()\n" + marker),
        MigrationFixture.after(second, config));
    fixture.compile(second, null, List.of(RedisBackendTest.springDataRedisJar()));

    MigrationPlan redis = fixture.config(OptkitConfig.defaults().withCacheBackend("redis")).plan();
    assertEquals(List.of(), redis.targets().stream().map(t -> t.method().fact().name()).toList());
    assertEquals(List.of("OptkitCacheConfig keeps an earlier migration's caches with the two-level backend: undo that "
        + "migration, or migrate with --cache-backend two-level, so every cache has the same levels"),
        redis.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("label("))
            .map(Refusal::reason).toList());
    MigrationPlan local = fixture.config(OptkitConfig.defaults()).plan();
    assertEquals(List.of("OptkitCacheConfig keeps an earlier migration's caches in Redis: migrate with --cache-backend "
        + "two-level (or cache.backend: two-level) so one manager holds every cache"),
        local.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("label("))
            .map(Refusal::reason).toList());
  }

  /**
   * Two instances on one Redis: B answers from its own level, and never stale after a write through A;
   * with Jedis and with Lettuce (Spring Boot's default), whose subscribe() returns at once where Jedis's
   * blocks: the generated subscription waits while it is subscribed.
   */
  @ParameterizedTest
  @ValueSource(strings = {"jedis", "lettuce"})
  void twoInstancesNeverAnswerStaleAndBAnswersFromItsOwnLevel(String client) throws Exception {
    MigrationPlan plan = fixture("two-level").plan();
    Path classes = fixture("two-level").compile(plan, null, List.of(RedisBackendTest.springDataRedisJar()));
    try (RedisServer redis = RedisServer.start(); URLClassLoader loader = RedisBackendTest.loader(classes)) {
      Thread.currentThread().setContextClassLoader(loader);
      String config = RedisBackendTest.configPath(plan);
      try (RedisBackendTest.Instance a = instance(client, loader, config, redis.port());
          RedisBackendTest.Instance b = instance(client, loader, config, redis.port())) {
        waitFor(() -> serving(a) && serving(b), "both levels served once their heartbeat came back");
        loopback.source.stored.put("currency", "EUR");
        assertEquals("EUR", value(b.read("currency")));
        assertEquals("EUR", value(b.read("currency")));
        assertEquals(1, loopback.source.reads.get(), "the second read is a hit");
        assertEquals(1, stats(b).hitCount(), "...in B's own level");
        assertEquals("EUR", value(a.read("currency")));
        assertEquals(1, loopback.source.reads.get(), "A is answered from Redis");
        for (int round = 0; round < 20; round++) {
          a.update("currency", "V" + round);
          assertEquals("V" + round, value(b.read("currency")), "round " + round + ": B answers A's write");
          assertEquals("V" + round, value(b.read("currency")));
        }
        assertEquals(1 + 20, loopback.source.reads.get(), "one load per write");
        assertTrue(stats(b).hitCount() >= 21, "after each write B's second read is a local hit: " + stats(b));
      }
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
  }

  /**
   * With Micrometer on the class path, each local level's cache is in the application's registry
   * (cache.manager=optkitLocalLevel): on two instances over a real Redis, B's registry counts exactly
   * its level's own hits and misses, and its hits are reads neither Redis nor the source saw.
   */
  @Test
  void theLocalLevelsStatisticsAreInTheApplicationsRegistry() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir)
        .file("pom.xml", RedisBackendTest.BOOT_POM.replace("<dependencies>", "<dependencies>\n" + MICROMETER))
        .java(RedisBackendTest.SETTING).java(RedisBackendTest.SETTINGS)
        .config(OptkitConfig.defaults().withCacheBackend("two-level"));
    MigrationPlan plan = fixture.plan();
    String config = after(plan, "OptkitCacheConfig.java");
    for (String line : List.of(
        "    public OptkitRedisCaches.LocalLevel optkitLocalLevel(RedisConnectionFactory connectionFactory, "
            + "ObjectProvider<MeterRegistry> meterRegistry) {",
        "        meterRegistry.ifAvailable(registry -> level.whenAdded((name, cache) ->",
        "                CaffeineCacheMetrics.monitor(registry, cache, name, \"cache.manager\", \"optkitLocalLevel\", \"name\", name)));")) {
      assertTrue(config.lines().anyMatch(line::equals), "missing: " + line + "\n" + config);
    }
    assertFalse(after(fixture("two-level").plan(), "OptkitCacheConfig.java").contains("MeterRegistry"),
        "without Micrometer in the pom nothing refers to it");
    Path classes = fixture.compile(plan, null, List.of(RedisBackendTest.springDataRedisJar()));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (RedisServer redis = RedisServer.start(); URLClassLoader loader = RedisBackendTest.loader(classes)) {
      Thread.currentThread().setContextClassLoader(loader);
      String path = RedisBackendTest.configPath(plan);
      try (RedisBackendTest.Instance a = new RedisBackendTest.Instance(loader, path, redis.port());
          RedisBackendTest.Instance b = new RedisBackendTest.Instance(loader, path, redis.port(),
              context -> context.registerBean("meterRegistry", MeterRegistry.class, () -> registry))) {
        waitFor(() -> serving(a) && serving(b), "both levels served once their heartbeat came back");
        loopback.source.stored.put("currency", "EUR");
        loopback.source.stored.put("region", "north");
        for (int round = 0; round < 10; round++) {
          assertEquals("EUR", value(b.read("currency")));
          assertEquals("north", value(b.read("region")));
        }
        a.update("currency", "USD");
        assertEquals("USD", value(b.read("currency")));
        assertEquals("USD", value(b.read("currency")));
        CacheStats own = stats(b);
        double hits = registry.get("cache.gets").tags("cache", CACHE, "cache.manager", "optkitLocalLevel", "result", "hit")
            .functionCounter().count();
        double misses = registry.get("cache.gets").tags("cache", CACHE, "cache.manager", "optkitLocalLevel",
            "result", "miss").functionCounter().count();
        assertEquals(own.hitCount(), (long) hits, "the registry's hits are the level's own: " + own);
        assertEquals(own.missCount(), (long) misses, "the registry's misses are the level's own: " + own);
        assertEquals(19, own.hitCount(), "every read but each key's first and the one after the write: " + own);
        assertEquals(3, loopback.source.reads.get(), "the source saw only the misses that Redis had not either");
      }
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
  }

  /**
   * B's slow read fetches the old value while A writes: what it returns is stored in neither Redis nor
   * B's level, so B's next read asks the source and answers the write.
   */
  @Test
  void aLoadOverlappingAWriteIsStoredInNeitherLevel() throws Exception {
    MigrationPlan plan = fixture("two-level").plan();
    Path classes = fixture("two-level").compile(plan, null, List.of(RedisBackendTest.springDataRedisJar()));
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try (RedisServer redis = RedisServer.start(); URLClassLoader loader = RedisBackendTest.loader(classes)) {
      Thread.currentThread().setContextClassLoader(loader);
      String config = RedisBackendTest.configPath(plan);
      try (RedisBackendTest.Instance a = new RedisBackendTest.Instance(loader, config, redis.port());
          RedisBackendTest.Instance b = new RedisBackendTest.Instance(loader, config, redis.port())) {
        waitFor(() -> serving(a) && serving(b), "both levels served");
        loopback.source.stored.put("currency", "EUR");
        CountDownLatch fetched = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loopback.source.holdNextRead.set(new CountDownLatch[] {fetched, release});
        Future<Object> slow = reader.submit(() -> {
          Thread.currentThread().setContextClassLoader(loader);
          return b.read("currency");
        });
        assertTrue(fetched.await(10, TimeUnit.SECONDS));
        a.update("currency", "USD");
        release.countDown();
        assertEquals("EUR", value(slow.get(10, TimeUnit.SECONDS)), "the slow read answers what it fetched");
        assertEquals(0L, level(b).getClass().getMethod("size").invoke(level(b)), "not stored in B's level");
        assertEquals("USD", value(b.read("currency")));
        assertEquals(2, loopback.source.reads.get(), "nor in Redis: the next read asks the source");
        assertEquals("USD", value(a.read("currency")));
        assertEquals(2, loopback.source.reads.get(), "what that read loaded is stored");
      }
    } finally {
      reader.shutdownNow();
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
  }

  /**
   * Redis stops: B's level is emptied and bypassed (reads answer from the source); a write made
   * meanwhile, whose eviction fails, is answered, and after Redis comes back too, never the entry B held.
   */
  @ParameterizedTest
  @ValueSource(strings = {"jedis", "lettuce"})
  void aDroppedConnectionEmptiesTheLocalLevelAndNothingStaleIsServedAfter(String client) throws Exception {
    MigrationPlan plan = fixture("two-level").plan();
    Path classes = fixture("two-level").compile(plan, null, List.of(RedisBackendTest.springDataRedisJar()));
    RedisServer redis = RedisServer.start();
    try (URLClassLoader loader = RedisBackendTest.loader(classes)) {
      Thread.currentThread().setContextClassLoader(loader);
      String config = RedisBackendTest.configPath(plan);
      try (RedisBackendTest.Instance a = instance(client, loader, config, redis.port());
          RedisBackendTest.Instance b = instance(client, loader, config, redis.port())) {
        waitFor(() -> serving(a) && serving(b), "both levels served");
        loopback.source.stored.put("currency", "EUR");
        b.read("currency");
        assertEquals("EUR", value(b.read("currency")));
        assertEquals(1, loopback.source.reads.get());
        assertEquals(1L, level(b).getClass().getMethod("size").invoke(level(b)), "B holds the entry");

        redis.close();
        waitFor(() -> !serving(b), "B's level bypassed once its heartbeat lapsed");
        assertEquals(0L, level(b).getClass().getMethod("size").invoke(level(b)), "and emptied");
        java.lang.reflect.InvocationTargetException failed = org.junit.jupiter.api.Assertions.assertThrows(
            java.lang.reflect.InvocationTargetException.class, () -> a.update("currency", "USD"));
        assertTrue(failed.getCause() instanceof org.springframework.dao.DataAccessException, failed.getCause().toString());
        assertEquals("USD", value(b.read("currency")), "Redis down: B answers from the source");
        assertEquals(2, loopback.source.reads.get());

        redis = redis.restarted();
        waitFor(() -> serving(b), "B's level served again once its heartbeat comes back");
        assertEquals("USD", value(b.read("currency")));
        assertEquals("USD", value(b.read("currency")));
        assertEquals(3, loopback.source.reads.get(), "one load after Redis came back, then hits");
        assertEquals(1L, level(b).getClass().getMethod("size").invoke(level(b)));

        redis.close();
        // an application stopped during an outage stops (Spring's listener container would wait for Redis)
        Thread closing = new Thread(b::close);
        closing.start();
        closing.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(closing.isAlive(), "closing B's context while Redis is down does not hang");
      }
    } finally {
      redis.close();
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
  }

  /** An instance of the migrated service whose connection factory is the client's: Jedis's or Lettuce's. */
  private static RedisBackendTest.Instance instance(String client, ClassLoader loader, String config, int port)
      throws Exception {
    if (client.equals("jedis")) {
      return new RedisBackendTest.Instance(loader, config, port);
    }
    return new RedisBackendTest.Instance(loader, config, 0, context -> {
      try {
        // Spring Data Redis lives in the test's own class loader: made through it
        Class<?> standalone = loader.loadClass("org.springframework.data.redis.connection.RedisStandaloneConfiguration");
        Object server = standalone.getConstructor(String.class, int.class).newInstance("127.0.0.1", port);
        // a command waits for its answer at most a second, as spring.data.redis.timeout=1s sets it: Lettuce's own
        // default, a minute, holds every read and write that long while Redis is down (docs/cache-backends.md)
        Class<?> clientConfig = loader.loadClass(
            "org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration");
        Object builder = clientConfig.getMethod("builder").invoke(null);
        builder.getClass().getMethod("commandTimeout", java.time.Duration.class).invoke(builder,
            java.time.Duration.ofSeconds(1));
        Object timeouts = builder.getClass().getMethod("build").invoke(builder);
        Object factory = loader.loadClass("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory")
            .getConstructor(standalone, clientConfig).newInstance(server, timeouts);
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) loader.loadClass(
            "org.springframework.data.redis.connection.RedisConnectionFactory");
        context.registerBean("redisConnectionFactory", type, () -> factory);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    });
  }

  private static Object level(RedisBackendTest.Instance instance) {
    return instance.context.getBean("optkitLocalLevel");
  }

  private static boolean serving(RedisBackendTest.Instance instance) {
    try {
      return (Boolean) level(instance).getClass().getMethod("serving").invoke(level(instance));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static CacheStats stats(RedisBackendTest.Instance instance) throws Exception {
    return (CacheStats) level(instance).getClass().getMethod("statistics", String.class).invoke(level(instance), CACHE);
  }

  private static Object value(Object setting) throws Exception {
    return setting.getClass().getMethod("value").invoke(setting);
  }

  /** Polls for a state the instances reach on their own (a heartbeat, its lapse), for at most 15 seconds. */
  private static void waitFor(BooleanSupplier state, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!state.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached in 15 s: " + what);
      }
      Thread.sleep(20);
    }
  }
}
