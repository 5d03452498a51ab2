package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** False reasons found by the audits and trials of 2026-11-26 (eladmin, audit 16, trial 42), reduced to {@code src/test/resources/reasons43/}. */
class ReasonsFortyThreeTest {
  @TempDir Path dir;

  /**
   * eladmin's MenuController.childMenu collects a menu and its children into a set and answers their ids, {@code
   * map(Menu::getId)} with Lombok's getter: a Set of Longs, no entity, so findOne was refused for a response "whose
   * serialisation reads its lazy associations (roles)" that never holds a menu. The twin answers {@code
   * map(Menu::getRoles)}, reading the lazy association of each menu, and stays refused for it.
   */
  @Test
  void idsMappedFromCollectedEntitiesAreNoEntity() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("ids")).resources("/reasons43/ids").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("lazy associations")), plan.refusals().toString());
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("MenuService.findOne")
        && t.toString().contains("name=rename")), plan.targets() + " " + plan.refusals());

    // with open-session-in-view on, the request loads menus (getChildMenus' findByPid) besides findOne: refused for that
    MigrationPlan inView = new MigrationFixture(dir.resolve("idsview")).resources("/reasons43/ids")
        .file("src/main/resources/application.properties", "spring.jpa.open-in-view=true\n").plan();
    assertTrue(inView.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findOne")
        && r.reason().contains("open-session-in-view") && r.reason().contains("which loads them too")),
        inView.refusals().toString());

    MigrationPlan twin = new MigrationFixture(dir.resolve("idstwin")).resources("/reasons43/ids").resources("/reasons43/idstwin").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findOne")
        && r.reason().contains("MenuController.childMenu() reads its lazy association roles (getRoles())")),
        twin.refusals().toString());
  }

  /**
   * Audit 16's S16e: a transaction that loaded an account before reading categories was said to hold "instances that
   * transaction's persistence context already holds", though it holds no category nor anything reaching one. The twin
   * loads a category first, whose instance Hibernate then answers with, and stays refused for that.
   */
  @Test
  void aTransactionThatLoadedOnlyOtherEntitiesHoldsNoneOfTheRead() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s16e")).resources("/reasons43/s16e").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("persistence context already holds")),
        plan.refusals().toString());
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatalogService.titles")
        && t.toString().contains("name=rename")), plan.targets() + " " + plan.refusals());

    MigrationPlan twin = new MigrationFixture(dir.resolve("s16etwin")).resources("/reasons43/s16e").resources("/reasons43/s16etwin").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("titles")
        && r.reason().contains("inside the transaction of OverviewService.overview()")
        && r.reason().contains("persistence context already holds")), twin.refusals().toString());
  }

  /**
   * Trial 42 (gtiwari333/spring-boot-blog-app's NoteService): {@code findById(id).map(note -> { ...; return save(note);
   * }).orElseThrow()} runs the self-call of the writer at once, so update() carries the eviction; it was said to be
   * called "through 'this' ... where no eviction would run", and the read refused.
   */
  @Test
  void aSelfCallInOptionalsMapRunsInPlace() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("optmap")).resources("/reasons43/optmap").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("NoteService.read")
        && t.toString().contains("name=update") && t.toString().contains("name=create")), plan.targets() + " " + plan.refusals());

    // the twin returns a stream whose map has not run: its saves come after touchAll() returned
    MigrationPlan twin = new MigrationFixture(dir.resolve("optmaptwin")).resources("/reasons43/optmap").resources("/reasons43/optmaptwin").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("read(")
        && r.reason().contains("touchAll()")), twin.refusals().toString());
  }

  /**
   * Trial 42: with a Groovy test spec unread no cache is proven, yet the repository read was refused as "called by
   * PersonService.exists(), which is cached in this migration", which was refused in turn: both now say why.
   */
  @Test
  void noReadIsSaidToBeBelowACacheThatIsNotMade() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("groovylevel")).resources("/reasons43/groovylevel").plan();
    assertTrue(plan.targets().isEmpty(), plan.targets().toString());
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("cached in this migration")),
        plan.refusals().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("existsByName")
        && r.reason().contains("is not analysed")), plan.refusals().toString());
  }

  /**
   * Trial 42: {@code @PreAuthorize("@permService.hasAccess(#id)")} calls the bean's method through its proxy, so it is
   * no method "only called through 'this'" (its self-call from hasPermission() aside).
   */
  @Test
  void aMethodAnAnnotationsSpelCallsIsCalledThroughTheProxy() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("spel")).resources("/reasons43/spel").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("hasAccess")
        && r.reason().contains("only called through 'this'")), plan.refusals().toString());
  }

  /**
   * The open-session-in-view rule and a handler calling one of two reads per request (techmart's order list by user
   * or by user and status, petclinic-rest's owners by name or all): no request loads both, so both are cached. The
   * twin reads both in one request, and both stay refused.
   */
  @Test
  void readsInExclusiveBranchesOfAHandlerShareNoRequest() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("branches")).resources("/reasons43/branches").plan();
    for (String read : new String[] {"OrderService.byUser", "OrderService.byUserAndStatus"}) {
      assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(read)),
          read + ": " + plan.targets() + " " + plan.refusals());
    }
    MigrationPlan twin = new MigrationFixture(dir.resolve("branchestwin")).resources("/reasons43/branches")
        .resources("/reasons43/branchestwin").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("byUser(")
        && r.reason().contains("open-session-in-view")), twin.refusals().toString());
  }
}
