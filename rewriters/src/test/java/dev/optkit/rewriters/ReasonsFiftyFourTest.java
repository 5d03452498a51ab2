package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The false reason trial 54 (2026-11-27) found, reduced to {@code src/test/resources/trial54/}. */
class ReasonsFiftyFourTest {
  @TempDir Path dir;

  private static String reasonFor(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError(method + " not refused: "
            + plan.targets() + " " + plan.refusals()));
  }

  /**
   * F2 (mtopolovec's Ingemark assignment): a request adding a product reads findByName, then saves a new product;
   * the refusal said addProduct() "loads them too", which it does not: it saves one, and a saved entity stays in the
   * request's persistence context as a loaded one does (so the refusal holds, for that reason). The twin loads a
   * product first (ingemark's updateProduct) and keeps the "loads" reason.
   */
  @Test
  void aMethodThatOnlySavesTheEntitiesIsSaidToSaveThem() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("save")).resources("/trial54/osivsave").plan();
    String reason = reasonFor(plan, "findByName");
    assertTrue(reason.contains("also runs ProductService.addProduct(), which saves them too (an entity it saves stays "
        + "in the request's persistence context, as a loaded one does)"), reason);

    MigrationPlan twin = new MigrationFixture(dir.resolve("load")).resources("/trial54/osivsave")
        .resources("/trial54/osivload").plan();
    String loads = reasonFor(twin, "findByName");
    assertTrue(loads.contains("also runs ProductService.addProduct(), which loads them too"), loads);
  }
}
