package dev.optkit.cli;

import dev.optkit.validation.hints.PlannerDatabase;
import org.junit.jupiter.api.Assumptions;

/**
 * PostgreSQL and HypoPG here, or the test skips; where CI says they must be (OPTKIT_REQUIRE_POSTGRES, set by .ci/run,
 * which installs them), it fails instead.
 */
final class RequiredPostgres {
  private RequiredPostgres() {}

  static void orSkip() {
    String why = PlannerDatabase.unavailable();
    if (why != null && System.getenv("OPTKIT_REQUIRE_POSTGRES") != null) {
      throw new AssertionError(why + ", and OPTKIT_REQUIRE_POSTGRES says this test must run");
    }
    Assumptions.assumeTrue(why == null, why);
  }
}
