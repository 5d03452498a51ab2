package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a declared {@code Map} or {@code List} holds at run time decides whether it comes back from Redis as it was
 * (issue 25's "Not built yet", hostile review 65): the migrated service, compiled and run against a real redis-server
 * through the real serializer, answers the same on a second read as on the first. An immutable {@code Map.of} came
 * back with its type id as one more entry, and a {@code TreeMap} with a reversed comparator in natural order; now
 * neither is stored (the source answers each read), while an immutable list, which comes back an equal
 * {@code ArrayList}, is still cached. The same for the Spring backends and the plain Java one.
 */
class RoundTripValuesTest {
  @TempDir Path dir;
  @org.junit.jupiter.api.extension.RegisterExtension
  final SettingsSource.PerTest loopback = new SettingsSource.PerTest();

  private static final String SHAPES = """
      package shop;

      import java.io.IOException;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.Arrays;
      import java.util.Comparator;
      import java.util.HashMap;
      import java.util.List;
      import java.util.Map;
      import java.util.TreeMap;
      import org.springframework.stereotype.Service;

      @Service
      public class Shapes {
          private final HttpClient http = HttpClient.newHttpClient();
          private final String base = System.getProperty("redis.test.base");

          private String body(String name) throws IOException, InterruptedException {
              return http.send(HttpRequest.newBuilder(URI.create(base + "/settings/" + name)).GET().build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }

          public Map<String, Integer> lengths(String name) throws IOException, InterruptedException {
              return Map.of(name, body(name).length());
          }

          public Map<String, Integer> ranked(String name) throws IOException, InterruptedException {
              Map<String, Integer> ranked = new TreeMap<>(Comparator.reverseOrder());
              for (String part : body(name).split(",")) {
                  ranked.put(part, part.length());
              }
              return ranked;
          }

          public List<String> parts(String name) throws IOException, InterruptedException {
              return Arrays.stream(body(name).split(",")).toList();
          }

          public Map<String, Integer> caseless(String name) throws IOException, InterruptedException {
              Map<String, Integer> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
              for (String part : body(name).split(",")) {
                  headers.put(part, part.length());
              }
              return headers;
          }

          public Map<String, Integer> sized(String name) throws IOException, InterruptedException {
              Map<String, Integer> sized = new HashMap<>(64);
              for (String part : body(name).split(",")) {
                  sized.put(part, part.length());
              }
              return sized;
          }

          public String greet(String name) throws IOException, InterruptedException {
              return body("k").length() + " " + name;
          }
      }
      """;

  @ParameterizedTest
  @ValueSource(strings = {"redis", "two-level"})
  void onlyValuesThatComeBackAsTheyWereAreStored(String backend) throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(backend)).file("pom.xml", RedisBackendTest.BOOT_POM)
        .java(SHAPES).config(OptkitConfig.defaults().withCacheBackend(backend));
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("Shapes.caseless", "Shapes.greet", "Shapes.lengths", "Shapes.parts", "Shapes.ranked",
        "Shapes.sized"), plan.targets().stream()
        .map(t -> t.method().fact().displayName()).sorted().toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    loopback.source.stored.put("k", "b,a,c");
    Path classes = fixture.compile(plan, null, List.of(RedisBackendTest.springDataRedisJar()));
    try (RedisServer redis = RedisServer.start(); URLClassLoader loader = RedisBackendTest.loader(classes)) {
      Thread.currentThread().setContextClassLoader(loader);
      try (RedisBackendTest.Instance service = new RedisBackendTest.Instance(loader, RedisBackendTest.configPath(plan),
          redis.port(), "shop.Shapes")) {
        // read by the values' own mapper (Spring's serializer, which loads the class an entry names before the mapper
        // checks it, is no longer used), a Map.of comes back as an unmodifiable map of the same entries: cached
        assertEquals("{k=5}|{k=5}|1", twice(service, "lengths"), "Map.of: cached, the second read a hit");
        assertEquals("{c=1, b=1, a=1}|{c=1, b=1, a=1}|2", twice(service, "ranked"),
            "a reversed TreeMap: answered from the source, twice, in its own order");
        assertEquals("[b, a, c]|[b, a, c]|1", twice(service, "parts"), "an immutable list: cached, the second read a hit");
        assertCaselessAndKeys(service.bean);
      }
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
  }

  /** The plain Java backend compares the same way in its own class (OptkitRedisCache.encode). */
  @Test
  void aPlainJavaCacheStoresOnlyValuesThatComeBackAsTheyWere() throws Exception {
    String plain = SHAPES.replace("import org.springframework.stereotype.Service;\n", "").replace("@Service\n", "")
        .replace("System.getProperty(\"redis.test.base\")", "\"http://127.0.0.1:" + loopback.source.port() + "\"");
    MigrationFixture fixture = new MigrationFixture(dir.resolve("plain")).file("pom.xml", PlainRedisBackendTest.POM)
        .java(plain).config(OptkitConfig.defaults().withCacheBackend("redis"));
    MigrationPlan plan = fixture.plan();
    assertEquals(6, plan.targets().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    loopback.source.stored.put("k", "b,a,c");
    Path classes = fixture.compile(plan);
    try (RedisServer redis = RedisServer.start();
        URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      System.setProperty("optkit.cache.redis.url", "redis://127.0.0.1:" + redis.port());
      Object shapes = loader.loadClass("shop.Shapes").getConstructor().newInstance();
      // a plain ObjectMapper reads Map.of back as an unmodifiable map of the same entries: cached
      assertEquals("{k=5}|{k=5}|1", twice(shapes, "lengths"), "Map.of: cached, the second read a hit");
      assertEquals("{c=1, b=1, a=1}|{c=1, b=1, a=1}|2", twice(shapes, "ranked"), "a reversed TreeMap, twice");
      assertEquals("[b, a, c]|[b, a, c]|1", twice(shapes, "parts"), "an immutable list: cached");
      assertCaselessAndKeys(shapes);
    } finally {
      System.clearProperty("optkit.cache.redis.url");
    }
  }

  /**
   * Hostile review 67: a case-insensitive TreeMap whose keys sort the same either way passed the JSON check and came
   * back ordered naturally (a lookup in another case answered null): now not stored. A key of half a surrogate pair
   * was written as "?", so it read another key's entry: now two keys.
   */
  private void assertCaselessAndKeys(Object bean) throws Exception {
    loopback.source.stored.put("h", "content-length,content-type");
    Method caseless = bean.getClass().getMethod("caseless", String.class);
    int before = loopback.source.reads.get();
    for (int read = 0; read < 2; read++) {
      assertEquals(14, ((Map<?, ?>) caseless.invoke(bean, "h")).get("Content-Length"), "read " + read);
    }
    assertEquals(2, loopback.source.reads.get() - before, "a map with a comparator: answered from the source, twice");
    // a HashMap made with a capacity of 64 iterates a, p; Jackson's rebuilt one p, a: the same map, stored
    loopback.source.stored.put("s", "a,p");
    Method sized = bean.getClass().getMethod("sized", String.class);
    before = loopback.source.reads.get();
    assertEquals(sized.invoke(bean, "s"), sized.invoke(bean, "s"));
    assertEquals(1, loopback.source.reads.get() - before, "a pre-sized HashMap: cached, the second read a hit");
    Method greet = bean.getClass().getMethod("greet", String.class);
    assertEquals("5 ?", greet.invoke(bean, "?"));
    assertEquals("5 \uD83D", greet.invoke(bean, "\uD83D"), "half an emoji is its own key, not the key \"?\"");
    assertEquals("5 \uD83D", greet.invoke(bean, "\uD83D"));
  }

  /** Two reads of key k through the method: each answer, then how many reads reached the source. */
  private String twice(RedisBackendTest.Instance service, String method) throws Exception {
    return twice(service.bean, method);
  }

  private String twice(Object bean, String method) throws Exception {
    Method read = bean.getClass().getMethod(method, String.class);
    int before = loopback.source.reads.get();
    Object first = read.invoke(bean, "k");
    Object second = read.invoke(bean, "k");
    return first + "|" + second + "|" + (loopback.source.reads.get() - before);
  }
}
