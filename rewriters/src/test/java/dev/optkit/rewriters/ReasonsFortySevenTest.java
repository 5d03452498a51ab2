package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** False reasons found by trial 46 (2026-11-27), reduced to {@code src/test/resources/reasons47/}. */
class ReasonsFortySevenTest {
  @TempDir Path dir;

  /**
   * Trial 46's repro 2 (planning-api's countCourses): {@code em.createNativeQuery("select count(*) from days")} answers
   * a number and puts no Day in the request's persistence context, so a handler running it beside {@code getDays()}
   * shares no instance with it under open-session-in-view; both were refused as if it loaded days. The twin counts by
   * loading every day ({@code select d from Day d}) and stays refused.
   */
  @Test
  void aNativeCountLoadsNoEntityIntoTheRequestsContext() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("count")).resources("/reasons47/osivcount").plan();
    for (String cached : new String[] {"DayService.getDays", "DayService.countDays"}) {
      assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(cached)
          && t.toString().contains("name=saveDay")), cached + ": " + plan.targets() + " " + plan.refusals());
    }
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("which loads them too")),
        plan.refusals().toString());

    MigrationPlan twin = new MigrationFixture(dir.resolve("rows")).resources("/reasons47/osivcount")
        .resources("/reasons47/osivcountrows").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getDays")
        && r.reason().contains("also runs DayCountRepository.countDays(), which loads them too")),
        twin.targets() + " " + twin.refusals());
  }
}
