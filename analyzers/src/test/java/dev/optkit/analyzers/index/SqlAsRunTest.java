package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the database runs for a query of the code: JPQL and Spring Data's derived queries written as SQL over the
 * schema's tables and columns; whatever does not map one to one is no SQL, never a guess.
 */
class SqlAsRunTest {
  @TempDir Path dir;

  private static final String SCHEMA = """
      CREATE TABLE customer (id BIGINT PRIMARY KEY, email_address VARCHAR(80), created_at TIMESTAMP, status VARCHAR(10),
        mail VARCHAR(80), active BOOLEAN, nickname VARCHAR(20), version BIGINT);
      CREATE TABLE customer_order (id BIGINT PRIMARY KEY, customer_id BIGINT, placed_at TIMESTAMP);
      """;

  private static final String BASE = """
      package shop;
      import jakarta.persistence.*;
      @MappedSuperclass
      public abstract class Versioned {
        @Id Long id;
        Long version;
      }
      """;

  private static final String CUSTOMER = """
      package shop;
      import jakarta.persistence.*;
      import java.util.List;
      @Entity
      public class Customer extends Versioned {
        String emailAddress;
        java.time.Instant createdAt;
        String status;
        @Column(name = "mail") String contact;
        boolean active;
        @Transient String nickname;
        @OneToMany(mappedBy = "customer") List<CustomerOrder> orders;
      }
      """;

  private static final String ORDER = """
      package shop;
      import jakarta.persistence.*;
      @Entity
      @Table(name = "customer_order")
      public class CustomerOrder {
        @Id Long id;
        @ManyToOne Customer customer;
        java.time.Instant placedAt;
      }
      """;

  private static final String REPOSITORY = """
      package shop;
      import java.util.List;
      import org.springframework.data.jpa.repository.JpaRepository;
      import org.springframework.data.jpa.repository.Query;
      public interface CustomerRepository extends JpaRepository<Customer, Long> {
        @Query("select c from Customer c where c.emailAddress = ?1 and c.createdAt > :after")
        List<Customer> byEmail(String email, java.time.Instant after);
        @Query("select c from Customer c join c.orders o where o.placedAt > ?1")
        List<Customer> ordering(java.time.Instant after);
        @Query("select c from Customer c where c.status = shop.Status.NEW")
        List<Customer> fresh();
        @Query(value = "SELECT * FROM customer WHERE emailAddress = ?1", nativeQuery = true)
        List<Customer> nativeByEmail(String email);
        List<Customer> findByStatusAndCreatedAtAfter(String status, java.time.Instant after);
        List<Customer> findTop5ByStatusOrderByCreatedAtDesc(String status);
        long countByActiveTrue();
        boolean existsByEmailAddressIgnoreCase(String email);
        List<Customer> findByContactContainingOrStatusIn(String part, List<String> statuses);
        List<Customer> findByVersionBetween(Long low, Long high);
        List<Customer> findByNickname(String nickname);
        List<Customer> findByOrdersPlacedAt(java.time.Instant at);
        List<Customer> findDistinctByStatusNotNull();
      }
      """;

  private static final String SERVICE = """
      package shop;
      import java.time.Instant;
      import java.util.List;
      public class Customers {
        private final CustomerRepository repository;
        private final jakarta.persistence.EntityManager em;
        public Customers(CustomerRepository repository, jakarta.persistence.EntityManager em) {
          this.repository = repository;
          this.em = em;
        }
        public Object byEmail(String v) { return repository.byEmail(v, Instant.now()); }
        public Object ordering() { return repository.ordering(Instant.now()); }
        public Object fresh() { return repository.fresh(); }
        public Object nativeByEmail(String v) { return repository.nativeByEmail(v); }
        public Object recent(String v) { return repository.findByStatusAndCreatedAtAfter(v, Instant.now()); }
        public Object top(String v) { return repository.findTop5ByStatusOrderByCreatedAtDesc(v); }
        public Object active() { return repository.countByActiveTrue(); }
        public Object known(String v) { return repository.existsByEmailAddressIgnoreCase(v); }
        public Object search(String v) { return repository.findByContactContainingOrStatusIn(v, List.of("A")); }
        public Object versions() { return repository.findByVersionBetween(1L, 2L); }
        public Object nick(String v) { return repository.findByNickname(v); }
        public Object placed() { return repository.findByOrdersPlacedAt(Instant.now()); }
        public Object statuses() { return repository.findDistinctByStatusNotNull(); }
        public Object all() { return repository.findAll(); }
        public Object jpql(String v) {
          return em.createQuery("select o from CustomerOrder o where o.placedAt < :before").setParameter("before", v)
              .getResultList();
        }
      }
      """;

