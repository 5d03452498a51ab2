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
 * Audit 12 (/tmp/audit12, 2026-11-26): refusals judged false on real services, and a test-only hole, reduced to the
 * projects under {@code src/test/resources/audit12/}; beside each, the control that must keep its answer.
 */
class TwelfthAuditReasonsTest {
  @TempDir Path dir;

  private MigrationPlan project(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/audit12/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  private static String reason(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.toString().contains(method)).map(Object::toString)
        .findFirst().orElse("");
  }

  /**
   * s13: a public writer entered through its proxy calls the service's save through 'this' inside a transaction
   * template's callback (s13) or as {@code names.forEach(this::save)} (s13d): both run before it returns, so an
   * eviction on it follows every write; "no eviction would run" was false. The controller hands it a copy, {@code new
   * ArrayList<>(names)}: the request body's own list is what converters make (a Jackson module's may defer its
   * forEach: hostile review 91's F2), so only a copy is proven to run the callback at once.
   */
  @ParameterizedTest
  @ValueSource(strings = {"s13", "s13d"})
  void aSelfCallRunInPlaceIsEvictedByItsCaller(String name) {
    MigrationPlan plan = project(name);
    assertTrue(cached(plan, "EventService.getAll"), plan.refusals().toString());
    assertTrue(plan.targets().stream().filter(t -> t.method().fact().displayName().equals("EventService.getAll"))
        .allMatch(t -> t.toString().contains("createEvents")), plan.targets().toString());
  }

  /**
   * s11: a map the constructor keeps in a private final field and only reads with get() is changed by nobody (the
   * reason said "anyone may change it"); a user made part of a login's credentials is refused for that.
   */
  @Test
  void aContainerOnlyReadInPlaceIsNoSharedChange() {
    MigrationPlan plan = project("s11");
    assertFalse(reason(plan, "findAllStatuses").contains("may change it"), reason(plan, "findAllStatuses"));
    assertTrue(reason(plan, "getByEmail").contains("credentials"), reason(plan, "getByEmail"));
  }

  /** A test deleting rows before it reads them over HTTP reads back through the handlers' caches (afisha's). */
  @Test
  void aTestWritingUnderTheApplicationItCallsOverHttpRefuses() {
    MigrationPlan plan = project("http");
    assertFalse(cached(plan, "EventService.getAll"), plan.targets().toString());
    assertTrue(reason(plan, "EventService.getAll").contains("test"), reason(plan, "EventService.getAll"));
  }

  /** The control: a test writing rows without reaching any handler or reader leaves the cache. */
  @Test
  void aTestWritingWithoutReadingBackLeavesTheCache() {
    MigrationPlan plan = project("http0");
    assertTrue(cached(plan, "EventService.getAll"), plan.refusals().toString());
  }

  /**
   * g1: the authors' {@code @Cacheable} on an interface method covers its implementation (Spring finds it there); a
   * second cache on the implementation would replace theirs, so it is not proposed.
   */
  @Test
  void anInterfacesCacheableCoversItsImplementation() {
    MigrationPlan plan = project("g1");
    assertFalse(cached(plan, "IconServiceImpl.names"), plan.targets().toString());
  }

  /** s10e: an entity put in a view's model is refused for a view optkit does not read, not for a read it saw. */
  @Test
  void aModelAttributesLazyAssociationsAreSaidUnread() {
    MigrationPlan plan = project("s10e");
    String reason = reason(plan, "findWithIcon");
    assertTrue(reason.contains("a view optkit does not read"), reason);
    assertFalse(reason.contains("read there after the load"), reason);
  }

  /**
   * A service read nothing calls, in an application with handlers, is no cache level: the repository read a handler
   * does use is cached in its place (afisha's EventTypeService.getById stood above EventTypeRepository.findById).
   */
  @Test
  void anUncalledReadGivesWayToTheOneItsCallersUse() {
    MigrationPlan plan = project("uncalled");
    assertFalse(cached(plan, "EventService.getById"), plan.targets().toString());
    assertTrue(reason(plan, "EventService.getById").contains("no production code"), reason(plan, "EventService.getById"));
    assertTrue(cached(plan, "EventRepository.findById"), plan.refusals().toString());
  }

  /** A handler reading its repository's inherited findAll() itself: the refusal says why nothing else is cached (g10). */
  @Test
  void aHandlerReadingAnInheritedQuerySaysHowToCacheIt() {
    MigrationPlan plan = project("g10");
    String reason = plan.notCacheable().stream().filter(r -> r.contains("DishController.names")).findFirst().orElse("");
    assertTrue(reason.contains("DishRepository.findAll() itself"), plan.notCacheable().toString());
  }
}
