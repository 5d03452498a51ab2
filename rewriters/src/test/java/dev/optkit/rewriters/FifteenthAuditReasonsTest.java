package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit 15 (/tmp/audit15, 2026-11-26): an unsafe cache it found, reduced to {@code src/test/resources/audit15/}. */
class FifteenthAuditReasonsTest {
  @TempDir Path dir;

  /** {@code now(clock)} under a static import of LocalDate.now: a null date means today, which changes at midnight. */
  @Test
  void aStaticallyImportedNowReadsTheClock() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("clock")).resources("/audit15/clock").plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName()
        .equals("RestaurantService.getByIdWithMenuForDate")), plan.targets().toString());
    assertTrue(plan.notCacheable().stream().anyMatch(r -> r.contains("getByIdWithMenuForDate") && r.contains("clock")),
        plan.notCacheable().toString());
  }

  /**
   * S26: an entity's named query nothing runs changed what every read of the entity reads ("tables optkit cannot
   * tell"): findAll is cached. Its twin runs the named query through a repository method named after it, and the
   * query reads member too, which a registration writes: that read is not cached without knowing it.
   */
  @Test
  void aNamedQueryCountsOnlyForTheMethodThatRunsIt() {
    MigrationPlan unused = new MigrationFixture(dir.resolve("s26")).resources("/audit15/s26").plan();
    assertTrue(unused.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("KindService.findAll")),
        unused.refusals().toString());
    MigrationPlan run = new MigrationFixture(dir.resolve("s26run")).resources("/audit15/s26run").plan();
    assertTrue(run.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("KindService.findAll")),
        run.refusals().toString());
    assertFalse(run.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("KindService.byName")),
        run.targets().toString());
  }
}
