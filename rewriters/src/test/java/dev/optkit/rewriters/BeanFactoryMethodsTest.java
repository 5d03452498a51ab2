package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Bean} factory method is no read: it is not charged with what the lambda it returns (a Spring Batch
 * tasklet) does at job time. Each case's comment names the audit of optkit's refusal reasons on public projects
 * (2026-11-25 on), the trial or the hostile review it came from, and its project (a case naming none is from the
 * first audit, a review of 30 refusals on four projects); each stands beside a true twin, or a control: the code
 * the reason names must do what it says.
 */
class BeanFactoryMethodsTest extends SpringProjectPlans {
  // ---- tenth audit: s8: a Spring Batch step's @Bean factory, charged with what its tasklet lambda does at job time

  @Test
  void aBeanFactoryIsNoRead() {
    MigrationPlan plan = caseProject("audit10", "s8-bean-lambda").plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("setExitStatus")), reasons(plan).toString());
    assertFalse(cached(plan, "JobConfig.check"), plan.targets().toString());
  }
}
