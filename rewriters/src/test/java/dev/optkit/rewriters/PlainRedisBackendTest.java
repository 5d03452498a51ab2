package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain Java caches with the redis backend, through the project's own Jedis: the rewritten class as
 * text, compiled, and two copies of it (each class loader its own statics and pool, as two JVMs) run on
 * one real redis-server: a write through one is never answered stale through the other, a record comes
 * back equal through the real serializer, and with Redis stopped a read answers from the source while
 * a write's eviction fails. Beside them, what stays local and what is refused, each with its reason.
 */
class PlainRedisBackendTest {
  @TempDir Path dir;

  static final String POM = """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <groupId>shop</groupId>
        <artifactId>settings</artifactId>
        <version>1</version>
        <properties><maven.compiler.release>17</maven.compiler.release></properties>
        <dependencies>
          <dependency>
            <groupId>redis.clients</groupId>
            <artifactId>jedis</artifactId>
            <version>5.2.0</version>
          </dependency>
        </dependencies>
      </project>
      """;

  /** A plain class reading settings over HTTP (its base URL from a system property), and writing one. */
  static final String SETTINGS = """
      package shop;

      import java.io.IOException;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.List;

      public class Settings {
          private static final String BASE = "@BASE@";
          private final HttpClient http = HttpClient.newHttpClient();
          private final String base = BASE;

          public Setting setting(String name) throws IOException, InterruptedException {
              String body = http.send(HttpRequest.newBuilder(URI.create(base + "/settings/" + name)).GET().build(),
                      HttpResponse.BodyHandlers.ofString()).body();
              List<String> parts = List.of(body.split(","));
              return new Setting(name, body, parts, parts.size() > 1 ? Setting.Kind.LIST : Setting.Kind.TEXT);
          }

          public void update(String name, String value) throws IOException, InterruptedException {
              http.send(HttpRequest.newBuilder(URI.create(base + "/settings/" + name))
                      .PUT(HttpRequest.BodyPublishers.ofString(value)).build(), HttpResponse.BodyHandlers.discarding());
              if (value.equals("refused")) {
                  throw new IOException("the source refused " + name); // a write that fails after it began
              }
          }
      }
      """;

  /** The writer of SETTINGS, taken out where a test wants a read nothing writes. */
  static final String WRITER = """

          public void update(String name, String value) throws IOException, InterruptedException {
              http.send(HttpRequest.newBuilder(URI.create(base + "/settings/" + name))
                      .PUT(HttpRequest.BodyPublishers.ofString(value)).build(), HttpResponse.BodyHandlers.discarding());
              if (value.equals("refused")) {
                  throw new IOException("the source refused " + name); // a write that fails after it began
              }
          }
      """;

  @org.junit.jupiter.api.extension.RegisterExtension
  final SettingsSource.PerTest loopback = new SettingsSource.PerTest();

  /** The sources with the loopback source's address written in: a literal, as every JVM would have it. */
  private MigrationFixture fixture(String settings) {
    return new MigrationFixture(dir).file("pom.xml", POM).java(RedisBackendTest.SETTING)
        .java(settings.replace("@BASE@", "http://127.0.0.1:" + loopback.source.port()))
        .config(OptkitConfig.defaults().withCacheBackend("redis"));
  }

  private static String after(MigrationPlan plan, String path) {
    return MigrationFixture.after(plan, path);
  }

