package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JDBC row mapper builds a fresh object per row: written as a method reference, as the lambda beside it does, or
 * reading the class's own column-name constants. Each case's comment names the audit of optkit's refusal reasons on
 * public projects (2026-11-25 on), the trial or the hostile review it came from, and its project (a case naming
 * none is from the first audit, a review of 30 refusals on four projects); each stands beside a true twin, or a
 * control: the code the reason names must do what it says.
 */
class RowMappersTest extends SpringProjectPlans {
  /**
   * Thirteenth audit, s17: a row mapper written as a method reference makes a new object per row, as the lambda beside
   * it does.
   */
  @Test
  void aRowMapperMethodReferenceBuildsFreshRows() {
    MigrationPlan plan = casePlan("audit13", "s17");
    assertTrue(cached(plan, "GameDao.getAllGames"), reason(plan, "getAllGames"));
    assertTrue(cached(plan, "GameDao.getGamesByTitle"), reason(plan, "getGamesByTitle"));
  }

  /** Fourteenth audit, s17b: a row mapper reading the class's own column-name constants builds fresh rows too. */
  @Test
  void aRowMapperReadingConstantsBuildsFreshRows() {
    MigrationPlan plan = casePlan("audit14", "s17b");
    assertTrue(cached(plan, "GameDao.getAllGamesByColumns"), reason(plan, "getAllGamesByColumns"));
  }

  /**
   * A row mapper reading a static field another class assigns ({@code PetMappers.suffix = s} in a controller), by
   * method reference (a8) or lambda (a8c).
   * (From hostile review 37, cases a8, a8c.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"a8", "a8c"})
  void aFieldAnotherClassAssignsIsStateTheKeyDoesNotCover(String attack) {
    MigrationPlan plan = casePlan("hostile37", attack);
    assertFalse(cached(plan, "PetDao.all"), plan.targets().toString());
  }

  /**
   * A row mapper with a counter of its own, held in the DAO's field and handed to the query: an anonymous class by
   * method reference (a9), a project class by method reference (a9b), as the object (a9c), in a field of its own
   * type (a9d).
   * (From hostile review 37, cases a9 to a9d.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"a9", "a9b", "a9c", "a9d"})
  void aStatefulObjectHandedToTheQueryIsStateTheKeyDoesNotCover(String attack) {
    MigrationPlan plan = casePlan("hostile37", attack);
    assertFalse(cached(plan, "PetDao.all"), plan.targets().toString());
  }
}
