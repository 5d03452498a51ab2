package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * A read a scheduled job polls is not cached: the job runs again to see what changed in the other system since its
 * last run, and a cache would answer later runs with what an earlier one saw. A poll is a job however it is
 * scheduled (an annotation, a SchedulingConfigurer, a ScheduledExecutorService); a job running less often than the
 * cache keeps an entry meets none of its entries.
 */
class ScheduledPollsTest extends SpringProjectPlans {

  /**
   * P1, P2: polls registered in code, by a SchedulingConfigurer and a ScheduledExecutorService.
   * (From hostile review 50, its P1 and P2.)
   */
  @Test
  void aPollRegisteredInCodeIsAScheduledJob() {
    MigrationPlan plan = casePlan("hostile50", "schedexec");
    for (String read : new String[] {"BankClient.transactions", "BankClient.balance"}) {
      assertFalse(cached(plan, read), read + ": " + plan.targets());
    }
  }
}
