package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit 16 (/tmp/audit16, 2026-11-26): its unsafe cache and false reasons, reduced to {@code src/test/resources/audit16/}. */
class SixteenthAuditReasonsTest {
  @TempDir Path dir;

  /**
   * U1: a repository's default method groups what an @Query reading {@code current_date} answers; the service
   * calling it was cached (today's menu served after midnight), the default method taken for a query of its own.
   */
  @Test
  void aRepositorysDefaultMethodIsFollowedToTheQueriesItRuns() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("u1")).resources("/audit16/u1").plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("MenuService.todaysMenu")),
        plan.targets().toString());
    assertTrue(plan.notCacheable().stream().anyMatch(r -> r.contains("MenuService.todaysMenu") && r.contains("CURRENT_DATE")),
        plan.notCacheable().toString());
  }

  /**
   * S30: a category put in a new list its caller reverses is no category changed; the list itself is the result that
   * caller changes, so caching the list stays refused for that true reason.
   */
  @Test
  void reversingAListDoesNotChangeWhatItHolds() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s30")).resources("/audit16/s30").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getCategoryById")
        && r.reason().contains("Collections.reverse")), plan.refusals().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getAllUpperCategoriesById")
        && r.reason().contains("Collections.reverse")), plan.refusals().toString());
  }

  /**
   * S28: a writer carrying the authors' plain {@code @Cacheable} takes an eviction beside it (Spring runs it after the
   * call, answered from the cache or not); beside {@code sync = true}, which Spring wants
   * alone, the read stays refused.
   */
  @Test
  void aPlainCacheableWriterTakesTheEvictionASynchronizedOneDoesNot() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s28")).resources("/audit16/s28").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("VoteRepository.countVotesByRestaurantId")
        && t.toString().contains("name=create")), plan.refusals().toString());
    String writer = MigrationFixture.after(plan, "src/main/java/r/VoteService.java");
    assertTrue(writer.contains("@Cacheable(\"votes\")") && writer.contains("@CacheEvict"), writer);

    MigrationPlan sync = new MigrationFixture(dir.resolve("s28sync")).resources("/audit16/s28sync").plan();
    assertTrue(sync.refusals().stream().anyMatch(r -> r.reason().contains("synchronized")), sync.refusals().toString());
  }


  /**
   * S32: the entity's own {@code getBookerId() { return booker.getId(); }} reads only the id the lazy proxy holds; the
   * twin reading the booker's name loads it, and stays refused for that.
   */
  @Test
  void anEntityMethodReadingOnlyALazyAssociationsIdLoadsNothing() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s32")).resources("/audit16/s32").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("reads its lazy association booker")),
        plan.refusals().toString());
    MigrationPlan twin = new MigrationFixture(dir.resolve("s32twin")).resources("/audit16/s32twin").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.reason().contains("reads its lazy association booker")),
        twin.refusals().toString());
  }

  /**
   * S31: {@code jdbc.update(OrderQueries.INSERT_ORDER, code)} runs another class's constant, which writes the orders
   * table: no writer of unnamed data, so the stocks reads beside it are cached. The twin: a file's own constant of
   * the same name (on the audit table) was taken for it, so a cached count of orders was not evicted by create().
   */
  @Test
  void anotherClasssSqlConstantNamesTheTablesItsCallWrites() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s31")).resources("/audit16/s31").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("writes data optkit cannot name")),
        plan.refusals().toString());
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("StockDao.count")
        && t.evictions().stream().noneMatch(e -> e.toString().contains("OrderDao"))), plan.targets().toString());

    MigrationPlan same = new MigrationFixture(dir.resolve("s31same")).resources("/audit16/s31same").plan();
    assertTrue(same.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("OrderStats.orders")
        && t.evictions().stream().anyMatch(e -> e.toString().contains("name=create"))),
        "create() writes orders: " + same.targets());
  }

  /**
   * S10f: a service mapping every entity to a DTO ({@code .map(mapper::toMenuTo)}) hands the handler no entity; the
   * repository read is refused for its true reason, the outer service method cached. The twin: a "mapper" returning the
   * entity it gets hands it on to the handler, whose response reads its lazy association.
   */
  @Test
  void aServiceMappingEntitiesToDtosReturnsNoEntity() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s10f")).resources("/audit16/s10f").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("lazy associations")), plan.refusals().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findAllByRestaurantId")
        && r.reason().contains("MenuService.getAll(), which is cached in this migration")), plan.refusals().toString());

    // the same with a static mapper, map(MenuMapper::toMenuTo): its fresh DTO's setters were "state shared between
    // calls" (the element taken for an unknown receiver), and the read was refused as returned (audit 16's S-13)
    MigrationPlan statically = new MigrationFixture(dir.resolve("s10fstatic")).resources("/audit16/s10fstatic").plan();
    assertTrue(statically.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("MenuService.getAll")),
        statically.refusals().toString());
    assertFalse(statically.refusals().stream().anyMatch(r -> r.reason().contains("lazy associations")),
        statically.refusals().toString());

    MigrationPlan same = new MigrationFixture(dir.resolve("s10fsame")).resources("/audit16/s10fsame").plan();
    assertTrue(same.targets().stream().noneMatch(t -> t.method().fact().displayName().equals(
        "MenuRepository.findAllByRestaurantId")), same.targets().toString());
    assertTrue(same.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findAllByRestaurantId")
        && r.reason().contains("MenuMapper.toMenuTo(), which returns it")), same.refusals().toString());
  }

  /**
   * What the S10f change exposed: a helper returning what it is handed ({@code map(same::same)}, {@code
   * same.sameList(rows)}, {@code same.same(items.get(0)).setName(..)} in a callee) hands back the cached rows, which
   * a caller then changes; each was cached before (the direct ones already before S10f's change).
   */
  @Test
  void aHelperReturningWhatItGetsHandsTheResultBack() {
    for (String project : java.util.List.of("helperref", "helperdirect", "helpercallee")) {
      MigrationPlan plan = new MigrationFixture(dir.resolve(project)).resources("/audit16/" + project).plan();
      assertTrue(plan.targets().stream().noneMatch(t -> t.method().fact().displayName().equals("ItemDao.all")),
          project + ": " + plan.targets());
      assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("all(")
          && r.reason().contains("Same.same") && r.reason().contains("setName")), project + ": " + plan.refusals());
    }
  }

  /**
   * S20d: Lombok's setter and builder methods are field assignments, not code optkit "cannot see into": a Long read
   * from the entity into a {@code @Builder} field reaches no association (the read's true reason is then the outer
   * cache), and a set holding a Role kept by a {@code @Setter} is said as kept in that field. The twin hands the lazy
   * association itself to the builder, and stays refused for that.
   */
  @Test
  void lombokSettersAndBuilderMethodsAreFieldAssignments() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s20d")).resources("/audit16/s20d").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("cannot see into")), plan.refusals().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findByEmailContaining")
        && r.reason().contains("AccountService.search(), which is cached in this migration")), plan.refusals().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findByName")
        && r.reason().contains("passes what holds it to setRoles(), a setter Lombok writes, which keeps that in field roles "
        + "of AccountDto")),
        plan.refusals().toString());

    MigrationPlan twin = new MigrationFixture(dir.resolve("s20dtwin")).resources("/audit16/s20dtwin").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findByEmailContaining")
        && r.reason().contains("owner(), a builder method Lombok writes")), twin.refusals().toString());
  }

  /**
   * S29: open-session-in-view makes a self-call's load the instance a proxied call cached only when one request runs
   * both; here no request does (the writer's request never reads through the proxy), so the read is cached, evicted by
   * the writer. The twin's update request reads through the proxy first, and stays refused for that.
   */
  @Test
  void theSessionInViewReasonNeedsOneRequestReadingThroughTheProxyAndThis() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s29")).resources("/audit16/s29").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("BrandService.getBrandById")
        && t.toString().contains("name=updateBrand")), plan.targets() + " " + plan.refusals());

    MigrationPlan twin = new MigrationFixture(dir.resolve("s29twin")).resources("/audit16/s29twin").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getBrandById")
        && r.reason().contains("open-session-in-view")), twin.refusals().toString());
  }
}
