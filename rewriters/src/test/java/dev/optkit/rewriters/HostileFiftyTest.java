package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile review 50 (2026-11-27) of the day's allowances: nine caches it proved stale or changed against the
 * unmigrated application, reduced to {@code src/test/resources/hostile50/} (the reviewer's tests that showed them are
 * in its report). Each read is refused now, or evicted by the writer it missed.
 */
class HostileFiftyTest {
  @TempDir Path dir;

  private MigrationPlan plan(String project) {
    return new MigrationFixture(dir.resolve(project)).resources("/hostile50/" + project).plan();
  }

  private static boolean cached(MigrationPlan plan, String method) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(method));
  }

  /** U1, U2: a field updater's {@code set(user, "")} and a method handle's {@code invokeWithArguments(user, "")}. */
  @Test
  void aFieldUpdaterOrAMethodHandleWritingTheResultChangesIt() {
    MigrationPlan plan = plan("updater");
    assertFalse(cached(plan, "UserRepository.findByEmail"), plan.targets().toString());
  }

  /** C1: a converter Spring gives a JdbcTemplate reads the tag table on every load: the tag writers evict. */
  @Test
  void aConverterRunningQueriesIsNoOneColumnField() {
    MigrationPlan plan = plan("converter");
    assertTrue(plan.targets().stream().noneMatch(t -> t.method().fact().displayName().equals("ProductService.tagLabels"))
        || plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("ProductService.tagLabels")
            && t.toString().contains("name=relabel")), plan.targets() + " " + plan.refusals());
  }

  /** P1, P2: polls registered in code, by a SchedulingConfigurer and a ScheduledExecutorService. */
  @Test
  void aPollRegisteredInCodeIsAScheduledJob() {
    MigrationPlan plan = plan("schedexec");
    for (String read : new String[] {"BankClient.transactions", "BankClient.balance"}) {
      assertFalse(cached(plan, read), read + ": " + plan.targets());
    }
  }

  /** T1, T2: a builder's text cut inside a word, and a clause making its neighbour an alias. */
  @Test
  void aBuildersTextNamesEveryTableItsRunsRead() {
    MigrationPlan plan = plan("sqlcut");
    for (String read : new String[] {"LabelQueries.labels", "LabelQueries.aliased"}) {
      assertTrue(!cached(plan, read) || plan.targets().stream().anyMatch(t -> t.method().fact().displayName()
          .equals(read) && t.toString().contains("name=rename")), read + ": " + plan.targets());
    }
  }

  /** D1: a handler's entity argument, loaded by Spring Data's DomainClassConverter inside open-in-view. */
  @Test
  void aHandlersEntityArgumentIsALoadOfTheRequest() {
    MigrationPlan plan = plan("domainparam");
    assertFalse(cached(plan, "DayService.getDays"), plan.targets().toString());
  }

  /** J1: the project's own Jackson serializer changes the value it writes (over trial 48's envelope shop). */
  @Test
  void aSerializerChangingWhatItWritesIsMoreThanTheSerialiser() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("jsonser")).resources("/reasons48/responsewrapper")
        .resources("/hostile50/jsonser").plan();
    assertFalse(cached(plan, "ProductService.byId"), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().contains("Jackson serializer")),
        plan.refusals().toString());
  }
}
