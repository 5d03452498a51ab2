package dev.optkit.rewriters;


import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At the plan: a read whose constant text optkit would take from the wrong declaration (a static
 * import on demand before a single one; an outer class's constant before an inherited one; a field shadowed by a
 * local) is planned cached, and the write of the table it really reads does not evict it.
 */
class ConstantShadowingEvictionsTest {
  @TempDir Path dir;


  private static final String DAO_TAIL = """

          public void rename(String code, String name) {
              jdbc.update("UPDATE orders SET name = ? WHERE code = ?", name, code);
          }

          public void renameArchived(String code, String name) {
              jdbc.update("UPDATE archive SET name = ? WHERE code = ?", name, code);
          }
      }
      """;


  /** {@code import static ..ArchiveQueries.*;} then {@code import static ..OrderQueries.NAME;}: NAME is orders'. */
  @Test
  void aSingleStaticImportAfterAnOnDemandOneLeavesACacheStale() {
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM).java("""
        package shop.sql;
        public class ArchiveQueries {
            public static final String NAME = "SELECT name FROM archive";
        }
        """).java("""
        package shop.sql;
        public class OrderQueries {
            public static final String NAME = "SELECT name FROM orders";
        }
        """).java("""
        package shop;

        import static shop.sql.ArchiveQueries.*;
        import static shop.sql.OrderQueries.NAME;

        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class OrderDao {
            private final JdbcTemplate jdbc;

            public OrderDao(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public String name(String code) {
                return jdbc.queryForObject(NAME + " WHERE code = ?", String.class, code);
            }
        """ + DAO_TAIL).plan();
    MigrationFixture.assertNotStale(plan, "OrderDao.name", "OrderDao.rename");
  }

  /** Archive's TABLE is ArchiveBase's (inherited, same file), not the outer Queries' TABLE. */
  @Test
  void anOuterClasssConstantTakenForAnInheritedOneLeavesACacheStale() {
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM).java("""
        package shop;
        public class Queries {
            static final String TABLE = "orders";
            static class ArchiveBase {
                static final String TABLE = "archive";
            }
            public static class Archive extends ArchiveBase {
                public static final String NAME = "SELECT name FROM " + TABLE;
            }
        }
        """).java("""
        package shop;

        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class OrderDao {
            private final JdbcTemplate jdbc;

            public OrderDao(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public String archivedName(String code) {
                return jdbc.queryForObject(Queries.Archive.NAME + " WHERE code = ?", String.class, code);
            }
        """ + DAO_TAIL).plan();
    MigrationFixture.assertNotStale(plan, "OrderDao.archivedName", "OrderDao.renameArchived");
  }

  /** A local NAME shadows the field NAME; joined with another class's constant, the field's text is taken. */
  @Test
  void aFieldTakenForTheLocalShadowingItLeavesACacheStale() {
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM).java("""
        package shop.sql;
        public class Filters {
            public static final String BY_CODE = " WHERE code = ?";
        }
        """).java("""
        package shop;

        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;
        import shop.sql.Filters;

        @Repository
        public class OrderDao {
            private static final String NAME = "SELECT name FROM orders";
            private final JdbcTemplate jdbc;

            public OrderDao(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public String archivedName(String code) {
                String NAME = "SELECT name FROM archive";
                return jdbc.queryForObject(NAME + Filters.BY_CODE, String.class, code);
            }
        """ + DAO_TAIL).plan();
    MigrationFixture.assertNotStale(plan, "OrderDao.archivedName", "OrderDao.renameArchived");
  }
}
