package dev.optkit.rewriters;


import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At the plan: a read whose SQL text optkit took from the wrong constant, or a write it
 * reads as a read, is cached while a write of what it reads does not evict it.
 */
class ConstantTextEvictionsTest {
  @TempDir Path dir;




  /**
   * ArchiveDao's {@code Sql.FIND} is BaseDao's member class Sql (reads archive), not the package's top-level Sql (reads
   * orders): optkit plans the archive read cached, evicted by orders' writes and not by archive's.
   */
  @Test
  void anInheritedMemberClassTakenForTheTopLevelOneLeavesACacheStale() {
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM).java("""
        package shop;
        public class Sql {
            public static final String FIND = "SELECT name FROM orders";
        }
        """).java("""
        package shop;
        public class BaseDao {
            protected static class Sql {
                static final String FIND = "SELECT name FROM archive";
            }
        }
        """).java("""
        package shop;

        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class ArchiveDao extends BaseDao {
            private final JdbcTemplate jdbc;

            public ArchiveDao(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public String archivedName(String code) {
                return jdbc.queryForObject(Sql.FIND + " WHERE code = ?", String.class, code);
            }

            public void rename(String code, String name) {
                jdbc.update("UPDATE archive SET name = ? WHERE code = ?", name, code);
            }

            public void renameOrder(String code, String name) {
                jdbc.update("UPDATE orders SET name = ? WHERE code = ?", name, code);
            }
        }
        """).plan();
    MigrationFixture.assertNotStale(plan, "ArchiveDao.archivedName", "ArchiveDao.rename");
  }

  /**
   * {@code Queries.FIND} (orders) is read with the nested class's TABLE (archived_orders): a write to orders does not
   * evict the cached read of orders.
   */
  @Test
  void aNestedClasssConstantReadIntoTheOuterClasssTextLeavesACacheStale() {
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM).java("""
        package shop;
        public class Queries {
            static final String TABLE = "orders";
            public static final String FIND = "SELECT name FROM " + TABLE;
            public static class Archive {
                static final String TABLE = "archived_orders";
                public static final String FIND = "SELECT name FROM " + TABLE;
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

            public String orderName(String code) {
                return jdbc.queryForObject(Queries.FIND + " WHERE code = ?", String.class, code);
            }

            public void rename(String code, String name) {
                jdbc.update("UPDATE orders SET name = ? WHERE code = ?", name, code);
            }
        }
        """).plan();
    MigrationFixture.assertNotStale(plan, "OrderDao.orderName", "OrderDao.rename");
  }

  /** A subquery held in a constant optkit cannot read is bound as a value: its table's writes do not evict. */
  @Test
  void anUnreadSubqueryConstantLeavesACacheStale() {
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM).java("""
        package shop;
        public class Queries {
            public static final String BY_ITEMS = "SELECT count(*) FROM orders WHERE id IN (";
            public static final String SUBQUERY = sub("order_items");
            static String sub(String table) { return "SELECT order_id FROM " + table + " WHERE sku = ?"; }
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

            public Long ordersWithSku(String sku) {
                return jdbc.queryForObject(Queries.BY_ITEMS + Queries.SUBQUERY + ")", Long.class, sku);
            }

            public void addItem(long order, String sku) {
                jdbc.update("INSERT INTO order_items (order_id, sku) VALUES (?, ?)", order, sku);
            }
        }
        """).plan();
    MigrationFixture.assertNotStale(plan, "OrderDao.ordersWithSku", "OrderDao.addItem");
  }
}
