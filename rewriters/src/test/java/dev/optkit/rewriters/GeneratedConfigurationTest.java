package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.rewrite.RedisCacheClassesFile;
import dev.optkit.rewriters.caching.rewrite.WriteAwareCacheFile;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The configuration a module gets is the one a careful engineer would write: its caches, their TTLs and bounds, and
 * the switch, in a class a reviewer reads in a minute. The code that is the same in every module (the cache class that
 * stores nothing a concurrent write made stale) is a file of its own, and the percentage rollout comes only when asked
 * for. A trial found 350-440 generated lines per module for 8-35 changed lines in the cached classes.
 */
class GeneratedConfigurationTest {
  @TempDir
  Path dir;

  /** Five reads and the writer of their table, in a Spring bean over JdbcTemplate (spring-tx on the class path). */
  private static final String FIVE_READS = MigrationSafetyTest.bean("CountryDao", "Repository",
      "import org.springframework.stereotype.Repository;", """

          public String name(String code) {
              return jdbc.queryForObject("SELECT name FROM country WHERE code = ?", String.class, code);
          }

          public String capital(String code) {
              return jdbc.queryForObject("SELECT capital FROM country WHERE code = ?", String.class, code);
          }

          public String currency(String code) {
              return jdbc.queryForObject("SELECT currency FROM country WHERE code = ?", String.class, code);
          }

          public String region(String code) {
              return jdbc.queryForObject("SELECT region FROM country WHERE code = ?", String.class, code);
          }

          public Integer population(String code) {
              return jdbc.queryForObject("SELECT population FROM country WHERE code = ?", Integer.class, code);
          }

          public void rename(String code, String name) {
              jdbc.update("UPDATE country SET name = ? WHERE code = ?", name, code);
          }
      """);

  private MigrationPlan fiveCaches(Path root) {
    MigrationPlan plan = new MigrationFixture(root).file("pom.xml", MigrationSafetyTest.SPRING_POM).java(FIVE_READS).plan();
    assertEquals(5, plan.targets().size(), plan.refusals().toString());
    return plan;
  }

  @Test
  void theConfigurationOfAHandfulOfCachesHoldsOnlyTheModulesOwnSettings() throws Exception {
    MigrationPlan plan = fiveCaches(dir);
    String config = MigrationFixture.after(plan, "src/main/java/shop/OptkitCacheConfig.java");
    assertTrue(config.lines().count() <= 80, config.lines().count() + " lines:\n" + config);
    CompilationUnit unit = StaticJavaParser.parse(config);
    // one class, no nested ones: the cache class lives in its own file
    assertEquals(List.of("OptkitCacheConfig"), unit.findAll(TypeDeclaration.class).stream()
        .map(type -> type.getNameAsString()).toList());
    // the bean and the one registration method the caches use: no weighers, as no cache is weighed
    assertEquals(List.of("optkitCacheManager", "register"), unit.findAll(MethodDeclaration.class).stream()
        .map(MethodDeclaration::getNameAsString).filter(name -> !name.equals("adaptCaffeineCache")).toList());
    String switchClass = MigrationFixture.after(plan, "src/main/java/shop/OptkitCaching.java");
    assertEquals(List.of("disabled"), StaticJavaParser.parse(switchClass).findAll(MethodDeclaration.class).stream()
        .map(MethodDeclaration::getNameAsString).toList());
    new MigrationFixture(dir).assertCompiles(plan);
  }