  private ProjectIndex index(String... more) {
    ProjectFixture fixture = new ProjectFixture(dir).file("src/main/resources/schema.sql", SCHEMA).java(BASE)
        .java(CUSTOMER).java(ORDER).java(REPOSITORY).java(SERVICE);
    for (String source : more) {
      fixture.java(source);
    }
    return fixture.assess().index();
  }

  private static Optional<String> run(ProjectIndex index, String method) {
    IoSite site = index.sitesOf(index.methods("shop.Customers", method).get(0)).stream()
        .filter(s -> s.kind() == dev.optkit.analyzers.catalog.ClientKind.DB).findFirst()
        .orElseThrow(() -> new AssertionError("no query in " + method + "()"));
    return index.sqlAsRun().of(site);
  }

  @Test
  void aDerivedQueryIsTheSelectItsNameDerivesOverTheEntitysColumns() {
    ProjectIndex index = index();
    assertEquals(Optional.of("SELECT * FROM customer WHERE status = ? AND created_at > ?"), run(index, "recent"));
    assertEquals(Optional.of("SELECT * FROM customer WHERE status = ? ORDER BY created_at DESC LIMIT 5"),
        run(index, "top"));
    assertEquals(Optional.of("SELECT COUNT(*) FROM customer WHERE active = TRUE"), run(index, "active"));
    assertEquals(Optional.of("SELECT 1 FROM customer WHERE UPPER(email_address) = UPPER(?) LIMIT 1"),
        run(index, "known"));
    // @Column(name = "mail") names the column; an Or keeps its branches
    assertEquals(Optional.of("SELECT * FROM customer WHERE (mail LIKE '%' || ? || '%') OR (status IN (?))"),
        run(index, "search"));
    // a mapped superclass's field is the entity's column
    assertEquals(Optional.of("SELECT * FROM customer WHERE version BETWEEN ? AND ?"), run(index, "versions"));
    assertEquals(Optional.of("SELECT DISTINCT * FROM customer WHERE status IS NOT NULL"), run(index, "statuses"));
    assertEquals(Optional.of("SELECT * FROM customer"), run(index, "all"));
  }

  @Test
  void aJpqlQueryNamesTheTablesAndColumnsItsEntitiesAreStoredIn() {
    ProjectIndex index = index();
    assertEquals(Optional.of("SELECT c FROM customer c WHERE c.email_address = ?1 AND c.created_at > :after"),
        run(index, "byEmail"));
    assertEquals(Optional.of("SELECT o FROM customer_order o WHERE o.placed_at < :before"), run(index, "jpql"));
  }

  @Test
  void aNativeQueryIsTheSqlAsWritten() {
    assertEquals(Optional.of("SELECT * FROM customer WHERE emailAddress = ?1"), run(index(), "nativeByEmail"));
  }

  @Test
  void whatDoesNotMapOneToOneIsNoSql() {
    ProjectIndex index = index();
    assertEquals(Optional.empty(), run(index, "ordering"), "a join along an association");
    assertEquals(Optional.empty(), run(index, "fresh"), "an enum constant compared");
    assertEquals(Optional.empty(), run(index, "nick"), "a transient field");
    assertEquals(Optional.empty(), run(index, "placed"), "a property path through an association");
  }

  @Test
  void aProjectNamingStrategyLeavesDefaultNamesUntold() {
    ProjectIndex index = index("""
        package shop;
        import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
        public class Naming extends PhysicalNamingStrategyStandardImpl {}
        """);
    assertEquals(Optional.empty(), run(index, "recent"));
    assertEquals(Optional.empty(), run(index, "byEmail"));
  }
}
