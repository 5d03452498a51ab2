package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.optkit.rewriters.plan.NotCacheable;
import dev.optkit.analyzers.proof.Proof;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.loops.LoopRewrite;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What reads the clock, or only the JVM's defaults: a clock read in a helper the read calls is a clock read, a
 * statically imported {@code now()} too, while {@code Calendar.getInstance()} then {@code setTime(..)} reads the
 * default time zone and locale. Each case's comment names the audit of optkit's refusal reasons on public projects
 * (2026-11-25 on), the trial or the hostile review it came from, and its project (a case naming none is from the
 * first audit, a review of 30 refusals on four projects); each stands beside a true twin, or a control: the code
 * the reason names must do what it says.
 */
class ClockReadsTest extends SpringProjectPlans {
  // ---- the clock read in a helper (fifth audit, UNSAFE: ymolyavkin getItemsLastNextBookingByUser)

  @Test
  void aClockReadInAHelperIsAClockRead() {
    MigrationPlan plan = spring("clock")
        .java(MigrationSafetyTest.bean("Bookings", "Service", "import org.springframework.stereotype.Service;", """
                public java.util.List<java.time.LocalDateTime> past(long itemId) {
                    return jdbc.queryForList("SELECT start_at FROM bookings WHERE item_id = ?",
                        java.time.LocalDateTime.class, itemId).stream().filter(this::started).toList();
                }

                private boolean started(java.time.LocalDateTime start) {
                    return start.isBefore(java.time.LocalDateTime.now());
                }
            """))
        .plan();
    String why = refusal(plan, "past").orElse("cached");
    assertTrue(why.startsWith("depends on the clock, a random source or a setting its key does not cover: "
        + "Bookings.started() reads java.time.LocalDateTime.now()"), why);
    // imported, and called directly from a loop's lambda
    MigrationPlan imported = spring("imported")
        .java(MigrationSafetyTest.bean("Bookings", "Service",
            "import java.time.LocalDateTime;\nimport org.springframework.stereotype.Service;", """
                public java.util.List<LocalDateTime> past(long itemId) {
                    return jdbc.queryForList("SELECT start_at FROM bookings WHERE item_id = ?",
                        LocalDateTime.class, itemId).stream().filter(start -> started(start)).toList();
                }

                private boolean started(LocalDateTime start) {
                    return start.isBefore(LocalDateTime.now());
                }
            """))
        .plan();
    why = refusal(imported, "past").orElse("cached");
    assertTrue(why.contains("Bookings.started() reads LocalDateTime.now()"), why);
  }

  /**
   * Thirteenth audit, n1: Calendar.getInstance() then setTime(...): what it reads is the default time zone and locale,
   * not the clock.
   */
  @Test
  void aCalendarReadsTheDefaultTimeZone() {
    MigrationPlan plan = casePlan("audit13", "n1");
    NotCacheable reason = plan.notCacheable().stream().filter(r -> r.method().startsWith("ScheduleService.schedule("))
        .findFirst().orElseThrow(() -> new AssertionError(plan.notCacheable().toString()));
    assertEquals(Proof.KEY_MISSES_STATE, reason.reason().proof());
    // what it reads is the varying part of the reason: the time zone, not the clock
    assertTrue(reason.reason().text().contains("default time zone and locale"), reason.line());
  }

  /**
   * Fifteenth audit, {@code now(clock)} under a static import of LocalDate.now: a null date means today, which changes
   * at midnight.
   */
  @Test
  void aStaticallyImportedNowReadsTheClock() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("clock")).resources("/audit15/clock").plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName()
        .equals("RestaurantService.getByIdWithMenuForDate")), plan.targets().toString());
    assertTrue(plan.notCacheable().stream().anyMatch(r -> r.method().startsWith("RestaurantService.getByIdWithMenuForDate(")
        && r.reason().proof() == Proof.KEY_MISSES_STATE && r.reason().text().contains("clock")), plan.notCacheable().toString());
  }

  /**
   * A loop whose method reads a clock otherwise than the first check knew: a Clock's millis() (t1, t8 through a
   * method, t9 Clock.systemUTC()), Calendar.getInstance() (t4), a reference or a lambda made before the loop (t5,
   * t5b), an object whose field initialiser reads it (t7), the runtime's uptime (t13), nanoTime as a value (t15).
   * (From hostile review 40, cases t1 to t15.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"t1", "t4", "t5", "t5b", "t7", "t8", "t9", "t13", "t15"})
  void aLoopReadingAClockAnyWayIsRefused(String attack) {
    MigrationPlan plan = caseProject("hostile40", "loop-base", attack).resources("/hostile40/" + attack).plan();
    assertEquals(List.of(), plan.loops().stream().map(LoopRewrite::describe).toList(), reasons(plan).toString());
  }
}
