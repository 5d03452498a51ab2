package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
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

  /**
   * Trial 48's questionable cache (project C's SepayService.getTransaction): a bank's transactions fetched by a job
   * polling every ten seconds; a cache would hide new payments for its whole time to live. The control serves the
   * same read to a page and is cached.
   * (From trial 48's questionable cache.)
   */
  @Test
  void aRemoteReadAScheduledJobPollsIsNotCached() {
    MigrationPlan plan = caseProject("reasons48", "scheduledpoll", "poll").plan();
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("transactions")
        && r.proof() == Proof.SCHEDULED_POLL),
        plan.targets() + " " + plan.refusals());

    MigrationPlan web = caseProject("reasons48", "scheduledpoll", "web")
        .resources("/reasons48/scheduledpollweb").plan();
    assertTrue(cached(web, "BankClient.transactions"), web.targets() + " " + web.refusals());
    // hostile review 50's R1: a nightly job never meets an entry of a 300 s cache
    MigrationPlan nightly = caseProject("reasons48", "scheduledpoll", "nightly")
        .resources("/reasons48/scheduledpollnightly").plan();
    assertTrue(cached(nightly, "BankClient.transactions"), nightly.targets() + " " + nightly.refusals());
  }
}
