package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, rule 6: a write reaching a cache through a service and its DAO evicts once, at the outer bean; but an
 * outer method whose exception may not undo the inner write leaves the inner one its eviction, and no eviction goes
 * on a method Spring calls without its proxy (those two from the hostile review of issue 23's relaxed proofs).
 */
class EvictAtOneLayerTest extends SpringProjectPlans {
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

  private static final String DAO = """
      package shop;

      import java.util.List;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;

      @Repository
      public class CountryDao {
          private final JdbcTemplate jdbc;

          public CountryDao(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public String findName(String code) {
              return jdbc.queryForObject("SELECT name FROM country WHERE code = ?", String.class, code);
          }

          public List<String> findNames() {
              return jdbc.queryForList("SELECT name FROM country", String.class);
          }

          public void rename(String code, String name) {
              jdbc.update("UPDATE country SET name = ? WHERE code = ?", name, code);
          }
      }
      """;

  private static final String SERVICE_BEFORE = """
      package shop;

      import java.util.List;
      import org.springframework.stereotype.Service;

      @Service
      public class CountryService {
          private final CountryDao dao;

          public CountryService(CountryDao dao) {
              this.dao = dao;
          }

          public String countryName(String code) {
              return dao.findName(code);
          }

          public List<String> countryNames() {
              return dao.findNames();
          }

          public void rename(String code, String name) {
              dao.rename(code, name);
          }
      }
      """;

  private static final String SERVICE_AFTER = """
      package shop;

      import java.util.List;
      import org.springframework.cache.annotation.CacheEvict;
      import org.springframework.cache.annotation.Cacheable;
      import org.springframework.cache.annotation.Caching;
      import org.springframework.stereotype.Service;

      @Service
      public class CountryService {
          private final CountryDao dao;

          public CountryService(CountryDao dao) {
              this.dao = dao;
          }

          // Added by optkit migrate: reference data, expires 3600 s after write
          @Cacheable(cacheNames = "optkit.CountryService.countryName", key = "#p0", cacheManager = "optkitCacheManager", condition = "#p0 != null and !T(shop.OptkitCaching).disabled()", sync = true)
          public String countryName(String code) {
              return dao.findName(code);
          }

          // Added by optkit migrate: reference data, expires 3600 s after write
          @Cacheable(cacheNames = "optkit.CountryService.countryNames", key = "'all'", cacheManager = "optkitCacheManager", condition = "!T(shop.OptkitCaching).disabled()", sync = true)
          public List<String> countryNames() {
              return dao.findNames();
          }

          // Added by optkit migrate: this write changes what CountryService.countryName(),
          // CountryService.countryNames() cache
          // (evicted before the call, and again after it returns)
          @Caching(evict = {
              @CacheEvict(cacheNames = {"optkit.CountryService.countryName", "optkit.CountryService.countryNames"}, allEntries = true, beforeInvocation = true, cacheManager = "optkitCacheManager"),
              @CacheEvict(cacheNames = {"optkit.CountryService.countryName", "optkit.CountryService.countryNames"}, allEntries = true, cacheManager = "optkitCacheManager")})
          public void rename(String code, String name) {
              dao.rename(code, name);
          }
      }
      """;

  /** The service's write in a transaction: an exception after the DAO's write rolls it back. */
  private static String transactional(String service) {
    return service.replace("import org.springframework.stereotype.Service;",
        "import org.springframework.stereotype.Service;\nimport org.springframework.transaction.annotation.Transactional;")
        .replace("    public void rename(", "    @Transactional\n    public void rename(");
  }

  @Test
  void aWriteThroughTheServiceEvictsOnTheServiceOnlyInOneCacheEvict() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", POM).java(DAO)
        .java(transactional(SERVICE_BEFORE));
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("countryName", "countryNames"), plan.targets().stream().map(t -> t.method().fact().name()).sorted()
        .toList(), plan.refusals().toString());
    for (CachingTarget target : plan.targets()) {
      // the DAO's rename is called only by the service's, which evicts the same caches after it
      assertEquals(List.of("CountryService.rename"), writers(target));
    }
    assertTrue(plan.changes().stream().map(FileChange::path).noneMatch(p -> p.endsWith("CountryDao.java")),
        "the DAO is left as it was: " + plan.changes().stream().map(FileChange::path).toList());
    fixture.assertCompiles(plan);
  }

  @Test
  void anUncheckedExceptionTheServiceDeclaresStillRollsTheDaoWriteBack() throws Exception {
    // spring-petclinic-rest's ClinicServiceImpl declares "throws DataAccessException", a runtime exception
    String declaring = transactional(SERVICE_BEFORE).replace("public void rename(String code, String name) {",
        "public void rename(String code, String name) throws org.springframework.dao.DataAccessException {");
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", POM).java(DAO).java(declaring).plan();
    for (CachingTarget target : plan.targets()) {
      assertEquals(List.of("CountryService.rename"), writers(target));
    }
    // a checked exception commits the DAO's write, and Spring skips the service's eviction: both evict
    MigrationPlan checked = new MigrationFixture(dir.resolve("checked")).file("pom.xml", POM).java(DAO)
        .java(declaring.replace("throws org.springframework.dao.DataAccessException", "throws java.io.IOException"))
        .plan();
    for (CachingTarget target : checked.targets()) {
      assertEquals(List.of("CountryDao.rename", "CountryService.rename"), writers(target));
    }
  }

  @Test
  void aServiceWriteThatMayThrowAfterTheDaoWriteCommittedLeavesTheDaoItsEviction() throws Exception {
    // no transaction: an exception after dao.rename() returned keeps the write, and Spring skips the service's eviction
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", POM).java(DAO).java(SERVICE_BEFORE);
    MigrationPlan plan = fixture.plan();
    for (CachingTarget target : plan.targets()) {
      assertEquals(List.of("CountryDao.rename", "CountryService.rename"), writers(target));
    }
    // each writer's two caches in one @CacheEvict
    assertEquals(SERVICE_AFTER, MigrationFixture.after(plan, "src/main/java/shop/CountryService.java"));
    fixture.assertCompiles(plan);
  }

  @Test
  void aDaoWriterAlsoCalledFromAControllerKeepsItsEviction() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", POM).java(DAO).java(SERVICE_BEFORE).java("""
        package shop;

        import org.springframework.stereotype.Controller;

        @Controller
        public class CountryController {
            private final CountryDao dao;

            public CountryController(CountryDao dao) {
                this.dao = dao;
            }

            public String rename(String code, String name) {
                dao.rename(code, name);
                return "redirect:/countries";
            }
        }
        """);
    MigrationPlan plan = fixture.plan();
    for (CachingTarget target : plan.targets()) {
      // the controller's path to the DAO crosses no evicting method: both writers evict
      assertEquals(List.of("CountryDao.rename", "CountryService.rename"), writers(target));
    }
    String dao = MigrationFixture.after(plan, "src/main/java/shop/CountryDao.java");
    assertTrue(dao.contains("""
            // Added by optkit migrate: this write changes what CountryService.countryName(),
            // CountryService.countryNames() cache
            // (evicted before the call, and again after it returns)
            @Caching(evict = {
                @CacheEvict(cacheNames = {"optkit.CountryService.countryName", "optkit.CountryService.countryNames"}, allEntries = true, beforeInvocation = true, cacheManager = "optkitCacheManager"),
                @CacheEvict(cacheNames = {"optkit.CountryService.countryName", "optkit.CountryService.countryNames"}, allEntries = true, cacheManager = "optkitCacheManager")})
            public void rename(String code, String name) {
        """), dao);
    String service = MigrationFixture.after(plan, "src/main/java/shop/CountryService.java");
    assertTrue(service.contains("""
                @CacheEvict(cacheNames = {"optkit.CountryService.countryName", "optkit.CountryService.countryNames"}, allEntries = true, cacheManager = "optkitCacheManager")})
            public void rename(String code, String name) {
        """), service);
    fixture.assertCompiles(plan);
  }

  @Test
  void aPlainWriterCalledOnlyByAnotherWriterOfItsClassLeavesTheInvalidationToIt() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java("""
        package shop;

        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.util.Map;

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

            public void renameAll(Map<String, String> names) throws Exception {
                for (Map.Entry<String, String> entry : names.entrySet()) {
                    renameCountry(entry.getKey(), entry.getValue());
                }
            }
        }
        """).createdOnce("shop.Countries", "");
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("Countries.renameAll"), writers(plan.targets().get(0)), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Countries.java");
    // the finally runs after the whole loop, so after every inner write: later than renameCountry's own would
    assertTrue(after.contains("""
            public void renameCountry(String code, String name) throws Exception {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE country SET name = ? WHERE code = ?")) {
        """), after);
    assertTrue(after.contains("""
            public void renameAll(Map<String, String> names) throws Exception {
                try {
                    renameAllUnevicted(names);
                } finally {
                    // Added by optkit migrate: this write changes what findCountryName() caches
                    synchronized (findCountryNameCacheWrites) { findCountryNameCacheWrites.incrementAndGet(); findCountryNameCache.invalidateAll(); }
                }
            }
        """), after);
    fixture.assertCompiles(plan);
  }

  private static List<String> writers(CachingTarget target) {
    return target.evictions().stream().map(e -> e.writer().fact().displayName()).distinct().sorted().toList();
  }

  // From the hostile review of issue 23's relaxed proofs (its case w4, as the reviewer wrote it).
  @Test
  void anOuterMethodWhoseExceptionMayNotUndoTheInnerWriteLeavesItsEviction() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("w4"))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>h</groupId><artifactId>h</artifactId><version>1</version>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <dependencies>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-tx</artifactId><version>6.2.12</version></dependency>

              </dependencies>
            </project>
            """)
        .file("src/main/java/shop/DaoA.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Repository
            public class DaoA {
                private final JdbcTemplate jdbc;

                public DaoA(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesA(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_a WHERE kind = ?", String.class, kind);
                }


                public void renameA(String kind, String name) {
                    jdbc.update("UPDATE t_a SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/DaoB.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Repository
            public class DaoB {
                private final JdbcTemplate jdbc;

                public DaoB(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesB(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_b WHERE kind = ?", String.class, kind);
                }


                public void renameB(String kind, String name) {
                    jdbc.update("UPDATE t_b SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/DaoC.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Repository
            public class DaoC {
                private final JdbcTemplate jdbc;

                public DaoC(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesC(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_c WHERE kind = ?", String.class, kind);
                }

                @Transactional(propagation = Propagation.REQUIRES_NEW)
                public void renameC(String kind, String name) {
                    jdbc.update("UPDATE t_c SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/DaoD.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Repository
            public class DaoD {
                private final JdbcTemplate jdbc;

                public DaoD(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesD(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_d WHERE kind = ?", String.class, kind);
                }


                public void renameD(String kind, String name) {
                    jdbc.update("UPDATE t_d SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/ServiceA.java", """
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class ServiceA {
                private final DaoA dao;

                public ServiceA(DaoA dao) {
                    this.dao = dao;
                }

                public java.util.List<String> names(String kind) {
                    return dao.namesA(kind);
                }

                @Transactional(noRollbackFor = IllegalStateException.class)
                public void rename(String kind, String name) {
                    dao.renameA(kind, name);
                    if (name.isEmpty()) {
                        throw new IllegalStateException("empty name");
                    }
                }
            }
            """)
        .file("src/main/java/shop/ServiceB.java", """
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class ServiceB {
                private final DaoB dao;

                public ServiceB(DaoB dao) {
                    this.dao = dao;
                }

                public java.util.List<String> names(String kind) {
                    return dao.namesB(kind);
                }

                @Transactional(propagation = Propagation.SUPPORTS)
                public void rename(String kind, String name) {
                    dao.renameB(kind, name);
                    if (name.isEmpty()) {
                        throw new IllegalStateException("empty name");
                    }
                }
            }
            """)
        .file("src/main/java/shop/ServiceC.java", """
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class ServiceC {
                private final DaoC dao;

                public ServiceC(DaoC dao) {
                    this.dao = dao;
                }

                public java.util.List<String> names(String kind) {
                    return dao.namesC(kind);
                }

                @Transactional
                public void rename(String kind, String name) {
                    dao.renameC(kind, name);
                    if (name.isEmpty()) {
                        throw new IllegalStateException("empty name");
                    }
                }
            }
            """)
        .file("src/main/java/shop/ServiceD.java", """
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class ServiceD {
                private final DaoD dao;

                public ServiceD(DaoD dao) {
                    this.dao = dao;
                }

                public java.util.List<String> names(String kind) {
                    return dao.namesD(kind);
                }

                @Transactional(propagation = Propagation.NOT_SUPPORTED)
                public void rename(String kind, String name) {
                    dao.renameD(kind, name);
                    if (name.isEmpty()) {
                        throw new IllegalStateException("empty name");
                    }
                }
            }
            """)
        .plan();
    for (String letter : List.of("A", "B", "C", "D")) {
      CachingTarget target = plan.targets().stream().filter(t -> t.method().fact().displayName()
          .equals("Service" + letter + ".names")).findFirst().orElseThrow();
      assertTrue(target.evictions().stream().anyMatch(e -> e.writer().fact().displayName()
          .equals("Dao" + letter + ".rename" + letter)), letter + ": " + target.evictions());
    }
  }

  // From the hostile review of issue 23's relaxed proofs (its case w2, as the reviewer wrote it).
  @Test
  void noEvictionIsPlacedOnAMethodSpringCallsWithoutItsProxy() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("w2"))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>h</groupId><artifactId>h</artifactId><version>1</version>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <dependencies>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-tx</artifactId><version>6.2.12</version></dependency>

              </dependencies>
            </project>
            """)
        .file("src/main/java/shop/AdminE.java", """
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class AdminE {
                private final HelperE helper;

                public AdminE(HelperE helper) {
                    this.helper = helper;
                }

                public void renameAll(String name) {
                    rename("a", name);
                    rename("b", name);
                }

                public void rename(String kind, String name) {
                    helper.rename(kind, name);
                }
            }
            """)
        .file("src/main/java/shop/AdminJ.java", """
            package shop;

            import org.springframework.scheduling.annotation.Async;
            import org.springframework.stereotype.Service;

            @Service
            public class AdminJ {
                private final HelperJ helper;

                public AdminJ(HelperJ helper) {
                    this.helper = helper;
                }

                @Async
                public void rename(String kind, String name) {
                    helper.rename(kind, name);
                }
            }
            """)
        .file("src/main/java/shop/AdminM.java", """
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class AdminM {
                private final HelperM helper;

                public AdminM(HelperM helper) {
                    this.helper = helper;
                }

                public final void rename(String kind, String name) {
                    helper.rename(kind, name);
                }
            }
            """)
        .file("src/main/java/shop/AdminP.java", """
            package shop;

            import jakarta.annotation.PostConstruct;
            import org.springframework.stereotype.Service;

            @Service
            public class AdminP {
                private final HelperP helper;

                public AdminP(HelperP helper) {
                    this.helper = helper;
                }

                @PostConstruct
                public void rename() {
                    helper.rename("default", "x");
                }
            }
            """)
        .file("src/main/java/shop/HelperE.java", """
            package shop;

            import org.springframework.jdbc.core.JdbcTemplate;

            public class HelperE {
                private final JdbcTemplate jdbc;

                public HelperE(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public void rename(String kind, String name) {
                    jdbc.update("UPDATE t_e SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/HelperJ.java", """
            package shop;

            import org.springframework.jdbc.core.JdbcTemplate;

            public class HelperJ {
                private final JdbcTemplate jdbc;

                public HelperJ(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public void rename(String kind, String name) {
                    jdbc.update("UPDATE t_j SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/HelperM.java", """
            package shop;

            import org.springframework.jdbc.core.JdbcTemplate;

            public class HelperM {
                private final JdbcTemplate jdbc;

                public HelperM(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public void rename(String kind, String name) {
                    jdbc.update("UPDATE t_m SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/HelperP.java", """
            package shop;

            import org.springframework.jdbc.core.JdbcTemplate;

            public class HelperP {
                private final JdbcTemplate jdbc;

                public HelperP(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public void rename(String kind, String name) {
                    jdbc.update("UPDATE t_p SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/RepoE.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;

            @Repository
            public class RepoE {
                private final JdbcTemplate jdbc;

                public RepoE(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesE(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_e WHERE kind = ?", String.class, kind);
                }
            }
            """)
        .file("src/main/java/shop/RepoJ.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;

            @Repository
            public class RepoJ {
                private final JdbcTemplate jdbc;

                public RepoJ(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesJ(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_j WHERE kind = ?", String.class, kind);
                }
            }
            """)
        .file("src/main/java/shop/RepoM.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;

            @Repository
            public class RepoM {
                private final JdbcTemplate jdbc;

                public RepoM(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesM(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_m WHERE kind = ?", String.class, kind);
                }
            }
            """)
        .file("src/main/java/shop/RepoP.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;

            @Repository
            public class RepoP {
                private final JdbcTemplate jdbc;

                public RepoP(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesP(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_p WHERE kind = ?", String.class, kind);
                }
            }
            """)
        .plan();
    assertTrue(plan.targets().stream().noneMatch(t -> t.evictions().stream()
        .anyMatch(e -> e.writer().fact().displayName().equals("AdminP.rename"))), plan.targets().toString());
  }
}
