package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository query no production code calls, returning a list: whoever calls it (the framework, code outside the
 * project) may change the one list a cache would share (prove51: {@code findUserStatistics().clear()} on
 * cleverjohann's migrated copy left every later call an empty list for the TTL).
 */
class UncalledQueriesTest {
  @TempDir Path dir;

  private static final String REPOSITORY = """
      package r;
      import java.util.List;
      import org.springframework.data.jpa.repository.*;
      public interface ShopRepository extends JpaRepository<Shop, Integer> {
        @Query(value = "select shop.name from shop", nativeQuery = true) List<String> names();
        @Query(value = "select count(*) from shop", nativeQuery = true) long count2();
      }
      """;
  private static final String SHOP = """
      package r;
      import jakarta.persistence.*;
      @Entity public class Shop { @Id @GeneratedValue private Integer id; private String name; }
      """;

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  @Test
  void anUncalledQueryReturningAListIsRefused() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("p")).file("src/main/java/r/Shop.java", SHOP)
        .file("src/main/java/r/ShopRepository.java", REPOSITORY).plan();
    assertFalse(cached(plan, "ShopRepository.names"), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().equals("names()")
        && r.reason().startsWith("no production code in the project calls it")), plan.refusals().toString());
    // a long nobody can change: not refused for its callers (this fixture has no Spring context, its own reason)
    assertFalse(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().equals("count2()")
        && r.reason().startsWith("no production code")), plan.refusals().toString());
  }

  @Test
  void aQueryAServiceCallsIsCached() {
    // its true twin: a service calls it and does not change what it gets
    MigrationPlan plan = new MigrationFixture(dir.resolve("twin")).file("src/main/java/r/Shop.java", SHOP)
        .file("src/main/java/r/ShopRepository.java", REPOSITORY).file("src/main/java/r/Shops.java", """
            package r;
            @org.springframework.stereotype.Service public class Shops {
              private final ShopRepository repo; public Shops(ShopRepository repo) { this.repo = repo; }
              public int count() { return repo.names().size(); }
            }
            """).plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().startsWith("no production code")),
        plan.refusals().toString());
  }
}
