package dev.optkit.analyzers.index;

import static dev.optkit.analyzers.index.IndexSites.site;
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
          public static final String LIVE = "SELECT code FROM orders WHERE deleted = false";
          public static final String COLUMNS = "code, total";
          public static final String PURGE = "DELETE FROM orders";
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
          // this class's constants made of another class's, one qualified, one statically imported
          private static final String DELETE_LIVE = "DELETE FROM " + OrderQueries.TABLE + " WHERE code = ?";
          private static final String COUNT_LIVE = COUNT + " WHERE deleted = false";
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

          public Object live(String code) {
              return jdbc.queryForList(OrderQueries.LIVE + " AND code = ?", code);
          }

          public Object columns(long id) {
              return jdbc.queryForMap("SELECT " + OrderQueries.COLUMNS + " FROM orders WHERE id = ?", id);
          }

          public void purge(String code) {
              jdbc.update(OrderQueries.PURGE + " WHERE code = ?", code);
          }

          public void deleteLive(String code) {
              jdbc.update(DELETE_LIVE, code);
          }

          public Integer countLive() {
              return jdbc.queryForObject(COUNT_LIVE, Integer.class);
          }

          public Object unknownPart(String code) {
              return jdbc.queryForList(OrderQueries.LIVE + Unknown.FILTER, code);
          }

      }
      """;

  /** A file with a local named as the class of the constants: what its methods read is that local's field. */
  private static final String SHADOWING = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import shop.sql.OrderQueries;

      public class ShadowingDao {
          private final JdbcTemplate jdbc;

          public ShadowingDao(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public Object shadowed(String code) {
              Queries OrderQueries = new Queries();
              return jdbc.queryForList(OrderQueries.LIVE + " AND code = ?", code);
          }
      }
      """;

  private ProjectIndex index() {
    return new ProjectFixture(dir).java(QUERIES).java(DAO).java(SHADOWING).assess().index();
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
    // statically imported: the symbol solver tells which constant the name is (an own or inherited field comes first)
    assertEquals("SELECT COUNT(*) FROM orders", site(index, "count").sql());
  }

  @Test
  void aSameNamedConstantOfTheFileIsNotTheOtherClasss() {
    ProjectIndex index = index();
    assertEquals("INSERT INTO audit (code) VALUES (?)", site(index, "audit").sql());
    assertEquals("INSERT INTO orders (code) VALUES (?)", site(index, "create").sql(), "not the file's own INSERT_ORDER");
  }

  @Test
  void sqlJoinedFromAnotherClasssConstantsAndLiteralsIsReadWhole() {
    ProjectIndex index = index();
    IoSite live = site(index, "live");
    assertEquals("SELECT code FROM orders WHERE deleted = false AND code = ?", live.sql());
    assertEquals(Access.READ, live.access());
    assertEquals(Set.of("table:orders"), index.footprints().of(live).names());
    assertEquals("SELECT code, total FROM orders WHERE id = ?", site(index, "columns").sql());
    IoSite purge = site(index, "purge");
    assertEquals("DELETE FROM orders WHERE code = ?", purge.sql());
    assertEquals(Access.WRITE, purge.access());
    assertEquals(Set.of("table:orders"), index.footprints().of(purge).names());
  }

  @Test
  void aRepositoryQueryAnnotationJoinedFromAnotherClasssConstantIsReadWhole() {
    ProjectIndex index = new ProjectFixture(dir).java(QUERIES).java("""
        package shop;
        import java.util.List;
        import org.springframework.data.jpa.repository.Modifying;
        import org.springframework.data.jpa.repository.Query;
        import org.springframework.data.repository.CrudRepository;
        import shop.sql.OrderQueries;
        interface OrderRows extends CrudRepository<Order, Long> {
          @Query(value = OrderQueries.LIVE + " AND code = ?1", nativeQuery = true)
          List<String> live(String code);
          @Modifying
          @Query(value = OrderQueries.PURGE, nativeQuery = true)
          int purge();
        }
        """).java("""
        package shop;
        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.Table;
        @Entity
        @Table(name = "orders")
        class Order { @Id Long id; String code; }
        """).java("""
        package shop;
        class Orders {
          private final OrderRows rows;
          Orders(OrderRows rows) { this.rows = rows; }
          Object live(String code) { return rows.live(code); }
          int purge() { return rows.purge(); }
        }
        """).assess().index();
    IoSite live = index.sitesOf(index.methodsNamed("live").stream()
        .filter(m -> m.fact().ownerType().equals("shop.Orders")).findFirst().orElseThrow()).get(0);
    assertEquals("SELECT code FROM orders WHERE deleted = false AND code = ?1", live.sql());
    assertEquals(Access.READ, live.access());
    assertEquals(Set.of("table:orders"), index.footprints().of(live).names());
    IoSite purge = index.sitesOf(index.methodsNamed("purge").stream()
        .filter(m -> m.fact().ownerType().equals("shop.Orders")).findFirst().orElseThrow()).get(0);
    assertEquals("DELETE FROM orders", purge.sql());
    assertEquals(Set.of("table:orders"), index.footprints().of(purge).names());
  }

  /** JLS 6.4.1: a field the class inherits shadows a statically imported one of the same name. */
  @Test
  void anInheritedConstantShadowsAStaticallyImportedOne() {
    ProjectIndex index = new ProjectFixture(dir).java(QUERIES).java("""
        package shop;
        public class AuditBase {
            protected static final String COUNT = "SELECT COUNT(*) FROM audit";
        }
        """).java("""
        package shop;
        import static shop.sql.OrderQueries.COUNT;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class AuditDao extends AuditBase {
            private final JdbcTemplate jdbc;
            public AuditDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public Integer audited() { return jdbc.queryForObject(COUNT + " WHERE kind = ?", Integer.class, "x"); }
        }
        """).assess().index();
    IoSite audited = site(index, "audited");
    assertEquals("SELECT COUNT(*) FROM audit WHERE kind = ?", audited.sql());
    assertEquals(Set.of("table:audit"), index.footprints().of(audited).names());
  }

  /** A class's own constant made of other classes' constants (a DAO's SQL built from a constants class's names). */
  @Test
  void anOwnConstantMadeOfAnotherClasssConstantsIsReadWhole() {
    ProjectIndex index = index();
    IoSite deleteLive = site(index, "deleteLive");
    assertEquals("DELETE FROM orders WHERE code = ?", deleteLive.sql());
    assertEquals(Access.WRITE, deleteLive.access());
    assertEquals(Set.of("table:orders"), index.footprints().of(deleteLive).names());
    assertEquals("SELECT COUNT(*) FROM orders WHERE deleted = false", site(index, "countLive").sql());
  }

  /** Another class's constant made of a third class's (a constants class built on a table-names class). */
  @Test
  void anotherClasssConstantMadeOfAThirdClasssConstantsIsReadWhole() {
    ProjectIndex index = new ProjectFixture(dir).java(QUERIES).java("""
        package shop.sql;
        import static shop.sql.OrderQueries.TABLE;
        public final class PurgeQueries {
            public static final String PURGE = "DELETE FROM " + TABLE + " WHERE code = ?";
            public static final String PURGE_OLD = PURGE + " AND created < ?";
            public static final String UNKNOWN = "DELETE FROM " + System.getProperty("table");
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import shop.sql.PurgeQueries;
        public class Purger {
            private final JdbcTemplate jdbc;
            public Purger(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public void purgeOld(String code, java.sql.Timestamp before) { jdbc.update(PurgeQueries.PURGE_OLD, code, before); }
            public void purgeUnknown() { jdbc.update(PurgeQueries.UNKNOWN); }
        }
        """).assess().index();
    IoSite purgeOld = site(index, "purgeOld");
    assertEquals("DELETE FROM orders WHERE code = ? AND created < ?", purgeOld.sql());
    assertEquals(Set.of("table:orders"), index.footprints().of(purgeOld).names());
    IoSite purgeUnknown = site(index, "purgeUnknown");
    assertNull(purgeUnknown.sql());
    assertTrue(index.footprints().of(purgeUnknown).unknown());
  }

  @Test
  void sqlJoinedWithAPartOptkitCannotReadKeepsThatPartUnknown() {
    ProjectIndex index = index();
    // Unknown is no project type: the text is not known, never the known parts with that one read as a value (in a
    // subquery, an unknown part may name tables of its own)
    IoSite unknownPart = site(index, "unknownPart");
    assertNull(unknownPart.sql());
    assertTrue(index.footprints().of(unknownPart).unknown());
    // a local of the type's name is what the method reads, never the class's constant
    assertNull(site(index, "shadowed").sql());
  }

  @Test
  void aConstantOptkitCannotFindLeavesTheSqlUnknown() {
    ProjectIndex index = index();
    IoSite run = site(index, "run");
    assertNull(run.sql());
    assertTrue(index.footprints().of(run).unknown());
  }
}
