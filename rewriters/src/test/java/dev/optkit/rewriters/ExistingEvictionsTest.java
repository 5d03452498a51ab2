package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
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
 * A writer that already evicts caches of the project's own (ravan-chuang/spring-boot-ecommerce-backend:
 * {@code @CacheEvict(value = "products", key = "#id")} on {@code ProductService.updateProduct}) carries optkit's
 * evictions beside its own: {@code @CacheEvict} is not repeatable, so the two go into one {@code @Caching}. Before,
 * every read that writer changed was refused ("it already has cache annotations that optkit does not merge"), among
 * them the catalogue page ravan's authors left uncached. Checked as text, compiled, and run against a loopback
 * service: after the write both the project's cache and optkit's read the new value.
 */
class ExistingEvictionsTest {
  @TempDir Path dir;

  private static final String NAMES = """
      package shop;

      import java.io.IOException;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import org.springframework.cache.annotation.CacheEvict;
      import org.springframework.cache.annotation.Cacheable;

      @org.springframework.stereotype.Service
      public class Names {
          private final HttpClient http = HttpClient.newHttpClient();
          private final String base = System.getProperty("existing.test.base");

          @Cacheable("titles")
          public String title(String id) throws IOException, InterruptedException {
              return http.send(HttpRequest.newBuilder(URI.create(base + "/names/" + id)).GET().build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }

          public String profile(String id) throws IOException, InterruptedException {
              return http.send(HttpRequest.newBuilder(URI.create(base + "/names/" + id)).GET().build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }

          %s
          public void rename(String id, String name) throws IOException, InterruptedException {
              http.send(HttpRequest.newBuilder(URI.create(base + "/names/" + id))
                      .PUT(HttpRequest.BodyPublishers.ofString(name)).build(), HttpResponse.BodyHandlers.discarding());
          }
      }
      """;

  /** The project's own caching: a manager for its "titles" cache. */
  private static final String OWN_CONFIG = """
      package shop;

      import org.springframework.cache.CacheManager;
      import org.springframework.cache.annotation.EnableCaching;
      import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
      import org.springframework.context.annotation.Bean;
      import org.springframework.context.annotation.Configuration;

      @Configuration
      @EnableCaching
      public class CacheSetup {
          @Bean
          public CacheManager cacheManager() {
              return new ConcurrentMapCacheManager("titles");
          }
      }
      """;

  private HttpServer server;
  private final java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();

