package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * A query answering values rather than entities (a scalar projection, a constructor expression {@code SELECT new
 * ...}) hands out no entity the transaction's persistence context holds. Each case's comment names the audit of
 * optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review it came from, and
 * its project (a case naming none is from the first audit, a review of 30 refusals on four projects); each stands
 * beside a true twin, or a control: the code the reason names must do what it says.
 */
class ProjectionQueriesTest extends SpringProjectPlans {
  /**
   * Thirteenth audit, s16: a query answering a set of ids (a scalar projection) hands out no entity the transaction's
   * context holds.
   */
  @Test
  void aScalarProjectionReadsNoEntities() {
    MigrationPlan plan = casePlan("audit13", "s16");
    assertFalse(reason(plan, "getAllBanned").contains("reads JPA entities"), reason(plan, "getAllBanned"));
  }

  /**
   * Fourteenth audit, s16b: a constructor-expression query (SELECT new ClubCount(...)) answers values, not managed
   * entities.
   */
  @Test
  void aDtoProjectionReadsNoEntities() {
    MigrationPlan plan = casePlan("audit14", "s16b");
    assertFalse(reason(plan, "countsOn").contains("reads JPA entities"), reason(plan, "countsOn"));
  }
}
