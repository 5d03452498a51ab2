package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExistingCacheRuleTest {
  @TempDir Path dir;

  @Test
  void inventoriesAnnotationsCacheFieldsAndIoMemosButNotCounterMaps() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import com.github.benmanes.caffeine.cache.Cache;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import java.util.concurrent.atomic.AtomicInteger;
        import org.springframework.cache.annotation.Cacheable;
        class Rates {
          private Cache<String, String> rates;
          private final Map<String, String> memo = new ConcurrentHashMap<>();
          private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
          private final HttpClient http = HttpClient.newHttpClient();
          @Cacheable(cacheNames = "rates")
          public String rate(String currency) { return currency; }
          public String remote(String currency) {
            return memo.computeIfAbsent(currency, c -> {
              try {
                return http.send(HttpRequest.newBuilder(URI.create("http://rates/" + c)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
              } catch (Exception e) {
                return null;
              }
            });
          }
          public int count(String path) { return counters.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet(); }
        }
        """).findings(Category.EXISTING_CACHE);
    Set<String> mechanisms = findings.stream().map(f -> f.details().get("mechanism").toString()).collect(Collectors.toSet());
    assertEquals(Set.of("caffeine", "spring-cacheable", "map-memo"), mechanisms, findings.toString());
    assertEquals(3, findings.size());
    Finding annotation = findings.stream().filter(f -> f.details().get("mechanism").equals("spring-cacheable")).findFirst().orElseThrow();
    assertEquals("rates", annotation.details().get("cacheName"));
  }

  /**
   * A caching annotation is named by its package, not its simple name: Quarkus's {@code @CacheResult} is not JCache's
   * (a blind trial's Quarkus service reported it as {@code jcache-annotation}), Micronaut's {@code @Cacheable} is not
   * Spring's. Each is still a cache the method has.
   */
  @Test
  void aCachingAnnotationIsNamedByItsPackage() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        class Quarkus {
          @io.quarkus.cache.CacheResult(cacheName = "q")
          public String one(String id) { return id; }
        }
        """).java("""
        package shop;
        import javax.cache.annotation.CacheResult;
        class JCache {
          @CacheResult(cacheName = "j")
          public String one(String id) { return id; }
        }
        """).java("""
        package shop;
        import io.micronaut.cache.annotation.Cacheable;
        class Micronaut {
          @Cacheable("m")
          public String one(String id) { return id; }
        }
        """).java("""
        package shop;
        import org.springframework.cache.annotation.Cacheable;
        class Spring {
          @Cacheable("s")
          public String one(String id) { return id; }
        }
        """).java("""
        package shop;
        import org.springframework.cache.annotation.*;
        class Wildcard {
          @Cacheable("w")
          public String one(String id) { return id; }
        }
        """).findings(Category.EXISTING_CACHE);
    // a package imported on demand names it too (a hostile review: `import ...annotation.*;` gave cacheable-annotation)
    assertEquals(Set.of("j jcache-annotation", "m micronaut-cacheable", "q quarkus-cacheresult", "s spring-cacheable",
        "w spring-cacheable"),
        findings.stream().map(f -> f.details().get("cacheName") + " " + f.details().get("mechanism"))
            .collect(Collectors.toSet()), findings.toString());
  }
}
