package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spring Data REST exports every public repository over HTTP: a {@code PUT /items/1} saves the item from the
 * library's own controller, where no project method runs and no eviction follows. A read of that data cached
 * with evictions on the project's writers alone would serve the old item after such a request.
 */
class ExportedRepositoriesTest {
  @TempDir Path dir;

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

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
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
}
