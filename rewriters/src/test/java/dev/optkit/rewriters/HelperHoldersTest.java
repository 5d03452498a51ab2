package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helpers that hand back a holder of what they get, found comparing plans on 20 mirrored projects (AnnaKiri's
 * restaurant voting, eladmin): a DTO made from an entity ({@code createTo(m).setRating(5)}) and a set collecting
 * menus ({@code withChildren(children, collected)}, then {@code collected.add(..)}) change the holder, never a menu.
 */
class HelperHoldersTest {
  @TempDir Path dir;

  @Test
  void aChangeOfTheHolderAHelperReturnsIsNoChangeOfWhatItHolds() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("holders")).resources("/cmp28/holders").plan();
    for (String read : new String[] {"MenuService.findOne", "MenuService.children", "MenuService.rated"}) {
      assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(read)
          && t.evictions().stream().noneMatch(e -> e.writer().fact().displayName().equals("MenuController.ids"))),
          read + ": " + plan.targets() + " " + plan.refusals());
    }
  }
}
