package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** Issue 23, rule 7: a cache keyed by a size the caller chooses is bounded by the elements it holds. */
class WeighedCacheTest extends SpringProjectPlans {
  private static final String POM = """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <properties><maven.compiler.release>17</maven.compiler.release></properties>
        <dependencies>
          <dependency>
            <groupId>org.springframework</groupId>
            <artifactId>spring-context</artifactId>
            <version>6.2.12</version>
          </dependency>
        </dependencies>
      </project>
      """;

  private static final String PAGED_BEFORE = """
      package shop;

      import java.util.List;
      import org.springframework.data.domain.Page;
      import org.springframework.data.domain.PageImpl;
      import org.springframework.data.domain.Pageable;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;

      @Repository
      public class Visits {
          private final JdbcTemplate jdbc;

          public Visits(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public Page<String> findPage(Pageable pageable) {
              List<String> visits = jdbc.queryForList("SELECT note FROM visit ORDER BY id LIMIT ? OFFSET ?", String.class,
                      pageable.getPageSize(), pageable.getOffset());
              return new PageImpl<>(visits, pageable, visits.size());
          }
      }
      """;

  @Test
  void aPageableReadIsWeighedByItsElementsInTheGeneratedConfiguration() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", POM).java(PAGED_BEFORE);
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("pageable"), plan.targets().get(0).clientSizes(), plan.refusals().toString());
    String visits = MigrationFixture.after(plan, "src/main/java/shop/Visits.java");
    assertEquals("""
        package shop;

        import java.util.List;
        import org.springframework.cache.annotation.Cacheable;
        import org.springframework.data.domain.Page;
        import org.springframework.data.domain.PageImpl;
        import org.springframework.data.domain.Pageable;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class Visits {
            private final JdbcTemplate jdbc;

            public Visits(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            // Added by optkit migrate: default data, expires 300 s after write, bounded by its elements (pageable sets how many)
            @Cacheable(cacheNames = "optkit.Visits.findPage", key = "#p0", cacheManager = "optkitCacheManager", condition = "#p0 != null and !T(shop.OptkitCaching).disabled()", sync = true)
            public Page<String> findPage(Pageable pageable) {
                List<String> visits = jdbc.queryForList("SELECT note FROM visit ORDER BY id LIMIT ? OFFSET ?", String.class,
                        pageable.getPageSize(), pageable.getOffset());
                return new PageImpl<>(visits, pageable, visits.size());
            }
        }
        """, visits);
    String config = MigrationFixture.after(plan, "src/main/java/shop/OptkitCacheConfig.java");
    assertTrue(config.contains("""
                registerWeighed(manager, "optkit.Visits.findPage", 300, 100000); // default: Visits.findPage(), weighed by elements: pageable sets how many
        """), config);
    assertTrue(config.contains("""
            private static void registerWeighed(CaffeineCacheManager manager, String name, long ttlSeconds,
                    long maximumWeight) {
                manager.registerCustomCache(name, Caffeine.newBuilder()
                    .expireAfterWrite(Duration.ofSeconds(ttlSeconds))
                    .maximumWeight(maximumWeight)
                    .weigher((Object key, Object value) -> elements(value))
                    .recordStats()
                    .build());
            }
        """), config);
    // the overload counting through a project getter only where a cache needs it: one nobody calls is a warning
    // (error-prone's UnusedMethod) in builds that fail on warnings (trial 98)
    assertEquals(1, config.split("private static void registerWeighed\\(", -1).length - 1, config);
    assertTrue(!config.contains("for (Object element"), config);
    fixture.assertCompiles(plan);
  }

  /**
   * A later migration adding a cache that counts through a getter to a configuration whose weighed caches did not:
   * the overload it calls is added then, and the whole compiles.
   */
  @Test
  void aLaterMigrationAddsTheGetterOverloadWhenItNeedsIt() throws Exception {
    MigrationPlan first = new MigrationFixture(dir.resolve("first")).file("pom.xml", POM).java(PAGED_BEFORE).plan();
    String config = "src/main/java/shop/OptkitCacheConfig.java";
    String earlier = MigrationFixture.after(first, config);
    assertEquals(1, earlier.split("private static void registerWeighed\\(", -1).length - 1, earlier);
    MigrationFixture second = new MigrationFixture(dir.resolve("second")).file("pom.xml", POM);
    for (var change : first.changes()) {
      second.file(change.path(), MigrationFixture.after(first, change.path()));
    }
    second.java("""
        package shop;

        import java.util.List;

        public class PageResponse<T> {
            private final List<T> content;
            public PageResponse(List<T> content) { this.content = content; }
            public List<T> getContent() { return content; }
        }
        """).java(PAGED_BEFORE.replace("class Visits", "class Notes").replace("public Visits(", "public Notes(")
            .replace("import org.springframework.data.domain.Page;\n", "")
            .replace("import org.springframework.data.domain.PageImpl;\n", "")
            .replace("public Page<String> findPage", "public PageResponse<String> findNotes")
            .replace("return new PageImpl<>(visits, pageable, visits.size());", "return new PageResponse<>(visits);"));
    MigrationPlan plan = second.plan();
    assertTrue(plan.targets().stream().anyMatch(t -> "getContent".equals(t.contentGetter())), plan.refusals().toString());
    String text = MigrationFixture.after(plan, config);
    assertEquals(2, text.split("private static void registerWeighed\\(", -1).length - 1, text);
    second.assertCompiles(plan);
  }

  private static final String TOP_BEFORE = """
      package shop;

      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.List;

      public class Scores {
          private final HttpClient http = HttpClient.newHttpClient();

          public List<String> findTop(int limit) throws Exception {
              String body = http.send(HttpRequest.newBuilder(URI.create("https://scores.example.com/top?n=" + limit)).build(),
                      HttpResponse.BodyHandlers.ofString()).body();
              return List.of(body.split(","));
          }
      }
      """;

  private static final String TOP_AFTER = """
      package shop;

      import com.github.benmanes.caffeine.cache.Cache;
      import com.github.benmanes.caffeine.cache.Caffeine;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.time.Duration;
      import java.util.List;
      import java.util.Optional;

      public class Scores {
          private final HttpClient http = HttpClient.newHttpClient();

          /** Added by optkit migrate: cache for findTop() (remote: expires 60 s after write, at most 100000 elements, as limit sets how many an entry holds). */
          private final Cache<Integer, Optional<List<String>>> findTopCache = Caffeine.newBuilder()
                  .expireAfterWrite(Duration.ofSeconds(60))
                  .maximumWeight(100000)
                  .weigher((Integer key, Optional<List<String>> value) -> optkitElements(value))
                  .recordStats()
                  .build();

          /** Added by optkit migrate: the weight of an entry of a cache bounded by weight, its number of elements (at least 1). */
          private static int optkitElements(Object value) {
              Object content = value instanceof java.util.Optional ? ((java.util.Optional<?>) value).orElse(null) : value;
              long elements = 1;
              if (content instanceof java.util.Collection) {
                  elements = ((java.util.Collection<?>) content).size();
              } else if (content instanceof java.util.Map) {
                  elements = ((java.util.Map<?, ?>) content).size();
              } else if (content != null && content.getClass().isArray()) {
                  elements = java.lang.reflect.Array.getLength(content);
              } else if (content instanceof Iterable) {
                  elements = 0;
                  for (java.util.Iterator<?> each = ((Iterable<?>) content).iterator(); each.hasNext(); each.next()) {
                      elements++;
                  }
              }
              return (int) Math.max(1, Math.min(Integer.MAX_VALUE, elements));
          }

          public List<String> findTop(int limit) throws Exception {
              if (OptkitCaching.disabled()) {
                  return findTopUncached(limit);
              }
              Optional<List<String>> cached = findTopCache.getIfPresent(limit);
              if (cached != null) {
                  return cached.orElse(null);
              }
              List<String> value = findTopUncached(limit);
              findTopCache.put(limit, Optional.ofNullable(value));
              return value;
          }

          @SuppressWarnings("optkit:CacheableReadMethod") // the uncached load, called by findTop()
          private List<String> findTopUncached(int limit) throws Exception {
              String body = http.send(HttpRequest.newBuilder(URI.create("https://scores.example.com/top?n=" + limit)).build(),
                      HttpResponse.BodyHandlers.ofString()).body();
              return List.of(body.split(","));
          }
      }
      """;

  @Test
  void aLimitParameterMakesThePlainCacheWeighItsEntries() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(TOP_BEFORE);
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("limit"), plan.targets().get(0).clientSizes(), plan.refusals().toString());
    assertEquals(TOP_AFTER, MigrationFixture.after(plan, "src/main/java/shop/Scores.java"));
    fixture.assertCompiles(plan);
  }

  @Test
  void anAnswerHoldingItsRowsInAProjectClassIsRefusedNotWeighedAsOne() {
    // rows no public getter returns: a weigher cannot count them, and one entry of any size would weigh one
    MigrationPlan plan = new MigrationFixture(dir).java("""
        package shop;

        import java.util.List;

        public class ScoreBoard {
            private final List<String> rows;
            public ScoreBoard(List<String> rows) { this.rows = rows; }
            public int size() { return rows.size(); }
        }
        """).java(TOP_BEFORE.replace("public List<String> findTop", "public ScoreBoard findTop")
            .replace("return List.of(body.split(\",\"));", "return new ScoreBoard(List.of(body.split(\",\")));"))
        .plan();
    assertTrue(plan.targets().isEmpty(), plan.targets().toString());
    String reason = plan.refusals().get(0).reason();
    assertTrue(reason.contains("'limit'") && reason.contains("ScoreBoard, which holds them in its field rows"), reason);
  }

  /**
   * A page response of the project's own (ravan-chuang's {@code PageResponse}, SlyeR28's {@code MoviePageResponse}
   * record) holds its rows where a public getter returns them: the weigher counts them through it, compiled and run.
   */
  @Test
  void anAnswerWhoseRowsAPublicGetterReturnsIsWeighedThroughIt() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java("""
        package shop;

        import java.util.List;

        public record ScoreBoard(List<String> rows, int total) {}
        """).java(TOP_BEFORE.replace("public List<String> findTop", "public ScoreBoard findTop")
            .replace("return List.of(body.split(\",\"));", "return new ScoreBoard(List.of(body.split(\",\")), 0);"));
    MigrationPlan plan = fixture.plan();
    assertEquals("rows", plan.targets().get(0).contentGetter(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Scores.java");
    assertTrue(after.contains(".weigher((Integer key, Optional<ScoreBoard> value) -> "
        + "optkitElements(value.<Object>map(held -> held.rows()).orElse(null)))"), after);
    fixture.assertCompiles(plan);
  }

  @Test
  void aSpringCacheOfAPageResponseCountsItsRowsThroughItsGetter() throws Exception {
    OptkitConfig small = new OptkitConfig(null, null, (Boolean) null, null, null, null, null, null, null,
        Map.of("default", new OptkitConfig.CachePolicy(null, null, 100L, null)));
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", POM).java("""
        package shop;

        import java.util.List;

        public class PageResponse<T> {
            private final List<T> content;
            private final long total;
            public PageResponse(List<T> content, long total) { this.content = content; this.total = total; }
            public List<T> getContent() { return content; }
            public long getTotal() { return total; }
        }
        """).java(PAGED_BEFORE.replace("import org.springframework.data.domain.Page;\n", "")
            .replace("import org.springframework.data.domain.PageImpl;\n", "")
            .replace("public Page<String> findPage", "public PageResponse<String> findPage")
            .replace("return new PageImpl<>(visits, pageable, visits.size());", "return new PageResponse<>(visits, visits.size());"))
        .config(small);
    MigrationPlan plan = fixture.plan();
    assertEquals("getContent", plan.targets().get(0).contentGetter(), plan.refusals().toString());
    String config = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitCacheConfig.java"))
        .findFirst().orElseThrow();
    String text = MigrationFixture.after(plan, config);
    assertTrue(text.contains("registerWeighed(manager, \"optkit.Visits.findPage\", 300, 100, "
        + "value -> ((shop.PageResponse) value).getContent());"), text);
    assertEquals(2, text.split("private static void registerWeighed\\(", -1).length - 1, text);
    Path classes = fixture.compile(plan);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.setClassLoader(loader);
      context.register(loader.loadClass(config.substring("src/main/java/".length(), config.length() - ".java".length())
          .replace('/', '.')));
      context.refresh();
      CacheManager manager = context.getBean("optkitCacheManager", CacheManager.class);
      @SuppressWarnings("unchecked")
      Cache<Object, Object> cache = (Cache<Object, Object>) manager.getCache("optkit.Visits.findPage").getNativeCache();
      Object page = loader.loadClass("shop.PageResponse").getConstructor(List.class, long.class)
          .newInstance(Collections.nCopies(60, "visit"), 60L);
      cache.put("large", page);
      cache.cleanUp();
      assertEquals(60, cache.policy().eviction().orElseThrow().weightOf("large").orElseThrow(),
          "weighed by the rows its getter returns, not as one");
    }
  }

  /** The generated Spring cache, run: a popular large page crowds small ones out by weight, not by their number. */
  @Test
  void theGeneratedCacheEvictsByWeight() throws Exception {
    OptkitConfig small = new OptkitConfig(null, null, (Boolean) null, null, null, null, null, null, null,
        Map.of("default", new OptkitConfig.CachePolicy(null, null, 100L, null)));
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", POM).java(PAGED_BEFORE).config(small);
    MigrationPlan plan = fixture.plan();
    String config = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitCacheConfig.java"))
        .findFirst().orElseThrow();
    Path classes = fixture.compile(plan);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.setClassLoader(loader);
      context.register(loader.loadClass(config.substring("src/main/java/".length(), config.length() - ".java".length())
          .replace('/', '.')));
      context.refresh();
      CacheManager manager = context.getBean("optkitCacheManager", CacheManager.class);
      @SuppressWarnings("unchecked")
      Cache<Object, Object> cache = (Cache<Object, Object>) manager.getCache("optkit.Visits.findPage").getNativeCache();
      long maximum = cache.policy().eviction().orElseThrow().getMaximum();
      assertEquals(100, maximum, "maximumWeight from .optkit.yml, not maximumSize");

      cache.put("large", Collections.nCopies(60, "visit"));
      cache.cleanUp();
      for (int i = 0; i < 5; i++) {
        assertNotNull(cache.getIfPresent("large")); // popular: admission keeps it over newcomers
      }
      cache.cleanUp();
      for (int i = 0; i < 10; i++) {
        cache.put("small" + i, Collections.nCopies(5, "visit"));
        cache.cleanUp();
      }
      long smallKept = java.util.stream.IntStream.range(0, 10).filter(i -> cache.asMap().containsKey("small" + i)).count();
      assertNotNull(cache.getIfPresent("large"));
      assertTrue(smallKept < 10 && smallKept <= 8, "11 entries, far below any entry count, yet 110 elements: " + smallKept);
      assertTrue(cache.policy().eviction().orElseThrow().weightedSize().orElseThrow() <= maximum);

      cache.put("oversized", Collections.nCopies(500, "visit"));
      cache.cleanUp();
      assertNull(cache.getIfPresent("oversized"), "an entry heavier than the whole cache is not kept");
      assertEquals(1, cache.policy().eviction().orElseThrow().weightOf("large").orElseThrow() / 60,
          "weighed by its elements");
    }
  }

  /**
   * A page class weighed through a getter that returns less than it holds: a record's own accessor returning a sub
   * list (w1), another field holding the page again as text (w4), a subclass holding more (w5). The run showed a
   * weighted size of 2,000 while the cache held 219,900 names under a bound of 100,000.
   * (From hostile review 32, cases w1, w4, w5.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"w1", "w4", "w5"})
  void aPageTheGetterUndercountsIsNotWeighedThroughIt(String attack) {
    MigrationPlan plan = casePlan("hostile32", attack);
    assertFalse(plan.targets().stream().anyMatch(t -> t.contentGetter() != null), plan.targets().toString());
  }

  /** A page whose getter returns all it holds is weighed through it. (From hostile review 32: its control w0.) */
  @Test
  void aPageWhoseGetterReturnsAllItHoldsIsWeighedThroughIt() {
    MigrationPlan page = casePlan("hostile32", "w0");
    assertTrue(page.targets().stream().anyMatch(t -> "content".equals(t.contentGetter())
        || "getContent".equals(t.contentGetter())), page.targets().toString());
  }

  /**
   * S1: a local {@code MAX_SIZE} of 100,000 shadowing the class's constant of 30; S2: the checked size multiplied on
   * the way to the query ({@code helper(page, size * 1000)}). Both bound nothing, and the paged read stays refused.
   * (From hostile review 46, its S1 and S2 (cases c1, r15).)
   */
  @ParameterizedTest
  @ValueSource(strings = {"c1", "r15"})
  void aCapThatDoesNotBoundTheRowsIsNone(String name) {
    MigrationPlan plan = caseProject("reasons44", "pagesize", name).resources("/hostile46/" + name).plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PhotoService.getAllPhotos")),
        name + ": " + plan.targets());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getAllPhotos")
        && r.proof() == Proof.CLIENT_SIZED_KEY), name + ": " + plan.refusals());
  }

  /**
   * Trial 42's F7 (Spring-Boot-Blog-REST-API's getAllPhotos and three more): {@code
   * AppUtils.validatePageNumberAndSize(page, size)} throws when {@code size > AppConstants.MAX_PAGE_SIZE} (30), so
   * an entry holds at most 30 photos and the entry bound is a memory bound; the read was refused as if one entry
   * could weigh any size. The twin's helper only warns, and the refusal stays.
   * (From trial 42's false reasons, F7.)
   */
  @Test
  void aSizeCheckedAgainstAConstantBeforeTheQueryBoundsEachEntry() {
    MigrationPlan plan = caseProject("reasons44", "pagesize").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PhotoService.getAllPhotos")
        && t.toString().contains("name=rename")), plan.targets() + " " + plan.refusals());

    MigrationPlan twin = caseProject("reasons44", "pagesize", "pagesizelog")
        .resources("/reasons44/pagesizelog").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getAllPhotos")
        && r.proof() == Proof.CLIENT_SIZED_KEY), twin.refusals().toString());
  }
}
