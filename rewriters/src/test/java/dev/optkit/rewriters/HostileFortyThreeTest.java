package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile review 43 (/tmp/hostile43, 2026-11-26) of the day's allowances: each case was cached and proven to answer
 * differently from the unmigrated application (the migrated copy run with the cache and with
 * {@code -Doptkit.cache.disabled=true}); and the false reasons it found.
 */
class HostileFortyThreeTest {
  @TempDir Path dir;

  /** A case is its own files over the shared project of its family (menu-base, catalog-base), where it has one. */
  private MigrationPlan attack(String name) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name));
    if (name.startsWith("m1") || name.startsWith("m2")) {
      fixture.resources("/hostile43/menu-base");
    }
    if (name.equals("m2lombok")) {
      fixture.resources("/hostile43/m2"); // m2's entities, with a service and a handler of its own
    } else if (name.startsWith("o")) {
      fixture.resources("/hostile43/catalog-base");
    }
    return fixture.resources("/hostile43/" + name).plan();
  }

  /**
   * o1, o2: under open-session-in-view the handler loaded the featured category first, so the cached titles read
   * (outside any transaction, or in one that loaded only an account) answered from that instance while a rename
   * committed; r2: an argument resolver loads the pet and sets the viewer's @Transient flag in the request; h3: a
   * holder's own method renaming the pets it holds; h2: a badge field declared abstract holding the cached pets' own
   * StarBadges; h1b: a MapStruct expression sharing the pet's String[] tags; m2: an entity subclass's getRoleCount()
   * reading the lazy roles.
   */
  @ParameterizedTest
  @CsvSource({"o1, CatalogService.titles", "o2, CatalogService.titles", "r2, PetService.find", "h3, PetDao.one",
      "h2, PetDao.all", "h1b, PetDao.all", "m2, MenuRepository.findByPid"})
  void eachProvenCaseIsRefused(String attack, String read) {
    MigrationPlan plan = attack(attack);
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(read)),
        attack + ": " + plan.targets());
  }

  /**
   * The review's false reasons: t1's feed only sets a @Transient flag on each pet findAll() loaded (no write at the
   * flush); m1b's handler returns findOne(id).getTitle(), a String, not the entity.
   */
  @Test
  void aTransientFlagOnEachLoadedEntityIsNoWriteAndATitleIsNoEntity() {
    MigrationPlan feed = attack("t1");
    assertFalse(feed.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("feed(")
        && r.reason().contains("which JPA writes back at the flush")), feed.refusals().toString());
    MigrationPlan title = attack("m1b");
    assertFalse(title.refusals().stream().anyMatch(r -> r.reason().contains("MenuController.title() returns it as its "
        + "response")), title.refusals().toString());
    // m2-lombok-reason: an entity subclass's @DiscriminatorValue was taken for Lombok's @Value
    MigrationPlan noLombok = attack("m2lombok");
    assertFalse(noLombok.refusals().stream().anyMatch(r -> r.reason().contains("Lombok")), noLombok.refusals().toString());
  }
}
