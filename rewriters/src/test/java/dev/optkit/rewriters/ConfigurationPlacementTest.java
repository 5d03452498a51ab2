package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * The generated configuration class goes to a package: the one the project's own configuration classes are in, read
 * from their file's package declaration. A nested configuration class ({@code Application.Conversions}) is in its
 * file's package, not in a package named after the class that holds it: piggymetrics' services put the configuration
 * in {@code notification/NotificationServiceApplication/}, a package that clashes with the class of that name.
 */
class ConfigurationPlacementTest extends SpringProjectPlans {
  @Test
  void aNestedConfigurationClassIsInItsFilesPackage() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("nested")).resources("/reasons44/pagesize").java("""
        package blog;

        import org.springframework.boot.autoconfigure.SpringBootApplication;
        import org.springframework.context.annotation.Configuration;

        @SpringBootApplication
        public class BlogApplication {
            @Configuration
            static class Conversions {
            }
        }
        """).plan();
    assertTrue(plan.changes().stream().anyMatch(c -> c.path().replace('\\', '/')
        .endsWith("src/main/java/blog/OptkitCacheConfig.java")), plan.changes().toString());
    assertTrue(plan.changes().stream().noneMatch(c -> c.path().contains("BlogApplication/")), plan.changes().toString());
  }

  /**
   * The application's scan excludes {@code blog.config}, where its @Configuration classes are (imported): the
   * generated configuration goes to the scanned package, not beside them. (From hostile review 46, its C1: case p4a.)
   */
  @Test
  void theConfigurationGoesWhereTheScanFindsIt() {
    MigrationPlan filtered = caseProject("reasons44", "pagesize", "p4a").resources("/hostile46/p4a").plan();
    assertTrue(filtered.changes().stream().anyMatch(c -> c.path().toString().replace('\\', '/')
        .endsWith("src/main/java/blog/OptkitCacheConfig.java")), filtered.changes().toString());
  }

  /**
   * Probe 44 (gtiwari333/spring-boot-blog-app): the generated configuration went to the application's root package,
   * and the project's own architecture test, which wants configuration classes in {@code gt.app.config}, failed. It
   * now goes beside the project's @Configuration classes; without any, to the scanned package as before.
   * (From probe 44's false reasons.)
   */
  @Test
  void theGeneratedConfigurationGoesBesideTheProjectsOwn() {
    MigrationPlan plan = caseProject("reasons44", "pagesize", "configpackage")
        .resources("/reasons44/configpackage").plan();
    assertTrue(plan.changes().stream().anyMatch(c -> c.path().toString().replace('\\', '/')
        .endsWith("src/main/java/blog/config/OptkitCacheConfig.java")), plan.changes().toString());

    MigrationPlan plain = caseProject("reasons44", "pagesize", "plainpackage").plan();
    assertTrue(plain.changes().stream().anyMatch(c -> c.path().toString().replace('\\', '/')
        .endsWith("src/main/java/blog/OptkitCacheConfig.java")), plain.changes().toString());
  }
}