  @Test
  void theCacheClassIsTheSameCodeInEveryModuleOfTheSameForm() throws Exception {
    MigrationPlan first = fiveCaches(dir.resolve("first"));
    MigrationPlan second = new MigrationFixture(dir.resolve("second")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(FIVE_READS.replace("package shop;", "package shop.other;")).plan();
    String mine = MigrationFixture.after(first, "src/main/java/shop/" + WriteAwareCacheFile.CLASS_NAME + ".java");
    String theirs = MigrationFixture.after(second, "src/main/java/shop/other/" + WriteAwareCacheFile.CLASS_NAME + ".java");
    assertEquals(mine.replace("package shop;", ""), theirs.replace("package shop.other;", ""));
    assertFalse(mine.contains("OptkitCaching"), "the cache class reads no switch, no rollout: it only stores safely");
  }

  /** Spring Boot (which makes the RedisConnectionFactory) with spring-jdbc, for the redis and two-level forms. */
  private static final String BOOT_JDBC_POM = RedisBackendTest.BOOT_POM.replace("</dependencies>", """
        <dependency>
          <groupId>org.springframework</groupId>
          <artifactId>spring-jdbc</artifactId>
        </dependency>
      </dependencies>""");

  private MigrationPlan fiveSharedCaches(Path root, String backend, String packageName) {
    MigrationPlan plan = new MigrationFixture(root).file("pom.xml", BOOT_JDBC_POM)
        .java(FIVE_READS.replace("package shop;", "package " + packageName + ";"))
        .config(OptkitConfig.defaults().withCacheBackend(backend)).plan();
    assertEquals(5, plan.targets().size(), plan.refusals().toString());
    return plan;
  }

  /**
   * With the caches in Redis, alone or behind a local level, the configuration holds the module's own: its key prefix,
   * the packages a value read back may name, its caches and TTLs (and bounds of the local level), and the manager's
   * wiring; the writers, serializers and the local level are the file beside it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"redis", "two-level"})
  void theSharedConfigurationOfAHandfulOfCachesHoldsOnlyTheModulesOwnSettings(String backend) throws Exception {
    MigrationPlan plan = fiveSharedCaches(dir, backend, "shop");
    String config = MigrationFixture.after(plan, "src/main/java/shop/OptkitCacheConfig.java");
    System.out.println("GENERATED " + backend + " configuration: " + config.lines().count() + " lines");
    assertTrue(config.lines().count() <= 100, config.lines().count() + " lines:\n" + config);
    CompilationUnit unit = StaticJavaParser.parse(config);
    assertEquals(List.of("OptkitCacheConfig"), unit.findAll(TypeDeclaration.class).stream()
        .map(type -> type.getNameAsString()).toList());
    assertEquals(backend.equals("redis") ? List.of("optkitCacheManager", "register", "register")
            : List.of("optkitLocalLevel", "optkitCacheManager", "register", "register", "register", "register"),
        unit.findAll(MethodDeclaration.class).stream().map(MethodDeclaration::getNameAsString).toList());
    String classes = MigrationFixture.after(plan, "src/main/java/shop/" + RedisCacheClassesFile.CLASS_NAME + ".java");
    System.out.println("GENERATED " + backend + " " + RedisCacheClassesFile.CLASS_NAME + ": " + classes.lines().count() + " lines");
    new MigrationFixture(dir).compile(plan, null, List.of(RedisBackendTest.springDataRedisJar()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis", "two-level"})
  void theSharedCachesClassesAreTheSameCodeInEveryModuleOfTheSameForm(String backend) throws Exception {
    MigrationPlan first = fiveSharedCaches(dir.resolve("first"), backend, "shop");
    MigrationPlan second = fiveSharedCaches(dir.resolve("second"), backend, "shop.other");
    String file = RedisCacheClassesFile.CLASS_NAME + ".java";
    String mine = MigrationFixture.after(first, "src/main/java/shop/" + file);
    String theirs = MigrationFixture.after(second, "src/main/java/shop/other/" + file);
    assertEquals(mine.replace("package shop;", ""), theirs.replace("package shop.other;", ""));
    // what differs between the modules is in their configurations: the key prefix and the packages a value may name
    assertFalse(mine.contains("\"optkit:shop"), "no module's key prefix in the shared file");
    assertFalse(mine.contains("OptkitCaching"), "the classes read no switch: they only store safely");
  }
}
