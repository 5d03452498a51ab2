package dev.optkit.rewriters;

import dev.optkit.rewriters.plan.NotCacheable;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * The advice given where a handler reads a repository's query itself: for an inherited library query ({@code
 * findAll()}) the refusal says how to cache it, while a project default method is no inherited query and gets no
 * advice to declare it. Each case's comment names the audit of optkit's refusal reasons on public projects
 * (2026-11-25 on), the trial or the hostile review it came from, and its project (a case naming none is from the
 * first audit, a review of 30 refusals on four projects); each stands beside a true twin, or a control: the code
 * the reason names must do what it says.
 */
class InheritedQueryAdviceTest extends SpringProjectPlans {
  /**
   * Twelfth audit, a handler reading its repository's inherited findAll() itself: the refusal says why nothing else is
   * cached (g10).
   */
  @Test
  void aHandlerReadingAnInheritedQuerySaysHowToCacheIt() {
    MigrationPlan plan = casePlan("audit12", "g10");
    String reason = plan.notCacheable().stream().map(NotCacheable::line).filter(r -> r.contains("DishController.names"))
        .findFirst().orElse("");
    assertTrue(reason.contains("DishRepository.findAll() itself"), plan.notCacheable().toString());
  }

  /**
   * Fourteenth audit, n3: a project default method is no inherited library query: the advice to declare it is not
   * given.
   */
  @Test
  void aDefaultMethodIsNotAdvisedToBeDeclared() {
    MigrationPlan plan = casePlan("audit14", "n3");
    String advice = plan.notCacheable().stream().map(NotCacheable::line).filter(r -> r.contains("RoomController.get"))
        .findFirst().orElse("");
    assertFalse(advice.contains("inherits without declaring"), advice);
  }
}
