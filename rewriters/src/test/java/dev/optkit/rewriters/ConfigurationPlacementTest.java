package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated configuration class goes to a package: the one the project's own configuration classes are in, read
 * from their file's package declaration. A nested configuration class ({@code Application.Conversions}) is in its
 * file's package, not in a package named after the class that holds it: piggymetrics' services put the configuration
 * in {@code notification/NotificationServiceApplication/}, a package that clashes with the class of that name.
 */
class ConfigurationPlacementTest {
  @TempDir Path dir;

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
}
