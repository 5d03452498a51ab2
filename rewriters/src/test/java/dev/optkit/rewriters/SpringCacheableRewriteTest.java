package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringCacheableRewriteTest {
  @TempDir Path dir;

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

  private static final String DAO_BEFORE = """
      package shop;

      import java.sql.ResultSet;
      import javax.sql.DataSource;
      import org.springframework.stereotype.Repository;

      @Repository
      public class CountryDao {
          private final DataSource dataSource;

          public CountryDao(DataSource dataSource) {
              this.dataSource = dataSource;
          }

          public String findCountryName(String code) throws Exception {
              try (var connection = dataSource.getConnection();
                   var ps = connection.prepareStatement("SELECT name FROM country WHERE code = ?")) {
                  ps.setString(1, code);
                  try (ResultSet rs = ps.executeQuery()) {
                      return rs.next() ? rs.getString(1) : null;
                  }
              }
          }

          public void renameCountry(String code, String name) throws Exception {
              try (var connection = dataSource.getConnection();
                   var ps = connection.prepareStatement("UPDATE country SET name = ? WHERE code = ?")) {
                  ps.setString(1, name);
                  ps.setString(2, code);
                  ps.executeUpdate();
              }
          }
      }
      """;

  private static final String DAO_AFTER = """
      package shop;

      import java.sql.ResultSet;
      import javax.sql.DataSource;
      import org.springframework.cache.annotation.CacheEvict;
      import org.springframework.cache.annotation.Cacheable;
      import org.springframework.cache.annotation.Caching;
      import org.springframework.stereotype.Repository;

      @Repository
      public class CountryDao {
          private final DataSource dataSource;

          public CountryDao(DataSource dataSource) {
              this.dataSource = dataSource;
          }

          // Added by optkit migrate: reference data, expires 3600 s after write
          @Cacheable(cacheNames = "optkit.CountryDao.findCountryName", key = "#p0", cacheManager = "optkitCacheManager", condition = "#p0 != null and !T(shop.OptkitCaching).disabled()", sync = true)
          public String findCountryName(String code) throws Exception {
              try (var connection = dataSource.getConnection();
                   var ps = connection.prepareStatement("SELECT name FROM country WHERE code = ?")) {
                  ps.setString(1, code);
                  try (ResultSet rs = ps.executeQuery()) {
                      return rs.next() ? rs.getString(1) : null;
                  }
              }
          }

          // Added by optkit migrate: this write changes what CountryDao.findCountryName() caches
          // (evicted before the call, and again after it returns)
          @Caching(evict = {
              @CacheEvict(cacheNames = "optkit.CountryDao.findCountryName", allEntries = true, beforeInvocation = true, cacheManager = "optkitCacheManager"),
              @CacheEvict(cacheNames = "optkit.CountryDao.findCountryName", allEntries = true, cacheManager = "optkitCacheManager")})
          public void renameCountry(String code, String name) throws Exception {
              try (var connection = dataSource.getConnection();
                   var ps = connection.prepareStatement("UPDATE country SET name = ? WHERE code = ?")) {
                  ps.setString(1, name);
                  ps.setString(2, code);
                  ps.executeUpdate();
              }
          }
      }
      """;

  @Test
  void cacheableWithKeyAndEvictionBeforeAndAfterPlusConfigAndPom() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", POM).java(DAO_BEFORE);
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.targets().size(), plan.refusals().toString());
    assertEquals(CacheForm.SPRING, plan.targets().get(0).form());
    assertEquals(DAO_AFTER, MigrationFixture.after(plan, "src/main/java/shop/CountryDao.java"));
    String config = MigrationFixture.after(plan, "src/main/java/shop/OptkitCacheConfig.java");
    assertTrue(config.contains("@EnableCaching"), "no caching in the project yet: optkit enables it");
    assertTrue(config.contains("@Bean(\"optkitCacheManager\")\n    public CacheManager optkitCacheManager() {"), config);
    assertTrue(config.contains("register(manager, \"optkit.CountryDao.findCountryName\", 3600, 1000);"), config);
    String pom = MigrationFixture.after(plan, "pom.xml");
    assertEquals("""
        <project>
          <modelVersion>4.0.0</modelVersion>
          <properties><maven.compiler.release>17</maven.compiler.release></properties>
          <dependencies>
            <dependency>
              <groupId>org.springframework</groupId>
              <artifactId>spring-context</artifactId>
              <version>6.2.12</version>
            </dependency>
            <dependency>
              <groupId>com.github.ben-manes.caffeine</groupId>
              <artifactId>caffeine</artifactId>
              <version>3.2.0</version>
            </dependency>
            <dependency>
              <groupId>org.springframework</groupId>
              <artifactId>spring-context-support</artifactId>
              <version>6.2.12</version>
            </dependency>
          </dependencies>
        </project>
        """, pom);
    fixture.assertCompiles(plan);
  }

  @Test
  void anExistingCacheManagerKeepsItsBeansAndOptkitUsesAResolver() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", POM).java(DAO_BEFORE).java("""
        package shop;

        import org.springframework.cache.CacheManager;
        import org.springframework.cache.annotation.EnableCaching;
        import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.ComponentScan;
        import org.springframework.context.annotation.Configuration;

        @Configuration
        @ComponentScan
        @EnableCaching
        public class AppConfig {
            @Bean
            public CacheManager cacheManager() {
                return new ConcurrentMapCacheManager("legacy");
            }
        }
        """);
    MigrationPlan plan = fixture.plan();
    String dao = MigrationFixture.after(plan, "src/main/java/shop/CountryDao.java");
    assertTrue(dao.contains("cacheResolver = \"optkitCacheResolver\""), dao);
    String config = MigrationFixture.after(plan, "src/main/java/shop/OptkitCacheConfig.java");
    assertTrue(config.contains("public CacheResolver optkitCacheResolver()"), config);
    assertTrue(!config.contains("@EnableCaching") && !config.contains("CacheManager optkit"), config);
    fixture.assertCompiles(plan);
  }

  @Test
  void selfInvocationIsReportedAndOnlySelfCalledMethodsAreRefused() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", POM).java("""
        package shop;

        import java.util.ArrayList;
        import java.util.List;
        import org.springframework.stereotype.Service;
        import org.springframework.web.client.RestClient;

        @Service
        public class Tiers {
            private final RestClient client;

            public Tiers(RestClient client) {
                this.client = client;
            }

            public String getTier(long id) {
                return client.get().uri("/tiers/{id}", id).retrieve().body(String.class);
            }

            public List<String> tiersOf(List<Long> ids) {
                List<String> tiers = new ArrayList<>();
                for (Long id : ids) {
                    tiers.add(getTier(id));
                }
                return tiers;
            }

            public String fetchBadge(long id) {
                return client.get().uri("/badges/{id}", id).retrieve().body(String.class);
            }

            void describe(long id, StringBuilder out) {
                out.append(fetchBadge(id)).append(getTier(id));
            }
        }
        """).java("""
        package shop;

        public class Caller {
            private final Tiers tiers;

            public Caller(Tiers tiers) {
                this.tiers = tiers;
            }

            public void show(long id, StringBuilder out) {
                out.append(tiers.getTier(id));
            }
        }
        """);
    MigrationPlan plan = fixture.plan();
    CachingTarget tier = plan.targets().stream().filter(t -> t.method().fact().name().equals("getTier")).findFirst().orElseThrow();
    assertTrue(tier.warnings().stream().anyMatch(w -> w.contains("tiersOf()") && w.contains("self-invocation")), tier.warnings().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("fetchBadge")
        && r.reason().contains("only called through 'this' from describe()")), plan.refusals().toString());
  }

  @Test
  void twoCachesEvictedByOneWriterShareOneCacheEvict() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", POM).java("""
        package shop;

        import java.util.List;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class Customers {
            private final JdbcTemplate jdbc;

            public Customers(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public List<String> findAllNames() {
                return jdbc.queryForList("SELECT name FROM customer", String.class);
            }

            public String findName(long id) {
                return jdbc.queryForObject("SELECT name FROM customer WHERE id = ?", String.class, id);
            }

            public void rename(long id, String name) {
                jdbc.update("UPDATE customer SET name = ? WHERE id = ?", name, id);
            }
        }
        """);
    MigrationPlan plan = fixture.plan();
    String after = MigrationFixture.after(plan, "src/main/java/shop/Customers.java");
    assertTrue(after.contains("""
            // Added by optkit migrate: this write changes what Customers.findAllNames(),
            // Customers.findName() cache
            // (evicted before the call, and again after it returns)
            @Caching(evict = {
                @CacheEvict(cacheNames = {"optkit.Customers.findAllNames", "optkit.Customers.findName"}, allEntries = true, beforeInvocation = true, cacheManager = "optkitCacheManager"),
                @CacheEvict(cacheNames = {"optkit.Customers.findAllNames", "optkit.Customers.findName"}, allEntries = true, cacheManager = "optkitCacheManager")})
            public void rename(long id, String name) {""".indent(4)), after);
    // the same attributes for both caches: one @CacheEvict names them all, before the call and one after it
    fixture.assertCompiles(plan);
  }

  @Test
  void aSecondMigrationExtendsOptkitsConfigurationAndUsesItsBean() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", POM).java(DAO_BEFORE);
    MigrationPlan first = fixture.plan();
    for (var change : first.changes()) {
      java.nio.file.Files.createDirectories(dir.resolve(change.path()).getParent());
      java.nio.file.Files.write(dir.resolve(change.path()), change.after());
    }
    MigrationPlan second = new MigrationFixture(dir).java("""
        package shop;

        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class RegionDao {
            private final JdbcTemplate jdbc;

            public RegionDao(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public String findRegionName(String code) {
                return jdbc.queryForObject("SELECT name FROM region WHERE code = ?", String.class, code);
            }
        }
        """).plan();
    assertEquals(1, second.targets().size(), second.refusals().toString());
    String dao = MigrationFixture.after(second, "src/main/java/shop/RegionDao.java");
    assertTrue(dao.contains("cacheManager = \"optkitCacheManager\""), "the bean optkit's configuration declares: " + dao);
    // the first migration's cache class, in its own file, loads once per key: the second one's cache may say sync
    assertTrue(dao.contains(", sync = true)"), dao);
    assertEquals(java.util.List.of("src/main/java/shop/OptkitCacheConfig.java", "src/main/java/shop/RegionDao.java"),
        second.changes().stream().map(c -> c.path()).filter(p -> p.endsWith(".java")).sorted().toList());
    String config = MigrationFixture.after(second, "src/main/java/shop/OptkitCacheConfig.java");
    assertTrue(config.contains("\"optkit.CountryDao.findCountryName\"") && config.contains("\"optkit.RegionDao.findRegionName\""), config);
  }
}
