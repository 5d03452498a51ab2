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
 * Hostile review 46 (2026-11-26) of the page-size cap, the unread test sources that block nothing, and the
 * configuration's package, reduced to {@code src/test/resources/hostile46/} over {@code reasons44/pagesize}.
 */
class HostileFortySixTest {
  @TempDir Path dir;

  private MigrationPlan plan(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/reasons44/pagesize").resources("/hostile46/" + name)
        .plan();
  }

  /**
   * U1: a Spock spec bootstrapped by {@code @BootstrapWith(SpringBootTestContextBootstrapper)} gets the service and
   * a JdbcTemplate through {@code @Value('#{photoService}')}, names no project type, and reads its own update back:
   * cached, its own test failed. It blocks again.
   */
  @Test
  void aSpecReachingBeansByTheirNamesBlocks() {
    MigrationPlan plan = plan("g1");
    assertTrue(plan.targets().isEmpty(), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().contains("TitleSpec.groovy is not analysed")),
        plan.refusals().toString());
  }

  /**
   * S1: a local {@code MAX_SIZE} of 100,000 shadowing the class's constant of 30; S2: the checked size multiplied on
   * the way to the query ({@code helper(page, size * 1000)}). Both bound nothing, and the paged read stays refused.
   */
  @ParameterizedTest
  @ValueSource(strings = {"c1", "r15"})
  void aCapThatDoesNotBoundTheRowsIsNone(String name) {
    MigrationPlan plan = plan(name);
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PhotoService.getAllPhotos")),
        name + ": " + plan.targets());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getAllPhotos")
        && r.reason().contains("its key holds a size the caller chooses")), name + ": " + plan.refusals());
  }

  /**
   * C1: the application's scan excludes {@code blog.config}, where its @Configuration classes are (imported): the
   * generated configuration goes to the scanned package, not beside them. C2: a plain Spring @Configuration scanning
   * {@code blog} from {@code blog.config}: the beans of {@code blog} are in its context, and their reads are cached.
   */
  @Test
  void theConfigurationGoesWhereTheScanFindsIt() {
    MigrationPlan filtered = plan("p4a");
    assertTrue(filtered.changes().stream().anyMatch(c -> c.path().toString().replace('\\', '/')
        .endsWith("src/main/java/blog/OptkitCacheConfig.java")), filtered.changes().toString());

    MigrationPlan plain = plan("p4c");
    assertFalse(plain.refusals().stream().anyMatch(r -> r.reason().contains("outside the component scan")),
        plain.refusals().toString());
    assertTrue(plain.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PhotoService.getAllPhotos")),
        plain.targets() + " " + plain.refusals());
  }
}
