package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL a query of an entity runs holds what its mapping adds: a restriction Hibernate adds to every query, the
 * tables a TABLE_PER_CLASS root's rows are in. Where optkit does not write it, it says no SQL.
 */
class EntityMappingsInSqlTest {
  @TempDir Path dir;

  private static Optional<String> run(ProjectIndex index, String method) {
    return index.sqlAsRun().of(site(index, method));
  }

  /** A customer entity with the given mapping annotations, its repository and a class reading it every way. */
  private ProjectIndex customers(String mapping, String entityHeader) {
    return new ProjectFixture(dir)
        .file("src/main/resources/schema.sql",
            "CREATE TABLE customer (id BIGINT PRIMARY KEY, status VARCHAR(10), deleted BOOLEAN);\n"
                + "CREATE TABLE address (id BIGINT PRIMARY KEY, customer_id BIGINT, city VARCHAR(20));\n")
        .java(entityHeader.isEmpty() ? "package shop; public class Unused {}" : entityHeader)
        .java("""
            package shop;
            import jakarta.persistence.*;
            @Entity
            %s
            public class Customer%s {
              @Id Long id;
              String status;
              boolean deleted;
            }
            """.formatted(mapping, entityHeader.isEmpty() ? "" : " extends Base"))
        .java("""
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class Address {
              @Id Long id;
              Long customerId;
              String city;
            }
            """)
        .java("""
            package shop;
            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;
            public interface CustomerRepository extends JpaRepository<Customer, Long> {
              List<Customer> findByStatus(String status);
              List<Customer> findByStatusOrIdIn(String status, List<Long> ids);
            }
            """)
        .java("""
            package shop;
            import jakarta.persistence.EntityManager;
            public class Reads {
              private final CustomerRepository repository;
              private final EntityManager em;
              public Reads(CustomerRepository repository, EntityManager em) { this.repository = repository; this.em = em; }
              public Object byStatus(String v) { return repository.findByStatus(v); }
              public Object either(String v, java.util.List<Long> ids) { return repository.findByStatusOrIdIn(v, ids); }
              public Object all() { return repository.findAll(); }
              public Object one(Long id) { return repository.findById(id); }
              public Object jpql(String v) {
                return em.createQuery("select c from Customer c where c.status = :s").setParameter("s", v).getResultList();
              }
              public Object joined(String city) {
                return em.createQuery("select c from Customer c join Address a on a.customerId = c.id where a.city = :c")
                    .setParameter("c", city).getResultList();
              }
              public Object outer(String city) {
                return em.createQuery("select a from Address a left join Customer c on a.customerId = c.id where a.city = :c")
                    .setParameter("c", city).getResultList();
              }
              public Object bulk(String v) {
                return em.createQuery("update Customer c set c.status = :s").setParameter("s", v).executeUpdate();
              }
            }
            """)
        .assess().index();
  }

  @Test
  void anSqlRestrictionIsAConditionOfEveryQueryOfItsEntity() {
    ProjectIndex index = customers("@org.hibernate.annotations.SQLRestriction(\"deleted = false\")", "");
    assertEquals(Optional.of("SELECT * FROM customer WHERE (status = ?) AND (deleted = false)"), run(index, "byStatus"));
    assertEquals(Optional.of("SELECT * FROM customer WHERE ((status = ?) OR (id IN (?))) AND (deleted = false)"),
        run(index, "either"));
    assertEquals(Optional.of("SELECT * FROM customer WHERE deleted = false"), run(index, "all"));
    assertEquals(Optional.of("SELECT * FROM customer WHERE (id = ?) AND (deleted = false)"), run(index, "one"));
    // JPQL: the condition on the entity's alias, as Hibernate qualifies it
    assertEquals(Optional.of("SELECT c FROM customer c WHERE (c.status = :s) AND (c.deleted = false)"),
        run(index, "jpql"));
    assertEquals(Optional.of("SELECT c FROM customer c JOIN address a ON a.customer_id = c.id "
        + "WHERE (a.city = :c) AND (c.deleted = false)"), run(index, "joined"));
  }

  /** Hibernate 6.4's soft delete with its defaults: a boolean column "deleted", false on every row a read finds. */
  @Test
  void aSoftDeleteWithItsDefaultsIsTheRestrictionOfItsDeletedColumn() {
    assertEquals(Optional.of("SELECT * FROM customer WHERE (status = ?) AND (deleted = false)"),
        run(customers("@org.hibernate.annotations.SoftDelete", ""), "byStatus"));
    // another strategy or column: a condition optkit does not write
    assertEquals(Optional.empty(), run(customers("@org.hibernate.annotations.SoftDelete(strategy = "
        + "org.hibernate.annotations.SoftDeleteType.ACTIVE)", ""), "byStatus"));
  }

