package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit 13 (/tmp/audit13, 2026-11-26): refusals judged false on four real services, reduced by the auditor to the
 * projects under {@code src/test/resources/audit13/}.
 */
class ThirteenthAuditReasonsTest {
  @TempDir Path dir;

  private MigrationPlan project(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/audit13/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  private static String reason(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.toString().contains(method)).map(Object::toString)
        .findFirst().orElse("");
  }

  /** s17: a row mapper written as a method reference makes a new object per row, as the lambda beside it does. */
  @Test
  void aRowMapperMethodReferenceBuildsFreshRows() {
    MigrationPlan plan = project("s17");
    assertTrue(cached(plan, "GameDao.getAllGames"), reason(plan, "getAllGames"));
    assertTrue(cached(plan, "GameDao.getGamesByTitle"), reason(plan, "getGamesByTitle"));
  }

  /** s18: a read of data nothing writes races no eviction, whatever snapshot its transaction took. */
  @Test
  void aSnapshotReadOfDataNothingWritesIsCached() {
    MigrationPlan plan = project("s18");
    assertTrue(cached(plan, "TaxDao.getRate"), reason(plan, "getRate"));
  }

  /** s16: a query answering a set of ids (a scalar projection) hands out no entity the transaction's context holds. */
  @Test
  void aScalarProjectionReadsNoEntities() {
    MigrationPlan plan = project("s16");
    assertFalse(reason(plan, "getAllBanned").contains("reads JPA entities"), reason(plan, "getAllBanned"));
  }

  /** s14: Category::getId, a getter Lombok writes for the interface it implements, is read as the lambda beside it. */
  @Test
  void aGetterReferenceIsAGetter() {
    MigrationPlan plan = project("s14");
    assertFalse(reason(plan, "categoryIdsByItem()").contains("no implementation"), reason(plan, "categoryIdsByItem()"));
  }

  /** s15: a read below the project's own cache is refused for that cache, not for what callers do above it. */
  @Test
  void aReadBelowTheProjectsCacheSaysSo() {
    MigrationPlan plan = project("s15");
    assertTrue(reason(plan, "RestaurantRepository.getAll").contains("already cached"), reason(plan, "getAll"));
  }

  /** n1: Calendar.getInstance() then setTime(...): what it reads is the default time zone and locale, not the clock. */
  @Test
  void aCalendarReadsTheDefaultTimeZone() {
    MigrationPlan plan = project("n1");
    String reason = plan.notCacheable().stream().filter(r -> r.contains("ScheduleService.schedule")).findFirst()
        .orElse("");
    assertTrue(reason.contains("default time zone and locale"), plan.notCacheable().toString());
  }
}
