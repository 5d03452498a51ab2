package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * A slow read overlapping a write, run for real against a loopback HTTP service: the read fetches
 * the old value, the write changes it and evicts while the read is still on its way back, and the
 * read then stores what it fetched. Without more than an eviction after the write, that old value
 * would be served until it expires; the migrated code must answer the new one on the next read.
 */
class SlowReadRaceTest {
  @TempDir Path dir;

  private HttpServer server;
  private final AtomicReference<String> stored = new AtomicReference<>("old");
  private final AtomicBoolean holdNextRead = new AtomicBoolean();
  private final CountDownLatch readFetched = new CountDownLatch(1);
  private final CountDownLatch releaseRead = new CountDownLatch(1);

  @BeforeEach
  void startService() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/settings/", exchange -> {
      byte[] body;
      if (exchange.getRequestMethod().equals("PUT")) {
        stored.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        body = new byte[0];
      } else {
        body = stored.get().getBytes(StandardCharsets.UTF_8); // the value as it is when the read reaches the service
        if (holdNextRead.compareAndSet(true, false)) {
          readFetched.countDown();
          try {
            releaseRead.await(10, TimeUnit.SECONDS); // ...and the answer is slow to come back
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    System.setProperty("race.base", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopService() {
    releaseRead.countDown();
    server.stop(0);
    System.clearProperty("race.base");
  }

  private static String settings(String stereotypeImport, String stereotype) {
    return """
        package shop;

        import java.io.IOException;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        %s

        %s
        public class Settings {
            private final HttpClient http = HttpClient.newHttpClient();
            private final String base = System.getProperty("race.base");

            public String value(String name) throws IOException, InterruptedException {
                return http.send(HttpRequest.newBuilder(URI.create(base + "/settings/" + name)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }

            public void update(String name, String value) throws IOException, InterruptedException {
                http.send(HttpRequest.newBuilder(URI.create(base + "/settings/" + name))
                        .PUT(HttpRequest.BodyPublishers.ofString(value)).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        """.formatted(stereotypeImport, stereotype);
  }

  /** Reads in the background, writes while that read is held after fetching, then reads again. */
  private void raceAndReadAgain(Object settings, Method value, Method update) throws Exception {
    assertEquals("old", answer(value.invoke(settings, "cold")), "a first read of another key warms nothing that matters");
    holdNextRead.set(true);
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      Future<Object> slowRead = reader.submit(() -> answer(value.invoke(settings, "currency")));
      assertTrue(readFetched.await(10, TimeUnit.SECONDS), "the slow read reached the service");
      update.invoke(settings, "currency", "new");
      releaseRead.countDown();
      assertEquals("old", slowRead.get(10, TimeUnit.SECONDS), "the slow read answers what it fetched");
    } finally {
      reader.shutdownNow();
    }
    assertEquals("new", answer(value.invoke(settings, "currency")),
        "after the write, a read must not be served the value a read overlapping the write fetched before it");
  }

  @Test
  void aPlainCacheDropsAValueLoadedWhileItsWriterRan() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(settings("", "")).createdOnce("shop.Settings", "");
    MigrationPlan plan = fixture.plan();
    assertEquals(CacheForm.PLAIN, plan.targets().get(0).form(), plan.refusals().toString());
    assertEquals("update", plan.targets().get(0).evictions().get(0).writer().fact().name());
    Path classes = fixture.compile(plan);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Settings");
      raceAndReadAgain(type.getConstructor().newInstance(), type.getMethod("value", String.class),
          type.getMethod("update", String.class, String.class));
    }
  }

  /** What a read answered: its value, or what its future completes with. */
  private static Object answer(Object returned) {
    return returned instanceof java.util.concurrent.CompletableFuture<?> future ? future.join() : returned;
  }

  @Test
  void aPlainAsyncCacheDropsAFutureLoadedWhileItsWriterRan() throws Exception {
    // a loader that blocks before it hands back its future: inside the cache, invalidateAll() would skip it
    String blocking = settings("import java.util.concurrent.CompletableFuture;", "")
        .replace("public String value(String name)", "public CompletableFuture<String> value(String name)")
        .replace("return http.send(HttpRequest.newBuilder(URI.create(base + \"/settings/\" + name)).GET()",
            "return CompletableFuture.completedFuture(http.send(HttpRequest.newBuilder(URI.create(base + \"/settings/\" + name)).GET()")
        .replace("HttpResponse.BodyHandlers.ofString()).body();", "HttpResponse.BodyHandlers.ofString()).body());");
    MigrationFixture fixture = new MigrationFixture(dir).java(blocking).createdOnce("shop.Settings", "");
    MigrationPlan plan = fixture.plan();
    assertEquals(CacheForm.PLAIN, plan.targets().get(0).form(), plan.refusals().toString());
    assertTrue(MigrationFixture.after(plan, "src/main/java/shop/Settings.java").contains("AsyncCache<String, String>"));
    Path classes = fixture.compile(plan);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Settings");
      raceAndReadAgain(type.getConstructor().newInstance(), type.getMethod("value", String.class),
          type.getMethod("update", String.class, String.class));
    }
  }

