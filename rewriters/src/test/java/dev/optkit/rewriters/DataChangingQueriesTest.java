package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository query that changes data, however its text starts, is never cached and evicts the caches of what it
 * writes: a native {@code WITH gone AS (DELETE ... RETURNING id) SELECT count(*) FROM gone} was planned for @Cacheable
 * once, because one reader decided by the first word while the SQL reader said write.
 */
class DataChangingQueriesTest {
  @TempDir Path dir;

  private static final String REPOSITORY = """
      package r;

      import java.util.List;
      import org.springframework.data.jpa.repository.JpaRepository;
      import org.springframework.data.jpa.repository.Query;

      public interface CategoryRepository extends JpaRepository<Category, Long> {
          List<Category> findByTitleStartingWith(String prefix);

          @Query(value = "%s", nativeQuery = true)
          long purge(String title);
      }
      """;

  private static final String JANITOR = """
      package r;

      import org.springframework.stereotype.Service;

      @Service
      public class Janitor {
          private final CategoryRepository categories;

          public Janitor(CategoryRepository categories) {
              this.categories = categories;
          }

          public long purge(String title) {
              return categories.purge(title);
          }
      }
      """;

  @ParameterizedTest
  @ValueSource(strings = {
      "WITH gone AS (DELETE FROM category WHERE title = ?1 RETURNING id) SELECT count(*) FROM gone",
      "WITH gone AS (DELETE FROM category WHERE title = ?1) SELECT count(*) FROM category",
      "WITH moved AS (UPDATE category SET title = 'x' WHERE title = ?1 RETURNING id) SELECT count(*) FROM moved",
      "CALL purge_categories(?1)",
      "UPDATE category SET title = 'x' WHERE title = ?1 RETURNING id",
      "INSERT INTO category (title) SELECT title FROM category WHERE title = ?1",
      "MERGE INTO category c USING (SELECT ?1 AS title) s ON (c.title = s.title) WHEN MATCHED THEN UPDATE SET title = 'x'"})
  void aQueryThatChangesDataIsNeverCachedAndEvictsWhatReadsItsTable(String sql) {
    MigrationPlan plan = new MigrationFixture(dir).resources("/reasons43/s16e")
        .file("src/main/java/r/CategoryRepository.java", REPOSITORY.formatted(sql))
        .file("src/main/java/r/Janitor.java", JANITOR).plan();
    List<String> cached = plan.targets().stream().map(t -> t.method().fact().name()).toList();
    assertTrue(!cached.contains("purge"), cached.toString());
    Optional<CachingTarget> titles = plan.targets().stream().filter(t -> t.method().fact().name().equals("titles")).findFirst();
    assertTrue(titles.isPresent(), plan.refusals().toString());
    assertEquals(1, titles.get().evictions().stream().filter(e -> e.writer().fact().name().equals("purge")
        && e.writer().fact().ownerType().equals("r.Janitor")).count(), titles.get().evictions().toString());
  }
}
