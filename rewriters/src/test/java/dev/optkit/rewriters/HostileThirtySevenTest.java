package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile review 37 of this session's allowances (/tmp/hostile37, 2026-11-26): each case here was cached and proven
 * wrong by a run against the unmigrated application, or by the project's own test failing only after the migration.
 * The projects are under {@code src/test/resources/hostile37/}, as the reviewer wrote them.
 */
class HostileThirtySevenTest {
  @TempDir Path dir;

  private MigrationPlan attack(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/hostile37/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  /**
   * A getter of a stateful bean optkit sees no implementation of, called (e2) or referenced (e1, e3, e5: a bean
   * lambda, an anonymous class); a writer's object returned from a lambda kept by a static field (f2); forEach on a
   * declared Map holding a project class that defers (g1); a TransactionOperations bean that defers (g2b); a test in
   * a JUnit @Nested class (x2) or an interface's default @Test (x3) calling the application over HTTP: since trial 88
   * the module's tests run with the caches off where they write under them ({@link #testsWritingUnderTheCacheTurnItOff}).
   */
  @ParameterizedTest
  @ValueSource(strings = {"e1", "e2", "e3", "e5", "f2", "g1", "g2b"})
  void theNameReadIsRefused(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatService.name"), plan.targets().toString());
  }

  /** x2, x3: the test writes inside a test and reads over HTTP, in this JVM: its module's tests run with the caches off. */
  @ParameterizedTest
  @ValueSource(strings = {"x2", "x3"})
  void testsWritingUnderTheCacheTurnItOff(String attack) {
    MigrationPlan plan = attack(attack);
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatService.name")
        && !t.offInTests().isEmpty()), plan.targets().toString());
    assertTrue(plan.changes().stream().anyMatch(c -> c.path().endsWith("META-INF/optkit/caches-off-in-tests")));
  }

  /** A report over a read the project caches itself, on its class (p1) or its interface (p2). */
  @ParameterizedTest
  @ValueSource(strings = {"p1", "p2"})
  void aReadOverTheProjectsOwnCacheIsRefused(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "ReportService.report"), plan.targets().toString());
  }

  /** An interface's @Caching that only evicts is no cache: the report's reads through it are evicted by their writer (p3). */
  @org.junit.jupiter.api.Test
  void anEvictOnlyAnnotationHidesNoRead() {
    MigrationPlan plan = attack("p3");
    assertFalse(plan.targets().stream().filter(t -> t.method().fact().displayName().equals("ReportService.report"))
        .anyMatch(t -> !t.toString().contains("name=rename")), plan.targets().toString());
  }

  /**
   * A record whose compact constructor changes what it is given, local (k2) or top-level (k4); a local class with a
   * JDK supertype calling the enclosing class's mutating method (k5: Serializable, k6: ArrayList).
   */
  @ParameterizedTest
  @ValueSource(strings = {"k2", "k4", "k5", "k6"})
  void aChangeInCodeAroundTheCallIsFollowedOrRefused(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
  }


  /** A holder changing the map it got through Objects.requireNonNull(service) (v1) or an ObjectProvider (v3). */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v3"})
  void aCollaboratorsAnswerChangedByItsHolderIsRefused(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "IdService.tallies"), plan.targets().toString());
  }

  /**
   * A JDBC write through a statement whose type optkit cannot resolve without the project's jars: a {@code var}
   * connection from a library chain (b9e: prepareStatement, r1: not in a try, r3: createStatement, c9:
   * DataSourceUtils) or Hibernate's {@code doWork} lambda (c10). The read of the row it updates is evicted by it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"b9e", "c10", "c9", "r1", "r3"})
  void aJdbcWriteThroughAnUnresolvedStatementEvictsTheRead(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(plan.targets().stream().filter(t -> t.method().fact().displayName().equals("PetDao.name"))
        .anyMatch(t -> !t.toString().contains("name=rename")), plan.targets().toString());
  }

  /**
   * A row mapper reading a static field another class assigns ({@code PetMappers.suffix = s} in a controller), by
   * method reference (a8) or lambda (a8c).
   */
  @ParameterizedTest
  @ValueSource(strings = {"a8", "a8c"})
  void aFieldAnotherClassAssignsIsStateTheKeyDoesNotCover(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "PetDao.all"), plan.targets().toString());
  }

  /**
   * A row mapper with a counter of its own, held in the DAO's field and handed to the query: an anonymous class by
   * method reference (a9), a project class by method reference (a9b), as the object (a9c), in a field of its own
   * type (a9d).
   */
  @ParameterizedTest
  @ValueSource(strings = {"a9", "a9b", "a9c", "a9d"})
  void aStatefulObjectHandedToTheQueryIsStateTheKeyDoesNotCover(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "PetDao.all"), plan.targets().toString());
  }

  /**
   * Entities a JPQL query loaded ({@code em.createQuery(..).getResultStream()/getResultList()}), changed by the read
   * through a method reference (j1), a lambda (j3), a list streamed (j4) or a local (j5): a write at the flush that
   * a cached answer would skip.
   */
  @ParameterizedTest
  @ValueSource(strings = {"j1", "j3", "j4", "j5"})
  void entitiesAQueryLoadedAndTheReadChangesAreWritten(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatService.names"), plan.targets().toString());
  }

  /**
   * A second application writing the reader's table, its own properties naming another database: the deployment
   * points it at the reader's through a Kubernetes manifest (n1; n1s: kept in the module's src/main/kubernetes) or a compose merge key (n2); the same with the URL
   * in both properties files (n1c) was refused before.
   */
  @ParameterizedTest
  @ValueSource(strings = {"n1", "n2", "n1c", "n1s"})
  void aWriterInAnotherApplicationOnTheDeploymentsDatabaseIsNotDropped(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "PetDao.name"), plan.targets().toString());
  }
}
