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
   * library interface's default method runs it past the proxy (c3, a BiConsumer's andThen), one a field's code runs
   * on the object itself: a method reference in a {@code Map<String, BiConsumer>} field (c1), in a field of a project
   * functional interface (c2), the same map filled in the constructor (c4), a lambda put in an initialiser block
   * calling the method that writes (c5).
   */
  @ParameterizedTest
  @ValueSource(strings = {"g0", "g1", "c3", "c1", "c2", "c4", "c5"})
  void aWriteNoProxySeesRefusesTheRead(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatService.name"), plan.targets().toString());
  }

  /** Code in a field that runs no method of the writer's object (an audit lambda) leaves the writer evicting (c0). */
  @Test
  void codeInAFieldRunningNothingOfItsObjectIsNoHiddenWrite() {
    MigrationPlan plan = attack("c0");
    assertTrue(cached(plan, "CatService.name"), plan.refusals().toString());
  }

  /**
   * A statically imported name an implemented interface's default method shadows (i2); a handler's local class whose
   * method calls the handler's own mutating method, with the import (i4) or without (i4t).
   */
  @ParameterizedTest
  @ValueSource(strings = {"i2", "i4", "i4t"})
  void aShadowedStaticImportIsNotFollowed(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
  }

  /** A local class in a writer running the write on its object, past the proxy: its caller evicts, or nothing is cached (i5). */
  @Test
  void aLocalClassCallingTheWriterIsASelfCall() {
    MigrationPlan plan = attack("i5");
    plan.targets().stream().filter(t -> t.method().fact().displayName().equals("CatService.name"))
        .forEach(target -> assertTrue(target.toString().contains("apply"), target.toString()));
  }
}
