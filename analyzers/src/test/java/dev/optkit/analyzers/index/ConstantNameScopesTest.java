package dev.optkit.analyzers.index;

import static dev.optkit.analyzers.index.IndexSites.assertCovers;
import static dev.optkit.analyzers.index.IndexSites.site;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which constant a query text made of other classes' constants means, as Java scopes the names (JLS 6.4.1): an
 * inherited member class before the package's class of that name, a nested class's constant never its outer class's,
 * a variable before a type; where optkit cannot tell, the text and its footprint stay unknown, never another table.
 */
class ConstantNameScopesTest {
  @TempDir Path dir;



  /**
   * A member class inherited from the superclass (BaseDao.Sql) shadows the package's top-level Sql (JLS 6.4.1): the
   * subclass's {@code Sql.FIND} is the archive query; the symbol solver took the package's Sql (orders).
   */
  @Test
  void anInheritedMemberClassShadowsTheSamePackagesTopLevelClass() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        public class Sql {
            public static final String FIND = "SELECT code FROM orders";
        }
        """).java("""
        package shop;
        public class BaseDao {
            protected static class Sql {
                static final String FIND = "SELECT code FROM archive";
            }
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class ArchiveDao extends BaseDao {
            private final JdbcTemplate jdbc;
            public ArchiveDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object find(String code) {
                return jdbc.queryForList(Sql.FIND + " WHERE code = ?", code);
            }
        }
        """).assess().index();
    IoSite find = site(index, "shop.ArchiveDao", "find");
    assertCovers(index, find, "table:archive");
  }

  /**
   * Two classes of one file each with a TABLE constant: the file's constants are one map by simple name, so the
   * outer class's FIND is read with the nested class's TABLE (or the other way round).
   */
  @Test
  void aNestedClasssSameNamedConstantIsNotTheOuterClasss() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Queries {
            static final String TABLE = "orders";
            public static final String FIND = "SELECT code FROM " + TABLE;
            public static class Archive {
                static final String TABLE = "archived_orders";
                public static final String FIND = "SELECT code FROM " + TABLE;
            }
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.Queries;
        public class OrderDao {
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object live(String code) {
                return jdbc.queryForList(Queries.FIND + " WHERE code = ?", code);
            }
            public Object archived(String code) {
                return jdbc.queryForList(Queries.Archive.FIND + " WHERE code = ?", code);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "live"), "table:orders");
    assertCovers(index, site(index, "shop.OrderDao", "archived"), "table:archived_orders");
  }

  /**
   * A constant the index cannot read (built by a call) stays {SUBQUERY}, which the SQL reader binds as a value: the
   * subquery's table is lost, and the footprint, with the other constant read, is known and names orders alone.
   */
  @Test
  void anUnreadConstantInASubqueryLeavesTheFootprintUnknown() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Queries {
            public static final String BY_ITEMS = "SELECT code FROM orders WHERE id IN (";
            public static final String SUBQUERY = sub("order_items");
            static String sub(String table) { return "SELECT order_id FROM " + table + " WHERE sku = ?"; }
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.Queries;
        public class OrderDao {
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object bySku(String sku) {
                return jdbc.queryForList(Queries.BY_ITEMS + Queries.SUBQUERY + ")", sku);
            }
        }
        """).assess().index();
    IoSite bySku = site(index, "shop.OrderDao", "bySku");
    assertCovers(index, bySku, "table:order_items");
  }

  /**
   * A class of the file's package in test sources is not what main code's {@code Queries} names: main code compiles
   * without it, so {@code import shop.sql.*}'s Queries is meant.
   */
  @Test
  void aTestSourceClassOfThePackageIsNotMainCodesType() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Queries {
            public static final String LIVE = "SELECT code FROM orders WHERE deleted = false";
        }
        """).file("src/test/java/shop/Queries.java", """
        package shop;
        public class Queries {
            public static final String LIVE = "SELECT code FROM audit WHERE deleted = false";
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.*;
        public class OrderDao {
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object live(String code) {
                return jdbc.queryForList(Queries.LIVE + " AND code = ?", code);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "live"), "table:orders");
  }

  /** Probe (expected to pass): a nested class named through its imported outer class. */
  @Test
  void aNestedClassNamedThroughItsOuterClassIsRead() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Queries {
            public static final String LIVE = "SELECT code FROM orders";
            public interface Archive {
                String LIVE = "SELECT code FROM archive";
            }
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.Queries;
        public class OrderDao {
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object archived(String code) {
                return jdbc.queryForList(Queries.Archive.LIVE + " WHERE code = ?", code);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "archived"), "table:archive");
  }

  /**
   * A field inherited from the superclass named like the type obscures it (JLS 6.4.2): {@code Queries.LIVE} is that
   * field's LIVE (the archive query), not shop.sql.Queries' constant.
   */
  @Test
  void anInheritedFieldNamedLikeTheTypeObscuresIt() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Queries {
            public static final String LIVE = "SELECT code FROM orders";
        }
        """).java("""
        package shop;
        public class ArchiveQueries {
            public final String LIVE = "SELECT code FROM archive";
        }
        """).java("""
        package shop;
        public class BaseDao {
            protected final ArchiveQueries Queries = new ArchiveQueries();
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.Queries;
        public class ArchiveDao extends BaseDao {
            private final JdbcTemplate jdbc;
            public ArchiveDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object live(String code) {
                return jdbc.queryForList(Queries.LIVE + " WHERE code = ?", code);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.ArchiveDao", "live"), "table:archive");
  }

  /** Probe (expected to pass): a class of the file's package beats one a wildcard import brings (JLS 6.4.1). */
  @Test
  void aSamePackageClassBeatsAWildcardImport() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Queries {
            public static final String LIVE = "SELECT code FROM orders";
        }
        """).java("""
        package shop;
        public class Queries {
            public static final String LIVE = "SELECT code FROM archive";
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.*;
        public class ArchiveDao {
            private final JdbcTemplate jdbc;
            public ArchiveDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object live(String code) {
                return jdbc.queryForList(Queries.LIVE + " WHERE code = ?", code);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.ArchiveDao", "live"), "table:archive");
  }
}
