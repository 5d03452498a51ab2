package dev.optkit.analyzers.index;

import static dev.optkit.analyzers.index.IndexSites.assertCovers;
import static dev.optkit.analyzers.index.IndexSites.site;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which declaration a constant's name means where Java's scoping has something in between: a local or parameter of
 * the name, an inherited constant before an outer class's, a single static import before an on-demand one, {@code
 * this} in an anonymous class, a class of the name out of scope. Each test names a SQL text Java would run and checks
 * the footprint optkit computes covers its table (or is unknown): naming only another table is a stale cache.
 */
class ConstantNameShadowingTest {
  @TempDir Path dir;



  private static final String JDBC_DAO_HEAD = """
      import org.springframework.jdbc.core.JdbcTemplate;
      """;

  /**
   * JLS 8.2/6.4.1: in Archive's body, TABLE is the field Archive inherits from ArchiveBase (another class of the same
   * file), which comes before the outer class's TABLE. constantNamed walks past Archive (its superclass is "own") to
   * Queries' TABLE: Archive.FIND is read as orders.
   */
  @Test
  void aSameFileSuperclasssConstantComesBeforeTheOuterClasss() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Queries {
            static final String TABLE = "orders";
            static class ArchiveBase {
                static final String TABLE = "archive";
            }
            public static class Archive extends ArchiveBase {
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
            public Object archived(String code) {
                return jdbc.queryForList(Queries.Archive.FIND + " WHERE code = ?", code);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "archived"), "table:archive");
  }

  /** The same, with the superclass an interface of the file the nested class implements. */
  @Test
  void aSameFileInterfacesConstantComesBeforeTheOuterClasss() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class OrderDao {
            static final String TABLE = "orders";
            interface ArchiveTables { String TABLE = "archive"; }
            static class ArchiveReader implements ArchiveTables {
                private final JdbcTemplate jdbc;
                ArchiveReader(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                public Object archived(String code) {
                    return jdbc.queryForList("SELECT code FROM " + TABLE + " WHERE code = ?", code);
                }
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "archived"), "table:archive");
  }

  /**
   * A local variable of the constant's name shadows the field (JLS 6.4.1). With another class's constant joined to it,
   * the ComposedText takes the field's text as a literal, and withConstantSql (no longer only for sql == null)
   * replaces the site's text with it: orders, where archive is run.
   */
  @Test
  void aLocalShadowingAnOwnConstantIsNotTheConstant() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Filters {
            public static final String BY_CODE = " WHERE code = ?";
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.Filters;
        public class OrderDao {
            private static final String FIND = "SELECT code FROM orders";
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object archived(String code) {
                String FIND = "SELECT code FROM archive";
                return jdbc.queryForList(FIND + Filters.BY_CODE, code);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "archived"), "table:archive");
  }

