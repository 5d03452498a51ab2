package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile review 38 of this session's checks (/tmp/hostile38, 2026-11-26): each case here was cached and proven wrong
 * by a run against the unmigrated application. The projects are under {@code src/test/resources/hostile38/}, as the
 * reviewer wrote them.
 */
class HostileThirtyEightTest {
  @TempDir Path dir;

  private MigrationPlan attack(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/hostile38/" + name).plan();
  }

  /** Cached with no eviction by the pet's rename: the read is cached only where rename evicts it. */
  private static boolean cachedWithoutTheRename(MigrationPlan plan, String displayName) {
    return plan.targets().stream().filter(t -> t.method().fact().displayName().equals(displayName))
        .anyMatch(t -> !t.toString().contains("name=rename"));
  }

  /**
   * A writer optkit did not read: in a package named build or target (u1, u2), or behind a unicode escape javac
   * reads as a line break, which ends the comment hiding the update (u8); and JDBC writes that were no write sites:
   * executeLargeBatch (i2), an updatable result set's updateRow on a statement (i15) or in a row callback (i16).
   */
  @ParameterizedTest
  @ValueSource(strings = {"u1", "u2", "u8", "i2", "i15", "i16"})
  void aWriteOptkitDidNotSeeIsSeenOrRefused(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cachedWithoutTheRename(plan, "PetDao.name"), plan.targets().toString());
  }

  /** An entity loaded through Hibernate's byId(..).load / loadOptional / getReference and changed by the read. */
  @ParameterizedTest
  @ValueSource(strings = {"l12", "l28", "l29"})
  void anEntityLoadedThroughALoadAccessAndChangedIsAWrite(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatService.names")),
        plan.targets().toString());
  }

  /**
   * A row mapper reading state another class changes: through a static import (f1), an array element (f2), a
   * subclass setting the inherited static (f4), a nested class setting its outer class's private static (f8), an
   * AtomicReference's set (f10) or a map's put (f11) on a static final holder, or reflection (f7).
   */
  @ParameterizedTest
  @ValueSource(strings = {"f1", "f2", "f4", "f7", "f8", "f10", "f11"})
  void stateAnotherClassChangesIsStateTheKeyDoesNotCover(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PetDao.all")),
        plan.targets().toString());
  }

  /**
   * A second application writing the reader's table while its own settings name another database, pointed at the
   * reader's by: SPRING_APPLICATION_JSON in a manifest (d2), a manifest in a build folder no build file owns (d5), a
   * compose command line (d6), an imported configuration (d9, d9b), a pool's own URL key (d18), a DataSource bean of
   * its own (d26).
   */
  @ParameterizedTest
  @ValueSource(strings = {"d2", "d5", "d6", "d9", "d9b", "d18", "d26"})
  void aWriterInAnotherApplicationWhoseDatabaseIsNotProvenApartCounts(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PetDao.name")),
        plan.targets().toString());
  }

  /**
   * A mapper with a count of its own handed to the query: through a local alias (h1), a getter (h2), a static
   * factory (h6), injected into a field of the library's interface type (h3), wrapped in a new object (h4), an
   * extractor made in the constructor (h8), a lambda field counting in an AtomicInteger (h10), a field a factory fills
   * with a method reference to its own object (h11).
   */
  @ParameterizedTest
  @ValueSource(strings = {"h1", "h2", "h3", "h4", "h6", "h8", "h10", "h11"})
  void aStatefulObjectHandedOnIsStateTheKeyDoesNotCover(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PetDao.all")),
        plan.targets().toString());
  }
}
