package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** False reasons found by trial 48 (2026-11-27), reduced to {@code src/test/resources/reasons48/}. */
class ReasonsFortyEightTest {
  @TempDir Path dir;

  private static boolean cached(MigrationPlan plan, String method) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(method));
  }

  /**
   * F1 (adnanebk's ecommerce backend): a {@code List<String>} field stored by an {@code AttributeConverter} is one
   * column of the product's row, but was taken for a mapping of unknown tables, so every JPA load of the request
   * (the user's) counted as loading categories. The twin's list has no converter and may map a table of its own.
   */
  @Test
  void aConvertedFieldIsOneColumnOfItsRow() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("convert")).resources("/reasons48/convertlist").plan();
    assertTrue(cached(plan, "CategoryService.names") && plan.targets().toString().contains("name=create"),
        plan.targets() + " " + plan.refusals());

    MigrationPlan twin = new MigrationFixture(dir.resolve("plain")).resources("/reasons48/convertlist")
        .resources("/reasons48/convertlistplain").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("names")
        && r.reason().contains("which loads them too")), twin.targets() + " " + twin.refusals());
  }

  /**
   * F2 (ELglaly's shop): {@code ResponseEntity.ok(new ApiResponse(result, "found"))} hands the envelope to Spring
   * for the body; the envelope's {@code setData} stores and reads nothing, and no project code reads the result back
   * out of it. The twin's handler takes the product back out with {@code getData()} and empties its tags.
   */
  @Test
  void aResultInAnEnvelopeHandedToResponseEntityIsOnlySerialised() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("wrapper")).resources("/reasons48/responsewrapper").plan();
    assertTrue(cached(plan, "ProductService.byId"), plan.targets() + " " + plan.refusals());

    MigrationPlan twin = new MigrationFixture(dir.resolve("read")).resources("/reasons48/responsewrapper")
        .resources("/reasons48/responsewrapperread").plan();
    assertFalse(cached(twin, "ProductService.byId"), twin.targets().toString());
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("byId")),
        twin.refusals().toString());
  }

  /**
   * F3 (hoangtuanqn's shop): {@code sessions.set(user.getId(), user.getEmail())} on a bean of the project was read as
   * reflection's {@code Field.set(target, value)}, a write of the user. The twin does set the user's name by
   * reflection and stays refused.
   */
  @Test
  void aProjectMethodNamedSetIsNoReflectiveWrite() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("set")).resources("/reasons48/setnamedcall").plan();
    assertTrue(cached(plan, "UserRepository.findByEmail"), plan.targets() + " " + plan.refusals());
    assertFalse(plan.targets().toString().contains("name=login"), plan.targets().toString());

    MigrationPlan twin = new MigrationFixture(dir.resolve("reflect")).resources("/reasons48/setnamedcall")
        .resources("/reasons48/setnamedcallreflect").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findByEmail")
        && r.reason().contains("login()")), twin.targets() + " " + twin.refusals());
  }

  /**
   * Trial 48's questionable cache (project C's SepayService.getTransaction): a bank's transactions fetched by a job
   * polling every ten seconds; a cache would hide new payments for its whole time to live. The control serves the
   * same read to a page and is cached.
   */
  @Test
  void aRemoteReadAScheduledJobPollsIsNotCached() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("poll")).resources("/reasons48/scheduledpoll").plan();
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("transactions")
        && r.reason().contains("called by PaymentPoller.poll(), which runs on a schedule")),
        plan.targets() + " " + plan.refusals());

    MigrationPlan web = new MigrationFixture(dir.resolve("web")).resources("/reasons48/scheduledpoll")
        .resources("/reasons48/scheduledpollweb").plan();
    assertTrue(cached(web, "BankClient.transactions"), web.targets() + " " + web.refusals());
    // hostile review 50's R1: a nightly job never meets an entry of a 300 s cache
    MigrationPlan nightly = new MigrationFixture(dir.resolve("nightly")).resources("/reasons48/scheduledpoll")
        .resources("/reasons48/scheduledpollnightly").plan();
    assertTrue(cached(nightly, "BankClient.transactions"), nightly.targets() + " " + nightly.refusals());
  }
}
