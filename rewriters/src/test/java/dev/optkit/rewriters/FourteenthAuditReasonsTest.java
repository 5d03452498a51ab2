package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit 14 (/tmp/audit14, 2026-11-26): refusals judged false on four real services, reduced by the auditor to the
 * projects under {@code src/test/resources/audit14/}.
 */
class FourteenthAuditReasonsTest {
  @TempDir Path dir;

  private MigrationPlan project(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/audit14/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  private static String reason(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.toString().contains(method)).map(Object::toString)
        .findFirst().orElse("");
  }

  /** s17b: a row mapper reading the class's own column-name constants builds fresh rows too. */
  @Test
  void aRowMapperReadingConstantsBuildsFreshRows() {
    MigrationPlan plan = project("s17b");
    assertTrue(cached(plan, "GameDao.getAllGamesByColumns"), reason(plan, "getAllGamesByColumns"));
  }

  /** s10d: a Jackson mix-in for ProblemDetail only does not undo the entity's @JsonIgnore. */
  @Test
  void aMixInForAnotherClassLeavesTheIgnoreAlone() {
    MigrationPlan plan = project("s10d");
    assertFalse(reason(plan, "MealRepository.getAll").contains("serialisation reads its lazy"),
        reason(plan, "MealRepository.getAll"));
  }

  /** s16b: a constructor-expression query (SELECT new ClubCount(...)) answers values, not managed entities. */
  @Test
  void aDtoProjectionReadsNoEntities() {
    MigrationPlan plan = project("s16b");
    assertFalse(reason(plan, "countsOn").contains("reads JPA entities"), reason(plan, "countsOn"));
  }

  /** s20: `import lombok.*` makes @Data's setters as much as `import lombok.Data` does. */
  @Test
  void aWildcardLombokImportStillWritesTheSetters() {
    MigrationPlan plan = project("s20");
    assertFalse(reason(plan, "findByEmail").contains("cannot find"), reason(plan, "findByEmail"));
  }

  /** s22: a transaction calling the read through 'this' never consults the proxy's cache. */
  @Test
  void aSelfInvokedReadIsNoCachedReadOfItsCallersTransaction() {
    MigrationPlan plan = project("s22");
    assertFalse(reason(plan, "NoteService.getNote").contains("inside the transaction of NoteService.update()"),
        reason(plan, "NoteService.getNote"));
  }

  /** n3: a project default method is no inherited library query: the advice to declare it is not given. */
  @Test
  void aDefaultMethodIsNotAdvisedToBeDeclared() {
    MigrationPlan plan = project("n3");
    String advice = plan.notCacheable().stream().filter(r -> r.contains("RoomController.get")).findFirst().orElse("");
    assertFalse(advice.contains("inherits without declaring"), advice);
  }

  /** What a UserDetailsService reads through a DAO is the login's: refused as the service itself is. */
  @Test
  void aReadALoginMakesIsTheLogins() {
    MigrationPlan plan = project("login");
    assertFalse(cached(plan, "PlayerDao.findByLogin"), plan.targets().toString());
    assertTrue(reason(plan, "findByLogin").contains("a login reads it"), reason(plan, "findByLogin"));
    assertTrue(cached(plan, "GameDao.getAllGames"), reason(plan, "getAllGames"));
  }
}
