package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * A project's own test writing rows under the application it reads back through: a test deleting rows before it
 * reads them over HTTP reads back through the handlers' caches and refuses, while one writing without reaching any
 * handler or reader leaves the cache. Each case's comment names the audit of optkit's refusal reasons on public
 * projects it came from (2026-11-25 on; a case naming no audit is from the first, a review of 30 refusals on four
 * projects) and its project; each stands beside a true twin: the code the reason names must do what it says.
 */
class TestsWritingUnderTheCacheTest extends SpringProjectPlans {
  /**
   * Twelfth audit, a test deleting rows before it reads them over HTTP reads back through the handlers' caches
   * (afisha's).
   */
  @Test
  void aTestWritingUnderTheApplicationItCallsOverHttpRefuses() {
    MigrationPlan plan = auditPlan("audit12", "http");
    assertFalse(cached(plan, "EventService.getAll"), plan.targets().toString());
    assertTrue(reason(plan, "EventService.getAll").contains("test"), reason(plan, "EventService.getAll"));
  }

  /** Twelfth audit, the control: a test writing rows without reaching any handler or reader leaves the cache. */
  @Test
  void aTestWritingWithoutReadingBackLeavesTheCache() {
    MigrationPlan plan = auditPlan("audit12", "http0");
    assertTrue(cached(plan, "EventService.getAll"), plan.refusals().toString());
  }
}
