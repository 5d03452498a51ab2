package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL held in a constant of another class (audit 16's S31: {@code jdbc.update(OrderQueries.INSERT_ORDER, code)}):
 * a file's facts cannot read it; the index puts the constant's text in, so the write's tables are named. And a
 * file's own constant of the same name is not taken for the other class's.
 */
class ForeignSqlConstantsTest {
  @TempDir Path dir;

  private static final String QUERIES = """
      package shop.sql;

      public class OrderQueries {
          public static final String TABLE = "orders";
          public static final String INSERT_ORDER = "INSERT INTO " + TABLE + " (code) VALUES (?)";
          public static final String COUNT = "SELECT COUNT(*) FROM orders";
          public static final String GREETING = "hello";
      }
      """;

  private static final String DAO = """
      package shop;

      import static shop.sql.OrderQueries.COUNT;

      import org.springframework.jdbc.core.JdbcTemplate;
      import shop.sql.OrderQueries;

      public class OrderDao {
          // a constant of the same name as the other class's, on another table
          private static final String INSERT_ORDER = "INSERT INTO audit (code) VALUES (?)";
          private final JdbcTemplate jdbc;

          public OrderDao(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public void create(String code) {
              jdbc.update(OrderQueries.INSERT_ORDER, code);
          }

          public void audit(String code) {
              jdbc.update(INSERT_ORDER, code);
          }

          public Integer count() {
              return jdbc.queryForObject(COUNT, Integer.class);
          }

          public void run(String code) {
              jdbc.execute(Unknown.SQL);
          }
      }
      """;

  private ProjectIndex index() {
    return new ProjectFixture(dir).java(QUERIES).java(DAO).assess().index();
  }

  private static IoSite site(ProjectIndex index, String method) {
    return index.sitesOf(index.methodsNamed(method).get(0)).get(0);
  }

  @Test
  void anotherClasssConstantIsTheSqlItsCallRuns() {
    ProjectIndex index = index();
    IoSite create = site(index, "create");
    assertEquals("INSERT INTO orders (code) VALUES (?)", create.sql());
    assertEquals(Access.WRITE, create.access());
    DataFootprint written = index.footprints().of(create);
    assertFalse(written.unknown(), written.toString());
    assertEquals(Set.of("table:orders"), written.names());
    // statically imported: an own or inherited field of that name would shadow it, which a file cannot see
    assertNull(site(index, "count").sql());
  }

  @Test
  void aSameNamedConstantOfTheFileIsNotTheOtherClasss() {
    ProjectIndex index = index();
    assertEquals("INSERT INTO audit (code) VALUES (?)", site(index, "audit").sql());
    assertEquals("INSERT INTO orders (code) VALUES (?)", site(index, "create").sql(), "not the file's own INSERT_ORDER");
  }

  @Test
  void aConstantOptkitCannotFindLeavesTheSqlUnknown() {
    ProjectIndex index = index();
    IoSite run = site(index, "run");
    assertNull(run.sql());
    assertTrue(index.footprints().of(run).unknown());
  }
}
