package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration migrate writes needs Spring Framework 5.2.8 (Spring Boot 2.3.2): on a Spring Boot 2.1.8 blog
 * service (trial 42) the applied migration did not compile. Such a build's Spring caches are refused saying so.
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
  void aSpringBefore528IsRefusedSayingWhichVersion() {
    MigrationPlan old = plan("boot21", "2.1.8.RELEASE");
    assertTrue(old.targets().isEmpty(), old.targets().toString());
    assertTrue(old.refusals().stream().anyMatch(r -> r.reason().contains("the module builds on Spring Boot 2.1.8.RELEASE")
        && r.reason().contains("upgrade to Spring Boot 2.2.9 or 2.3.2 or later first")), old.refusals().toString());
    assertTrue(plan("boot230", "2.3.0.RELEASE").targets().isEmpty(), "2.3.0 is on Spring Framework 5.2.6");

    for (String recent : new String[] {"2.2.13.RELEASE", "2.3.2.RELEASE", "3.3.0"}) {
      MigrationPlan plan = plan("boot" + recent.replace(".", ""), recent);
      assertFalse(plan.targets().isEmpty(), recent + ": " + plan.refusals());
    }
  }
}
