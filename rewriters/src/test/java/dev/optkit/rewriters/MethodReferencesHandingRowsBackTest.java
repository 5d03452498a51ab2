package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Hostile review 41 (/tmp/hostile41, 2026-11-26) of reading a bean's method reference in a stream as what the method
 * returns: each case maps the cached rows through a function that hands an element back, and a caller changes it
 * (JDBC: the handler renames every pet, so a cached list answered "tom!!" the second time) or reads its lazy
 * association after the session (JPA: LazyInitializationException). Each was cached, proven by running the migrated
 * copy against the original; m45, a copying function whose copies keep the rows' owners, is refused for that.
 */
class MethodReferencesHandingRowsBackTest {
  @TempDir Path dir;

  /** A JDBC case (m*) is the shared pet shop of jdbc-base/ with its own files over it; a JPA one (j*) stands alone. */
  private MigrationPlan attack(String name) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name));
    if (name.startsWith("m")) {
      fixture.resources("/hostile41/jdbc-base");
    }
    return fixture.resources("/hostile41/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  /**
   * m6 a lower-case class's static method ({@code class mapper}), m17/m17b a helper returning another helper's call
   * (that helper in another bean), m34 the same behind a service, m49 an interface whose implementation the sources
   * lack, m12 {@code Function.identity()}, m26 a reference on a call's result ({@code mappers().get(0)::same}), m38
   * {@code Pet.class::cast}, m14 {@code Stream.of(ids).map(byId::get)} on a local map the rows were put in, m16/m16b
   * {@code new ArrayList<>(rows.stream().collect(toMap(..)).values())}, m16c {@code values().stream().collect(toList())}
   * (the last four cached before this session too): the rows come back to the handler that renames them.
   */
  @ParameterizedTest
  @ValueSource(strings = {"m6", "m17", "m17b", "m34", "m49", "m12", "m26", "m38", "m14", "m16", "m16b", "m16c"})
  void aFunctionHandingTheRowBackKeepsItTheResult(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "PetDao.all"), plan.targets().toString());
  }

  /** j25 {@code byId::get} on a local map of the rows, j24 {@code Function.identity()}: the lazy restaurant is read. */
  @ParameterizedTest
  @ValueSource(strings = {"j25", "j24"})
  void aFunctionHandingTheEntityBackReachesItsLazyAssociation(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "MenuRepository.findAllByRestaurantId"), plan.targets().toString());
  }

  /**
   * m45: {@code map(Util::copy)} makes new pets, which keep the cached pets' owners ({@code new Pet(p.getId(),
   * p.getName(), p.getOwner())}): the handler renames only the copies, but the copies hand out the cached owners to
   * anyone. It was cached while the constructor was followed for its first argument only (an id, and so never for
   * the owner: hostile review 45's ra3); followed for each, it is refused for the owner it keeps.
   */
  @Test
  void aCopyKeepingAMutablePartOfTheRowsHandsItOn() {
    MigrationPlan plan = attack("m45");
    assertFalse(cached(plan, "PetDao.all"), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().contains("Pet.Pet(), which keeps it in field owner")),
        plan.refusals().toString());
  }
}
