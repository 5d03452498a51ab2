package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code super.names()} calls the superclass's method: before, such a call had no receiver type and was linked only
 * where its name was unique in the project, so an override sorting what {@code super.names()} handed back (the
 * repository's cached list) went unseen and the repository read was cached (found from audit 10's base controllers,
 * whose reads looked uncalled). The project is under {@code src/test/resources/supercalls/}.
 */
class SuperCallsTest {
  @TempDir Path dir;

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  @Test
  void aChangeToWhatASuperCallReturnedIsAChangeToTheResult() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("p")).resources("/supercalls").plan();
    assertFalse(cached(plan, "ShopRepository.names"), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().contains("ShopReader.names() changes the result it gets")),
        plan.refusals().toString());
  }

  @Test
  void aSuperCallWhoseResultIsCopiedFirstLeavesItAlone() {
    // its true twin: the override sorts a copy
    MigrationPlan plan = new MigrationFixture(dir.resolve("twin")).resources("/supercalls")
        .file("src/main/java/r/ShopReader.java", """
            package r;
            import java.util.List;
            import org.springframework.stereotype.Service;
            @Service public class ShopReader extends BaseReader {
              @Override public List<String> names() { List<String> n = new java.util.ArrayList<>(super.names()); n.sort(null); return n; }
            }
            """).plan();
    // the service above it now caches the names: one cache level per data
    assertTrue(cached(plan, "ShopReader.names"), plan.refusals().toString());
  }
}
