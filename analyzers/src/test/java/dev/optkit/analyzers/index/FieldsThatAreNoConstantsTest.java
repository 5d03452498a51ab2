package dev.optkit.analyzers.index;

import static dev.optkit.analyzers.index.IndexSites.assertCovers;
import static dev.optkit.analyzers.index.IndexSites.site;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-final field the file never assigns is no constant where something else may assign it: a field Spring injects
 * ({@code @Value}), one another file assigns. Only final fields, and private ones without annotations, are.
 */
class FieldsThatAreNoConstantsTest {
  @TempDir Path dir;

  /** @Value on a non-final field: Spring replaces the initializer's default with the configured table. */
  @Test
  void aValueInjectedFieldIsNoConstant() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.beans.factory.annotation.Value;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class ReportDao {
            @Value("${report.table}")
            private String table = "orders";
            private final JdbcTemplate jdbc;
            public ReportDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object rows(String code) {
                return jdbc.queryForList("SELECT code FROM " + table + " WHERE code = ?", code);
            }
        }
        """).file("src/main/resources/application.properties", "report.table=archive\n").assess().index();
    assertCovers(index, site(index, "shop.ReportDao", "rows"), "table:archive");
  }

  /** A static non-final field another class of the project sets: what runs is that class's text. */
  @Test
  void aStaticFieldAnotherFileAssignsIsNoConstant() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class ReportDao {
            public static String FIND = "SELECT code FROM orders";
            private final JdbcTemplate jdbc;
            public ReportDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Object rows(String code) {
                return jdbc.queryForList(FIND + " WHERE code = ?", code);
            }
        }
        """).java("""
        package shop;
        public class ArchiveMode {
            public static void enable() { ReportDao.FIND = "SELECT code FROM archive"; }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.ReportDao", "rows"), "table:archive");
  }
}
