package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixtures of the hostile review of 2026-11-29 (resources plainspring24/), each proven stale or failing at start-up after apply by the
 * reviewer: a plain Spring application keeping one persistence context per request through a filter of its own (f1),
 * and a war whose pom imports Boot's BOM but which a plain initializer starts, with JDK proxies (f12).
 */
class PlainSpringRequestContextTest {
  @TempDir Path dir;

  private MigrationPlan attack(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/plainspring24/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  /** f1: RequestEntityManagerFilter binds an EntityManagerHolder per request; trail() then find() shared its instance. */
  @Test
  void aPersistenceContextAFilterOfTheProjectKeepsPerRequestRefuses() {
    MigrationPlan plan = attack("f1-own-filter");
    assertFalse(cached(plan, "ProductService.find"), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("find(")
        && r.reason().contains("open-session-in-view possibly on (outside Spring Boot")), plan.refusals().toString());
  }

  /** f12: Boot's BOM manages versions only; the initializer starts plain Spring, whose proxy is a JDK proxy. */
  @Test
  void bootsBomUnderAPlainInitializerIsNoBoot() {
    MigrationPlan plan = attack("f12-boot-bom-plain-war");
    assertFalse(cached(plan, "Report.line"), plan.targets().toString());
    assertFalse(cached(plan, "ProductStore.name"), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().contains("ProductStore implements interfaces and is "
        + "injected by its class (Report.products)")), plan.refusals().toString());
  }
}
