package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index hints for Spring Data repositories' queries: a derived finder and a JPQL {@code @Query} filter on the columns
 * their entity's properties are stored in. (Before JPQL was read as the SQL it runs, a query by {@code c.emailAddress}
 * was a hint to index a column {@code emailaddress} no table has.)
 */
class IndexHintsOfRepositoryQueriesTest {
  @TempDir Path dir;

  private static final String CUSTOMER = """
      package shop;
      import jakarta.persistence.*;
      @Entity
      public class Customer {
        @Id Long id;
        String emailAddress;
        java.time.Instant createdAt;
        String status;
      }
      """;

  private List<String> hints(String schema, String repositoryMethods, String calls) {
    return project(schema, repositoryMethods, calls)
        .assess().findings().stream().filter(f -> f.ruleId().equals("MissingIndex"))
        .map(IndexHintsOfRepositoryQueriesTest::named).toList();
  }

  private ProjectFixture project(String schema, String repositoryMethods, String calls) {
    return new ProjectFixture(dir).file("src/main/resources/schema.sql", schema).java(CUSTOMER)
        .java("""
            package shop;
            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;
            import org.springframework.data.jpa.repository.Query;
            public interface CustomerRepository extends JpaRepository<Customer, Long> {
            %s
            }
            """.formatted(repositoryMethods))
        .java("""
            package shop;
            public class Customers {
              private final CustomerRepository repository;
              public Customers(CustomerRepository repository) { this.repository = repository; }
              public Object read(String v) { return %s; }
            }
            """.formatted(calls));
  }

  private static String named(Finding hint) {
    return hint.details().get("table") + "(" + String.join(",", MissingIndexRuleTest.columns(hint)) + ")";
  }

  private static final String SCHEMA = """
      CREATE TABLE customer (id BIGINT PRIMARY KEY, email_address VARCHAR(80), created_at TIMESTAMP, status VARCHAR(10));
      """;

  @Test
  void aJpqlQueryIsAHintOnTheColumnsItsPropertiesAreStoredIn() {
    assertEquals(List.of("customer(email_address)"), hints(SCHEMA, """
          @Query("select c from Customer c where c.emailAddress = ?1")
          List<Customer> byEmail(String email);
        """, "repository.byEmail(v)"));
  }

  @Test
  void aDerivedFinderIsAHintOnItsEqualityColumnsThenItsRange() {
    assertEquals(List.of("customer(status,created_at)"), hints(SCHEMA, """
          List<Customer> findByStatusAndCreatedAtAfter(String status, java.time.Instant after);
        """, "repository.findByStatusAndCreatedAtAfter(v, java.time.Instant.now())"));
  }

  @Test
  void aDerivedFinderAnIndexServesIsNoHint() {
    assertEquals(List.of(), hints(SCHEMA + "CREATE INDEX idx_status ON customer (status, created_at);\n", """
          List<Customer> findByStatusAndCreatedAtAfter(String status, java.time.Instant after);
        """, "repository.findByStatusAndCreatedAtAfter(v, java.time.Instant.now())"));
  }

  @Test
  void aQueryByAColumnTheTableDoesNotDeclareIsNoHint() {
    // the native query's column is not in the script: another schema's table of that name, or a script not read
    assertEquals(List.of(), hints(SCHEMA, """
          @Query(value = "SELECT * FROM customer WHERE emailAddress = ?1", nativeQuery = true)
          List<Customer> byEmail(String email);
        """, "repository.byEmail(v)"));
  }

  @Test
  void aQueryWhoseSqlTheMappingsDoNotTellIsUndecidedNotGuessed() {
    // JPQL comparing a property of another entity, reached through a path: which table and column is not read
    ProjectFixture fixture = project(SCHEMA, """
          @Query("select c from Customer c where c.referrer.emailAddress = ?1")
          List<Customer> referredBy(String email);
        """, "repository.referredBy(v)");
    assertEquals(List.of("untold-sql"), UndecidedHints.of(fixture.assess().index()).stream()
        .map(group -> group.why().id()).toList());
  }
}
