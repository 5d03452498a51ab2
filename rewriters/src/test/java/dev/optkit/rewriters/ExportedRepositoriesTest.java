package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spring Data REST exports every public repository over HTTP: a {@code PUT /items/1} saves the item from the
 * library's own controller, where no project method runs and no eviction follows. A read of that data cached
 * with evictions on the project's writers alone would serve the old item after such a request.
 */
class ExportedRepositoriesTest extends SpringProjectPlans {
  private static final String POM = """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <parent>
          <groupId>org.springframework.boot</groupId>
          <artifactId>spring-boot-starter-parent</artifactId>
          <version>3.3.0</version>
        </parent>
        <groupId>r</groupId>
        <artifactId>items</artifactId>
        <version>1</version>
        <dependencies>
          <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-jpa</artifactId></dependency>
          <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
          %s
        </dependencies>
      </project>
      """;

  private MigrationPlan plan(String name, String dependency) {
    return new MigrationFixture(dir.resolve(name)).resources("/audit8/s8-overload")
        .file("pom.xml", POM.formatted(dependency)).plan();
  }


  @Test
  void aReadOfWhatAnExportedRepositoryWritesIsRefused() {
    MigrationPlan plan = plan("rest", "<dependency><groupId>org.springframework.boot</groupId>"
        + "<artifactId>spring-boot-starter-data-rest</artifactId></dependency>");
    assertFalse(cached(plan, "ItemService.names"), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().startsWith("Spring Data REST exports ItemRepository")),
        plan.refusals().toString());
  }

  @Test
  void withoutSpringDataRestTheSameReadIsCached() {
    // its twin: the repository is no endpoint, and the project's own writers evict
    MigrationPlan plan = plan("plain", "");
    assertTrue(cached(plan, "ItemService.names"), plan.refusals().toString());
  }

  /**
   * Spring Data REST declared in the Gradle version catalog ({@code implementation(libs.boot.rest)}: r7).
   * (From hostile review 32, case r7.)
   */
  @Test
  void springDataRestFromAVersionCatalogIsSeen() {
    MigrationPlan plan = casePlan("hostile32", "r7");
    assertFalse(cached(plan, "CatReader.name"), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.proof() == Proof.EXPORTED_REPOSITORY),
        plan.refusals().toString());
  }

  /**
   * A repository Spring Data REST does not export: {@code @RepositoryRestResource(exported = false)} (r9), or none
   * annotated where {@code spring.data.rest.detection-strategy=annotated} (r10); each refused before as exported.
   * Their twins: the same settings commented out, or in a profile's document beside one that exports it.
   * (From hostile review 32, cases r9, r10.)
   */
  @Test
  void aRepositorySpringDataRestDoesNotExportIsNoExportedWriter() {
    for (String attack : new String[] {"r9", "r10"}) {
      MigrationPlan plan = casePlan("hostile32", attack);
      assertTrue(plan.refusals().stream().noneMatch(r -> r.proof() == Proof.EXPORTED_REPOSITORY),
          attack + ": " + plan.refusals());
    }
    MigrationPlan commented = new MigrationFixture(dir.resolve("r10-commented")).resources("/hostile32/r10")
        .file("src/main/resources/application.properties", "#spring.data.rest.detection-strategy=annotated\n").plan();
    assertTrue(commented.refusals().stream().anyMatch(r -> r.proof() == Proof.EXPORTED_REPOSITORY),
        commented.refusals().toString());
    MigrationPlan profiled = new MigrationFixture(dir.resolve("r10-profile")).resources("/hostile32/r10")
        .file("src/main/resources/application.yml", """
            spring:
              data:
                rest:
                  detection-strategy: annotated
            ---
            spring:
              config:
                activate:
                  on-profile: open
              data.rest.detection-strategy: all
            """).file("src/main/resources/application.properties", "").plan();
    assertTrue(profiled.refusals().stream().anyMatch(r -> r.proof() == Proof.EXPORTED_REPOSITORY),
        profiled.refusals().toString());
  }

  /**
   * The annotated detection strategy exports a type-level {@code @RestResource} (r1) and a meta-annotation (r3); the
   * strategy set only in test resources (r4) or reset by a {@code RepositoryRestConfigurer} (r5) is not in force.
   * (From hostile review 33, cases r1, r3, r4, r5.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"r1", "r3", "r4", "r5"})
  void aRepositorySpringDataRestStillExportsRefuses(String attack) {
    MigrationPlan plan = casePlan("hostile33", attack);
    assertFalse(cached(plan, "CatReader.name"), plan.targets().toString());
  }

  /**
   * Under the annotated detection strategy a repository with no export annotation is not exported: its read is cached.
   * (From hostile review 33: its control r0.)
   */
  @Test
  void aRepositoryTheAnnotatedStrategyDoesNotExportLeavesTheReadCached() {
    MigrationPlan plan = casePlan("hostile33", "r0");
    assertTrue(cached(plan, "CatReader.name"), plan.refusals().toString());
  }

  /**
   * Spring Data REST's annotated strategy set only in another application's folder (r6).
   * (From hostile review 34, case r6.)
   */
  @Test
  void aDetectionStrategyOfAnotherApplicationIsNotThisOnes() {
    MigrationPlan plan = casePlan("hostile34", "r6");
    assertFalse(cached(plan, "CatReader.name"), plan.targets().toString());
  }
}
