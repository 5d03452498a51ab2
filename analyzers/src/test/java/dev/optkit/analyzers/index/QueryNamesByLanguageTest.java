package dev.optkit.analyzers.index;

import static dev.optkit.analyzers.index.IndexSites.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.config.OptkitConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name a query gives is read in the query's language ({@link SqlAsRun#language}): native SQL names tables, never an
 * entity; JPQL names entities, by their JPQL name or a class's qualified name, and a name it gives that optkit cannot
 * tell for an entity (another file's constant, orm.xml's name, an interface read polymorphically, a nested class's
 * {@code Outer$Inner}) makes what the query touches unknown, never a table of that name. "Safe" below: the footprint
 * is unknown, or names the table really written. (From a hostile review of the first one-reader version.)
 */
class QueryNamesByLanguageTest {
  @TempDir Path dir;


  private static String table(String name) {
    return "table:" + DataFootprint.normalise(name);
  }

  /** Whether a write with this footprint would evict a cached read of {@code table}. */
  private static boolean reaches(DataFootprint written, String table) {
    return written.unknown() || written.names().contains(table(table));
  }

  private static String dao(String... queries) {
    StringBuilder methods = new StringBuilder();
    for (int i = 0; i < queries.length; i++) {
      methods.append("""
              public int q%d() {
                  return em.%s;
              }
          """.formatted(i, queries[i]));
    }
    return """
        package shop.dao;

        import jakarta.persistence.EntityManager;

        public class Dao {
            private EntityManager em;
        %s}
        """.formatted(methods);
  }

  private static String jpql(String text) {
    return "createQuery(\"" + text + "\").executeUpdate()";
  }

  private static String nativeSql(String text) {
    return "createNativeQuery(\"" + text + "\").executeUpdate()";
  }

  private static final String NAMES = """
      package shop.names;

      public final class Names {
          public static final String PURCHASE = "Purchase";
          public static final String PREFIX = "Shop";
      }
      """;

  // ---------------------------------------------------------------------------------------------------------------
  // 1. @Entity(name = Names.PURCHASE): only the class's simple name is made Ambiguous. The name JPQL actually uses
  //    (the constant's value, "Purchase") falls through to None and is read as a table called "purchase".
  // ---------------------------------------------------------------------------------------------------------------
  @Test
  void anEntityNamedByAnotherFilesConstantIsStillWrittenThroughThatName() {
    ProjectIndex index = new ProjectFixture(dir).java(NAMES).java("""
        package shop;

        import jakarta.persistence.*;
        import shop.names.Names;

        @Entity(name = Names.PURCHASE)
        @Table(name = "purchase_orders")
        public class PurchaseOrder {
            @Id private Long id;
            private String status;
        }
        """).java("""
        package shop.repo;

        import org.springframework.data.jpa.repository.JpaRepository;
        import shop.PurchaseOrder;

        public interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long> {
        }
        """).java("""
        package shop.service;

        import java.util.List;
        import shop.PurchaseOrder;
        import shop.repo.PurchaseOrderRepository;

        public class Orders {
            private PurchaseOrderRepository repository;

            public List<PurchaseOrder> all() {
                return repository.findAll();
            }
        }
        """).java(dao(jpql("UPDATE Purchase p SET p.status = 'closed'"))).assess().index();
    DataFootprint written = index.footprints().of(query(index, "q0"));
    DataFootprint read = index.footprints().of(index.sitesOf(index.methodsNamed("all").get(0)).get(0));
    assertTrue(read.overlaps(written), "a cached findAll() (" + read + ") is not evicted by 'UPDATE Purchase' ("
        + written + "), which Hibernate runs against purchase_orders (Names.PURCHASE = \"Purchase\")");
  }

