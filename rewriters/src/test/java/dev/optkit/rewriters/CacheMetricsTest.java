package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.sun.net.httpserver.HttpServer;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * When the project compiles against Micrometer, every cache migrate adds is bound to a registry with
 * its statistics recorded: after a run of the compiled, migrated code, a real SimpleMeterRegistry's
 * hits and misses are the cache's own statistics, and its hits are the reads the service never saw.
 */
class CacheMetricsTest {
  private static final String MICROMETER = """
          <dependency>
            <groupId>io.micrometer</groupId>
            <artifactId>micrometer-core</artifactId>
            <version>1.13.0</version>
          </dependency>
      """;

  @TempDir Path dir;
  private HttpServer server;
  private final AtomicInteger reads = new AtomicInteger();

  @BeforeEach
  void startService() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/names/", exchange -> {
      if (exchange.getRequestMethod().equals("GET")) {
        reads.incrementAndGet();
      }
      exchange.getRequestBody().readAllBytes();
      // a connection per request: HttpURLConnection sends a GET again, unseen by the caller, when a kept-alive
      // connection turns out closed, and the service then counts one read the cache never missed (a full run on a busy
      // machine: 20 hits against 19 calls unseen)
      exchange.getResponseHeaders().add("Connection", "close");
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    System.setProperty("rollout.test.base", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopService() {
    server.stop(0);
    System.clearProperty("rollout.test.base");
  }

  @Test
  void plainJavaCachesCountInTheGlobalRegistry() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir)
        .file("pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>shop</groupId><artifactId>names</artifactId>"
            + "<version>1</version><dependencies>" + MICROMETER + "</dependencies></project>")
        .java(CacheRolloutTest.NAMES).createdOnce("shop.Names", "");
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("profile"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Names.java");
    assertTrue(after.contains("""
            private final Cache<String, Optional<String>> profileCache = CaffeineCacheMetrics.monitor(Metrics.globalRegistry, Caffeine.newBuilder()
                    .expireAfterWrite(Duration.ofSeconds(300))
                    .maximumSize(10000)
                    .recordStats()
                    .build(), "optkit.Names.profile", "cache.manager", "optkit", "name", "optkit.Names.profile");
        """), after);
    assertTrue(after.contains("import io.micrometer.core.instrument.Metrics;\n"), after);
    Path classes = fixture.compile(plan);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Metrics.globalRegistry.add(registry);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Object names = loader.loadClass("shop.Names").getConstructor().newInstance();
      int calls = run(names);
      Field field = names.getClass().getDeclaredField("profileCache");
      field.setAccessible(true);
      CacheStats stats = ((com.github.benmanes.caffeine.cache.Cache<?, ?>) field.get(names)).stats();
      assertCounts(registry, "optkit.Names.profile", stats, calls);
    } finally {
      Metrics.globalRegistry.remove(registry);
    }
  }

  @Test
  void springCachesCountInTheApplicationsRegistry() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir)
        .file("pom.xml", RedisBackendTest.BOOT_POM.replace("<dependencies>", "<dependencies>\n" + MICROMETER
            .replace("            <version>1.13.0</version>\n", "")))
        .java(CacheRolloutTest.NAMES_BEAN);
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("profile"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    String configPath = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitCacheConfig.java"))
        .findFirst().orElseThrow();
    String config = MigrationFixture.after(plan, configPath);
    assertTrue(config.contains("public CacheManager optkitCacheManager(ObjectProvider<MeterRegistry> meterRegistry) {"),
        config);
    assertTrue(config.contains("""
                meterRegistry.ifAvailable(registry -> bindMetrics(manager, registry));
                return new TransactionAwareCacheManagerProxy(manager);
        """) || config.contains("""
                meterRegistry.ifAvailable(registry -> bindMetrics(manager, registry));
                return manager;
        """), config);
    assertTrue(config.contains("""
            private static void bindMetrics(CaffeineCacheManager manager, MeterRegistry registry) {
                for (String name : manager.getCacheNames()) {
                    CaffeineCacheMetrics.monitor(registry, ((CaffeineCache) manager.getCache(name)).getNativeCache(), name,
                            "cache.manager", "optkit", "name", name);
                }
            }
        """), config);
    Path classes = fixture.compile(plan);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      Thread.currentThread().setContextClassLoader(loader);
      context.setClassLoader(loader);
      context.registerBean(MeterRegistry.class, () -> registry);
      context.register(loader.loadClass(configPath.substring("src/main/java/".length(), configPath.length() - ".java".length())
          .replace('/', '.')), loader.loadClass("shop.Names"));
      context.refresh();
      int calls = run(context.getBean(loader.loadClass("shop.Names")));
      org.springframework.cache.CacheManager manager = context.getBean("optkitCacheManager",
          org.springframework.cache.CacheManager.class);
      Object nativeCache = manager.getCache("optkit.Names.profile").getNativeCache();
      CacheStats stats = ((com.github.benmanes.caffeine.cache.Cache<?, ?>) nativeCache).stats();
      assertCounts(registry, "optkit.Names.profile", stats, calls);
      // Spring Boot's tag keys, so a Prometheus registry takes Boot's own caches' meters beside them (trial 61)
      io.micrometer.core.instrument.Meter.Id id = registry.get("cache.gets").tag("cache", "optkit.Names.profile")
          .functionCounter().getId();
      assertEquals("optkit", id.getTag("cache.manager"));
      assertEquals("optkit.Names.profile", id.getTag("name"));
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
  }

  /**
   * A project with caching of its own: optkit's manager is no bean but sits behind a resolver, which
   * Spring Boot's binder would never see; the generated configuration binds it all the same.
   */
  @Test
  void cachesBehindAResolverAreBoundToo() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir)
        .file("pom.xml", RedisBackendTest.BOOT_POM.replace("<dependencies>", "<dependencies>\n" + MICROMETER
            .replace("            <version>1.13.0</version>\n", "")))
        .java(CacheRolloutTest.NAMES_BEAN)
        .java("""
            package shop;

            import org.springframework.cache.CacheManager;
            import org.springframework.cache.annotation.EnableCaching;
            import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.ComponentScan;
            import org.springframework.context.annotation.Configuration;

            @Configuration
            @ComponentScan("shop")
            @EnableCaching
            public class OwnCaching {
                @Bean
                public CacheManager cacheManager() {
                    return new ConcurrentMapCacheManager("own");
                }
            }
            """);
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("profile"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    String configPath = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitCacheConfig.java"))
        .findFirst().orElseThrow();
    String config = MigrationFixture.after(plan, configPath);
    assertTrue(config.contains("public CacheResolver optkitCacheResolver(ObjectProvider<MeterRegistry> meterRegistry) {"),
        config);
    Path classes = fixture.compile(plan);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      Thread.currentThread().setContextClassLoader(loader);
      context.setClassLoader(loader);
      context.registerBean(MeterRegistry.class, () -> registry);
      context.register(loader.loadClass("shop.OwnCaching")); // its scan finds the service and optkit's configuration
      context.refresh();
      int calls = run(context.getBean(loader.loadClass("shop.Names")));
      double hits = registry.get("cache.gets").tag("cache", "optkit.Names.profile").tag("result", "hit").functionCounter().count();
      double misses = registry.get("cache.gets").tag("cache", "optkit.Names.profile").tag("result", "miss").functionCounter()
          .count();
      assertEquals(calls - reads.get(), (long) hits, "a hit is a call the service never saw");
      assertEquals(reads.get(), (long) misses, "a miss is a call the service answered");
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
  }

  @Test
  void withoutMicrometerNothingIsBound() {
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", RedisBackendTest.BOOT_POM)
        .java(CacheRolloutTest.NAMES_BEAN).plan();
    String config = plan.changes().stream().filter(c -> c.path().endsWith("OptkitCacheConfig.java"))
        .map(c -> new String(c.after(), java.nio.charset.StandardCharsets.UTF_8)).findFirst().orElseThrow();
    assertFalse(config.contains("micrometer"), config);
    assertTrue(config.contains("public CacheManager optkitCacheManager() {"), config);
  }

  /** 30 keys read once, 20 of them twice more, with a write between: misses, hits and an eviction. */
  private int run(Object names) throws Exception {
    Method read = names.getClass().getMethod("profile", String.class);
    Method write = names.getClass().getMethod("rename", String.class, String.class);
    int calls = 0;
    for (int pass = 0; pass < 3; pass++) {
      for (int i = 0; i < (pass == 0 ? 30 : 20); i++) {
        read.invoke(names, "key-" + i);
        calls++;
      }
      if (pass == 1) {
        write.invoke(names, "key-0", "renamed");
      }
    }
    return calls;
  }

  private void assertCounts(MeterRegistry registry, String cache, CacheStats stats, int calls) {
    double hits = registry.get("cache.gets").tag("cache", cache).tag("result", "hit").functionCounter().count();
    double misses = registry.get("cache.gets").tag("cache", cache).tag("result", "miss").functionCounter().count();
    assertEquals(stats.hitCount(), (long) hits, "hits in the registry and in the cache's statistics");
    assertEquals(stats.missCount(), (long) misses, "misses in the registry and in the cache's statistics");
    assertEquals(calls - reads.get(), (long) hits, "a hit is a call the service never saw");
    assertEquals(reads.get(), (long) misses, "a miss is a call the service answered");
    assertTrue(hits > 0 && misses > 0, hits + " hits, " + misses + " misses");
  }
}
