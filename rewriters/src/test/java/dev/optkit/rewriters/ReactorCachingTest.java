package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven reactor whose application module is migrated while another module holds the project's own
 * Spring caching (elunez/eladmin: eladmin-common's {@code RedisConfiguration extends CachingConfigurerSupport}
 * declares a {@code RedisCacheManager} bean, eladmin-system holds the application): a second
 * {@code CacheManager} bean beside it leaves Spring no unique manager, and the application does not start.
 */
class ReactorCachingTest {
  @TempDir Path dir;

  private static final String MODULE_POM = MigrationSafetyTest.SPRING_POM.replace("<modelVersion>4.0.0</modelVersion>",
      "<modelVersion>4.0.0</modelVersion><groupId>shop</groupId><artifactId>%s</artifactId><version>1</version>");

  private MigrationPlan reactor(String name, String commonConfig) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name))
        .file("pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>shop</groupId><artifactId>all</artifactId>"
            + "<version>1</version><packaging>pom</packaging><modules><module>common</module><module>app</module>"
            + "</modules></project>")
        .file("common/pom.xml", MODULE_POM.formatted("common"))
        .file("app/pom.xml", MODULE_POM.formatted("app").replace("<dependencies>",
            "<dependencies><dependency><groupId>shop</groupId><artifactId>common</artifactId><version>1</version>"
                + "</dependency>"))
        .file("app/src/main/java/shop/App.java", """
            package shop;

            import org.springframework.boot.autoconfigure.SpringBootApplication;

            @SpringBootApplication
            public class App {}
            """)
        .file("app/src/main/java/shop/Prices.java", MigrationSafetyTest.bean("Prices", "Service",
            "import org.springframework.stereotype.Service;", """
                public Integer price(long id) {
                    return jdbc.queryForObject("SELECT price FROM items WHERE id = ?", Integer.class, id);
                }
            """));
    if (commonConfig != null) {
      fixture.file("common/src/main/java/shop/config/CacheSetup.java", commonConfig);
    }
    return fixture.plan();
  }

  private static String generatedConfig(MigrationPlan plan) {
    return plan.changes().stream().filter(c -> c.path().endsWith("OptkitCacheConfig.java")).findFirst()
        .map(c -> new String(c.after(), java.nio.charset.StandardCharsets.UTF_8))
        .orElseThrow(() -> new AssertionError(plan.refusals().toString()));
  }

  @Test
  void aCacheManagerBeanInAnotherModuleMakesOptkitsCachesAResolverNotASecondManager() {
    String config = generatedConfig(reactor("own", """
        package shop.config;

        import org.springframework.cache.CacheManager;
        import org.springframework.cache.annotation.CachingConfigurerSupport;
        import org.springframework.cache.annotation.EnableCaching;
        import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.Configuration;

        @Configuration
        @EnableCaching
        public class CacheSetup extends CachingConfigurerSupport {
            @Bean
            public CacheManager cacheManager() {
                return new ConcurrentMapCacheManager();
            }
        }
        """));
    assertFalse(config.contains("@Bean(\"optkitCacheManager\")"), config);
    assertTrue(config.contains("optkitCacheResolver"), config);
  }

  @Test
  void withoutCachingElsewhereOptkitsManagerIsTheApplicationsOwn() {
    String config = generatedConfig(reactor("none", null));
    assertTrue(config.contains("@Bean(\"optkitCacheManager\")"), config);
  }
}
