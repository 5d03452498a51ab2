package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.PlainRedisBackendTest.Copy;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain Java caches with the redis backend in a module that has Lettuce and not Jedis: the same
 * OptkitRedisCache as {@link PlainRedisBackendTest}'s, through Lettuce's synchronous API. The rewritten
 * text, compiled against lettuce-core 6.4.1, and two copies (two class loaders: each its own client and
 * connection, as two JVMs) on one real redis-server; with the server stopped, reads answer from the
 * source at once (not after Lettuce's 60 s default timeout) and a write's eviction fails. A Lettuce older
 * than 5 (biz.paluch.redis, before io.lettuce.core) keeps the caches local and says so.
 */
class PlainLettuceBackendTest {
  @TempDir Path dir;

  static final String POM = PlainRedisBackendTest.POM.replace("""
            <groupId>redis.clients</groupId>
            <artifactId>jedis</artifactId>
            <version>5.2.0</version>
      """, """
            <groupId>io.lettuce</groupId>
            <artifactId>lettuce-core</artifactId>
            <version>6.4.1.RELEASE</version>
      """);

  @org.junit.jupiter.api.extension.RegisterExtension
  final SettingsSource.PerTest loopback = new SettingsSource.PerTest();

  private MigrationFixture fixture(String pom) {
    return new MigrationFixture(dir).file("pom.xml", pom).java(RedisBackendTest.SETTING)
        .java(PlainRedisBackendTest.SETTINGS.replace("@BASE@", "http://127.0.0.1:" + loopback.source.port()))
        .config(OptkitConfig.defaults().withCacheBackend("redis"));
  }

  @Test
  void theCacheClassReachesRedisThroughLettuce() throws Exception {
    assertTrue(POM.contains("lettuce-core") && !POM.contains("jedis"), POM);
    MigrationPlan plan = fixture(POM).plan();
    assertEquals(1, plan.targets().size(), plan.refusals() + " " + plan.notes());
    // the generated class sets its own timeout: Spring's setting, which Deployment notes for Spring's caches, is moot
    assertTrue(plan.notes().stream().noneMatch(n -> n.contains("spring.data.redis.timeout")), plan.notes().toString());
    String settings = MigrationFixture.after(plan, "src/main/java/shop/Settings.java");
    assertTrue(settings.contains("""
            private final OptkitRedisCache<Optional<Setting>> settingCache = OptkitRedisCache.of("optkit.Settings.setting", \
        3600000L, true, Setting.class);
        """), settings);
    assertTrue(settings.contains("        settingCache.putUnlessEvictedSince(writes, Optional.ofNullable(value), name);\n")
        && settings.contains("        settingCache.invalidateAllAfter(writeFailure);\n"), settings);
    String cacheClass = MigrationFixture.after(plan, "src/main/java/shop/OptkitRedisCache.java");
    assertFalse(cacheClass.contains("redis.clients") || cacheClass.contains("Jedis"), cacheClass);
    for (String expected : new String[] {
        "import io.lettuce.core.api.StatefulRedisConnection;\n",
        "    private static volatile StatefulRedisConnection<String, String> connection;\n",
        "            String kept = redis().get(prefix + keyText(key));\n",
        // the store stays one script, writing only while the evictions counter is what the load noted
        """
                        redis().eval(PUT_IF_NO_EVICTION, ScriptOutputType.INTEGER, new String[] {prefix + keyText(key), evictions},
                                Long.toString(noted), encode(value), Long.toString(ttlMillis));
            """,
        // the eviction counted before the entries are scanned and deleted
        """
                    RedisCommands<String, String> redis = redis();
                    redis.incr(evictions);
                    ScanArgs match = ScanArgs.Builder.matches(prefix + "*").limit(1000);
            """,
        "        uri.setTimeout(TIMEOUT);\n",
        ".disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)"}) {
      assertTrue(cacheClass.contains(expected), expected + " in:\n" + cacheClass);
    }
    String pom = MigrationFixture.after(plan, "pom.xml");
    assertTrue(pom.contains("<artifactId>jackson-databind</artifactId>") && !pom.contains("caffeine"), pom);
    assertTrue(plan.changes().stream().anyMatch(c -> c.path().endsWith("OptkitRedisCache.java")
        && c.descriptions().toString().contains("through the project's Lettuce")), plan.changes().toString());
    fixture(POM).assertCompiles(plan); // against the test class path's lettuce-core 6.4.1.RELEASE
  }

  @Test
  void withJedisAndLettuceTheCacheUsesJedis() {
    String both = POM.replace("</dependencies>", """
          <dependency>
            <groupId>redis.clients</groupId>
            <artifactId>jedis</artifactId>
            <version>5.2.0</version>
          </dependency>
        </dependencies>""");
    String cacheClass = MigrationFixture.after(fixture(both).plan(), "src/main/java/shop/OptkitRedisCache.java");
    assertTrue(cacheClass.contains("import redis.clients.jedis.JedisPool;") && !cacheClass.contains("io.lettuce"),
        cacheClass);
  }

  @Test
  void twoCopiesOnOneRedisNeverAnswerStaleAndADownRedisDoesNotStallReads() throws Exception {
    MigrationFixture fixture = fixture(POM);
    Path classes = fixture.compile(fixture.plan());
    try (RedisServer redis = RedisServer.start()) {
      System.setProperty("optkit.cache.redis.url", "redis://127.0.0.1:" + redis.port());
      try (Copy a = new Copy(classes); Copy b = new Copy(classes)) {
        PlainRedisBackendTest.sharedAndNeverStale(a, b, loopback.source);

        // what keeps a down Redis from stalling a read, read from B's live connection rather than timed (issue 67):
        // disconnected, a command is rejected at once, not queued until its timeout (Lettuce's default a minute);
        // connected, a command and connecting wait at most the class's 2 s
        StatefulRedisConnection<?, ?> connection = (StatefulRedisConnection<?, ?>) b.cacheStatic("connection");
        assertEquals(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS,
            connection.getOptions().getDisconnectedBehavior());
        assertEquals(Duration.ofSeconds(2), connection.getTimeout());
        assertEquals(Duration.ofSeconds(2), connection.getOptions().getSocketOptions().getConnectTimeout());
        PlainRedisBackendTest.downRedisAnswersFromTheSource(a, b, redis, loopback.source);
        assertSame(connection, b.cacheStatic("connection"), "the reads went to the one connection, disconnected");
        assertFalse(connection.isOpen(), "so they were rejected, not queued");
        loopback.source.stored.put("currency", "GBP");
        try (Copy late = new Copy(classes)) {
          assertEquals("GBP", value(late.read("currency")), "a copy that never reached Redis answers from the source");
          assertEquals("0 hits, 1 misses", late.counts());
        }
      }
    }
  }

  /** The store's script with Lettuce: a load that overlapped another copy's write is answered, not stored. */
  @Test
  void aLoadOverlappingAWriteThroughAnotherCopyIsNotStored() throws Exception {
    MigrationFixture fixture = fixture(POM);
    PlainRedisBackendTest.overlappingLoadIsNotStored(fixture.compile(fixture.plan()), loopback.source);
  }

  @Test
  void aLettuceOlderThanFiveStaysLocalAndSaysSo() {
    String lettuce4 = POM.replace("<groupId>io.lettuce</groupId>", "<groupId>biz.paluch.redis</groupId>")
        .replace("<artifactId>lettuce-core</artifactId>", "<artifactId>lettuce</artifactId>")
        .replace("6.4.1.RELEASE", "4.5.0.Final");
    // no writer: an object's local cache whose writers evict would be refused (they would evict their own object's)
    String readOnly = PlainRedisBackendTest.SETTINGS.replace(PlainRedisBackendTest.WRITER, "");
    assertTrue(!readOnly.contains("update("), readOnly);
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", lettuce4).java(RedisBackendTest.SETTING).java(readOnly)
        .config(OptkitConfig.defaults().withCacheBackend("redis")).plan();
    assertTrue(plan.notes().contains("cache: the plain Java caches stay local in each JVM: its Lettuce is older than 5 "
        + "(biz.paluch.redis:lettuce 4.5.0.Final), before the io.lettuce.core classes the Redis cache is written against"),
        plan.notes().toString());
    assertTrue(plan.changes().stream().map(FileChange::path).noneMatch(p -> p.endsWith("OptkitRedisCache.java")),
        plan.changes().toString());
    assertTrue(MigrationFixture.after(plan, "src/main/java/shop/Settings.java").contains("Caffeine.newBuilder()"));
  }

  private static Object value(Object setting) throws Exception {
    return setting.getClass().getMethod("value").invoke(setting);
  }

  /**
   * Trial 84's R3: a plain Java DAO with Lettuce, the two-level backend chosen, its read refused for the local cache's
   * reason and nothing saying two-level is Spring's only, nor that the redis backend caches that very read.
   */
  @Test
  void twoLevelOnAPlainJavaModuleSaysItsCachesStayLocal() {
    MigrationPlan twoLevel = new MigrationFixture(dir.resolve("two")).resources("/trial84/r3")
        .config(OptkitConfig.defaults().withCacheBackend("two-level")).plan();
    assertTrue(twoLevel.targets().isEmpty() && !twoLevel.refusals().isEmpty(), twoLevel.targets().toString());
    assertTrue(twoLevel.notes().stream().anyMatch(n -> n.startsWith("cache: the plain Java caches stay local in each "
        + "JVM: the two-level backend is Spring's only (the redis backend keeps them in Redis")), twoLevel.notes().toString());
    MigrationPlan redis = new MigrationFixture(dir.resolve("redis")).resources("/trial84/r3")
        .config(OptkitConfig.defaults().withCacheBackend("redis")).plan();
    assertEquals(1, redis.targets().size(), redis.refusals().toString());
  }
}
