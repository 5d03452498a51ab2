package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile review 35 of this session's last allowances (/tmp/hostile35, 2026-11-26): each case here was cached and
 * proven wrong by a Spring Boot run against the unmigrated application. The projects are under
 * {@code src/test/resources/hostile35/}, as the reviewer wrote them.
 */
class HostileThirtyFiveTest {
  @TempDir Path dir;

  private MigrationPlan attack(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/hostile35/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  /**
   * An entity a handler serialises: Jackson's Hibernate module registered on another mapper (h1), only in tests (h2),
   * beside the project's own ObjectMapper (h3), or registered and writing whatever the first caller loaded (h5, h14);
   * an ignore undone by an included accessor (h6, h12), allowGetters (h7), {@code @JsonIgnore(value = false)} (h9), a
   * mix-in (h10).
   */
  @ParameterizedTest
  @ValueSource(strings = {"h1", "h2", "h3", "h5", "h6", "h7", "h9", "h10", "h12"})
  void aSerialisedLazyAssociationRefuses(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "OwnerService.find"), plan.targets().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h14"})
  void aLazyToOneTheModuleWritesAsLoadedRefuses(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
  }

  /**
   * A writer the controller makes with {@code new} (g0, and g1 with the class excluded from the scan), one whose
   * library interface's default method runs it past the proxy (c3, a BiConsumer's andThen). Left: c2, a method
   * reference to itself kept in a field of a project functional interface (an injected one holds a bean).
   */
  @ParameterizedTest
  @ValueSource(strings = {"g0", "g1", "c3"})
  void aWriteNoProxySeesRefusesTheRead(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatService.name"), plan.targets().toString());
  }

  /** A statically imported name an implemented interface's default method shadows (i2). */
  @ParameterizedTest
  @ValueSource(strings = {"i2"})
  void aShadowedStaticImportIsNotFollowed(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
  }
}
