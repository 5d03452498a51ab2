package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 77's F3 and F4 (akuniutka/java-filmorate): an override completing what its superclass's method loaded
 * ({@code super.findById(id).map(this::fill)}, {@code fillAll(super.findMany())}). {@code super.m()} was taken to
 * run every override of m, the calling override included, so the override "passed the result it gets to fill(), which
 * changes it" (of its own answer) and what the superclass loaded fresh was "state shared between calls". A super call
 * runs the superclass's method alone now.
 */
class SuperCallsTest {
  @TempDir Path dir;

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
    String baseFindById = reason(plan, "BaseDao.findById");
    assertTrue(baseFindById.contains("FilmDao.findById() passes the result it gets to FilmDao.fill(), which changes it"),
        baseFindById);
    String findAll = reason(plan, "BaseDao.findAll");
    assertFalse(findAll.contains("changes state shared between calls"), findAll);
  }

  private static String reason(MigrationPlan plan, String method) {
    String type = method.substring(0, method.indexOf('.'));
    String name = method.substring(method.indexOf('.') + 1);
    return plan.refusals().stream().filter(r -> r.finding().enclosingClass().endsWith(type)
            && r.finding().enclosingMethod().startsWith(name + "("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: " + method));
  }
}