  @Test
  void aJpqlWriteThroughAConcatenatedEntityNameReachesItsTable() {
    ProjectIndex index = new ProjectFixture(dir).java(NAMES).java("""
        package shop;

        import jakarta.persistence.*;
        import shop.names.Names;

        @Entity(name = Names.PREFIX + "Order")
        @Table(name = "orders")
        public class Order {
            @Id private Long id;
            private String status;
        }
        """).java(dao(jpql("UPDATE ShopOrder o SET o.status = 'closed'"))).assess().index();
    DataFootprint written = index.footprints().of(query(index, "q0"));
    assertTrue(reaches(written, "orders"), "JPQL 'UPDATE ShopOrder' writes orders; optkit: " + written);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 3. HQL accepts an entity's fully-qualified class name (Hibernate resolves it as a class, whatever its
  //    @Entity(name)). storedNamed is asked only the last segment.
  // ---------------------------------------------------------------------------------------------------------------
  @Test
  void aFullyQualifiedClassNameOfARenamedEntityIsThatEntity() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;

        import jakarta.persistence.*;

        @Entity(name = "Purchase")
        @Table(name = "purchase_orders")
        public class PurchaseOrder {
            @Id private Long id;
            private String status;
        }
        """).java(dao(jpql("UPDATE shop.PurchaseOrder p SET p.status = 'closed'"))).assess().index();
    DataFootprint written = index.footprints().of(query(index, "q0"));
    assertTrue(reaches(written, "purchase_orders"),
        "HQL 'UPDATE shop.PurchaseOrder' writes purchase_orders; optkit: " + written);
  }

  @Test
  void aFullyQualifiedClassNameIsNotAnotherEntityOfItsSimpleName() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sales;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "orders")
        public class Order {
            @Id private Long id;
            private String status;
        }
        """).java("""
        package shop.returns;

        import jakarta.persistence.*;

        @Entity(name = "ReturnedOrder")
        @Table(name = "returned_orders")
        public class Order {
            @Id private Long id;
            private String status;
        }
        """).java(dao(jpql("UPDATE shop.returns.Order o SET o.status = 'closed'"))).assess().index();
    DataFootprint written = index.footprints().of(query(index, "q0"));
    assertTrue(reaches(written, "returned_orders"),
        "HQL 'UPDATE shop.returns.Order' writes returned_orders, not shop.sales.Order's orders; optkit: " + written);
  }

  @Test
  void aPolymorphicHqlReadOfAnInterfaceReadsItsImplementorsTables() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;

        public interface Auditable {
            String getStatus();
        }
        """).java("""
        package shop;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "orders")
        public class Order implements Auditable {
            @Id private Long id;
            private String status;
            public String getStatus() { return status; }
        }
        """).java("""
        package shop.dao;

        import jakarta.persistence.EntityManager;
        import java.util.List;

        public class Dao {
            private EntityManager em;

            public List<?> q0() {
                return em.createQuery("SELECT a FROM shop.Auditable a").getResultList();
            }
        }
        """).assess().index();
    DataFootprint read = index.footprints().of(query(index, "q0"));
    assertTrue(reaches(read, "orders"),
        "HQL 'FROM shop.Auditable' returns every persistent implementor (orders); optkit reads: " + read);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 4. orm.xml's <entity name="..."> gives the entity its JPQL name (and overrides @Entity(name)); OrmXmlMappings
  //    does not read the attribute.
  // ---------------------------------------------------------------------------------------------------------------
  private static final String ORM_XML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.0">
        <package>shop</package>
        <entity class="PurchaseOrder" name="Purchase">
          <table name="purchase_orders"/>
          <attributes>
            <id name="id"/>
          </attributes>
        </entity>
      </entity-mappings>
      """;

  @Test
  void anOrmXmlEntitysNameAttributeIsItsJpqlName() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;

        public class PurchaseOrder {
            private Long id;
            private String status;
        }
        """).file("src/main/resources/META-INF/orm.xml", ORM_XML)
        .java(dao(jpql("UPDATE Purchase p SET p.status = 'closed'"))).assess().index();
    DataFootprint written = index.footprints().of(query(index, "q0"));
    assertTrue(reaches(written, "purchase_orders"),
        "orm.xml names the entity 'Purchase': JPQL 'UPDATE Purchase' writes purchase_orders; optkit: " + written);
  }

  @Test
  void anOrmXmlNameOverridesTheAnnotatedEntityName() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "purchase_orders")
        public class PurchaseOrder {
            @Id private Long id;
            private String status;
        }
        """).file("src/main/resources/META-INF/orm.xml", ORM_XML)
        .java(dao(jpql("UPDATE Purchase p SET p.status = 'closed'"))).assess().index();
    DataFootprint written = index.footprints().of(query(index, "q0"));
    assertTrue(reaches(written, "purchase_orders"),
        "orm.xml's name overrides the annotation's default: 'UPDATE Purchase' writes purchase_orders; optkit: "
            + written);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 5. Native SQL names tables, not entities: the reader maps a native statement's table through JPA entity names
  //    (a MongoDB @Document of the table's name comes out right only because its collection is never read).
  // ---------------------------------------------------------------------------------------------------------------
  @Test
  void aNativeSqlTableIsNotARenamedEntityOfThatName() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;

        import jakarta.persistence.*;

        @Entity(name = "Purchase")
        @Table(name = "purchase_orders")
        public class PurchaseOrder {
            @Id private Long id;
            private String status;
        }
        """).java(dao(nativeSql("DELETE FROM Purchase WHERE status = 'old'"))).assess().index();
    DataFootprint written = index.footprints().of(query(index, "q0"));
    assertTrue(reaches(written, "purchase"),
        "native SQL 'DELETE FROM Purchase' deletes rows of the table purchase; optkit: " + written);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 6. Hibernate (<= 6.x) names a nested entity class Outer$Inner by default (jakartaee/persistence#1036).
  // ---------------------------------------------------------------------------------------------------------------
  @Test
  void aNestedEntitysJpqlNameReachesItsEntity() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;

        import jakarta.persistence.*;

        public class Model {
            @Entity
            @Table(name = "orders")
            public static class Order {
                @Id private Long id;
                private String status;
            }
        }
        """).java(dao(jpql("UPDATE Model$Order o SET o.status = 'closed'"))).assess().index();
    DataFootprint written = index.footprints().of(query(index, "q0"));
    assertTrue(reaches(written, "orders"),
        "Hibernate names the nested entity Model$Order: 'UPDATE Model$Order' writes orders; optkit: " + written);
  }

  @Test
  void twoMongoDocumentsOfOneNameDoNotHideTheJpaEntityOfIt() {
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
        package shop.a;

        import org.springframework.data.mongodb.core.mapping.Document;

        @Document("orders_a")
        public class Order {
            private String id;
        }
        """).java("""
        package shop.b;

        import org.springframework.data.mongodb.core.mapping.Document;

        @Document("orders_b")
        public class Order {
            private String id;
        }
        """).java(dao(jpql("UPDATE Order o SET o.status = 'closed'"))).assess().index();
    DataFootprint written = index.footprints().of(query(index, "q0"));
    assertFalse(written.unknown(), "JPQL sees JPA entities only: 'Order' is shop.Order; " + written);
    assertEquals(Optional.of("shop.Order"), index.footprints().entityNamed("Order").map(t -> t.qualifiedName()),
        "the index hint's reader loses the JPA entity too");
  }

}
