package dev.optkit.analyzers.savings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricingExemptionsTest {
  @TempDir Path dir;

  private static final String DAO = """
      package shop;
      import java.sql.Connection;
      import javax.sql.DataSource;
      public class Dao {
        private final DataSource dataSource;
        public Dao(DataSource dataSource) { this.dataSource = dataSource; }
        public int count(String table) throws Exception {
          try (Connection c = dataSource.getConnection()) {
            return c.createStatement().executeQuery("SELECT COUNT(*) FROM items").getInt(1);
          }
        }
        public int seeded() throws Exception {
          try (Connection c = dataSource.getConnection()) {
            return c.createStatement().executeQuery("SELECT COUNT(*) FROM seeds").getInt(1);
          }
        }
        public int warm() throws Exception {
          try (Connection c = dataSource.getConnection()) {
            return c.createStatement().executeQuery("SELECT COUNT(*) FROM warm").getInt(1);
          }
        }
      }
      """;

  /**
   * A helper called only from two cached methods is explained by the first of them in the source,
   * whatever the order of identity hashes (which varies from run to run, and with the call graph
   * built on another thread): reports must be the same on every run.
   */
  @Test
  void aMethodCalledFromSeveralCachedMethodsNamesTheFirstInTheSource() {
    StringBuilder reports = new StringBuilder("""
        package shop;
        import org.springframework.cache.annotation.Cacheable;
        public class Reports {
          private final Dao dao;
          public Reports(Dao dao) { this.dao = dao; }
        """);
    for (int i = 0; i < 30; i++) {
      reports.append("  @Cacheable(\"a").append(i).append("\") public int alpha").append(i)
          .append("() throws Exception { return helper").append(i).append("(); }\n");
      reports.append("  @Cacheable(\"b").append(i).append("\") public int beta").append(i)
          .append("() throws Exception { return helper").append(i).append("(); }\n");
      reports.append("  private int helper").append(i).append("() throws Exception { return dao.count(\"t")
          .append(i).append("\"); }\n");
    }
    reports.append("}\n");
    Assessment assessment = new ProjectFixture(dir).java(DAO).java(reports.toString()).assess();
    dev.optkit.analyzers.index.ProjectIndex index = assessment.index();
    dev.optkit.analyzers.index.CachedCode cached = index.cachedCode();
    for (int i = 0; i < 30; i++) {
      dev.optkit.analyzers.index.IndexedMethod helper = index.methods("shop.Reports", "helper" + i).get(0);
      assertEquals(Optional.of("already cached: called only from the cached Reports.alpha" + i + "()"),
          cached.whyCached(helper));
    }
  }

  @Test
  void startUpCodeAndWhatTheProjectCachesAreReportedButNotPriced() {
    List<Finding> findings = new ProjectFixture(dir).java(DAO).java("""
        package shop;
        import org.springframework.boot.CommandLineRunner;
        public class Seeder implements CommandLineRunner {
          private final Dao dao;
          public Seeder(Dao dao) { this.dao = dao; }
          @Override
          public void run(String... args) throws Exception { check(); }
          private void check() throws Exception { dao.seeded(); }
        }
        """).java("""
        package shop;
        import jakarta.annotation.PostConstruct;
        public class Warmer {
          private final Dao dao;
          public Warmer(Dao dao) { this.dao = dao; }
          @PostConstruct
          public void init() throws Exception { dao.warm(); }
        }
        """).java("""
        package shop;
        public class Service {
          private final Dao dao;
          public Service(Dao dao) { this.dao = dao; }
          public int items() throws Exception { return dao.count("items"); }
        }
        """).findings(Category.DB_QUERY);
    Map<String, String> basisBySql = findings.stream().collect(Collectors.toMap(
        f -> String.valueOf(f.details().get("sql")), f -> f.savings().basis(), (a, b) -> a));
    assertTrue(basisBySql.get("SELECT COUNT(*) FROM seeds").startsWith("not priced: called only at start-up"),
        basisBySql.toString());
    assertTrue(basisBySql.get("SELECT COUNT(*) FROM warm").startsWith("not priced: called only at start-up, from "
        + "Warmer.init()"), basisBySql.toString());
    Finding items = findings.stream().filter(f -> "SELECT COUNT(*) FROM items".equals(f.details().get("sql")))
        .findFirst().orElseThrow();
    assertTrue(items.savings().callsSavedPerDay() > 0, items.savings().toString());
    assertEquals(0, findings.stream().filter(f -> f.savings().basis().startsWith("not priced"))
        .mapToLong(f -> f.savings().timeSavedMsPerDay()).sum());
  }

  @Test
  void getsThroughAnHttpClientWithItsOwnCacheAreReportedButNotPriced() {
    String client = """
        package shop;
        import okhttp3.Cache;
        import okhttp3.OkHttpClient;
        import okhttp3.Request;
        public class %s {
          private final OkHttpClient http%s;
          public String rate(String currency) throws Exception {
            Request request = new Request.Builder().url("https://rates.example.com/rates/" + currency).build();
            try (var response = http.newCall(request).execute()) {
              return response.body().string();
            }
          }
        }
        """;
    List<Finding> findings = new ProjectFixture(dir)
        .java(client.formatted("CachedRates",
            " = new OkHttpClient.Builder().cache(new Cache(new java.io.File(\"http\"), 10_000_000L)).build()"))
        .java(client.formatted("Rates", " = new OkHttpClient()"))
        .findings(Category.API_CALL);
    Map<String, String> basisByClass = findings.stream().collect(Collectors.toMap(
        Finding::enclosingClass, f -> f.savings().basis(), (a, b) -> a));
    assertTrue(basisByClass.get("shop.CachedRates").startsWith("not priced: its GETs go through an HTTP client with a "
        + "cache of its own (field http)"), basisByClass.toString());
    assertTrue(!basisByClass.get("shop.Rates").startsWith("not priced"), basisByClass.toString());
  }

  /**
   * Trial 98: with the tests included, a browser test's page loads and a fixture's queries led the report at
   * production's calls/day. Test code is reported, not priced; the same code under src/main is priced.
   */
  @Test
  void testCodeIsReportedButNotPriced() {
    String fixture = DAO.replace("public class Dao", "public class Fixture").replace("public Dao(", "public Fixture(");
    dev.optkit.analyzers.config.OptkitConfig withTests = new dev.optkit.analyzers.config.OptkitConfig(List.of(), List.of(),
        true, Map.of(), null, null, null, List.of(), List.of(), Map.of());
    Assessment assessment = new ProjectFixture(dir).config(withTests).java(DAO)
        .file("src/test/java/shop/Fixture.java", fixture).assess();
    List<Finding> inTests = assessment.findings().stream().filter(f -> f.path().startsWith("src/test/")).toList();
    List<Finding> inMain = assessment.findings().stream().filter(f -> f.path().startsWith("src/main/")
        && f.category() == Category.DB_QUERY).toList();
    assertTrue(!inTests.isEmpty() && !inMain.isEmpty(), assessment.findings().toString());
    for (Finding finding : inTests) {
      assertEquals(0, finding.savings().callsSavedPerDay(), finding.toString());
      assertEquals(0.0, finding.savings().costSavedUsdPerDay(), finding.toString());
      assertTrue(finding.savings().basis().startsWith("not priced: test code"), finding.savings().basis());
    }
    assertTrue(inMain.stream().allMatch(f -> f.savings().callsSavedPerDay() > 0), inMain.toString());
  }
}
