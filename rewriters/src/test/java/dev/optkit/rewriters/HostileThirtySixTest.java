package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile review 36 of this session's allowances (/tmp/hostile36, 2026-11-26): each case here was cached and proven
 * wrong by a Spring Boot run against the unmigrated application (or, for the x cases, by the project's own test
 * failing only after the migration). The projects are under {@code src/test/resources/hostile36/}, as written.
 */
class HostileThirtySixTest {
  @TempDir Path dir;

  private MigrationPlan attack(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/hostile36/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  /**
   * The writer's object handed on by code no method call shows: a field lambda passing {@code this} (f5), a helper
   * binding it (f6), {@code new Job(this)} in a field (f8) or an initialiser block (f12), {@code Registry.writer =
   * this} in a block (f3), a field (f3d), the constructor (f3b) or a {@code @PostConstruct} method (f3c).
   */
  @ParameterizedTest
  @ValueSource(strings = {"f5", "f6", "f8", "f12", "f3", "f3d", "f3b", "f3c"})
  void anObjectHandedOnOutsideACallRefusesItsWritersReads(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatService.name"), plan.targets().toString());
  }

  /**
   * A callback taken "in place" that runs later: a project class named TransactionTemplate (t2), a {@code @Primary}
   * subclass of Spring's (t3), a project class's forEach (t9).
   */
  @ParameterizedTest
  @ValueSource(strings = {"t2", "t3", "t9"})
  void aCallbackOnlyTheJdkOrSpringRunsInPlaceIsInPlace(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatService.name"), plan.targets().toString());
  }

  /**
   * An access-ordered LinkedHashMap kept in a sealed field: each get() reorders the cached map (m1d); a holder's
   * constructor changing the map it got from the service its parameter is (m2p), or keeping it and changing an
   * element later (m2q).
   */
  @ParameterizedTest
  @ValueSource(strings = {"m1d", "m2p", "m2q"})
  void aContainerChangedByItsHolderIsChanged(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "IdService.ids") || cached(plan, "IdService.tallies"), plan.targets().toString());
  }

  /**
   * A local class inside an anonymous class whose own method changes the result (e1, e2), a local record calling the
   * enclosing class's static method (e3), a local class extending a base without the method (e8).
   */
  @ParameterizedTest
  @ValueSource(strings = {"e1", "e2", "e3", "e8"})
  void aCallFromALocalClassIsFollowedOrRefused(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
  }

  /**
   * Tests that call the application over HTTP and write under its caches: a RANDOM_PORT server read with
   * {@code @LocalServerPort} and a plain HttpClient (x0, x0t), the same through a meta-annotation (x1), MockMvc in a
   * local variable (x2), the application started in {@code @BeforeAll} (x5).
   */
  @ParameterizedTest
  @ValueSource(strings = {"x0", "x0t", "x1", "x2", "x5"})
  void aTestDrivingTheApplicationReadsBackThroughItsCaches(String attack) {
    // the application runs in the tests' JVM: since trial 88 its module's tests run with the caches off
    MigrationPlan plan = attack(attack);
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatService.name")
        && !t.offInTests().isEmpty()), plan.targets().toString());
    assertTrue(plan.changes().stream().anyMatch(c -> c.path().endsWith("META-INF/optkit/caches-off-in-tests")));
  }
}