  @Test
  void theMethodReadsAndStoresThroughRedisAndItsWriterEvictsThere() throws Exception {
    MigrationPlan plan = fixture(SETTINGS).plan();
    assertEquals(1, plan.targets().size(), plan.refusals() + " " + plan.notes());
    String settings = after(plan, "src/main/java/shop/Settings.java");
    assertTrue(settings.contains("""
            private final OptkitRedisCache<Optional<Setting>> settingCache = OptkitRedisCache.of("optkit.Settings.setting", \
        3600000L, true, Setting.class);
        """), settings);
    assertTrue(settings.contains("""
                Optional<Setting> cached = settingCache.getIfPresent(name);
                if (cached != null) {
                    return cached.orElse(null);
                }
                long writes = settingCache.evictions();
                Setting value = settingUncached(name);
                settingCache.putUnlessEvictedSince(writes, Optional.ofNullable(value), name);
                return value;
        """), settings);
    assertTrue(settings.contains("""
                Throwable writeFailure = null;
                // Added by optkit migrate: evicted before the write too, which does not run when Redis cannot be reached
                settingCache.invalidateAll();
                try {
                    updateUnevicted(name, value);
                } catch (Throwable thrown) {
                    writeFailure = thrown;
                    throw thrown;
                } finally {
                    // Added by optkit migrate: this write changes what setting() caches
                    settingCache.invalidateAllAfter(writeFailure);
                }
        """), settings);
    assertTrue(!settings.contains("Caffeine") && !settings.contains("AtomicLong"), settings);
    String cacheClass = after(plan, "src/main/java/shop/OptkitRedisCache.java");
    assertTrue(cacheClass.contains("redis.clients.jedis.params.ScanParams match"), "Jedis 5's scan classes: " + cacheClass);
    String pom = after(plan, "pom.xml");
    assertTrue(pom.contains("<artifactId>jackson-databind</artifactId>") && !pom.contains("caffeine"), pom);
    fixture(SETTINGS).assertCompiles(plan);
  }

  @Test
  void twoCopiesOnOneRedisNeverAnswerStaleAndAHitIsAnEqualRecord() throws Exception {
    MigrationFixture fixture = fixture(SETTINGS);
    MigrationPlan plan = fixture.plan();
    Path classes = fixture.compile(plan);
    try (RedisServer redis = RedisServer.start()) {
      System.setProperty("optkit.cache.redis.url", "redis://127.0.0.1:" + redis.port());
      try (Copy a = new Copy(classes); Copy b = new Copy(classes)) {
        sharedAndNeverStale(a, b, loopback.source);

        redis.close();
        loopback.source.stored.put("currency", "CHF");
        assertEquals("CHF", value(b.read("currency")), "Redis down: B answers from the source");
        InvocationTargetException failed = assertThrows(InvocationTargetException.class, () -> a.update("currency", "X"));
        assertTrue(failed.getCause() instanceof RuntimeException, failed.getCause().toString());
        assertEquals("CHF", loopback.source.stored.get("currency"), "the write did not run: nothing to evict after");
      }
    }
  }

