package dev.optkit.rewriters;


import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At the plan: a repository query Spring Data runs as a selection that writes anyway (a named native DELETE ...
 * RETURNING; native SQL flagged by a constant) is a writer, and evicts the cached read of its table
 * (CatalogService.titles).
 */
class UnreadRepositoryQueryEvictionsTest {
  @TempDir Path dir;

  private static final String JANITOR = """
      package r;

      import java.util.List;
      import org.springframework.stereotype.Service;

      @Service
      public class Janitor {
          private final CategoryRepository categories;

          public Janitor(CategoryRepository categories) {
              this.categories = categories;
          }

          public List<Long> purge(String title) {
              return categories.purge(title);
          }
      }
      """;

  private MigrationPlan plan(String category, String repository) {
    return new MigrationFixture(dir).resources("/reasons43/s16e").file("src/main/java/r/Category.java", category)
        .file("src/main/java/r/CategoryRepository.java", repository).file("src/main/java/r/Janitor.java", JANITOR)
        .plan();
  }

  private static void assertTitlesNotStale(MigrationPlan plan) {
    MigrationFixture.assertNotStale(plan, "CatalogService.titles", "Janitor.purge");
  }

  private static final String CATEGORY = """
      package r;

      import jakarta.persistence.*;

      @Entity
      @NamedNativeQuery(name = "Category.purge", query = "DELETE FROM category WHERE title = ?1 RETURNING id")
      public class Category {
          @Id @GeneratedValue
          private Long id;
          private String title;
          public Long getId() { return id; }
          public String getTitle() { return title; }
          public void setTitle(String title) { this.title = title; }
      }
      """;

  @Test
  void aRepositoryMethodNamingANamedNativeDeleteEvictsTheCachedReadOfItsTable() {
    MigrationPlan plan = plan(CATEGORY, """
        package r;

        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.jpa.repository.Query;

        public interface CategoryRepository extends JpaRepository<Category, Long> {
            List<Category> findByTitleStartingWith(String prefix);

            @Query(name = "Category.purge")
            List<Long> purge(String title);
        }
        """);
    assertTitlesNotStale(plan);
  }

  @Test
  void aNativeQueryFlaggedByAConstantEvictsTheCachedReadOfItsTable() {
    MigrationPlan plan = plan(CATEGORY.replace("@NamedNativeQuery(name = \"Category.purge\", query = \"DELETE FROM category WHERE title = ?1 RETURNING id\")\n", ""), """
        package r;

        import com.vendor.Sql;
        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.jpa.repository.Query;

        public interface CategoryRepository extends JpaRepository<Category, Long> {
            boolean NATIVE = true;

            List<Category> findByTitleStartingWith(String prefix);

            @Query(value = Sql.PURGE_CATEGORIES + " AND title = ?1", nativeQuery = NATIVE)
            List<Long> purge(String title);
        }
        """);
    assertTitlesNotStale(plan);
  }

  /** Control (passes): the same named query read as a write (@Modifying here) evicts titles,  as the others. */
  @Test
  void controlTheNamedQueryReadAsAWriteEvicts() {
    MigrationPlan plan = plan(CATEGORY, """
        package r;

        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.jpa.repository.Modifying;
        import org.springframework.data.jpa.repository.Query;

        public interface CategoryRepository extends JpaRepository<Category, Long> {
            List<Category> findByTitleStartingWith(String prefix);

            @Modifying
            @Query(name = "Category.purge")
            List<Long> purge(String title);
        }
        """);
    assertTitlesNotStale(plan);
  }
}
