package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.PlainRedisBackendTest.Copy;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.config.SingleServerConfig;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain Java caches with the redis backend in a module that has Redisson and neither Jedis nor Lettuce: the
 * same OptkitRedisCache as {@link PlainRedisBackendTest}'s, through Redisson's objects with StringCodec. The
 * rewritten text, compiled against redisson 3.27.2, and two copies (two class loaders: each its own
 * RedissonClient, as two JVMs) on one real redis-server; an entry the Redisson class wrote is read by the Jedis
 * class (the same JSON text); with the server stopped, reads answer from the source at once (not after
 * Redisson's retries) and a write's eviction fails; a copy started while Redis is down answers from the source.
 * A Redisson older than 3 keeps the caches local and says so; redisson-spring-boot-starter alone is no client.
 */
class PlainRedissonBackendTest {
  @TempDir Path dir;

  static final String POM = PlainRedisBackendTest.POM.replace("""
            <groupId>redis.clients</groupId>
            <artifactId>jedis</artifactId>
            <version>5.2.0</version>
      """, """
            <groupId>org.redisson</groupId>
            <artifactId>redisson</artifactId>
            <version>3.27.2</version>
      """);

  @org.junit.jupiter.api.extension.RegisterExtension
  final SettingsSource.PerTest loopback = new SettingsSource.PerTest();

  private MigrationFixture fixture(String pom) {
    return new MigrationFixture(dir).file("pom.xml", pom).java(RedisBackendTest.SETTING)
        .java(PlainRedisBackendTest.SETTINGS.replace("@BASE@", "http://127.0.0.1:" + loopback.source.port()))
        .config(OptkitConfig.defaults().withCacheBackend("redis"));
  }

  @Test
  void theCacheClassReachesRedisThroughRedisson() throws Exception {
    assertTrue(POM.contains("<artifactId>redisson</artifactId>") && !POM.contains("jedis") && !POM.contains("lettuce"),
        POM);
    MigrationPlan plan = fixture(POM).plan();
    assertEquals(1, plan.targets().size(), plan.refusals() + " " + plan.notes());
    String settings = MigrationFixture.after(plan, "src/main/java/shop/Settings.java");
    assertTrue(settings.contains("""
            private final OptkitRedisCache<Optional<Setting>> settingCache = OptkitRedisCache.of("optkit.Settings.setting", \
        3600000L, true, Setting.class);
        """), settings);
    assertTrue(settings.contains("        settingCache.putUnlessEvictedSince(writes, Optional.ofNullable(value), name);\n")
        && settings.contains("        settingCache.invalidateAllAfter(writeFailure);\n"), settings);
    String cacheClass = MigrationFixture.after(plan, "src/main/java/shop/OptkitRedisCache.java");
    assertFalse(cacheClass.contains("redis.clients") || cacheClass.contains("Jedis") || cacheClass.contains("lettuce"),
        cacheClass);
    for (String expected : new String[] {
        "import org.redisson.api.RedissonClient;\n",
        "    private static volatile RedissonClient redisson;\n",
        // values are the JSON text the other clients' classes write: StringCodec, not Redisson's default codec
        "            String kept = redis().<String>getBucket(prefix + keyText(key), StringCodec.INSTANCE).get();\n",
        // the store stays one script, writing only while the evictions counter is what the load noted
        """
                        redis().getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, PUT_IF_NO_EVICTION,
                                RScript.ReturnType.INTEGER, Arrays.<Object>asList(prefix + keyText(key), evictions),
                                Long.toString(noted), encode(value), Long.toString(ttlMillis));
            """,
        // the eviction counted before the entries are scanned and deleted
        """
                    redis.getAtomicLong(evictions).incrementAndGet();
                    RKeys keys = redis.getKeys();
                    List<String> page = new ArrayList<String>();
                    for (String kept : keys.getKeysByPattern(prefix + "*", 1000)) { // SCAN, 1000 keys a call
            """,
        ".setTimeout(TIMEOUT_MILLIS).setConnectTimeout(TIMEOUT_MILLIS).setRetryAttempts(0);\n",
        "            client = Redisson.create(config);\n",
        "        shutDownWhenOnlyRedissonRuns(client);\n"}) {
      assertTrue(cacheClass.contains(expected), expected + " in:\n" + cacheClass);
    }
    String pom = MigrationFixture.after(plan, "pom.xml");
    assertTrue(pom.contains("<artifactId>jackson-databind</artifactId>") && !pom.contains("caffeine"), pom);
    assertTrue(plan.changes().stream().anyMatch(c -> c.path().endsWith("OptkitRedisCache.java")
        && c.descriptions().toString().contains("through the project's Redisson")), plan.changes().toString());
    fixture(POM).assertCompiles(plan); // against the test class path's redisson 3.27.2
  }

  @Test
  void jedisThenLettuceThenRedisson() {
    String withJedis = POM.replace("</dependencies>", """
          <dependency>
            <groupId>redis.clients</groupId>
            <artifactId>jedis</artifactId>
            <version>5.2.0</version>
          </dependency>
        </dependencies>""");
    String cacheClass = MigrationFixture.after(fixture(withJedis).plan(), "src/main/java/shop/OptkitRedisCache.java");
    assertTrue(cacheClass.contains("import redis.clients.jedis.JedisPool;") && !cacheClass.contains("org.redisson"),
        cacheClass);
    String withLettuce = POM.replace("</dependencies>", """
          <dependency>
            <groupId>io.lettuce</groupId>
            <artifactId>lettuce-core</artifactId>
            <version>6.4.1.RELEASE</version>
          </dependency>
        </dependencies>""");
    cacheClass = MigrationFixture.after(fixture(withLettuce).plan(), "src/main/java/shop/OptkitRedisCache.java");
    assertTrue(cacheClass.contains("import io.lettuce.core.RedisClient;") && !cacheClass.contains("org.redisson"),
        cacheClass);
  }

  /**
   * Redisson's timer thread is no daemon: a program that read through its cache in Redis and returned from main kept
   * running (an unmigrated one ends). The class shuts its client down once only Redisson's threads are left.
   */
  @Test
  void aProgramEndsWhenItsMainReturns() throws Exception {
    MigrationFixture fixture = fixture(POM).java("""
        package shop;

        public class ReadTwice {
            public static void main(String[] args) throws Exception {
                Settings settings = new Settings();
                System.out.println(settings.setting("currency") + " " + settings.setting("currency"));
            }
        }
        """);
    Path classes = fixture.compile(fixture.plan());
    try (RedisServer redis = RedisServer.start()) {
      loopback.source.stored.put("currency", "EUR,USD");
      Process program = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Doptkit.cache.redis.url=redis://127.0.0.1:" + redis.port(), "-cp",
          classes + java.io.File.pathSeparator + System.getProperty("java.class.path"), "shop.ReadTwice")
          .redirectErrorStream(true).redirectOutput(dir.resolve("program.log").toFile()).start();
      boolean ended = program.waitFor(60, TimeUnit.SECONDS);
      if (!ended) {
        program.destroyForcibly().waitFor();
      }
      String log = java.nio.file.Files.readString(dir.resolve("program.log"));
      assertTrue(ended, "the program still ran 60 s after its main returned:\n" + log);
      assertEquals(0, program.exitValue(), log);
      assertEquals(1, loopback.source.reads.get(), "the second read was a hit in Redis: " + log);
    }
  }

  /** An entry the Redisson class stored is the JSON text the Jedis class reads: one Redis, two clients, one cache. */
  @Test
  void anEntryRedissonWroteIsReadThroughJedis() throws Exception {
    MigrationFixture redissonFixture = fixture(POM);
    Path redissonClasses = redissonFixture.compile(redissonFixture.plan());
    MigrationFixture jedisFixture = new MigrationFixture(dir.resolve("jedis")).file("pom.xml", PlainRedisBackendTest.POM)
        .java(RedisBackendTest.SETTING)
        .java(PlainRedisBackendTest.SETTINGS.replace("@BASE@", "http://127.0.0.1:" + loopback.source.port()))
        .config(OptkitConfig.defaults().withCacheBackend("redis"));
    Path jedisClasses = jedisFixture.compile(jedisFixture.plan());
    try (RedisServer redis = RedisServer.start()) {
      System.setProperty("optkit.cache.redis.url", "redis://127.0.0.1:" + redis.port());
      try (Copy viaRedisson = new Copy(redissonClasses); Copy viaJedis = new Copy(jedisClasses)) {
        loopback.source.stored.put("currency", "EUR,USD");
        Object stored = viaRedisson.read("currency");
        assertEquals(stored.toString(), viaJedis.read("currency").toString());
        assertEquals(1, loopback.source.reads.get(), "the Jedis copy is answered by what the Redisson copy stored");
        assertEquals("1 hits, 0 misses", viaJedis.counts());
        viaJedis.update("currency", "CHF");
        assertEquals("CHF", value(viaRedisson.read("currency")), "the Jedis copy's eviction reaches the Redisson copy");
      }
    }
  }

  @Test
  void twoCopiesOnOneRedisNeverAnswerStaleAndADownRedisDoesNotStallReads() throws Exception {
    MigrationFixture fixture = fixture(POM);
    Path classes = fixture.compile(fixture.plan());
    try (RedisServer redis = RedisServer.start()) {
      System.setProperty("optkit.cache.redis.url", "redis://127.0.0.1:" + redis.port());
      try (Copy a = new Copy(classes); Copy b = new Copy(classes)) {
        PlainRedisBackendTest.sharedAndNeverStale(a, b, loopback.source);

        // with Redisson's defaults (3 s, retried 3 times 1.5 s apart) each read would wait several seconds: what
        // bounds it is read from B's live client rather than timed (issue 67)
        SingleServerConfig server = singleServer((RedissonClient) b.cacheStatic("redisson"));
        assertEquals(0, server.getRetryAttempts(), "a failed command is not retried");
        assertEquals(2_000, server.getTimeout());
        assertEquals(2_000, server.getConnectTimeout());
        PlainRedisBackendTest.downRedisAnswersFromTheSource(a, b, redis, loopback.source);
        loopback.source.stored.put("currency", "GBP");
        try (Copy late = new Copy(classes)) {
          // Redisson.create fails while Redis is unreachable: the read answers from the source, and the failure is noted
          assertEquals("GBP", value(late.read("currency")), "a copy that never reached Redis answers from the source");
          assertNull(late.cacheStatic("redisson"));
          long failedAt = (long) late.cacheStatic("failedAt");
          assertTrue(failedAt > 0, "the failed attempt to connect is noted");
          // the clock stood still since that failure (its time set ahead, in place of a fake clock the generated class
          // does not have): the next read makes no attempt, which would have noted a failure of its own
          long stillThen = System.currentTimeMillis() + TimeUnit.DAYS.toMillis(1);
          late.setCacheStatic("failedAt", stillThen);
          assertEquals("GBP", value(late.read("currency")));
          assertEquals(stillThen, (long) late.cacheStatic("failedAt"), "the next read tried to connect again");
          assertNull(late.cacheStatic("redisson"));
          assertEquals("0 hits, 2 misses", late.counts());
        }
      }
    }
  }

  /** The store's script with Redisson: a load that overlapped another copy's write is answered, not stored. */
  @Test
  void aLoadOverlappingAWriteThroughAnotherCopyIsNotStored() throws Exception {
    MigrationFixture fixture = fixture(POM);
    PlainRedisBackendTest.overlappingLoadIsNotStored(fixture.compile(fixture.plan()), loopback.source);
  }

  @Test
  void aRedissonOlderThanThreeStaysLocalAndSaysSo() {
    MigrationPlan plan = readOnlyPlan(POM.replace("3.27.2", "2.15.2"));
    assertTrue(plan.notes().contains("cache: the plain Java caches stay local in each JVM: its Redisson is older than 3 "
        + "(org.redisson:redisson 2.15.2), which the Redis cache is not written against"), plan.notes().toString());
    assertTrue(plan.changes().stream().map(FileChange::path).noneMatch(p -> p.endsWith("OptkitRedisCache.java")),
        plan.changes().toString());
    assertTrue(MigrationFixture.after(plan, "src/main/java/shop/Settings.java").contains("Caffeine.newBuilder()"));
  }

  /** As Spring's Redis starter is no Lettuce of the module's own, Redisson's starter alone is no Redisson. */
  @Test
  void redissonsSpringBootStarterAloneIsNoClient() {
    MigrationPlan plan = readOnlyPlan(POM.replace("<artifactId>redisson</artifactId>",
        "<artifactId>redisson-spring-boot-starter</artifactId>"));
    assertTrue(plan.notes().contains("cache: the plain Java caches stay local in each JVM: the redis backend reaches "
        + "Redis through the project's own Jedis (3 or later), Lettuce (5 or later) or Redisson (3 or later), which this "
        + "module's pom does not have"), plan.notes().toString());
    assertTrue(plan.changes().stream().map(FileChange::path).noneMatch(p -> p.endsWith("OptkitRedisCache.java")),
        plan.changes().toString());
  }

  /** No writer: an object's local cache whose writers evict would be refused (they would evict their own object's). */
  private MigrationPlan readOnlyPlan(String pom) {
    String readOnly = PlainRedisBackendTest.SETTINGS.replace(PlainRedisBackendTest.WRITER, "");
    assertTrue(!readOnly.contains("update("), readOnly);
    return new MigrationFixture(dir).file("pom.xml", pom).java(RedisBackendTest.SETTING).java(readOnly)
        .config(OptkitConfig.defaults().withCacheBackend("redis")).plan();
  }

  private static Object value(Object setting) throws Exception {
    return setting.getClass().getMethod("value").invoke(setting);
  }

  /** The client's single-server settings: Redisson's Config keeps them behind a protected getter. */
  private static SingleServerConfig singleServer(RedissonClient client) throws Exception {
    java.lang.reflect.Method getter = org.redisson.config.Config.class.getDeclaredMethod("getSingleServerConfig");
    getter.setAccessible(true);
    return (SingleServerConfig) getter.invoke(client.getConfig());
  }

}