  /**
   * Trial 84's R2: after a Redis restart the writer's client was still reconnecting while another instance cached
   * again; the write ran, its eviction failed, and every instance answered the old value until the entry expired. A
   * writer that cannot reach the Redis the others use now fails before it writes: what A answers is what the source
   * holds. (B reaches no Redis at all here: its client's own view of a restart.)
   */
  @Test
  void aWriterThatCannotReachRedisDoesNotWriteUnderTheOthersCache() throws Exception {
    MigrationFixture fixture = fixture(SETTINGS);
    MigrationPlan plan = fixture.plan();
    // trial 84's R4: the plan says the writers now need a Redis (the project's tests did, unsaid)
    assertTrue(plan.notes().stream().anyMatch(n -> n.contains("fail before writing while Redis cannot be reached")),
        plan.notes().toString());
    Path classes = fixture.compile(plan);
    try (RedisServer redis = RedisServer.start()) {
      System.setProperty("optkit.cache.redis.url", "redis://127.0.0.1:" + redis.port());
      try (Copy a = new Copy(classes)) {
        loopback.source.stored.put("currency", "EUR");
        assertEquals("EUR", value(a.read("currency")));
        assertEquals("EUR", value(a.read("currency")), "cached in Redis");
        int closed;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
          closed = free.getLocalPort();
        }
        System.setProperty("optkit.cache.redis.url", "redis://127.0.0.1:" + closed);
        try (Copy b = new Copy(classes)) {
          assertThrows(InvocationTargetException.class, () -> b.update("currency", "CHF"));
        }
        assertEquals(loopback.source.stored.get("currency"), value(a.read("currency")),
            "A answers what the source holds");
      } finally {
        System.setProperty("optkit.cache.redis.url", "redis://127.0.0.1:" + redis.port());
      }
    }
  }

  /**
   * Hostile review 55's V2: an entry of another class under the method's key (kept by another version of the
   * application, whose method answered a List) is a miss, answered from the source, not a ClassCastException.
   */
  @Test
  void anEntryOfAnotherClassIsAMiss() throws Exception {
    MigrationFixture fixture = fixture(SETTINGS);
    Path classes = fixture.compile(fixture.plan());
    try (RedisServer redis = RedisServer.start()) {
      System.setProperty("optkit.cache.redis.url", "redis://127.0.0.1:" + redis.port());
      try (Copy b = new Copy(classes);
          redis.clients.jedis.Jedis direct = new redis.clients.jedis.Jedis("127.0.0.1", redis.port())) {
        loopback.source.stored.put("currency", "EUR");
        direct.set("optkit:shop:optkit.Settings.setting::[\"currency\"]", "+[\"java.util.ArrayList\",[\"stale\"]]");
        assertEquals("EUR", value(b.read("currency")), "answered from the source");
        assertEquals(1, loopback.source.reads.get());
      }
    }
  }

  /**
   * An entry naming a class outside the application, as whoever can write to the Redis would plant it, is a miss: the
   * class is never loaded or built (CWE-502), at the top of the value or inside a list.
   */
  @Test
  void anEntryNamingAClassOutsideTheApplicationIsNeverLoaded() throws Exception {
    MigrationFixture fixture = fixture(SETTINGS).java(Gadget.EVENT);
    Path classes = fixture.compile(fixture.plan());
    Gadget.compileInto(classes);
    try (RedisServer redis = RedisServer.start()) {
      System.setProperty("optkit.cache.redis.url", "redis://127.0.0.1:" + redis.port());
      try (Copy b = new Copy(classes);
          redis.clients.jedis.Jedis direct = new redis.clients.jedis.Jedis("127.0.0.1", redis.port())) {
        loopback.source.stored.put("currency", "EUR");
        List<String> planted = new java.util.ArrayList<>(Gadget.plantedValues());
        planted.addAll(Gadget.plantedThroughTheApplication());
        planted.addAll(Gadget.plantedToBreakTheReader());
        for (int i = 0; i < planted.size(); i++) {
          direct.set("optkit:shop:optkit.Settings.setting::[\"planted" + i + "\"]", "+" + planted.get(i));
          b.read("planted" + i);
          assertEquals(List.of(), Gadget.traces(), "the class entry " + planted.get(i) + " named was loaded or built");
        }
        assertEquals(planted.size(), loopback.source.reads.get(), "each planted entry a miss");
        assertEquals("EUR", value(b.read("currency")));
        assertEquals("EUR", value(b.read("currency")));
        assertEquals(planted.size() + 1, loopback.source.reads.get(), "the record is stored and read back: a hit");
      }
    }
  }

  /**
   * An OptkitRedisCache an optkit before the check on stored classes wrote is not used for new caches: a later
   * migration refuses to put another method's entries through it, and warns of it, with what to do.
   */
  @Test
  void aLaterMigrationPutsNoNewCacheThroughAnEarlierClassThatReadsAnyClass() throws Exception {
    MigrationFixture fixture = fixture(SETTINGS.replace(WRITER, "\n")); // reads only: no writer of one evicts the other
    MigrationPlan first = fixture.plan();
    String cacheClass = "src/main/java/shop/OptkitRedisCache.java";
    for (FileChange change : first.changes()) {
      String text = new String(change.after(), java.nio.charset.StandardCharsets.UTF_8);
      fixture.file(change.path(), change.path().equals(cacheClass) ? text.replace(
          "mapper.setDefaultTyping(new StoredTypes.Typing().init(JsonTypeInfo.Id.CLASS, null)"
              + ".inclusion(JsonTypeInfo.As.PROPERTY));",
          "mapper.activateDefaultTyping(mapper.getPolymorphicTypeValidator(), ObjectMapper.DefaultTyping.EVERYTHING,\n"
              + "                JsonTypeInfo.As.PROPERTY);") : text);
    }
    fixture.java(SETTINGS.replace(WRITER, "\n").replace("@BASE@", "https://regions.example.com")
        .replace("class Settings", "class Regions").replace("Setting setting(", "Setting region(")
        .replace("/settings/", "/regions/"));
    MigrationPlan second = fixture.plan();
    assertEquals(List.of(), second.targets().stream().map(t -> t.method().fact().name()).toList(),
        second.refusals().toString());
    assertTrue(second.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("region(")
        && r.reason().equals(cacheClass + " " + dev.optkit.rewriters.plan.CacheConfigFiles.READS_ANY_CLASS)),
        second.refusals().toString());
    assertTrue(second.notes().contains("warning: " + cacheClass + " " + dev.optkit.rewriters.plan.CacheConfigFiles.READS_ANY_CLASS),
        second.notes().toString());
  }

  /**
   * A slow read through B fetched the old value while A wrote: it answers what it fetched, but is not stored
   * (A's eviction was counted after B noted the count), so the next read asks the source and gets the write.
   */
  @Test
  void aLoadOverlappingAWriteThroughAnotherCopyIsNotStored() throws Exception {
    MigrationFixture fixture = fixture(SETTINGS);
    overlappingLoadIsNotStored(fixture.compile(fixture.plan()), loopback.source);
  }

  /**
   * Whatever the client: a load by copy B that overlapped a write through copy A answers what it fetched and is not
   * stored; the next read asks the source, and what that one loaded is stored.
   */
  static void overlappingLoadIsNotStored(Path classes, SettingsSource source) throws Exception {
    java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (RedisServer redis = RedisServer.start()) {
      System.setProperty("optkit.cache.redis.url", "redis://127.0.0.1:" + redis.port());
      try (Copy a = new Copy(classes); Copy b = new Copy(classes)) {
        source.stored.put("currency", "EUR");
        java.util.concurrent.CountDownLatch fetched = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        source.holdNextRead.set(new java.util.concurrent.CountDownLatch[] {fetched, release});
        java.util.concurrent.Future<Object> slow = reader.submit(() -> b.read("currency"));
        assertTrue(fetched.await(10, java.util.concurrent.TimeUnit.SECONDS));
        a.update("currency", "USD");
        release.countDown();
        assertEquals("EUR", value(slow.get(10, java.util.concurrent.TimeUnit.SECONDS)), "it answers what it fetched");
        assertEquals("USD", value(b.read("currency")));
        assertEquals(2, source.reads.get(), "not stored: the next read asks the source");
        assertEquals("USD", value(a.read("currency")));
        assertEquals(2, source.reads.get(), "what that read loaded is stored");
      }
    } finally {
      reader.shutdownNow();
    }
  }

  /**
   * Hostile review 81's R5: two applications migrated apart (packages shop and billing), each with a
   * Settings.setting(), sharing one Redis database read each other's entries (the caches' names are unique only within
   * a project). The keys carry the application's package.
   */
  @Test
  void theKeysCarryTheApplicationsPackage() {
    String cacheClass = after(fixture(SETTINGS).plan(), "src/main/java/shop/OptkitRedisCache.java");
    assertTrue(cacheClass.contains("this.prefix = \"optkit:shop:\" + name + \"::\";")
        && cacheClass.contains("this.evictions = \"optkit:shop:\" + name + \":evictions\";"), cacheClass);
  }

  /**
   * Hostile review 81's R1 to R3: Redis emptied (FLUSHALL, a restart without persistence) between a write's eviction
   * and the store of a load that began before it reset the evictions counter to the "0" the load had noted, and the
   * old value was stored for the TTL. A counter now starts at a random number, and a store finds none to match when
   * Redis lost it.
   */
  @Test
  void aLoadOverlappingAWriteAndAFlushIsNotStored() throws Exception {
    MigrationFixture fixture = fixture(SETTINGS);
    Path classes = fixture.compile(fixture.plan());
    java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (RedisServer redis = RedisServer.start(); redis.clients.jedis.Jedis admin = new redis.clients.jedis.Jedis(
        "127.0.0.1", redis.port())) {
      System.setProperty("optkit.cache.redis.url", "redis://127.0.0.1:" + redis.port());
      try (Copy a = new Copy(classes); Copy b = new Copy(classes)) {
        loopback.source.stored.put("limit", "100");
        java.util.concurrent.CountDownLatch fetched = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        loopback.source.holdNextRead.set(new java.util.concurrent.CountDownLatch[] {fetched, release});
        java.util.concurrent.Future<Object> slow = reader.submit(() -> b.read("limit"));
        assertTrue(fetched.await(10, java.util.concurrent.TimeUnit.SECONDS));
        a.update("limit", "200");
        admin.flushAll();
        release.countDown();
        assertEquals("100", value(slow.get(10, java.util.concurrent.TimeUnit.SECONDS)), "it answers what it fetched");
        assertEquals(java.util.Set.of(), admin.keys("optkit:*::*"), "what it fetched before the write is not stored");
        assertEquals("200", value(b.read("limit")));
        assertEquals("200", value(a.read("limit")));
      }
    } finally {
      reader.shutdownNow();
    }
  }

  /**
   * Hostile review 81's R6: the address in another class's static final set from a system property: two instances
   * started with different ones shared one entry in Redis (B answered A's source's value). It stays local now.
   */
  @Test
  void anotherClassesStaticSetPerJvmStaysLocal() {
    // no writer: a local cache per object is safe (with one, the read is refused, as local caches' writers would evict
    // only their own object's cache)
    String viaEnv = SETTINGS.replace(WRITER, "").replace("URI.create(base + ", "URI.create(Env.BASE + ");
    assertTrue(!viaEnv.equals(SETTINGS), viaEnv);
    MigrationPlan local = fixture(viaEnv).java("""
        package shop;

        public final class Env {
            public static final String BASE = System.getProperty("settings.base", "http://127.0.0.1:1");
        }
        """).plan();
    assertEquals(1, local.targets().size(), local.refusals().toString());
    assertTrue(local.notes().stream().anyMatch(note -> note.startsWith("cache: Settings.setting() stays in a local cache")
        && note.contains("reads Env.BASE, another class's static")), local.notes().toString());
    assertTrue(after(local, "src/main/java/shop/Settings.java").contains("Caffeine.newBuilder()"));
  }

  @Test
  void anObjectMadeWithArgumentsStaysLocalAndAResultThatCannotRoundTripIsRefused() {
    // no writer: a local cache per object is safe (with one, each object's writer would evict only its own cache)
    String withArguments = SETTINGS.replace("    private final String base = BASE;\n",
        "    private final String base;\n\n    public Settings(String base) {\n        this.base = base;\n    }\n")
        .replace(WRITER, "");
    assertTrue(!withArguments.contains("update(") && withArguments.contains("public Settings(String base)"), withArguments);
    MigrationPlan local = fixture(withArguments).plan();
    assertEquals(1, local.targets().size(), local.refusals().toString());
    assertTrue(local.notes().contains("cache: Settings.setting() stays in a local cache in each JVM (cache.backend redis): "
        + "objects of Settings are made with constructor arguments (Settings(String)), so two of them may answer one "
        + "call differently: a cache in Redis is shared by every object of Settings, where a local cache is each "
        + "object's own"), local.notes().toString());
    assertTrue(after(local, "src/main/java/shop/Settings.java").contains("Caffeine.newBuilder()"));

    // a class Jackson cannot make again (its one constructor takes the value): the hit would fail, so refused
    String quoted = SETTINGS.replace("public Setting setting(String name)", "public Quote setting(String name)")
        .replace("return new Setting(name, body, parts, parts.size() > 1 ? Setting.Kind.LIST : Setting.Kind.TEXT);",
            "return new Quote(body);");
    MigrationPlan refused = fixture(quoted).java("""
        package shop;

        public class Quote {
            private final String value;

            public Quote(String value) {
                this.value = value;
            }

            public String getValue() {
                return value;
            }
        }
        """).plan();
    assertEquals(List.of(), refused.targets());
    assertTrue(refused.refusals().stream().map(Refusal::reason).anyMatch(r -> r.contains("no creator Jackson can use")),
        refused.refusals().toString());
  }

  @Test
  void withoutJedisThePlainCachesStayLocalAndSaySo() {
    String readOnly = SETTINGS.replace(WRITER, "");
    assertTrue(!readOnly.contains("update("), readOnly);
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", POM.replace("jedis", "commons-pool2")
        .replace("redis.clients", "org.apache.commons")).java(RedisBackendTest.SETTING).java(readOnly)
        .config(OptkitConfig.defaults().withCacheBackend("redis")).plan();
    assertEquals(1, plan.targets().size(), plan.refusals().toString());
    assertTrue(plan.notes().contains("cache: the plain Java caches stay local in each JVM: the redis backend reaches "
        + "Redis through the project's own Jedis (3 or later), Lettuce (5 or later) or Redisson (3 or later), which this "
        + "module's pom does not have"), plan.notes().toString());
    assertTrue(plan.changes().stream().map(FileChange::path).noneMatch(p -> p.endsWith("OptkitRedisCache.java")));
  }

  /**
   * Two copies on one Redis, whatever the client: the second read is a hit and an equal record, the other copy is
   * answered from Redis, and in 20 rounds of a write through A and a read through B none is stale.
   */
  static void sharedAndNeverStale(Copy a, Copy b, SettingsSource source) throws Exception {
    source.stored.put("currency", "EUR,USD");
    Object first = b.read("currency");
    Object second = b.read("currency");
    assertEquals(1, source.reads.get(), "the second read is a hit");
    assertEquals("1 hits, 1 misses", b.counts(), "the cache counts its reads, as validate reads them");
    assertEquals(first, second, "a hit is an equal record");
    assertEquals(first.getClass(), second.getClass());
    assertEquals("[EUR, USD]", String.valueOf(second.getClass().getMethod("parts").invoke(second)));
    assertEquals(first.toString(), a.read("currency").toString(), "another copy's class, the same value");
    assertEquals(1, source.reads.get(), "the other copy is answered from Redis");
    for (int round = 0; round < 20; round++) {
      a.update("currency", "V" + round);
      assertEquals("V" + round, value(b.read("currency")), "round " + round + ": B answers A's write");
      assertEquals("V" + round, value(b.read("currency")));
    }
    assertEquals(1 + 20, source.reads.get(), "one load per write");
    assertEquals("unset", value(b.read("missing")), "an unknown setting");
  }

  /**
   * Redis stopped under two copies whose client bounds its waits (Lettuce, Redisson): two reads answer from the source,
   * nothing stored; a write fails before it runs, its eviction first (trial 84's R2). How long a read may wait is the
   * client's configuration, which each caller reads from the copy's live client (no wall-clock budget: issue 67).
   */
  static void downRedisAnswersFromTheSource(Copy a, Copy b, RedisServer redis, SettingsSource source)
      throws Exception {
    redis.close();
    source.stored.put("currency", "CHF");
    assertEquals("CHF", value(b.read("currency")), "Redis down: B answers from the source");
    assertEquals("CHF", value(b.read("currency")), "and again: nothing was stored");
    InvocationTargetException failed = assertThrows(InvocationTargetException.class, () -> a.update("currency", "X"));
    assertTrue(failed.getCause() instanceof RuntimeException, failed.getCause().toString());
    assertEquals("CHF", source.stored.get("currency"), "the write did not run: nothing to evict after");
  }

  private static Object value(Object setting) throws Exception {
    return setting.getClass().getMethod("value").invoke(setting);
  }

  /** One copy of the migrated classes: its own statics, so its own Jedis pool, as another JVM would have. */
  static final class Copy implements AutoCloseable {
    private final URLClassLoader loader;
    private final Object settings;
    private final Method read;
    private final Method update;

    Copy(Path classes) throws Exception {
      loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, PlainRedisBackendTest.class.getClassLoader());
      Class<?> type = loader.loadClass("shop.Settings");
      settings = type.getConstructor().newInstance();
      read = type.getMethod("setting", String.class);
      update = type.getMethod("update", String.class, String.class);
    }

    Object read(String name) throws Exception {
      return read.invoke(settings, name);
    }

    void update(String name, String value) throws Exception {
      update.invoke(settings, name, value);
    }

    /** What the copy's OptkitRedisCache counted: its hitCount() and missCount(). */
    String counts() throws Exception {
      for (java.lang.reflect.Field field : settings.getClass().getDeclaredFields()) {
        if (field.getType().getSimpleName().equals("OptkitRedisCache")) {
          field.setAccessible(true);
          Object cache = field.get(java.lang.reflect.Modifier.isStatic(field.getModifiers()) ? null : settings);
          return cache.getClass().getMethod("hitCount").invoke(cache) + " hits, "
              + cache.getClass().getMethod("missCount").invoke(cache) + " misses";
        }
      }
      throw new AssertionError("no OptkitRedisCache field in " + settings.getClass());
    }

    /** A static field of the copy's OptkitRedisCache class: the client it keeps, when it last failed to connect. */
    Object cacheStatic(String name) throws Exception {
      java.lang.reflect.Field field = loader.loadClass("shop.OptkitRedisCache").getDeclaredField(name);
      field.setAccessible(true);
      return field.get(null);
    }

    void setCacheStatic(String name, Object value) throws Exception {
      java.lang.reflect.Field field = loader.loadClass("shop.OptkitRedisCache").getDeclaredField(name);
      field.setAccessible(true);
      field.set(null, value);
    }

    @Override
    public void close() throws Exception {
      loader.close();
    }
  }
}
