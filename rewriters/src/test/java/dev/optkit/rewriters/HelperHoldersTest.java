package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Helpers that hand back a holder of what they get, found comparing plans on 20 mirrored projects (AnnaKiri's
 * restaurant voting, eladmin): a DTO made from an entity ({@code createTo(m).setRating(5)}) and a set collecting
 * menus ({@code withChildren(children, collected)}, then {@code collected.add(..)}) change the holder, never a menu.
 */
class HelperHoldersTest extends SpringProjectPlans {
  @Test
  void aChangeOfTheHolderAHelperReturnsIsNoChangeOfWhatItHolds() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("holders")).resources("/cmp28/holders").plan();
    for (String read : new String[] {"MenuService.findOne", "MenuService.children", "MenuService.rated"}) {
      assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(read)
          && t.evictions().stream().noneMatch(e -> e.writer().fact().displayName().equals("MenuController.ids"))),
          read + ": " + plan.targets() + " " + plan.refusals());
    }
  }

  /**
   * c10: a helper hands back a holder of the row ({@code listOf(dao.one(id))}, a set of its owner, {@code
   * Batch.of(..)}), and the handler changes what the holder holds ({@code l.get(0).setName(..)}, the owners it walks,
   * {@code batch.first().setName(..)}): a change of the row, not of the holder.
   * (From hostile review 42, cases c10a, c10b, c10c.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"c10a", "c10b", "c10c"})
  void aChangeOfWhatAHelpersHolderHoldsChangesTheResult(String attack) {
    MigrationPlan plan = caseProject("hostile42", "jdbc-base", attack).resources("/hostile42/" + attack).plan();
    assertFalse(cached(plan, "PetDao.one"), plan.targets().toString());
  }
}
