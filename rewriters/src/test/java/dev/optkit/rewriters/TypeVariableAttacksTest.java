package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Caches a hostile review of the typing of inherited fields, type variables and interface-typed entities made
 * serve stale or detached data (2026-11-26, night; {@code src/test/resources/hostile30/}, as the reviewer wrote
 * them): a getter a subclass implements, a method parameter or a pattern variable of a repository type, a
 * variable bounded by another; entities of two types in one result, an entity returned as {@code Object}.
 */
class TypeVariableAttacksTest {
  @TempDir Path dir;

  private MigrationPlan attack(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/hostile30/" + name).plan();
  }

  private static Optional<CachingTarget> target(MigrationPlan plan, String displayName) {
    return plan.targets().stream().filter(t -> t.method().fact().displayName().equals(displayName)).findFirst();
  }

  /** Every write of these projects goes through a repository the new typing must see: a cached read is evicted. */
  @ParameterizedTest
  @ValueSource(strings = {"e2b", "e3", "e5", "e8b", "e1", "e1b", "e3b", "e3c"})
  void aWriteThroughARepositoryTheTypingMustSeeEvictsTheRead(String attack) {
    MigrationPlan plan = attack(attack);
    for (String read : new String[] {"ProductService.getOwner", "OrderService.getStatus"}) {
      target(plan, read).ifPresent(target -> assertFalse(target.evictions().isEmpty(),
          read + " cached with no eviction: " + plan.targets()));
    }
  }

  /**
   * A name written in an anonymous class (e10), a member class that extends another (e4), an inner class using its
   * outer instance's inherited field (e6), a local class capturing its method's parameter (e9c), a static import the superclass's private field of that name does not hide (e16), or a field 19
   * superclasses up (e18): Java resolves it in the innermost class body first, and a write through it must evict
   * the read of what it writes (hostile review 30 proved each stale by a run).
   */
  @ParameterizedTest
  @ValueSource(strings = {"e4", "e6", "e9c", "e10", "e16", "e18"})
  void aNameResolvedInTheInnermostClassBodyEvictsWhatItWrites(String attack) {
    MigrationPlan plan = attack(attack);
    // e6 closes no order: its lost write was the product's
    target(plan, "OrderService.getStatus").filter(t -> !attack.equals("e6")).ifPresent(target -> assertTrue(target.evictions().stream()
        .anyMatch(e -> java.util.Set.of("closeOrder", "close", "act").contains(e.writer().fact().name())),
        "the order's status cached without the closing write's eviction: " + target.evictions()));
    target(plan, "ProductService.getOwner").ifPresent(target -> assertTrue(target.evictions().stream()
        .anyMatch(e -> java.util.Set.of("update", "reassign", "set", "write").contains(e.writer().fact().name())),
        "the owner cached without the product's write's eviction: " + target.evictions()));
  }

  /**
   * {@code @Transactional retitle: for (Book t : finder.titled(from)) t.setTitle(to)}, the books loaded by a helper
   * returning {@code List<Book>} (k9b) or {@code List<Titled>} (k9): the flush writes the titles, so the cached
   * native read of a title must be evicted by the retitling.
   */
  @ParameterizedTest
  @ValueSource(strings = {"k9", "k9b"})
  void entitiesAHelperReturnsChangedInATransactionEvictWhatReadsThem(String attack) {
    MigrationPlan plan = attack(attack);
    target(plan, "Books.titleOf").ifPresent(target -> assertTrue(target.evictions().stream()
        .anyMatch(e -> e.writer().fact().name().equals("retitle")), "evicted only by " + target.evictions()));
  }

  /** {@code Map<Labeled, List<Book>>} (k10), an entity returned as {@code Object} (k2): refused, not cached detached. */
  @ParameterizedTest
  @ValueSource(strings = {"k10", "k2"})
  void entitiesOfSeveralTypesOrOfNoNamedTypeAreNotCached(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(target(plan, "Books.byGenre").isPresent(), plan.targets().toString());
    assertFalse(target(plan, "Books.byId").isPresent(), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().contains("several types")
        || r.reason().contains("no type names")), plan.refusals().toString());
  }
}
