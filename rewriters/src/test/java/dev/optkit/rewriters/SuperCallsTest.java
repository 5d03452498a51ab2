package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trial 77's F3 and F4 (akuniutka/java-filmorate): an override completing what its superclass's method loaded
 * ({@code super.findById(id).map(this::fill)}, {@code fillAll(super.findMany())}). {@code super.m()} was taken to
 * run every override of m, the calling override included, so the override "passed the result it gets to fill(), which
 * changes it" (of its own answer) and what the superclass loaded fresh was "state shared between calls". A super call
 * runs the superclass's method alone now.
 */
class SuperCallsTest extends SpringProjectPlans {
  private MigrationPlan plan(String folder) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(folder)).resources("/trial77/super_calls")
        .file("pom.xml", MigrationSafetyTest.SPRING_POM);
    return fixture.plan();
  }

  @Test
  void anOverrideCompletingWhatItsSuperclassLoadedIsCachedAndTheSuperclassReadIsRefusedForWhatHolds() {
    MigrationPlan plan = plan("fresh");
    CachingTarget findById = plan.targets().stream()
        .filter(t -> t.method().fact().displayName().equals("FilmDao.findById")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.refusals().stream().map(Refusal::reason).toList().toString()));
    assertEquals(List.of("rename", "tag"), findById.evictions().stream().map(e -> e.writer().fact().name()).sorted()
        .distinct().toList());
    // the superclass's reads stay refused, for what is true of them: the override changes what they answer
    String baseFindById = reasonOf(plan, "BaseDao.findById");
    assertTrue(baseFindById.contains("FilmDao.findById() passes the result it gets to FilmDao.fill(), which changes it"),
        baseFindById);
    String findAll = reasonOf(plan, "BaseDao.findAll");
    assertFalse(findAll.contains("changes state shared between calls"), findAll);
  }

  private static String reasonOf(MigrationPlan plan, String method) {
    String type = method.substring(0, method.indexOf('.'));
    String name = method.substring(method.indexOf('.') + 1);
    return plan.refusals().stream().filter(r -> r.finding().enclosingClass().endsWith(type)
            && r.finding().enclosingMethod().startsWith(name + "("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: " + method));
  }

  /**
   * Interface.super.names() (s1), Outer.super.names() (s2), sorted(super::names) (s6), sorted(repo::names) (s6c).
   * (From hostile review 34, cases s1, s2, s6, s6c.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"s1", "s2", "s6", "s6c"})
  void aChangeThroughASuperCallOrAReferenceRefuses(String attack) {
    MigrationPlan plan = casePlan("hostile34", attack);
    assertFalse(cached(plan, "ShopRepository.names"), plan.targets().toString());
  }
}
