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
 * Hostile review 32 of this session's later allowances (/tmp/hostile32, 2026-11-26): each case here was cached and
 * proven wrong by a Spring Boot run (a stale answer, a memory bound broken, an application that did not start). The
 * projects are under {@code src/test/resources/hostile32/}, as the reviewer wrote them.
 */
class HostileThirtyTwoTest {
  @TempDir Path dir;

  private MigrationPlan attack(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/hostile32/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  /**
   * A page class weighed through a getter that returns less than it holds: a record's own accessor returning a sub
   * list (w1), another field holding the page again as text (w4), a subclass holding more (w5). The run showed a
   * weighted size of 2,000 while the cache held 219,900 names under a bound of 100,000.
   */
  @ParameterizedTest
  @ValueSource(strings = {"w1", "w4", "w5"})
  void aPageTheGetterUndercountsIsNotWeighedThroughIt(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(plan.targets().stream().anyMatch(t -> t.contentGetter() != null), plan.targets().toString());
  }

  /**
   * A bodiless write only XML configuration calls ({@code <task:scheduled ref="catRepository"
   * method="anonymiseAll"/>}: d8; and a service reading what it writes, b12) is no uncalled method; a caller that is a record bean cannot be proxied (d4:
   * the application failed to start); an override no eviction can go on (a non-bean's, o1; a final one, o4).
   */
  @ParameterizedTest
  @ValueSource(strings = {"d8", "b12", "d4", "o1", "o4"})
  void aWriteNoEvictionCanFollowRefusesTheRead(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatRepository.nameOf"), plan.targets().toString());
    assertFalse(cached(plan, "CatReader.name"), plan.targets().toString());
  }

  /** Open in view, Boot's default: a self-call's changed entity is the one a later call of the request caches (a2b). */
  @Test
  void aSelfCallChangingAnEntityInAnOpenViewRefuses() {
    MigrationPlan plan = attack("a2b");
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
    // the refusal says what makes it hold: only open in view (techmart's findCategoryById read as a false reason)
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("find("))
        .map(dev.optkit.rewriters.caching.Refusal::reason).findFirst().orElseThrow();
    assertTrue(reason.contains("only because of open-session-in-view on (Spring Boot's default)"), reason);
  }

  /** Spring Data REST declared in the Gradle version catalog ({@code implementation(libs.boot.rest)}: r7). */
  @Test
  void springDataRestFromAVersionCatalogIsSeen() {
    MigrationPlan plan = attack("r7");
    assertFalse(cached(plan, "CatReader.name"), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().startsWith("Spring Data REST exports")),
        plan.refusals().toString());
  }

  /**
   * A repository Spring Data REST does not export: {@code @RepositoryRestResource(exported = false)} (r9), or none
   * annotated where {@code spring.data.rest.detection-strategy=annotated} (r10); each refused before as exported.
   * Their twins: the same settings commented out, or in a profile's document beside one that exports it.
   */
  @Test
  void aRepositorySpringDataRestDoesNotExportIsNoExportedWriter() {
    for (String attack : new String[] {"r9", "r10"}) {
      MigrationPlan plan = attack(attack);
      assertTrue(plan.refusals().stream().noneMatch(r -> r.reason().startsWith("Spring Data REST exports")),
          attack + ": " + plan.refusals());
    }
    MigrationPlan commented = new MigrationFixture(dir.resolve("r10-commented")).resources("/hostile32/r10")
        .file("src/main/resources/application.properties", "#spring.data.rest.detection-strategy=annotated\n").plan();
    assertTrue(commented.refusals().stream().anyMatch(r -> r.reason().startsWith("Spring Data REST exports")),
        commented.refusals().toString());
    MigrationPlan profiled = new MigrationFixture(dir.resolve("r10-profile")).resources("/hostile32/r10")
        .file("src/main/resources/application.yml", """
            spring:
              data:
                rest:
                  detection-strategy: annotated
            ---
            spring:
              config:
                activate:
                  on-profile: open
              data.rest.detection-strategy: all
            """).file("src/main/resources/application.properties", "").plan();
    assertTrue(profiled.refusals().stream().anyMatch(r -> r.reason().startsWith("Spring Data REST exports")),
        profiled.refusals().toString());
  }

  @Test
  void theControlsStayCached() {
    MigrationPlan page = attack("w0");
    assertTrue(page.targets().stream().anyMatch(t -> "content".equals(t.contentGetter())
        || "getContent".equals(t.contentGetter())), page.targets().toString());
    MigrationPlan writer = attack("d0");
    assertTrue(cached(writer, "CatRepository.nameOf"), writer.refusals().toString());
  }

  /**
   * A response wrapper's subclass keeps the result through {@code super(200, "ok", rows)} and its overriding getter
   * sorts it: the serialiser's read changes the cached list (f9: {@code /admin/owners} answered {@code amy,zed,}
   * instead of {@code zed,amy,} after one {@code /products}).
   */
  @Test
  void aWrapperSubclassWhoseGetterChangesTheValueRefuses() {
    MigrationPlan plan = attack("f9");
    assertFalse(cached(plan, "ProductCatalog.list"), plan.targets().toString());
  }

  /**
   * A write through an interface the repository extends ({@code CatService} holds a {@code NameWriter}, which
   * {@code CatRepository} extends, redeclaring {@code rename} with its {@code @Modifying @Query}): the caller has no
   * site of its own, and the read of the name was cached with no eviction (found reading b11 of review 32, whose
   * repository file was empty).
   */
  @Test
  void aWriteThroughAnInterfaceTheRepositoryExtendsEvicts() {
    MigrationPlan plan = attack("b11");
    plan.targets().stream().filter(t -> t.method().fact().displayName().equals("CatReader.name")).forEach(target ->
        assertTrue(target.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals("CatService.rename")),
            "cached with no eviction by CatService.rename: " + target.evictions()));
    assertTrue(cached(plan, "CatReader.name") || plan.refusals().stream().anyMatch(r -> r.reason().contains("rename")),
        plan.refusals().toString());
  }
}
