package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.loops.LoopRewrite;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile review 40 of this session's allowances (/tmp/hostile40, 2026-11-26): each case here was cached or rewritten
 * and proven wrong by a run against the unmigrated code. The projects are under {@code src/test/resources/hostile40/},
 * as the reviewer wrote them.
 */
class HostileFortyTest {
  @TempDir Path dir;

  /** A case is its family's shared project (loop-base/ for t*, spring-base/ for the others) with its own files over it. */
  private MigrationFixture fixture(String name) {
    return new MigrationFixture(dir.resolve(name))
        .resources("/hostile40/" + (name.startsWith("t") ? "loop-base" : "spring-base"))
        .resources("/hostile40/" + name);
  }

  private static String reasons(MigrationPlan plan) {
    return plan.refusals().stream().map(Refusal::reason).toList().toString();
  }

  /**
   * SQL in another class's constant, where the text taken was not the one that runs: a static import shadowed by an
   * inherited, an interface's or an own field (k1, k8, k2, and on the read side k1r), a field named like the class
   * (k7), a chain's bound value taken for the statement (k24), a batchUpdate of two statements read as one (k6). The
   * read was cached without the rename's eviction and answered the old name.
   */
  @ParameterizedTest
  @ValueSource(strings = {"k1", "k8", "k2", "k1r", "k7", "k24", "k6"})
  void aConstantsTextIsTakenOnlyWhereItIsTheOneThatRuns(String attack) {
    MigrationPlan plan = fixture(attack).plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PetDao.name")
        && !t.toString().contains("name=rename")), plan.targets() + "\n" + reasons(plan));
  }

  /**
   * A loop whose method reads a clock otherwise than the first check knew: a Clock's millis() (t1, t8 through a
   * method, t9 Clock.systemUTC()), Calendar.getInstance() (t4), a reference or a lambda made before the loop (t5,
   * t5b), an object whose field initialiser reads it (t7), the runtime's uptime (t13), nanoTime as a value (t15).
   */
  @ParameterizedTest
  @ValueSource(strings = {"t1", "t4", "t5", "t5b", "t7", "t8", "t9", "t13", "t15"})
  void aLoopReadingAClockAnyWayIsRefused(String attack) {
    MigrationPlan plan = fixture(attack).plan();
    assertEquals(List.of(), plan.loops().stream().map(LoopRewrite::describe).toList(), reasons(plan));
  }

  /** e2: the pool field went between @Cacheable and the class's first method, which then did not compile. */
  @Test
  void thePoolGoesAboveAnAnnotationTheCachingAddedToTheFirstMember() throws Exception {
    MigrationFixture fixture = fixture("e2");
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), reasons(plan));
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PetDao.name")));
    fixture.assertCompiles(plan);
  }
}
