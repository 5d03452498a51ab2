package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainJavaCacheRewriteTest {
  @TempDir Path dir;

  private static final String RATES_BEFORE = """
      package shop;

      import java.io.IOException;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;

      /** Exchange rates from the rates service. */
      public class Rates {
          private final HttpClient http = HttpClient.newHttpClient();

          /** The rate of a currency, or null when the service does not know it. */
          public String getRate(String currency) throws IOException, InterruptedException {
              HttpResponse<String> response = http.send(
                      HttpRequest.newBuilder(URI.create("https://rates.example.com/" + currency)).build(),
                      HttpResponse.BodyHandlers.ofString());
              // unknown currencies answer 404
              return response.statusCode() == 404 ? null : response.body();
          }
      }
      """;

  private static final String RATES_AFTER = """
      package shop;

      import com.github.benmanes.caffeine.cache.Cache;
      import com.github.benmanes.caffeine.cache.Caffeine;
      import java.io.IOException;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.time.Duration;
      import java.util.Optional;

      /** Exchange rates from the rates service. */
      public class Rates {
          private final HttpClient http = HttpClient.newHttpClient();

          /** Added by optkit migrate: cache for getRate() (realtime: expires 30 s after write, at most 10000 entries). */
          private final Cache<String, Optional<String>> getRateCache = Caffeine.newBuilder()
                  .expireAfterWrite(Duration.ofSeconds(30))
                  .maximumSize(10000)
                  .recordStats()
                  .build();

          /** The rate of a currency, or null when the service does not know it. */
          public String getRate(String currency) throws IOException, InterruptedException {
              if (OptkitCaching.disabled() || currency == null) {
                  return getRateUncached(currency);
              }
              Optional<String> cached = getRateCache.getIfPresent(currency);
              if (cached != null) {
                  return cached.orElse(null);
              }
              String value = getRateUncached(currency);
              getRateCache.put(currency, Optional.ofNullable(value));
              return value;
          }

          @SuppressWarnings("optkit:CacheableReadMethod") // the uncached load, called by getRate()
          private String getRateUncached(String currency) throws IOException, InterruptedException {
              HttpResponse<String> response = http.send(
                      HttpRequest.newBuilder(URI.create("https://rates.example.com/" + currency)).build(),
                      HttpResponse.BodyHandlers.ofString());
              // unknown currencies answer 404
              return response.statusCode() == 404 ? null : response.body();
          }
      }
      """;

  @Test
  void nullableResultAndCheckedExceptionsBeforeAndAfter() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(RATES_BEFORE);
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.targets().size(), plan.refusals().toString());
    assertEquals(CacheForm.PLAIN, plan.targets().get(0).form());
    assertEquals(RATES_AFTER, MigrationFixture.after(plan, "src/main/java/shop/Rates.java"));
    String emergencySwitch = MigrationFixture.after(plan, "src/main/java/shop/OptkitCaching.java");
    assertTrue(emergencySwitch.contains("System.getProperty(\"optkit.cache.disabled\")"), emergencySwitch);
    fixture.assertCompiles(plan);
  }

  @Test
  void untouchedLinesComeBackIdenticalAndInOrder() {
    MigrationPlan plan = new MigrationFixture(dir).java(RATES_BEFORE).plan();
    List<String> before = Arrays.asList(RATES_BEFORE.split("\n"));
    List<String> after = Arrays.asList(MigrationFixture.after(plan, "src/main/java/shop/Rates.java").split("\n"));
    int position = 0;
    for (String line : before) {
      int found = after.subList(position, after.size()).indexOf(line);
      assertTrue(found >= 0, "original line lost or reordered: " + line);
      position += found + 1;
    }
  }

  @Test
  void tabsAndWindowsLineEndingsAreKept() throws Exception {
    String tabbed = RATES_BEFORE.replace("    ", "\t").replace("\n", "\r\n");
    MigrationPlan plan = new MigrationFixture(dir).java(tabbed).plan();
    String after = MigrationFixture.after(plan, "src/main/java/shop/Rates.java");
    assertTrue(after.contains("\r\n\tprivate final Cache<String, Optional<String>> getRateCache"), after);
    assertTrue(after.contains("\r\n\t\tif (OptkitCaching.disabled() || currency == null) {\r\n\t\t\t"
        + "return getRateUncached(currency);"), after);
    assertEquals(after.split("\r\n", -1).length, after.split("\n", -1).length, "no bare LF line endings");
  }

  @Test
  void severalParametersMakeAKeyRecordAndPrimitivesAndOptionalsNeedNoWrapper() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir)
        .file("pom.xml", "<project><properties><maven.compiler.release>17</maven.compiler.release></properties></project>")
        .java("""
        package shop;

        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.SQLException;
        import java.util.Optional;

        public class Stock {
            private Connection connection;

            public int findLevel(String sku, int warehouse) throws SQLException {
                try (PreparedStatement ps = connection.prepareStatement("SELECT level FROM stock WHERE sku = ? AND wh = ?")) {
                    ps.setString(1, sku);
                    ps.setInt(2, warehouse);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getInt(1) : 0;
                    }
                }
            }

            public Optional<String> findName(long id) throws SQLException {
                try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM products WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                    }
                }
            }
        }
        """);
    MigrationPlan plan = fixture.plan();
    String after = MigrationFixture.after(plan, "src/main/java/shop/Stock.java");
    assertTrue(after.contains("private final Cache<FindLevelKey, Integer> findLevelCache"), after);
    assertTrue(after.contains("private record FindLevelKey(String sku, int warehouse) {}"), after);
    assertTrue(after.contains("FindLevelKey key = new FindLevelKey(sku, warehouse);"), after);
    assertTrue(after.contains("int value = findLevelUncached(sku, warehouse);"), after);
    assertTrue(after.contains("private final Cache<Long, Optional<String>> findNameCache"), after);
    assertTrue(after.contains("if (value != null) {\n            findNameCache.put(id, value);"), after);
    fixture.assertCompiles(plan);
  }

  @Test
  void belowJava16TheKeyIsAValueClass() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir)
        .file("pom.xml", "<project><properties><maven.compiler.release>11</maven.compiler.release></properties>"
            + "<dependencies>\n  </dependencies></project>\n")
        .java("""
            package shop;

            import java.sql.Connection;
            import java.sql.ResultSet;

            public class Prices {
                private Connection connection;

                public String findPrice(String sku, String currency) throws Exception {
                    try (ResultSet rs = connection.createStatement().executeQuery("SELECT price FROM prices")) {
                        return rs.getString(1) + sku + currency;
                    }
                }
            }
            """);
    MigrationPlan plan = fixture.plan();
    String after = MigrationFixture.after(plan, "src/main/java/shop/Prices.java");
    assertTrue(after.contains("private static final class FindPriceKey {"), after);
    assertTrue(after.contains("return java.util.Objects.equals(sku, that.sku) && java.util.Objects.equals(currency, that.currency);"), after);
    assertTrue(!after.contains("private record"), after);
    String pom = MigrationFixture.after(plan, "pom.xml");
    assertEquals("<project><properties><maven.compiler.release>11</maven.compiler.release></properties><dependencies>\n"
        + "    <dependency>\n      <groupId>com.github.ben-manes.caffeine</groupId>\n      <artifactId>caffeine</artifactId>\n"
        + "      <version>3.2.0</version>\n    </dependency>\n  </dependencies></project>\n", pom);
    fixture.assertCompiles(plan);
  }

  @Test
  void futuresGetAnAsyncCache() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java("""
        package shop;

        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.util.concurrent.CompletableFuture;

        public class Quotes {
            private final HttpClient http = HttpClient.newHttpClient();

            public CompletableFuture<String> fetchQuote(String symbol) {
                return http.sendAsync(HttpRequest.newBuilder(URI.create("https://quotes.example.com/" + symbol)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).thenApply(HttpResponse::body);
            }
        }
        """);
    MigrationPlan plan = fixture.plan();
    String after = MigrationFixture.after(plan, "src/main/java/shop/Quotes.java");
    assertTrue(after.contains("private final AsyncCache<String, String> fetchQuoteCache"), after);
    assertTrue(after.contains(".buildAsync();"), after);
    // loaded outside the cache, so a writer's invalidateAll() never skips a future still being computed in it
    assertTrue(after.contains("""
                CompletableFuture<String> cached = fetchQuoteCache.getIfPresent(symbol);
                if (cached != null) {
                    return cached;
                }
                CompletableFuture<String> value = fetchQuoteUncached(symbol);
                if (value == null) {
                    return null;
                }
                fetchQuoteCache.put(symbol, value);
                return value;
        """), after);
    fixture.assertCompiles(plan);
  }

  @Test
  void writersInTheClassDropEveryEntryAfterTheirWrite() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java("""
        package shop;

        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;

        public class Countries {
            private Connection connection;

            public String findCountryName(String code) throws Exception {
                try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM country WHERE code = ?")) {
                    ps.setString(1, code);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            }

            public void renameCountry(String code, String name) throws Exception {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE country SET name = ? WHERE code = ?")) {
                    ps.setString(1, name);
                    ps.setString(2, code);
                    ps.executeUpdate();
                }
            }

            public void importAll(java.util.List<String> rows) throws Exception {
                connection.createStatement().executeUpdate("DELETE FROM country");
            }
        }
        """).createdOnce("shop.Countries", "");
    MigrationPlan plan = fixture.plan();
    String after = MigrationFixture.after(plan, "src/main/java/shop/Countries.java");
    // the write moves line for line, never re-indented; the writer invalidates after it
    assertTrue(after.contains("""
            public void renameCountry(String code, String name) throws Exception {
                try {
                    renameCountryUnevicted(code, name);
                } finally {
                    // Added by optkit migrate: this write changes what findCountryName() caches
                    synchronized (findCountryNameCacheWrites) { findCountryNameCacheWrites.incrementAndGet(); findCountryNameCache.invalidateAll(); }
                }
            }

            // the write itself, moved as it was: renameCountry() invalidates after it
            private void renameCountryUnevicted(String code, String name) throws Exception {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE country SET name = ? WHERE code = ?")) {
                    ps.setString(1, name);
                    ps.setString(2, code);
                    ps.executeUpdate();
                }
            }
        """), after);
    // every writer drops every entry: a parameter named like the key may be the new value, not the old key
    assertTrue(after.contains("""
                } finally {
                    // Added by optkit migrate: this write changes what findCountryName() caches
                    synchronized (findCountryNameCacheWrites) { findCountryNameCacheWrites.incrementAndGet(); findCountryNameCache.invalidateAll(); }
                }
        """), after);
    assertEquals(1, plan.targets().size());
    fixture.assertCompiles(plan);
  }

  @Test
  void refusedCandidatesSayWhy() {
    MigrationPlan plan = new MigrationFixture(dir)
        .java("""
            package shop;

            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            import java.util.concurrent.CompletableFuture;

            public class Remote {
                private final HttpClient http = HttpClient.newHttpClient();

                public <T> String fetchTyped(String id) throws Exception {
                    return http.send(HttpRequest.newBuilder(URI.create("https://x.example.com/" + id)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                }

                public CompletableFuture<String> fetchLater(String id) throws java.io.IOException {
                    return http.sendAsync(HttpRequest.newBuilder(URI.create("https://x.example.com/" + id)).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).thenApply(HttpResponse::body);
                }
            }
            """)
        .java("""
            package shop;

            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;

            public record Endpoint(HttpClient http) {
                public String fetchStatus(String id) throws Exception {
                    return http.send(HttpRequest.newBuilder(URI.create("https://x.example.com/" + id)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                }
            }
            """)
        .plan();
    List<String> reasons = plan.refusals().stream().map(Refusal::reason).toList();
    assertTrue(reasons.stream().anyMatch(r -> r.startsWith("generic method")), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.startsWith("declared in a record")), reasons.toString());
    // a future's loader runs outside the cache, so the checked exceptions it declares propagate as written
    assertEquals(List.of("fetchLater"), plan.targets().stream().map(t -> t.method().fact().name()).toList());
  }

  @Test
  void generatedNamesNeverClashWithParametersAndStaticWritersDoNotTouchInstanceCaches() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java("""
        package shop;

        import java.sql.Connection;
        import java.sql.ResultSet;

        public class Lookups {
            private Connection connection;
            private static Connection shared;

            public String findName(String value, String key) throws Exception {
                try (ResultSet rs = connection.createStatement().executeQuery("SELECT name FROM names")) {
                    return rs.getString(1) + value + key;
                }
            }

            public int fetchCount(String cached) throws Exception {
                try (ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM names")) {
                    return rs.getInt(1) + cached.length();
                }
            }
        }
        """);
    MigrationPlan plan = fixture.plan();
    String after = MigrationFixture.after(plan, "src/main/java/shop/Lookups.java");
    assertTrue(after.contains("FindNameKey key2 = new FindNameKey(value, key);"), after);
    assertTrue(after.contains("String value2 = findNameUncached(value, key);"), after);
    assertTrue(after.contains("Integer cached2 = fetchCountCache.getIfPresent(cached);"), after);
    fixture.assertCompiles(plan);
  }

  @Test
  void scanningASourceDirectoryKeepsPathsAndTheJournalAtTheProjectRoot() throws Exception {
    Path project = dir.resolve("project");
    new MigrationFixture(project).file("pom.xml", "<project><dependencies>\n  </dependencies></project>\n").java(RATES_BEFORE).plan();
    dev.optkit.analyzers.config.OptkitConfig config = dev.optkit.analyzers.config.OptkitConfig.defaults();
    Path sources = project.resolve("src/main/java");
    var assessment = new dev.optkit.analyzers.Assessor().assess(new dev.optkit.analyzers.Assessor.Options(List.of(sources),
        List.of(), false, List.of(), false, 1, true, config, "test", null), dev.optkit.analyzers.Assessor.Progress.NONE);
    MigrationPlan plan = dev.optkit.rewriters.plan.CachingMigration.prepare(sources, assessment, config, f -> true);
    assertEquals(project.toAbsolutePath().normalize(), plan.root());
    assertTrue(plan.changes().stream().anyMatch(c -> c.path().equals("pom.xml")), plan.changes().toString());
    assertTrue(plan.changes().stream().anyMatch(c -> c.path().equals("src/main/java/shop/Rates.java")), plan.changes().toString());
    dev.optkit.rewriters.plan.Journal journal = dev.optkit.rewriters.plan.Migrator.apply(plan, "test", null);
    assertTrue(java.nio.file.Files.isDirectory(project.resolve(".optkit/migrations").resolve(journal.id())));
    assertTrue(!java.nio.file.Files.exists(sources.resolve(".optkit")), "nothing is journalled inside the source root");
  }

  @Test
  void aTypeOfTheSameNameInThePackageIsNotShadowedByAnImport() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir)
        .java("""
            package shop;

            import java.util.HashMap;
            import java.util.Map;

            public class Cache {
                private final Map<String, String> entries = new HashMap<>();

                public String get(String key) {
                    return entries.get(key);
                }
            }
            """)
        .java(RATES_BEFORE.replace("private final HttpClient http = HttpClient.newHttpClient();",
            "private final HttpClient http = HttpClient.newHttpClient();\n    private final Cache local = new Cache();"));
    MigrationPlan plan = fixture.plan();
    String after = MigrationFixture.after(plan, "src/main/java/shop/Rates.java");
    assertTrue(after.contains("private final com.github.benmanes.caffeine.cache.Cache<String, Optional<String>> getRateCache"), after);
    assertTrue(!after.contains("import com.github.benmanes.caffeine.cache.Cache;"), after);
    fixture.assertCompiles(plan);
  }
}
