package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
