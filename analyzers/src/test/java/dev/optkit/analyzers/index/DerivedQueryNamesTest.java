package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A derived query's name read as Spring Data's PartTree and Spring Data JPA's query creator read it. */
class DerivedQueryNamesTest {
  @TempDir Path dir;

  private static final String SCHEMA = """
      CREATE TABLE customer (id BIGINT PRIMARY KEY, status VARCHAR(10), age INT, created_at TIMESTAMP);
      """;

  private static final String CUSTOMER = """
      package shop;
      import jakarta.persistence.*;
      @Entity
      public class Customer {
        @Id Long id;
        String status;
        Integer age;
        java.time.Instant createdAt;
      }
      """;

  private Optional<String> run(String repositoryMethod, String call) {
    ProjectIndex index = new ProjectFixture(dir).file("src/main/resources/schema.sql", SCHEMA).java(CUSTOMER)
        .java("""
            package shop;
            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;
            public interface CustomerRepository extends JpaRepository<Customer, Long> {
              %s
            }
            """.formatted(repositoryMethod))
        .java("""
            package shop;
            public class Customers {
              private final CustomerRepository repository;
              public Customers(CustomerRepository repository) { this.repository = repository; }
              public Object read(String v) { return repository.%s; }
            }
            """.formatted(call))
        .assess().index();
    IoSite site = index.sitesOf(index.methods("shop.Customers", "read").get(0)).stream()
        .filter(s -> s.kind() == dev.optkit.analyzers.catalog.ClientKind.DB).findFirst().orElseThrow();
    return index.sqlAsRun().of(site);
  }

  @Test
  void aTopWordOfTheSubjectIsNoLimit() {
    // PartTree limits only "(find|...)(Distinct)?(First|Top)(\d*)" followed by an upper-case word or By:
    // findTopicsByStatus answers every matching row (and UnboundedRead must see it so)
    assertEquals(Optional.of("SELECT * FROM customer WHERE status = ?"),
        run("List<Customer> findTopicsByStatus(String status);", "findTopicsByStatus(v)"));
  }

  @Test
  void aFirstLaterInTheSubjectIsNoLimit() {
    assertEquals(Optional.of("SELECT * FROM customer WHERE status = ?"),
        run("List<Customer> findNewestFirstByStatus(String status);", "findNewestFirstByStatus(v)"));
  }

  @Test
  void allIgnoreCaseUpperCasesOnlyStringProperties() {
    // AllIgnoreCase is WHEN_POSSIBLE: Spring Data JPA upper-cases a String property, compares an Integer as it is
    assertEquals(Optional.of("SELECT * FROM customer WHERE UPPER(status) = UPPER(?) AND age = ?"),
        run("List<Customer> findByStatusAndAgeAllIgnoreCase(String status, Integer age);",
            "findByStatusAndAgeAllIgnoreCase(v, 3)"));
  }

  @Test
  void findAllByIdReadsEveryIdGivenNotOne() {
    // CrudRepository.findAllById(Iterable) is no derived query: it reads "where id in (...)", as many rows as ids
    Optional<String> sql = run("", "findAllById(java.util.List.of(1L, 2L))");
    assertTrue(sql.isEmpty() || sql.get().contains(" IN "), "said: " + sql);
  }

  @Test
  void ignoreCaseAnywhereInAPartIsThePartsCase() {
    // PartTree finds IgnoreCase anywhere in a part: a trial's findByEmailIgnoreCaseContaining was read as no query
    assertEquals(Optional.of("SELECT * FROM customer WHERE UPPER(status) LIKE UPPER('%' || ? || '%')"),
        run("List<Customer> findByStatusIgnoreCaseContaining(String status);", "findByStatusIgnoreCaseContaining(v)"));
  }
}