  /** A parameter of the constant's name: the SQL is the caller's, unknown, never the field's orders query. */
  @Test
  void aParameterShadowingAnOwnConstantIsNotTheConstant() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Filters {
            public static final String BY_CODE = " WHERE code = ?";
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.Filters;
        public class OrderDao {
            private static final String FIND = "SELECT code FROM orders";
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object byCode(String FIND, String code) {
                return jdbc.queryForList(FIND + Filters.BY_CODE, code);
            }
            public Object archived(String code) {
                return byCode("SELECT code FROM archive", code);
            }
        }
        """).assess().index();
    IoSite byCode = site(index, "shop.OrderDao", "byCode");
    assertTrue(index.footprints().of(byCode).unknown() || !index.footprints().of(byCode).names().contains("table:orders")
        || index.footprints().of(byCode).names().contains("table:archive"),
        "sql=" + byCode.sql() + " footprint=" + index.footprints().of(byCode));
  }

  /**
   * JLS 6.4.1: a single-static-import declaration shadows a static-import-on-demand. JavaParser's solver walks the
   * imports in order and takes the on-demand one written first: LIVE is read as ArchiveQueries', not OrderQueries'.
   */
  @Test
  void aSingleStaticImportShadowsAnOnDemandOneWrittenBeforeIt() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class ArchiveQueries {
            public static final String LIVE = "SELECT code FROM archive WHERE deleted = false";
        }
        """).java("""
        package shop.sql;
        public class OrderQueries {
            public static final String LIVE = "SELECT code FROM orders WHERE deleted = false";
        }
        """).java("""
        package shop;
        import static shop.sql.ArchiveQueries.*;
        import static shop.sql.OrderQueries.LIVE;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class OrderDao {
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object live(String code) {
                return jdbc.queryForList(LIVE + " AND code = ?", code);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "live"), "table:orders");
  }

  /**
   * {@code this.FIND} in an anonymous class is that class's field; ownConstant takes the nearest TypeDeclaration
   * (OrderDao), skipping the anonymous class body.
   */
  @Test
  void thisInAnAnonymousClassIsTheAnonymousClass() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Filters {
            public static final String BY_CODE = " WHERE code = ?";
        }
        """).java("""
        package shop;
        import java.util.function.Supplier;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.Filters;
        public class OrderDao {
            private final String FIND = "SELECT code FROM orders";
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Supplier<Object> archived(String code) {
                return new Supplier<Object>() {
                    private final String FIND = "SELECT code FROM archive";
                    @Override
                    public Object get() {
                        return jdbc.queryForList(this.FIND + Filters.BY_CODE, code);
                    }
                };
            }
        }
        """).assess().index();
    IoSite get = index.methodsNamed("get").stream().flatMap(m -> index.sitesOf(m).stream()).findFirst()
        .orElseGet(() -> site(index, "shop.OrderDao", "archived"));
    assertCovers(index, get, "table:archive");
  }

  /**
   * A nested class of a sibling is not in scope: in OrderDao's body {@code Sql} is the imported shop.sql.Sql (orders).
   * ownTypes holds every type the file declares by simple name, so Archive.Sql's FIND (archive) is read.
   */
  @Test
  void aNestedClassOutOfScopeIsNotWhatTheNameMeans() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Sql {
            public static final String FIND = "SELECT code FROM orders";
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.Sql;
        public class OrderDao {
            static class Archive {
                static class Sql {
                    static final String FIND = "SELECT code FROM archive";
                }
            }
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object live(String code) {
                return jdbc.queryForList(Sql.FIND + " WHERE code = ?", code);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "live"), "table:orders");
  }

  /** The same with a local class of another method. */
  @Test
  void aLocalClassOfAnotherMethodIsNotWhatTheNameMeans() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Sql {
            public static final String FIND = "SELECT code FROM orders";
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.Sql;
        public class OrderDao {
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object archived(String code) {
                class Sql { static final String FIND = "SELECT code FROM archive"; }
                return jdbc.queryForList(Sql.FIND + " WHERE code = ?", code);
            }
            public Object live(String code) {
                return jdbc.queryForList(Sql.FIND + " WHERE code = ?", code);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "live"), "table:orders");
    assertCovers(index, site(index, "shop.OrderDao", "archived"), "table:archive");
  }

  /**
   * A constant whose own initializer names a third class's constant (a subquery): Queries' text constant keeps it as
   * {ITEMS_OF_SKU}, which the SQL reader binds as a value; the composed text is then "whole" and names orders alone.
   */
  @Test
  void aConstantWhoseInitializerNamesAThirdClasssConstantStaysUnknown() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Items {
            public static final String ITEMS_OF_SKU = "SELECT order_id FROM order_items WHERE sku = ?";
        }
        """).java("""
        package shop.sql;
        public class Queries {
            public static final String BY_SKU = "SELECT code FROM orders WHERE id IN (" + Items.ITEMS_OF_SKU + ")";
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.Queries;
        public class OrderDao {
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object bySku(String sku) {
                return jdbc.queryForList(Queries.BY_SKU, sku);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "bySku"), "table:order_items");
  }

  /**
   * JLS 8.3: a field a class declares hides the interface's field of that name; ArchiveDao inherits ArchiveBase.FIND
   * (archive), not OrderSql.FIND (orders).
   */
  @Test
  void aClassConstantHidesTheInterfaceConstantInTheChain() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        public interface OrderSql {
            String FIND = "SELECT code FROM orders";
        }
        """).java("""
        package shop;
        public class ArchiveBase implements OrderSql {
            static final String FIND = "SELECT code FROM archive";
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class ArchiveDao extends ArchiveBase {
            private final JdbcTemplate jdbc;
            public ArchiveDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object archived(String code) {
                return jdbc.queryForList(FIND + " WHERE code = ?", code);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.ArchiveDao", "archived"), "table:archive");
  }

  /**
   * Main and test sources each with a shop.sql.Queries: main code's site runs main's constant (orders), never the
   * test fake's (audit).
   */
  @Test
  void aTestSourceClassOfTheSameQualifiedNameIsNotMainCodes() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Queries {
            public static final String LIVE = "SELECT code FROM orders WHERE deleted = false";
        }
        """).file("src/test/java/shop/sql/Queries.java", """
        package shop.sql;
        public class Queries {
            public static final String LIVE = "SELECT code FROM audit WHERE deleted = false";
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.Queries;
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

  /** Own.X where two nested classes are named Sql: the solver tells which; never the other's text. */
  @Test
  void ownNestedNameTakenByTwoClassesIsReadByScope() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class OrderDao {
            static class Live { static class Sql { static final String FIND = "SELECT code FROM orders"; } 
                Object find(JdbcTemplate jdbc, String code) { return jdbc.queryForList(Sql.FIND + " WHERE code = ?", code); } }
            static class Archive { static class Sql { static final String FIND = "SELECT code FROM archive"; }
                Object find(JdbcTemplate jdbc, String code) { return jdbc.queryForList(Sql.FIND + " WHERE code = ?", code); } }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao.Live", "find"), "table:orders");
    assertCovers(index, site(index, "shop.OrderDao.Archive", "find"), "table:archive");
  }
}