  @BeforeEach
  void startService() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/names/", exchange -> {
      String id = exchange.getRequestURI().getPath().substring("/names/".length());
      byte[] body = new byte[0];
      if (exchange.getRequestMethod().equals("GET")) {
        reads.incrementAndGet();
        body = names.getOrDefault(id, "nobody").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      } else {
        names.put(id, new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    System.setProperty("existing.test.base", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopService() {
    server.stop(0);
    System.clearProperty("existing.test.base");
  }

  private MigrationPlan plan(String writerAnnotations) {
    return fixture(writerAnnotations).plan();
  }

  private MigrationFixture fixture(String writerAnnotations) {
    return new MigrationFixture(dir).file("pom.xml", RedisBackendTest.BOOT_POM)
        .java(NAMES.formatted(writerAnnotations)).java(OWN_CONFIG).java("""
            package shop;

            @org.springframework.context.annotation.Configuration
            @org.springframework.context.annotation.ComponentScan
            public class App {}
            """);
  }

  private static String renameAnnotations(MigrationPlan plan) {
    String after = MigrationFixture.after(plan, "src/main/java/shop/Names.java");
    String before = after.substring(0, after.indexOf("public void rename("));
    return before.substring(before.lastIndexOf("// Added by optkit migrate")).strip();
  }

  @Test
  void aLoneCacheEvictBecomesACachingWithOptkitsBesideIt() throws Exception {
    MigrationFixture fixture = fixture("@CacheEvict(value = \"titles\", key = \"#p0\")");
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("profile"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    String annotations = renameAnnotations(plan);
    assertTrue(annotations.startsWith("// Added by optkit migrate: this write changes what Names.profile() caches\n"
        + "    // (evicted before the call, and again after it returns) (merged into its own evictions below)"), annotations);
    assertTrue(annotations.endsWith("@Caching(evict = {\n"
        + "        @CacheEvict(value = \"titles\", key = \"#p0\"),\n"
        + "        @CacheEvict(cacheNames = \"optkit.Names.profile\", allEntries = true, beforeInvocation = true, "
        + "cacheResolver = \"optkitCacheResolver\"),\n"
        + "        @CacheEvict(cacheNames = \"optkit.Names.profile\", allEntries = true, "
        + "cacheResolver = \"optkitCacheResolver\")})"), annotations);
    runs(fixture, plan);
  }

  @Test
  void anExistingCachingGetsOptkitsEvictionsAppended() throws Exception {
    MigrationFixture fixture = fixture("@org.springframework.cache.annotation.Caching(evict = "
        + "{@CacheEvict(value = \"titles\", key = \"#p0\")})");
    MigrationPlan plan = fixture.plan();
    String annotations = renameAnnotations(plan);
    assertTrue(annotations.endsWith("@org.springframework.cache.annotation.Caching(evict = "
        + "{@CacheEvict(value = \"titles\", key = \"#p0\"),\n"
        + "        @CacheEvict(cacheNames = \"optkit.Names.profile\", allEntries = true, beforeInvocation = true, "
        + "cacheResolver = \"optkitCacheResolver\"),\n"
        + "        @CacheEvict(cacheNames = \"optkit.Names.profile\", allEntries = true, "
        + "cacheResolver = \"optkitCacheResolver\")})"), annotations);
    runs(fixture, plan);
  }

  @Test
  void aWriterThatIsItselfCachedStillRefuses() {
    // its true twin: a @Cacheable(sync = true) must be its method's only cache operation, or Spring refuses to start
    MigrationPlan plan = plan("@Cacheable(cacheNames = \"titles\", sync = true)");
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("profile")), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().contains("it is itself cached (@Cacheable(sync = true)")),
        plan.refusals().toString());
  }

  /** The migrated bean, run: both caches hit before the write, and both answer the new name after it. */
  private void runs(MigrationFixture fixture, MigrationPlan plan) throws Exception {
    String config = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitCacheConfig.java"))
        .findFirst().orElseThrow(() -> new AssertionError(plan.changes().stream().map(FileChange::path).toList()));
    Path classes = fixture.compile(plan);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      Thread.currentThread().setContextClassLoader(loader);
      context.setClassLoader(loader);
      context.register(loader.loadClass(config.substring("src/main/java/".length(), config.length() - ".java".length())
          .replace('/', '.')), loader.loadClass("shop.CacheSetup"), loader.loadClass("shop.Names"));
      context.refresh();
      Object bean = context.getBean(loader.loadClass("shop.Names"));
      Method title = bean.getClass().getMethod("title", String.class);
      Method profile = bean.getClass().getMethod("profile", String.class);
      Method rename = bean.getClass().getMethod("rename", String.class, String.class);
      rename.invoke(bean, "7", "alice");
      assertEquals("alice", title.invoke(bean, "7"));
      assertEquals("alice", profile.invoke(bean, "7"));
      int loaded = reads.get();
      assertEquals("alice", title.invoke(bean, "7"));
      assertEquals("alice", profile.invoke(bean, "7"));
      assertEquals(loaded, reads.get(), "both answered from their caches");
      rename.invoke(bean, "7", "bob");
      assertEquals("bob", title.invoke(bean, "7"), "the project's own eviction still runs");
      assertEquals("bob", profile.invoke(bean, "7"), "optkit's eviction runs beside it");
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
  }
}
