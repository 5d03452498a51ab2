package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index hints follow the store a repository's query goes to: a search index's repository is no SQL, whatever
 * annotations its document class also carries; SQL a repository gives (a native query however it is annotated, a
 * Spring Data JDBC {@code @Query}) is the SQL the database runs.
 */
class IndexHintsByRepositoryStoreTest {
  @TempDir Path dir;

  private static final String SCHEMA = """
      CREATE TABLE customer (id BIGINT PRIMARY KEY, email_address VARCHAR(80), status VARCHAR(10));
      CREATE TABLE account (id BIGINT PRIMARY KEY, status VARCHAR(10));
      """;

  private static final String CALLER = """
      package shop;
      public class Customers {
        private final %1$s repository;
        public Customers(%1$s repository) { this.repository = repository; }
        public Object read(String v) { return repository.%2$s(v); }
      }
      """;

  private List<String> hints(String... sources) {
    ProjectFixture fixture = new ProjectFixture(dir).file("src/main/resources/schema.sql", SCHEMA);
    for (String source : sources) {
      fixture.java(source);
    }
    return fixture.assess().findings().stream().filter(f -> f.ruleId().equals("MissingIndex"))
        .map(IndexHintsByRepositoryStoreTest::named).toList();
  }

  private static String named(Finding hint) {
    return hint.details().get("table") + "(" + String.join(",", MissingIndexRuleTest.columns(hint)) + ")";
  }

  @Test
  void anElasticsearchRepositoryOfAJpaEntityIsNoIndexHint() {
    // JHipster's search: the JPA entity is also the Elasticsearch document, and its search repository's finders query
    // the search index, never the customer table
    assertEquals(List.of(), hints("""
        package shop;
        import jakarta.persistence.*;
        @Entity
        @Table(name = "customer")
        @org.springframework.data.elasticsearch.annotations.Document(indexName = "customer")
        public class Customer {
          @Id Long id;
          String emailAddress;
          String status;
        }
        """, """
        package shop;
        import java.util.List;
        import org.springframework.data.elasticsearch.repository.ElasticsearchRepository;
        public interface CustomerSearchRepository extends ElasticsearchRepository<Customer, Long> {
          List<Customer> findByEmailAddress(String emailAddress);
        }
        """, CALLER.formatted("CustomerSearchRepository", "findByEmailAddress")));
  }

  @Test
  void aNativeQueryAnnotationIsAHintOnItsSql() {
    // Spring Data JPA 3.4's @NativeQuery is @Query(nativeQuery = true): the SQL as written (a hint before SqlAsRun)
    assertEquals(List.of("customer(email_address)"), hints("""
        package shop;
        import jakarta.persistence.*;
        @Entity
        public class Customer {
          @Id Long id;
          String emailAddress;
          String status;
        }
        """, """
        package shop;
        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.jpa.repository.NativeQuery;
        public interface CustomerRepository extends JpaRepository<Customer, Long> {
          @NativeQuery("SELECT * FROM customer WHERE email_address = ?1")
          List<Customer> byEmail(String email);
        }
        """, CALLER.formatted("CustomerRepository", "byEmail")));
  }

  @Test
  void aSpringDataJdbcQueryOfAnAggregateWithoutTableAnnotationIsAHintOnItsSql() {
    // a Spring Data JDBC aggregate needs no @Table: its repository's @Query is SQL all the same (a hint before SqlAsRun)
    assertEquals(List.of("account(status)"), hints("""
        package shop;
        import org.springframework.data.annotation.Id;
        public class Account {
          @Id Long id;
          String status;
        }
        """, """
        package shop;
        import java.util.List;
        import org.springframework.data.repository.CrudRepository;
        import org.springframework.data.jdbc.repository.query.Query;
        public interface AccountRepository extends CrudRepository<Account, Long> {
          @Query("SELECT * FROM account WHERE status = :status")
          List<Account> byStatus(String status);
        }
        """, CALLER.formatted("AccountRepository", "byStatus")));
  }
}
