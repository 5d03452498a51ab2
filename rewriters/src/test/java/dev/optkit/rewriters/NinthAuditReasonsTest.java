package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refusal reasons the ninth audit (60 refusals on three projects no audit had read, 2026-11-26) found false, each
 * beside a true twin. Its smallest projects are under {@code src/test/resources/audit9/}, as it wrote them.
 */
class NinthAuditReasonsTest {
  @TempDir Path dir;

  private MigrationFixture project(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/audit9/" + name);
  }

  // ---- a @Modifying query method nothing calls (bugisthegod/techmart-ecommerce-backend: 12 refusals "a writer of
  // its data cannot evict it: ...Repository.xxx() writes ... but it has no body to evict from")

  @Test
  void aBodilessWriterNothingCallsWritesNothing() {
    MigrationPlan plan = project("s18-uncalled-writer").plan();
    assertFalse(plan.refusals().stream().map(Refusal::reason).anyMatch(r -> r.contains("has no body to evict from")),
        plan.refusals().toString());
    // its true twin: a service calls it, and the read is evicted there
    MigrationPlan called = project("s18-uncalled-writer").file("src/main/java/r/Purger.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class Purger {
          private final ItemRepository repo; public Purger(ItemRepository repo){this.repo=repo;}
          public void purge() { repo.purgeInactive(); }
        }
        """).plan();
    assertTrue(called.targets().stream().filter(t -> t.method().fact().displayName().equals("ItemListener.report"))
        .allMatch(t -> t.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals("Purger.purge"))),
        called.targets().toString());
  }

  // ---- a change made to what a call through 'this' returned (techmart's CategoryServiceImpl.updateCategory: Category c
  // = findCategoryById(id); BeanUtils.copyProperties(request, c)): Spring's proxy never serves a self-call from the cache

  @Test
  void aChangeToWhatASelfCallReturnedIsNoChangeToTheCachedObject() {
    MigrationPlan plan = project("s19-selfcall").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatService.find")),
        plan.refusals().toString());
    // its true twin: another bean, through the proxy, changes what it gets
    MigrationPlan other = project("s19-selfcall").file("src/main/java/r/Renamer.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class Renamer {
          private final CatService cats; public Renamer(CatService cats){this.cats=cats;}
          public void shout(Long id) { Cat c = cats.find(id); c.setName(c.getName().toUpperCase()); }
        }
        """).plan();
    assertTrue(other.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("find(")
        && r.reason().contains("Renamer.shout() changes the result it gets")), other.refusals().toString());
  }
}
