package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which configuration a module's Spring gets: the CaffeineCacheManager form from Spring Framework 5.2.8 (Spring Boot
 * 2.2.9, 2.3.2), the SimpleCacheManager form before it (on a Spring Boot 2.1.8 blog service the first form did not
 * compile), none before CaffeineCache (Spring 4.3), and none in Redis before 5.2.8.
 */
class SpringVersionFloorTest {
  @TempDir Path dir;

  private MigrationPlan plan(String name, String parentVersion) {
    String pom = new String(readResource("/reasons43/s16e/pom.xml"), java.nio.charset.StandardCharsets.UTF_8)
        .replace("<version>3.3.0</version>", "<version>" + parentVersion + "</version>");
    return new MigrationFixture(dir.resolve(name)).resources("/reasons43/s16e").file("pom.xml", pom).plan();
  }

  private static byte[] readResource(String name) {
    try (var in = SpringVersionFloorTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aSpringBootBefore229IsMigratedWithTheConfigurationForItsSpring() {
    for (String old : new String[] {"1.5.22.RELEASE", "2.0.9.RELEASE", "2.1.8.RELEASE", "2.3.0.RELEASE"}) {
      MigrationPlan plan = plan("boot" + old.replace(".", ""), old);
      assertFalse(plan.targets().isEmpty(), old + ": " + plan.refusals());
      assertTrue(config(plan).contains("new SimpleCacheManager()"), old);
    }
    for (String recent : new String[] {"2.2.13.RELEASE", "2.3.2.RELEASE", "3.3.0"}) {
      MigrationPlan plan = plan("boot" + recent.replace(".", ""), recent);
      assertFalse(plan.targets().isEmpty(), recent + ": " + plan.refusals());
      assertTrue(config(plan).contains("registerCustomCache"), recent);
    }
  }

  @Test
  void aSpringBootWithoutCaffeineCacheIsRefused() {
    MigrationPlan plan = plan("boot13", "1.3.8.RELEASE");
    assertTrue(plan.targets().isEmpty(), plan.targets().toString());
    assertFalse(plan.refusals().isEmpty());
  }

  @Test
  void theRedisBackendKeepsTheSpring528Floor() {
    String pom = new String(readResource("/reasons43/s16e/pom.xml"), java.nio.charset.StandardCharsets.UTF_8)
        .replace("<version>3.3.0</version>", "<version>2.1.8.RELEASE</version>");
    MigrationPlan redis = new MigrationFixture(dir.resolve("redis")).resources("/reasons43/s16e").file("pom.xml", pom)
        .config(dev.optkit.analyzers.config.OptkitConfig.defaults().withCacheBackend("redis")).plan();
    assertTrue(redis.targets().isEmpty(), redis.targets().toString());
  }

  /**
   * The key Spring Boot's own cache meter binder tags the manager by, which optkit's meters must share (Prometheus takes
   * one set of keys per meter name): cacheManager up to Boot 2.6, cache.manager from 2.7 and without Boot.
   */
  @Test
  void theMeterTagKeyIsTheOneTheModulesSpringBootBindsItsCachesBy() throws java.io.IOException {
    java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("1.5.22.RELEASE", "cacheManager");
    expected.put("2.1.11.RELEASE", "cacheManager");
    expected.put("2.3.12.RELEASE", "cacheManager");
    expected.put("2.6.15", "cacheManager");
    expected.put("2.7.0", "cache.manager");
    expected.put("3.3.0", "cache.manager");
    String template = new String(readResource("/reasons43/s16e/pom.xml"), java.nio.charset.StandardCharsets.UTF_8);
    for (var boot : expected.entrySet()) {
      java.nio.file.Path pom = dir.resolve("tag-" + boot.getKey()).resolve("pom.xml");
      java.nio.file.Files.createDirectories(pom.getParent());
      java.nio.file.Files.writeString(pom, template.replace("<version>3.3.0</version>", "<version>" + boot.getKey() + "</version>"));
      assertEquals(boot.getValue(), dev.optkit.rewriters.caching.spring.SpringVersionFloor.meterTagKey(pom), boot.getKey());
    }
    java.nio.file.Path plain = dir.resolve("plain").resolve("pom.xml");
    java.nio.file.Files.createDirectories(plain.getParent());
    java.nio.file.Files.writeString(plain, SpringBefore528Test.pom("5.1.20.RELEASE"));
    assertEquals("cache.manager", dev.optkit.rewriters.caching.spring.SpringVersionFloor.meterTagKey(plain));
  }

  /**
   * A pom that names neither Spring Boot nor Spring (JHipster imports its own BOM, jhipster-dependencies): the Spring
   * the project resolves decides, the oldest of several; on a Boot 1.5 and a 2.1 JHipster app the form for 5.2.8 was
   * written and did not compile.
   */
  @Test
  void aPomThatNamesNoSpringTakesTheSpringTheProjectResolves() throws java.io.IOException {
    java.nio.file.Path pom = dir.resolve("bom").resolve("pom.xml");
    java.nio.file.Files.createDirectories(pom.getParent());
    java.nio.file.Files.writeString(pom, """
        <project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId><version>1</version>
          <dependencyManagement><dependencies><dependency><groupId>io.github.jhipster</groupId>
            <artifactId>jhipster-dependencies</artifactId><version>0.1.8</version><type>pom</type><scope>import</scope>
          </dependency></dependencies></dependencyManagement>
          <dependencies><dependency><groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-jdbc</artifactId></dependency></dependencies>
        </project>
        """);
    java.nio.file.Path repo = java.nio.file.Path.of("/home/u/.m2/repository");
    var boot15 = dev.optkit.analyzers.dependencies.LibraryVersions.of(java.util.List.of(
        repo.resolve("org/springframework/boot/spring-boot/1.5.10.RELEASE/spring-boot-1.5.10.RELEASE.jar"),
        repo.resolve("org/springframework/spring-context/4.3.14.RELEASE/spring-context-4.3.14.RELEASE.jar")));
    assertEquals(dev.optkit.rewriters.caching.spring.SpringVersionFloor.CacheApi.BEFORE_5_2_8,
        dev.optkit.rewriters.caching.spring.SpringVersionFloor.api(pom, boot15));
    assertEquals("cacheManager", dev.optkit.rewriters.caching.spring.SpringVersionFloor.meterTagKey(pom, boot15));
    var framework = dev.optkit.analyzers.dependencies.LibraryVersions.of(java.util.List.of(
        repo.resolve("org/springframework/spring-context/6.1.11/spring-context-6.1.11.jar"),
        repo.resolve("org/springframework/spring-context/5.1.20.RELEASE/spring-context-5.1.20.RELEASE.jar")));
    assertEquals(dev.optkit.rewriters.caching.spring.SpringVersionFloor.CacheApi.BEFORE_5_2_8,
        dev.optkit.rewriters.caching.spring.SpringVersionFloor.api(pom, framework), "the oldest of two");
    var recent = dev.optkit.analyzers.dependencies.LibraryVersions.of(java.util.List.of(
        repo.resolve("org/springframework/boot/spring-boot/2.7.18/spring-boot-2.7.18.jar")));
    assertEquals(dev.optkit.rewriters.caching.spring.SpringVersionFloor.CacheApi.CURRENT,
        dev.optkit.rewriters.caching.spring.SpringVersionFloor.api(pom, recent));
    assertEquals("cache.manager", dev.optkit.rewriters.caching.spring.SpringVersionFloor.meterTagKey(pom, recent));
    // a jar not in a Maven repository's layout tells nothing
    var flat = dev.optkit.analyzers.dependencies.LibraryVersions.of(java.util.List.of(
        java.nio.file.Path.of("/app/lib/spring-context-4.3.14.RELEASE.jar")));
    assertEquals(dev.optkit.rewriters.caching.spring.SpringVersionFloor.CacheApi.CURRENT,
        dev.optkit.rewriters.caching.spring.SpringVersionFloor.api(pom, flat));
  }

  /**
   * The Redis configuration writes BatchStrategies, which came with Spring Data Redis 2.6 (Spring Boot 2.6): a Boot
   * 2.2.9 to 2.5 module, or a project resolving an older Spring Data Redis, is refused for the redis backends, not
   * given code that would not compile.
   */
  @Test
  void theRedisBackendsNeedSpringDataRedis26() throws java.io.IOException {
    String template = new String(readResource("/reasons43/s16e/pom.xml"), java.nio.charset.StandardCharsets.UTF_8);
    var none = dev.optkit.analyzers.dependencies.LibraryVersions.none();
    for (String boot : new String[] {"2.3.12.RELEASE", "2.5.15", "2.6.0", "3.3.0"}) {
      java.nio.file.Path pom = dir.resolve("redis-" + boot).resolve("pom.xml");
      java.nio.file.Files.createDirectories(pom.getParent());
      java.nio.file.Files.writeString(pom, template.replace("<version>3.3.0</version>", "<version>" + boot + "</version>"));
      boolean old = boot.startsWith("2.3") || boot.startsWith("2.5");
      assertEquals(old, dev.optkit.rewriters.caching.spring.SpringVersionFloor.whyTooOld(pom, none, true).isPresent(), boot);
      assertFalse(dev.optkit.rewriters.caching.spring.SpringVersionFloor.whyTooOld(pom, none, false).isPresent(), boot);
    }
    java.nio.file.Path plain = dir.resolve("redis-plain").resolve("pom.xml");
    java.nio.file.Files.createDirectories(plain.getParent());
    java.nio.file.Files.writeString(plain, SpringBefore528Test.pom("5.3.20"));
    java.nio.file.Path repo = java.nio.file.Path.of("/home/u/.m2/repository");
    var dataRedis25 = dev.optkit.analyzers.dependencies.LibraryVersions.of(java.util.List.of(
        repo.resolve("org/springframework/data/spring-data-redis/2.5.12/spring-data-redis-2.5.12.jar")));
    var dataRedis26 = dev.optkit.analyzers.dependencies.LibraryVersions.of(java.util.List.of(
        repo.resolve("org/springframework/data/spring-data-redis/2.6.0/spring-data-redis-2.6.0.jar")));
    assertTrue(dev.optkit.rewriters.caching.spring.SpringVersionFloor.whyTooOld(plain, dataRedis25, true).isPresent());
    assertFalse(dev.optkit.rewriters.caching.spring.SpringVersionFloor.whyTooOld(plain, dataRedis26, true).isPresent());
  }

  private static String config(MigrationPlan plan) {
    return plan.changes().stream().filter(c -> c.path().endsWith("/OptkitCacheConfig.java")).findFirst()
        .map(c -> new String(c.after(), java.nio.charset.StandardCharsets.UTF_8)).orElseThrow();
  }
}