  @Test
  void aSpringCacheDropsAValueLoadedWhileAnEvictionRan() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(settings("import org.springframework.stereotype.Service;", "@Service"));
    MigrationPlan plan = fixture.plan();
    assertEquals(CacheForm.SPRING, plan.targets().get(0).form(), plan.refusals().toString());
    String config = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitCacheConfig.java"))
        .findFirst().orElseThrow();
    Path classes = fixture.compile(plan);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.setClassLoader(loader);
      // SpEL finds the emergency switch (T(shop.OptkitCaching)) through the context class loader
      Thread.currentThread().setContextClassLoader(loader);
      context.register(loader.loadClass(config.substring("src/main/java/".length(), config.length() - ".java".length())
          .replace('/', '.')), loader.loadClass("shop.Settings"));
      context.refresh();
      Object settings = context.getBean(loader.loadClass("shop.Settings"));
      raceAndReadAgain(settings, settings.getClass().getMethod("value", String.class),
          settings.getClass().getMethod("update", String.class, String.class));
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
  }

  /**
   * The probe on spring-petclinic-rest: a GET right after a PUT returned served the old city. The
   * old WriteAwareCache stored a value loaded across an eviction and removed it only afterwards, so
   * it was visible in between. Here the native cache's put lets another thread read the key at once:
   * a value loaded before the eviction must never be seen.
   */
  @Test
  void aValueLoadedBeforeAnEvictionIsNeverVisibleEvenForAMoment() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(settings("import org.springframework.stereotype.Service;", "@Service"));
    MigrationPlan plan = fixture.plan();
    String config = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitWriteAwareCache.java"))
        .findFirst().orElseThrow();
    Path classes = fixture.compile(plan);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> type = loader.loadClass(config.substring("src/main/java/".length(), config.length() - ".java".length())
          .replace('/', '.'));
      com.github.benmanes.caffeine.cache.Cache<Object, Object> store =
          com.github.benmanes.caffeine.cache.Caffeine.newBuilder().build();
      java.util.List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
      org.springframework.cache.Cache[] cache = new org.springframework.cache.Cache[1];
      @SuppressWarnings("unchecked")
      com.github.benmanes.caffeine.cache.Cache<Object, Object> watched =
          (com.github.benmanes.caffeine.cache.Cache<Object, Object>) java.lang.reflect.Proxy.newProxyInstance(
              getClass().getClassLoader(), new Class<?>[] {com.github.benmanes.caffeine.cache.Cache.class},
              (proxy, method, arguments) -> {
                Object result = method.invoke(store, arguments);
                if (method.getName().equals("put")) {
                  // a request on another thread reads the key the moment the value is stored
                  Thread reader = new Thread(() -> {
                    org.springframework.cache.Cache.ValueWrapper hit = cache[0].get(arguments[0]);
                    seen.add(hit == null ? "miss" : hit.get());
                  });
                  reader.start();
                  reader.join();
                }
                return result;
              });
      var constructor = type.getDeclaredConstructor(String.class, com.github.benmanes.caffeine.cache.Cache.class,
          boolean.class);
      constructor.setAccessible(true);
      cache[0] = (org.springframework.cache.Cache) constructor.newInstance("settings", watched, true);
      assertEquals(null, cache[0].get("currency"), "a miss starts the load");
      cache[0].clear(); // a write commits and evicts while the load runs
      cache[0].put("currency", "old"); // the load returns what it read before the write
      assertEquals(java.util.List.of(), seen, "the value loaded before the eviction was visible");
      assertEquals(null, cache[0].get("currency"));
      // a load that no eviction overlapped is cached
      cache[0].put("currency", "new");
      assertEquals("new", cache[0].get("currency").get());
      assertEquals(java.util.List.of("new"), seen);
    }
  }

  /**
   * The probe on java-filmorate: a writer outside any transaction inserted, then failed (a 400 for an
   * unknown genre), so Spring ran no eviction after it, and a read that loaded between the eviction
   * before the write and the insert kept the old list. A write is open from the eviction before it to
   * the one after; nothing loaded meanwhile is stored, and a write never closed counts as done after
   * the timeout, when what it left is read.
   */
  @Test
  void aValueLoadedWhileAWriteIsOpenIsNotStoredEvenWhenTheWriterFails() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", TrueRefusalReasonsTest.MYSQL_POM)
        .java(settings("import org.springframework.stereotype.Service;", "@Service"));
    MigrationPlan plan = fixture.plan();
    String config = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitWriteAwareCache.java"))
        .findFirst().orElseThrow();
    assertTrue(MigrationFixture.after(plan, config).contains("openWrites"), "a transaction-aware cache class");
    Path classes = fixture.compile(plan);
    System.setProperty("optkit.cache.writeTimeoutSeconds", "1");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> type = loader.loadClass(config.substring("src/main/java/".length(), config.length() - ".java".length())
          .replace('/', '.'));
      var constructor = type.getDeclaredConstructor(String.class, com.github.benmanes.caffeine.cache.Cache.class,
          boolean.class);
      constructor.setAccessible(true);
      com.github.benmanes.caffeine.cache.Cache<Object, Object> store =
          com.github.benmanes.caffeine.cache.Caffeine.newBuilder().build();
      org.springframework.cache.Cache cache = (org.springframework.cache.Cache) constructor.newInstance("films", store,
          true);
      // a writer that returns: the eviction before it, a read loading meanwhile, the eviction after it
      cache.invalidate();
      assertEquals(null, cache.get("all"));
      cache.put("all", "old");
      assertEquals(null, store.getIfPresent("all"), "stored while the write was open");
      cache.clear();
      assertEquals(null, cache.get("all"));
      cache.put("all", "new");
      assertEquals("new", store.getIfPresent("all"), "a load after the write is stored");
      // a writer that fails after its insert: no eviction after it
      cache.invalidate();
      assertEquals(null, cache.get("all"));
      cache.put("all", "old");
      assertEquals(null, store.getIfPresent("all"), "stored while the failed write was open");
      assertEquals(null, cache.get("popular")); // a load starting during the open write...
      Thread.sleep(1_200);
      cache.put("popular", "old"); // ...and ending after the timeout: it may have read before the insert
      assertEquals(null, store.getIfPresent("popular"), "a load that overlapped the failed write was stored");
      assertEquals(null, cache.get("all"));
      cache.put("all", "with the insert");
      assertEquals("with the insert", store.getIfPresent("all"), "after the timeout, loads are stored again");
    } finally {
      System.clearProperty("optkit.cache.writeTimeoutSeconds");
    }
  }
}
