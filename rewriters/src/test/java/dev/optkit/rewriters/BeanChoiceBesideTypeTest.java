package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile review 96's proven cases against the beans-of-exclusive-profiles and one-bean-per-field allowances (resources
 * hostile96/*, the reviewer's projects): a jdbc-profile pet store that renames owners through the JPA store, whose
 * cached findById then served the old name and lost the write. What picks the bean beside its type now keeps the
 * call: a qualifier Lombok copies onto its constructor (q01b), one from a constant (q02b), a custom qualifier annotation
 * (q03), Spring 6.2's @Fallback on the other implementation (q04), the caller made by another profile's @Bean method
 * (q05), a scan by classes (q06b); and a wrapper over every store calling them from a lambda (v06, v06c) runs beside the
 * read in one request. The reviewer's base project stays cached.
 */
class BeanChoiceBesideTypeTest {
  @TempDir Path dir;

  @Test
  void whatPicksTheBeanBesideItsTypeKeepsTheCall() {
    assertTrue(cached(plan("base-prof"), "JpaOwnerRepositoryImpl", "findById"), "the base project caches findById");
    for (String variant : List.of("q01b", "q02b", "q03", "q04", "q05", "q06b")) {
      assertTrue(!cached(plan(variant), "JpaOwnerRepositoryImpl", "findById"), variant + " must refuse findById");
    }
  }

  @Test
  void aWrapperCallingEveryStoreFromALambdaRunsBesideTheRead() {
    for (String variant : List.of("v06", "v06c")) {
      MigrationPlan plan = plan(variant);
      assertTrue(plan.targets().stream().noneMatch(t -> t.method().fact().name().equals("findByLastName")),
          variant + ": " + plan.targets());
    }
  }

  /** The reviewer's base project, with the case's files over it (q05, q06b and the v cases are whole projects). */
  private MigrationPlan plan(String variant) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(variant));
    if (java.util.Set.of("q01b", "q02b", "q03", "q04").contains(variant)) {
      fixture.resources("/hostile96/base-prof");
    }
    return fixture.resources("/hostile96/" + variant).plan();
  }

  private static boolean cached(MigrationPlan plan, String type, String method) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().ownerType().endsWith("." + type)
        && t.method().fact().name().equals(method));
  }
}
