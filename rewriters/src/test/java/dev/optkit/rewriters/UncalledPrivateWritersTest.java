package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private method nothing calls can never run, so what it writes changes no data: a trial's JdbcTemplate DAO kept an
 * old private save nothing called, and every read of the tables it named was refused for a writer no eviction could
 * reach (cache.writer-cannot-evict). The read is cached, evicted by the public save that runs. The near misses (a
 * private method named in a method reference, or called from a nested class, runs) are
 * {@code NeverRunningMethodsTest}'s, on the index that answers for both.
 */
class UncalledPrivateWritersTest {
  @TempDir Path dir;

  private static final String DAO = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;

      @Repository
      public class AddressDao {
          private final JdbcTemplate jdbc;

          public AddressDao(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public String street(long id) {
              return jdbc.queryForObject("SELECT street FROM address WHERE id = ?", String.class, id);
          }

          public void save(long id, String street) {
              insert(id, street);
          }

          private void insert(long id, String street) {
              jdbc.update("INSERT INTO address (id, street) VALUES (?, ?)", id, street);
          }

          private void oldSave(long id, String street) {
              jdbc.update("UPDATE address SET street = ? WHERE id = ?", street, id);
          }
      }
      """;

  @Test
  void aPrivateMethodNothingCallsWritesNothing() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("uncalled")).java(DAO).plan();
    CachingTarget street = target(plan, "street").orElseThrow(() -> new AssertionError(plan.refusals().toString()));
    assertEquals(List.of("AddressDao.save"), street.evictions().stream()
        .map(e -> e.writer().fact().displayName()).distinct().toList());
  }

  private static Optional<CachingTarget> target(MigrationPlan plan, String method) {
    return plan.targets().stream().filter(t -> t.method().fact().name().equals(method)).findFirst();
  }

  /**
   * Spring XML may run a private method by its name (init-method): named in any module's XML, a web module's naming a
   * core module's class too, the method runs, and its write counts.
   */
  @Test
  void aPrivateMethodSpringXmlNamesRuns() {
    String xml = "<beans xmlns=\"http://www.springframework.org/schema/beans\">\n"
        + "  <bean class=\"shop.AddressDao\" init-method=\"oldSave\"/>\n</beans>\n";
    MigrationPlan plan = new MigrationFixture(dir.resolve("xml")).java(DAO)
        .file("src/main/resources/context.xml", xml).plan();
    assertNotEquals(Optional.of(List.of("AddressDao.save")), target(plan, "street").map(UncalledPrivateWritersTest::evictedBy),
        plan.refusals().toString());
    MigrationPlan modules = new MigrationFixture(dir.resolve("modules"))
        .file("core/src/main/java/shop/AddressDao.java", DAO).file("web/src/main/resources/context.xml", xml).plan();
    assertNotEquals(Optional.of(List.of("AddressDao.save")), target(modules, "street").map(UncalledPrivateWritersTest::evictedBy),
        modules.refusals().toString());
  }

  private static List<String> evictedBy(CachingTarget target) {
    return target.evictions().stream().map(e -> e.writer().fact().displayName()).distinct().toList();
  }
}
