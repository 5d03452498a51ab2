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
 * Hostile review 42 (/tmp/hostile42, 2026-11-26) of the allowances of the session before: each case was cached and
 * proven to answer differently from the unmigrated application (the migrated copy run with the cache and with
 * {@code -Doptkit.cache.disabled=true}).
 */
class HostileFortyTwoTest {
  @TempDir Path dir;

  /** A case is its own files over a shared shop: JPA's (jpa-base/) for c6, c8, c8b and c9, JDBC's (jdbc-base/) else. */
  private MigrationPlan attack(String name) {
    boolean jpa = java.util.Set.of("c6", "c8", "c8b", "c9").contains(name);
    return new MigrationFixture(dir.resolve(name)).resources(jpa ? "/hostile42/jpa-base" : "/hostile42/jdbc-base")
        .resources("/hostile42/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  /**
   * c10: a helper hands back a holder of the row ({@code listOf(dao.one(id))}, a set of its owner, {@code
   * Batch.of(..)}), and the handler changes what the holder holds ({@code l.get(0).setName(..)}, the owners it walks,
   * {@code batch.first().setName(..)}): a change of the row, not of the holder.
   */
  @ParameterizedTest
  @ValueSource(strings = {"c10a", "c10b", "c10c"})
  void aChangeOfWhatAHelpersHolderHoldsChangesTheResult(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "PetDao.one"), plan.targets().toString());
  }

  /**
   * c3: a MapStruct interface mapper whose implementation a build generates copies the pet's Owner into the DTO, and
   * the handler renames that owner; c1b: the cached rows are value-only DTOs themselves, handed through {@code
   * map(Objects::requireNonNull)} to a handler that renames them. The controls, refused before too: c3b the same mapper
   * written by hand, c1 {@code toMap(PetDto::getId, Function.identity())}.
   */
  @ParameterizedTest
  @ValueSource(strings = {"c3", "c1b", "c3b", "c1"})
  void aMapperOrFunctionMayHandBackWhatTheRowsHold(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "PetDao.all"), plan.targets().toString());
  }

  /** c4, c4b: Lombok's fluent setters ({@code @Accessors(fluent = true)}), on the field or on the class, in a list. */
  @ParameterizedTest
  @ValueSource(strings = {"c4", "c4b"})
  void lombokFluentSettersChangeTheResult(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "PetDao.all"), plan.targets().toString());
    assertFalse(cached(plan, "PetDao.one"), plan.targets().toString());
  }

  /**
   * c9: an event listener run in the request reads through the proxy while the handler's self-call flags the entity;
   * c6: under open-session-in-view another load of the same row in the request (the repository's, no self-call) is
   * the instance the cache keeps; c8b: the same in the other order, the listener caching after the flag was set.
   */
  @Test
  void openSessionInViewSharesTheInstanceWithEveryLoadOfTheRequest() {
    for (String attack : new String[] {"c9", "c6", "c8b"}) {
      MigrationPlan plan = attack(attack);
      String read = attack.equals("c8b") ? "PetLookup.byId" : "PetService.find";
      assertFalse(cached(plan, read), attack + ": " + plan.targets());
      assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith(read.substring(
          read.indexOf('.') + 1) + "(") && r.reason().contains("open-session-in-view")), attack + ": " + plan.refusals());
    }
  }

  /**
   * The review's false reason: {@code find(id)} on {@code this}, then {@code pet.setLiked(..)} on a {@code @Transient}
   * field, was "it writes: it changes what PetService.find() loaded (pet), which JPA writes back at the flush" (and
   * so an evicting writer); the flush writes nothing of it, as when the repository's load is changed directly.
   */
  @Test
  void aTransientFieldSetOnWhatAHelperLoadedIsNoWrite() {
    MigrationPlan plan = attack("c8");
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("changes what PetService.find() loaded")),
        plan.refusals().toString());
    assertTrue(plan.targets().stream().flatMap(t -> t.evictions().stream())
        .noneMatch(e -> e.writer().fact().displayName().equals("PetService.forUser")), plan.targets().toString());
  }
}
