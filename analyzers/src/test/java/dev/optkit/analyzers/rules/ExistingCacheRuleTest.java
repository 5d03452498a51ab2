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
}
