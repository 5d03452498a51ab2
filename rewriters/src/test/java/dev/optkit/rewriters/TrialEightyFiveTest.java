package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 85's F1 (Krit-90/department-service, 12 reads): a writer called through {@code this} in
 * {@code repo.findAll().forEach(item -> rename(..))} was "called where no eviction would run", though the forEach of a
 * Spring Data query's answer runs the callback at once, so an eviction on the outer method covers it (kept in a local
 * first, the same code was cached). The forEach of what a project method answers, or with a project class extending a
 * JDK container, still refuses.
 */
class TrialEightyFiveTest {
  @TempDir Path dir;

  private static final String SERVICE = "src/main/java/r/ItemService.java";

  @Test
  void aWriterCalledInTheForEachOfARepositorysAnswerIsEvictedAroundItsCaller() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("repo")).resources("/trial85/r1").plan();
    var cached = plan.targets().stream().filter(t -> t.method().fact().name().equals("getName")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.refusals().stream().map(Refusal::reason).toList().toString()));
    assertEquals(java.util.List.of("rename", "renameAll"), cached.evictions().stream()
        .map(e -> e.writer().fact().name()).distinct().sorted().toList());
  }

  @Test
  void theForEachOfAProjectMethodsAnswerStillRefuses() {
    assertRefused(new MigrationFixture(dir.resolve("helper")).resources("/trial85/r1").file(SERVICE, """
        package r;
        import org.springframework.stereotype.Service;
        @Service
        public class ItemService {
            private final ItemRepository repo;
            public ItemService(ItemRepository repo) { this.repo = repo; }
            public String getName(Long id) { return repo.findById(id).map(Item::getName).orElse(null); }
            public String rename(Long id, String name) {
                Item item = repo.findById(id).orElseThrow();
                item.setName(name);
                return repo.save(item).getName();
            }
            public void renameAll(String name) { items().forEach(item -> rename(item.getId(), name)); }
            Iterable<Item> items() { return new Later(repo.findAll()); }
        }
        """).file("src/main/java/r/Later.java", """
        package r;
        import java.util.Iterator;
        import java.util.List;
        import java.util.function.Consumer;
        class Later implements Iterable<Item> {
            private final List<Item> items;
            Later(List<Item> items) { this.items = items; }
            public Iterator<Item> iterator() { return items.iterator(); }
            public void forEach(Consumer<? super Item> action) { new Thread(() -> items.forEach(action)).start(); }
        }
        """).plan());
  }

  private static void assertRefused(MigrationPlan plan) {
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("getName("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: getName"));
    assertTrue(reason.contains("renameAll()"), reason);
  }
}
