package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile review 33 of this session's allowances (/tmp/hostile33, 2026-11-26): each case here was cached and proven
 * wrong by a Spring Boot run (on H2, or MariaDB for the stored procedures) against the unmigrated application. The
 * projects are under {@code src/test/resources/hostile33/}, as the reviewer wrote them; r0, c0, q0 and m0 are its
 * controls, cached and safe.
 */
class HostileThirtyThreeTest {
  @TempDir Path dir;

  private MigrationPlan attack(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/hostile33/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  /**
   * {@code spring.jpa.open-in-view=false} only in test resources (v1), beside an imported file that sets it again
   * (v2), with the project's own {@code OpenEntityManagerInViewFilter} bean (v3), only in a profile's document (v4)
   * or a profile's file (v5): open in view is on, and a self-call's changed entity is what a later call caches.
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2", "v3", "v4", "v5"})
  void openInViewThatIsNotOffForTheApplicationRefuses(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
  }

  /**
   * The annotated detection strategy exports a type-level {@code @RestResource} (r1) and a meta-annotation (r3); the
   * strategy set only in test resources (r4) or reset by a {@code RepositoryRestConfigurer} (r5) is not in force.
   */
  @ParameterizedTest
  @ValueSource(strings = {"r1", "r3", "r4", "r5"})
  void aRepositorySpringDataRestStillExportsRefuses(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatReader.name"), plan.targets().toString());
  }

  /**
   * A copy into a DTO whose run-time class has the lazy association's setter (c1), or which then holds the entity's
   * own eager tag list, changed through the DTO (c4).
   */
  @ParameterizedTest
  @ValueSource(strings = {"c1", "c4"})
  void aCopyThatReachesOrSharesWhatTheCacheHoldsRefuses(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "AccountService.byName"), plan.targets().toString());
  }

  /** A {@code DateTimeFormatterBuilder} is no immutable java.time value: its caller appends to the cached one. */
  @Test
  void aJavaTimeBuilderIsNoValue() {
    MigrationPlan plan = attack("a5");
    assertFalse(cached(plan, "FormatDao.dateFormat"), plan.targets().toString());
  }

  /**
   * A procedure whose SELECT calls a writing function (q2) or takes a sequence's next value (q3), one whose only
   * read-only definition is a test's schema (q6), or another schema's procedure of that name (q10).
   */
  @ParameterizedTest
  @ValueSource(strings = {"q2", "q3", "q6", "q10"})
  void aProcedureThatMayWriteStaysAWrite(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatDao.name"), plan.targets().toString());
  }

  /** A {@code @DBRef} to a class a document extends (m1), or typed by a type variable (m2), reaches that document. */
  @ParameterizedTest
  @ValueSource(strings = {"m1", "m2"})
  void aDocumentReferenceOptkitCannotNameReachesAnotherCollection(String attack) {
    MigrationPlan plan = attack(attack);
    plan.targets().stream().filter(t -> t.method().fact().displayName().equals("OrderService.buyerName"))
        .forEach(t -> assertFalse(t.evictions().isEmpty(), "cached with no eviction: " + plan.targets()));
  }

  @Test
  void theControlsStayCached() {
    assertTrue(cached(attack("r0"), "CatReader.name"));
    assertTrue(cached(attack("c0"), "AccountService.byName"));
    assertTrue(cached(attack("q0"), "CatDao.name"));
    MigrationPlan m0 = attack("m0");
    assertTrue(m0.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("OrderService.buyerName")
        && !t.evictions().isEmpty()), m0.targets().toString());
  }
}
