package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
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
    IoSite site = index.sitesOf(index.methods("shop.Reads", method).get(0)).stream()
        .filter(s -> s.kind() == dev.optkit.analyzers.catalog.ClientKind.DB).findFirst().orElseThrow();
    return index.sqlAsRun().of(site);
  }

  @Test
  void anSqlRestrictionIsAConditionOfEveryQueryOfItsEntity() {
    ProjectIndex index = new ProjectFixture(dir)
        .file("src/main/resources/schema.sql",
            "CREATE TABLE customer (id BIGINT PRIMARY KEY, status VARCHAR(10), deleted BOOLEAN);\n")
        .java("""
            package shop;
            import jakarta.persistence.*;
            @Entity
            @org.hibernate.annotations.SQLRestriction("deleted = false")
            public class Customer {
              @Id Long id;
              String status;
              boolean deleted;
            }
            """)
        .java("""
            package shop;
            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;
            public interface CustomerRepository extends JpaRepository<Customer, Long> {
              List<Customer> findByStatus(String status);
            }
            """)
        .java("""
            package shop;
            public class Reads {
              private final CustomerRepository repository;
              public Reads(CustomerRepository repository) { this.repository = repository; }
              public Object byStatus(String v) { return repository.findByStatus(v); }
            }
            """)
        .assess().index();
    Optional<String> sql = run(index, "byStatus");
    assertTrue(sql.isEmpty() || sql.get().contains("deleted"), "the restriction dropped: " + sql);
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
