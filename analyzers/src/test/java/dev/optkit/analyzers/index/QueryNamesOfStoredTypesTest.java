package dev.optkit.analyzers.index;

import static dev.optkit.analyzers.index.IndexSites.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name in a query's text means one stored type, the one JPA gives it, or it cannot be told: the footprints a cache's
 * evictions are proven with and the SQL the index hints are read from ask one reader
 * ({@link DataFootprint.Reader#storedNamed}). Two entities taking one name made the footprint the last entity read's
 * tables (the other's writes then overlapped no cached read of it), while the hints' reader said it could not tell.
 */
class QueryNamesOfStoredTypesTest {
  @TempDir Path dir;

  private static String entity(String pkg, String annotation, String name, String table) {
    return """
        package %s;

        import jakarta.persistence.*;

        %s
        @Table(name = "%s")
        public class %s {
            @Id
            private Long id;
            private String status;
        }
        """.formatted(pkg, annotation, table, name);
  }

  private static final String DAO = """
      package shop.dao;

      import jakarta.persistence.EntityManager;

      public class OrderDao {
          private EntityManager em;

          public int close() {
              return em.createQuery("UPDATE Order o SET o.status = 'closed'").executeUpdate();
          }

          public int archive() {
              return em.createQuery("UPDATE Purchase p SET p.status = 'archived'").executeUpdate();
          }
      }
      """;


  @Test
  void aNameOneEntityTakesIsThatEntitysTable() {
    ProjectIndex index = new ProjectFixture(dir).java(entity("shop", "@Entity", "Order", "orders"))
        .java(entity("shop", "@Entity(name = \"Purchase\")", "PurchaseOrder", "purchase_orders")).java(DAO).assess()
        .index();
    DataFootprint closed = index.footprints().of(query(index, "close"));
    assertFalse(closed.unknown(), closed.toString());
    assertEquals(Set.of("table:" + DataFootprint.normalise("orders")), closed.names());
    DataFootprint archived = index.footprints().of(query(index, "archive"));
    assertEquals(Set.of("table:" + DataFootprint.normalise("purchase_orders")), archived.names(),
        "JPQL names it by @Entity(name)");
    assertEquals(Optional.of("shop.PurchaseOrder"),
        index.footprints().entityNamed("Purchase").map(type -> type.qualifiedName()));
    assertTrue(index.footprints().entityNamed("PurchaseOrder").isEmpty(), "a renamed entity's simple name is no name");
  }

  @Test
  void twoEntitiesOfOneSimpleNameMakeTheWriteUnknown() {
    ProjectIndex index = new ProjectFixture(dir).java(entity("shop.sales", "@Entity", "Order", "orders"))
        .java(entity("shop.returns", "@Entity", "Order", "returned_orders")).java(DAO).assess().index();
    assertTrue(index.footprints().of(query(index, "close")).unknown(), index.footprints().of(query(index, "close"))
        .toString());
    assertTrue(index.footprints().entityNamed("Order").isEmpty());
  }

  @Test
  void anEntityRenamedToAnothersSimpleNameMakesTheWriteUnknown() {
    ProjectIndex index = new ProjectFixture(dir).java(entity("shop", "@Entity", "Order", "orders"))
        .java(entity("shop", "@Entity(name = \"Order\")", "LegacyOrder", "legacy_orders")).java(DAO).assess().index();
    assertTrue(index.footprints().of(query(index, "close")).unknown(), index.footprints().of(query(index, "close"))
        .toString());
  }

  @Test
  void anEntityNamedByAnotherFilesConstantMakesItsSimpleNameUnknown() {
    ProjectIndex index = new ProjectFixture(dir).java(entity("shop", "@Entity(name = Names.ORDER)", "Order", "orders"))
        .java(DAO).assess().index();
    assertTrue(index.footprints().of(query(index, "close")).unknown(), index.footprints().of(query(index, "close"))
        .toString());
  }

  @Test
  void anEntityNamedAsItsVariableIsStillTheEntityWhenTheVariableIsRenamed() {
    // SELECT order.ownerId FROM Order order: JSqlParser reads the variable only renamed (order_alias); the entity's
    // name, the same word in another case, is not the variable's use (it was renamed too, Order_alias: no entity)
    ProjectIndex index = new ProjectFixture(dir).java(entity("r", "@Entity", "Order", "orders")).java("""
        package r;
        public interface OrderRepository extends org.springframework.data.jpa.repository.JpaRepository<Order, Long> {
          @org.springframework.data.jpa.repository.Query("SELECT order.status FROM Order order WHERE order.id = :id")
          String findStatusById(@org.springframework.data.repository.query.Param("id") Long id);
        }
        """).java("""
        package r;
        public class Orders {
          private final OrderRepository repo;
          public Orders(OrderRepository repo) { this.repo = repo; }
          public String status(Long id) { return repo.findStatusById(id); }
        }
        """).assess().index();
    IoSite read = index.sitesOf(index.methodsNamed("status").get(0)).get(0);
    assertEquals(SqlAsRun.Language.JPQL, index.sqlAsRun().language(read));
    DataFootprint footprint = index.footprints().of(read);
    assertFalse(footprint.unknown(), footprint.toString());
    assertEquals(Set.of("table:" + DataFootprint.normalise("orders")), footprint.names());
  }
}
