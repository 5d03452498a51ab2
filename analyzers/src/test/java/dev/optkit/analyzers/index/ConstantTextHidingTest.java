package dev.optkit.analyzers.index;

import static dev.optkit.analyzers.index.IndexSites.assertCovers;
import static dev.optkit.analyzers.index.IndexSites.site;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQL call site's text is never read through this file's constant where Java means something else: a nested
 * class's own field of the name, a pattern variable, a field Lombok gives a setter; and {@code a.concat(b)} is both.
 */
class ConstantTextHidingTest {
  @TempDir Path dir;

  /**
   * A nested class's own field SQL (final, set in its constructor: no initializer, so not a "constant") hides the
   * outer class's SQL: the query runs archive's, never orders'.
   */
  @Test
  void aNestedClasssNonConstantFieldHidesTheOuterConstant() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class OrderDao {
            static final String SQL = "SELECT code FROM orders";
            public static class ArchiveReader {
                private final String SQL;
                private final JdbcTemplate jdbc;
                ArchiveReader(JdbcTemplate jdbc, String table) { this.jdbc = jdbc; this.SQL = "SELECT code FROM " + table; }
                public Object archived() {
                    return jdbc.queryForList(SQL);
                }
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "archived"), "table:archive");
  }

  /** The same with the nested field initialized by a call (no text initializer, so not kept). */
  @Test
  void aNestedClasssFieldWithACalledInitializerHidesTheOuterConstant() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class OrderDao {
            static final String SQL = "SELECT code FROM orders";
            static String archiveSql() { return "SELECT code FROM archive"; }
            public static class ArchiveReader {
                private static final String SQL = archiveSql();
                private final JdbcTemplate jdbc;
                ArchiveReader(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                public Object archived() {
                    return jdbc.queryForList(SQL);
                }
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "archived"), "table:archive");
  }

  /** An instanceof pattern variable (JLS 6.3.1) of the constant's name hides the field. */
  @Test
  void anInstanceofPatternVariableHidesTheConstant() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class OrderDao {
            static final String SQL = "SELECT code FROM orders";
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object archived(Object query) {
                if (query instanceof String SQL) {
                    return jdbc.queryForList(SQL);
                }
                return null;
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "archived"), "table:archive");
  }

  /** A switch pattern variable of the constant's name hides the field. */
  @Test
  void aSwitchPatternVariableHidesTheConstant() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class OrderDao {
            static final String SQL = "SELECT code FROM orders";
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object archived(Object query) {
                return switch (query) {
                    case String SQL -> jdbc.queryForList(SQL);
                    default -> null;
                };
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "archived"), "table:archive");
  }

  /**
   * A private, unannotated, never-assigned field of a class Lombok's @Setter (or @Data) covers has a public setter:
   * another class sets it. Read as its initializer's orders, where archive is run.
   */
  @Test
  void aLombokSetterFieldIsNoConstant() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import lombok.Setter;
        import org.springframework.jdbc.core.JdbcTemplate;
        @Setter
        public class ReportDao {
            private String sql = "SELECT code FROM orders";
            private JdbcTemplate jdbc;
            public Object report() {
                return jdbc.queryForList(sql);
            }
        }
        """).java("""
        package shop;
        public class ReportSetup {
            public ReportDao archive(ReportDao dao) { dao.setSql("SELECT code FROM archive"); return dao; }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.ReportDao", "report"), "table:archive");
  }

  /** String.concat's argument is part of the text run: "SELECT ... FROM orders o".concat(" JOIN archive ..."). */
  @Test
  void concatsArgumentIsPartOfTheText() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class OrderDao {
            static final String BASE = "SELECT o.code FROM orders o";
            static final String SQL = BASE.concat(" JOIN archive a ON a.code = o.code");
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object archived() {
                return jdbc.queryForList(SQL);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "archived"), "table:archive");
  }

  /** Probe: a cycle through a qualified forward reference ends, unknown or not, without an error. */
  @Test
  void aCycleOfConstantsEnds() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class OrderDao {
            static final String A = "SELECT code FROM archive WHERE x = " + OrderDao.B;
            static final String B = A + " and 1 = 1";
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object archived() {
                return jdbc.queryForList(A);
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "archived"), "table:archive");
  }

  /** Probe: a record pattern's component of the constant's name hides it. */
  @Test
  void aRecordPatternComponentHidesTheConstant() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class OrderDao {
            record Q(String text) {}
            static final String SQL = "SELECT code FROM orders";
            private final JdbcTemplate jdbc;
            public OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object archived(Object query) {
                if (query instanceof Q(String SQL)) {
                    return jdbc.queryForList(SQL);
                }
                return null;
            }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.OrderDao", "archived"), "table:archive");
  }
}
