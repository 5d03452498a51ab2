package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.OptkitCacheConfigNames;
import dev.optkit.rewriters.caching.rewrite.SpringCacheConfigRewrite;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The configuration migrate writes for a Spring older than 5.2.8 (Spring Boot 1.5 to 2.2.8): a SimpleCacheManager of
 * CaffeineCaches, compiled here against that Spring and the Caffeine its Boot manages alone (the jars the build copies
 * to target/spring-4.3 and target/spring-5.1), for Java 8. Before it, such a module's caches were all refused (a Spring
 * Boot 2.0 service: "Nothing to migrate"), and the configuration for 5.2.8 did not compile on a Spring Boot 2.1.8 one.
 * How it behaves under transactions is TransactionalCacheRaceTest's, which runs both forms.
 */
class SpringBefore528Test {
  @TempDir Path dir;

  static String pom(String springVersion) {
    return pom(springVersion, "");
  }

  /** @param more further dependencies, as pom XML */
  static String pom(String springVersion, String more) {
    return """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <properties><maven.compiler.source>1.8</maven.compiler.source><maven.compiler.target>1.8</maven.compiler.target></properties>
          <dependencies>
            <dependency>
              <groupId>org.springframework</groupId>
              <artifactId>spring-context</artifactId>
              <version>%1$s</version>
            </dependency>
            <dependency>
              <groupId>org.springframework</groupId>
              <artifactId>spring-jdbc</artifactId>
              <version>%1$s</version>
            </dependency>
            %2$s
          </dependencies>
        </project>
        """.formatted(springVersion, more);
  }

  static MigrationFixture countries(Path root, String springVersion) {
    return countries(root, springVersion, "");
  }

  static MigrationFixture countries(Path root, String springVersion, String moreDependencies) {
    return new MigrationFixture(root).file("pom.xml", pom(springVersion, moreDependencies))
        .java(MigrationSafetyTest.bean("CountryDao", "Repository", "import org.springframework.stereotype.Repository;", """
                public String countryName(String code) {
                    return jdbc.queryForObject("SELECT name FROM country WHERE code = ?", String.class, code);
                }

                public void rename(String code, String name) {
                    jdbc.update("UPDATE country SET name = ? WHERE code = ?", name, code);
                }
            """));
  }

  private static String changed(MigrationPlan plan, String fileName) {
    return plan.changes().stream().filter(c -> c.path().endsWith("/" + fileName)).findFirst()
        .map(c -> new String(c.after(), StandardCharsets.UTF_8))
        .orElseThrow(() -> new AssertionError("no change to " + fileName + " in " + plan.changes().stream().map(FileChange::path).toList()));
  }

  private static List<Path> jars(String folder) throws IOException {
    Path copied = Path.of("target", folder);
    try (Stream<Path> files = Files.list(copied)) {
      List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
      assertFalse(jars.isEmpty(), "the build copies that Spring's jars to " + copied.toAbsolutePath());
      return jars;
    }
  }

  @ParameterizedTest(name = "Spring {0}")
  @CsvSource({"4.3.30.RELEASE, spring-4.3", "5.1.20.RELEASE, spring-5.1"})
  void theConfigurationCompilesAgainstThatSpringAloneForJava8(String springVersion, String jarFolder) throws IOException {
    MigrationFixture fixture = countries(dir, springVersion);
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("countryName"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().toString());
    String config = changed(plan, OptkitCacheConfigNames.CLASS_NAME + ".java");
    assertTrue(config.contains("new SimpleCacheManager()") && !config.contains("registerCustomCache"), config);
    fixture.compileAgainstOnly(plan, "8", jars(jarFolder));
  }

  /** Spring Boot 2.1's actuator brings Micrometer 1.1: the caches are bound to its registry as on a later Spring. */
  @Test
  void theConfigurationWithMicrometerCompilesAgainstSpring51AndMicrometer11() throws IOException {
    MigrationFixture fixture = countries(dir, "5.1.20.RELEASE", """
        <dependency>
          <groupId>io.micrometer</groupId>
          <artifactId>micrometer-core</artifactId>
          <version>1.1.19</version>
        </dependency>""");
    MigrationPlan plan = fixture.plan();
    assertTrue(changed(plan, OptkitCacheConfigNames.CLASS_NAME + ".java").contains("new CaffeineCacheMetrics("));
    fixture.compileAgainstOnly(plan, "8", jars("spring-5.1"));
  }

  /**
   * JHipster 6.6's BOM brings Micrometer 1.3 over the Caffeine 2.6 Spring Boot 2.1 manages: Micrometer's monitor
   * overloads name Caffeine's AsyncCache, which that Caffeine lacks, and the configuration did not compile.
   */
  @Test
  void theConfigurationWithMicrometer13CompilesAgainstCaffeine26() throws IOException {
    MigrationFixture fixture = countries(dir, "5.1.20.RELEASE", """
        <dependency>
          <groupId>io.micrometer</groupId>
          <artifactId>micrometer-core</artifactId>
          <version>1.3.2</version>
        </dependency>""");
    MigrationPlan plan = fixture.plan();
    List<Path> jars = new java.util.ArrayList<>(jars("spring-5.1").stream()
        .filter(jar -> !jar.getFileName().toString().startsWith("micrometer-core")).toList());
    jars.addAll(jars("micrometer-1.3"));
    fixture.compileAgainstOnly(plan, "8", jars);
  }

  @Test
  void theEvictionBeforeAWriteNamesTheWriteStartOfItsCache() {
    String dao = changed(countries(dir, "5.1.20.RELEASE").plan(), "CountryDao.java");
    // Spring before 5.2 clears a cache at the commit even for beforeInvocation = true: the view clears at once
    assertTrue(dao.contains("@CacheEvict(cacheNames = \"optkit.CountryDao.countryName" + SpringCacheConfigRewrite.WRITE_START
        + "\", allEntries = true, beforeInvocation = true"), dao);
    assertTrue(dao.contains("@CacheEvict(cacheNames = \"optkit.CountryDao.countryName\", allEntries = true, cacheManager"), dao);
  }

  @Test
  void aSpringWithoutCaffeineCacheIsRefused() {
    MigrationPlan plan = countries(dir, "4.2.9.RELEASE").plan();
    assertTrue(plan.targets().isEmpty(), plan.targets().toString());
    assertEquals(1, plan.refusals().size(), plan.refusals().toString());
  }
}
