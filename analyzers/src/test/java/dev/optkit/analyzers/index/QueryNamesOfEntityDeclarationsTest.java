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
 * Names of entities a project writes in ways JPA allows that a query's name still reads right: a Hibernate annotation
 * beside JPA's, a constant of the entity's own file, an empty name, a MongoDB document of a JPA entity's name, a
 * schema-qualified native table in another case, a statically imported constant, a collection table of an entity
 * named by another file's constant.
 */
class QueryNamesOfEntityDeclarationsTest {
  @TempDir Path dir;


  private static String table(String name) {
    return "table:" + DataFootprint.normalise(name);
  }

  private static String dao(String call) {
    return """
        package shop.dao;

        import jakarta.persistence.EntityManager;

        public class Dao {
            private EntityManager em;

            public int q0() {
                return em.%s;
            }
        }
        """.formatted(call);
  }

  @Test
  void hibernatesOwnEntityAnnotationBesideJpasKeepsJpasName() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;

        import jakarta.persistence.*;

        @Entity(name = "Purchase")
        @org.hibernate.annotations.Entity(dynamicUpdate = true)
        @Table(name = "purchase_orders")
        public class PurchaseOrder {
            @Id private Long id;
            private String status;
        }
        """).java(dao("createQuery(\"UPDATE Purchase p SET p.status = 'x'\").executeUpdate()")).assess().index();
    DataFootprint written = index.footprints().of(query(index, "q0"));
    assertFalse(written.unknown(), written.toString());
    assertEquals(Set.of(table("purchase_orders")), written.names());
  }

  @Test
  void anEntityNamedByItsOwnFilesConstantIsThatName() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;

        import jakarta.persistence.*;

        @Entity(name = PurchaseOrder.NAME)
        @Table(name = "purchase_orders")
        public class PurchaseOrder {
            public static final String NAME = "Purchase";
            @Id private Long id;
            private String status;
        }
        """).java(dao("createQuery(\"UPDATE Purchase p SET p.status = 'x'\").executeUpdate()")).assess().index();
    DataFootprint written = index.footprints().of(query(index, "q0"));
    assertEquals(Set.of(table("purchase_orders")), written.names(), written.toString());
  }

  @Test
  void aBlankEntityNameIsTheSimpleName() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;

        import jakarta.persistence.*;

        @Entity(name = "")
        @Table(name = "orders")
        public class Order {
            @Id private Long id;
            private String status;
        }
        """).java(dao("createQuery(\"UPDATE Order o SET o.status = 'x'\").executeUpdate()")).assess().index();
    assertEquals(Set.of(table("orders")), index.footprints().of(query(index, "q0")).names());
  }

  @Test
  void aJpaEntityAndAMongoDocumentOfOneSimpleNameLeaveJpqlItsEntity() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "orders")
        public class Order {
            @Id private Long id;
            private String status;
        }
        """).java("""
        package shop.mongo;

        import org.springframework.data.mongodb.core.mapping.Document;

        @Document("order_events")
        public class Order {
            private String id;
        }
        """).java(dao("createQuery(\"UPDATE Order o SET o.status = 'x'\").executeUpdate()")).assess().index();
    DataFootprint written = index.footprints().of(query(index, "q0"));
    assertFalse(written.unknown(), written.toString());
    assertEquals(Set.of(table("orders")), written.names());
    assertEquals(Optional.of("shop.Order"), index.footprints().entityNamed("Order").map(t -> t.qualifiedName()));
  }

  @Test
  void nativeSqlOfOtherCaseOrSchemaIsTheTable() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "orders")
        public class Order {
            @Id private Long id;
            private String status;
        }
        """).java(dao("createNativeQuery(\"UPDATE sales.ORDERS SET status = 'x'\").executeUpdate()")).assess().index();
    assertEquals(Set.of(table("orders")), index.footprints().of(query(index, "q0")).names());
  }

  @Test
  void aStaticallyImportedConstantNameMakesTheSimpleNameUnknown() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.names;

        public final class Names {
            public static final String ORDER = "Order";
        }
        """).java("""
        package shop;

        import static shop.names.Names.ORDER;
        import jakarta.persistence.*;

        @Entity(name = ORDER)
        @Table(name = "orders")
        public class Order {
            @Id private Long id;
            private String status;
        }
        """).java(dao("createQuery(\"UPDATE Order o SET o.status = 'x'\").executeUpdate()")).assess().index();
    assertTrue(index.footprints().of(query(index, "q0")).unknown());
    assertTrue(index.footprints().entityNamed("Order").isEmpty());
  }

  @Test
  void anElementCollectionOfAnEntityNamedByAnotherFilesConstantIsUnknown() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.names;

        public final class Names {
            public static final String ORDER = "Purchase";
        }
        """).java("""
        package shop;

        import jakarta.persistence.*;
        import java.util.List;
        import shop.names.Names;

        @Entity(name = Names.ORDER)
        @Table(name = "orders")
        public class Order {
            @Id private Long id;
            private String status;
            @ElementCollection private List<String> tags;
        }
        """).java("""
        package shop.repo;

        import org.springframework.data.jpa.repository.JpaRepository;
        import shop.Order;

        public interface OrderRepository extends JpaRepository<Order, Long> {
        }
        """).java("""
        package shop.service;

        import shop.Order;
        import shop.repo.OrderRepository;

        public class OrderService {
            private OrderRepository orders;

            public void store(Order order) {
                orders.save(order);
            }
        }
        """).assess().index();
    IoSite save = index.sitesOf(index.methodsNamed("store").get(0)).get(0);
    assertTrue(index.footprints().of(save).unknown(), index.footprints().of(save).toString());
  }
}