  @Test
  void aRestrictionOptkitCannotPlaceLeavesTheQueryUntold() {
    ProjectIndex index = customers("@org.hibernate.annotations.Where(clause = \"deleted = false\")", "");
    // an outer join: Hibernate adds the condition to its ON; a bulk update: not a read
    assertEquals(Optional.empty(), run(index, "outer"));
    assertEquals(Optional.empty(), run(index, "bulk"));
    // a column the restriction qualifies itself is no name optkit writes under the query's alias (c.customer.deleted)
    ProjectIndex qualified = customers("@org.hibernate.annotations.SQLRestriction(\"customer.deleted = false\")", "");
    assertEquals(Optional.empty(), run(qualified, "jpql"));
  }

  @Test
  void aRestrictionThatIsNoPlainConditionLeavesItsEntitysQueriesUntold() {
    for (String mapping : List.of(
        "@org.hibernate.annotations.SQLRestriction(\"exists (select 1 from address a where a.customer_id = id)\")",
        "@org.hibernate.annotations.SQLRestriction(\"deleted = false order by id\")",
        "@org.hibernate.annotations.SQLRestriction(Names.NOT_DELETED)",
        "@org.hibernate.annotations.SQLRestriction(\"deleted = false\") @org.hibernate.annotations.Where(clause = \"1 = 1\")")) {
      ProjectIndex index = customers(mapping, "");
      assertEquals(Optional.empty(), run(index, "byStatus"), mapping);
      assertTrue(index.sqlAsRun().untold(site(index, "byStatus")), mapping);
    }
  }

  @Test
  void sqlThatOnlyWritesChangesNoQueryOfTheTable() {
    // a soft delete: @SQLDelete turns remove() into an update; reads run as their names say (the restriction, if any,
    // added); Envers' auditing writes another table on every write
    ProjectIndex index = customers("@org.hibernate.annotations.SQLDelete(sql = \"UPDATE customer SET deleted = true "
        + "WHERE id = ?\") @org.hibernate.envers.Audited", "");
    assertEquals(Optional.of("SELECT * FROM customer WHERE status = ?"), run(index, "byStatus"));
    assertTrue(index.type("shop.Customer").orElseThrow().dataBeyondMapping(), "the writes still touch more data");
  }

  @Test
  void aMappedSuperclassRestrictionLeavesItsEntitysQueriesUntold() {
    ProjectIndex index = customers("", """
        package shop;
        @jakarta.persistence.MappedSuperclass
        @org.hibernate.annotations.SQLRestriction("deleted = false")
        public abstract class Base {}
        """);
    assertEquals(Optional.empty(), run(index, "byStatus"));
  }

  private static IoSite site(ProjectIndex index, String method) {
    return index.sitesOf(index.methods("shop.Reads", method).get(0)).stream()
        .filter(s -> s.kind() == dev.optkit.analyzers.catalog.ClientKind.DB).findFirst().orElseThrow();
  }

  @Test
  void aTablePerClassRootReadsEveryConcreteTable() {
    ProjectIndex index = new ProjectFixture(dir)
        .file("src/main/resources/schema.sql", """
            CREATE TABLE payment (id BIGINT PRIMARY KEY, status VARCHAR(10));
            CREATE TABLE card_payment (id BIGINT PRIMARY KEY, status VARCHAR(10), card VARCHAR(20));
            """)
        .java("""
            package shop;
            import jakarta.persistence.*;
            @Entity
            @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
            public class Payment {
              @Id Long id;
              String status;
            }
            """)
        .java("""
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class CardPayment extends Payment {
              String card;
            }
            """)
        .java("""
            package shop;
            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;
            public interface PaymentRepository extends JpaRepository<Payment, Long> {
              List<Payment> findByStatus(String status);
            }
            """)
        .java("""
            package shop;
            public class Reads {
              private final PaymentRepository repository;
              public Reads(PaymentRepository repository) { this.repository = repository; }
              public Object byStatus(String v) { return repository.findByStatus(v); }
            }
            """)
        .assess().index();
    // Hibernate reads payment UNION ALL card_payment: the payment table alone is not what runs
    Optional<String> sql = run(index, "byStatus");
    assertTrue(sql.isEmpty() || sql.get().contains("card_payment"), "one table of a union: " + sql);
  }
}
