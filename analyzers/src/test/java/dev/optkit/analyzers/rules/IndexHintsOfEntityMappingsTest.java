package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hint for a JPA query names the table and column the provider reads: the entity the JPQL name means, and a column as
 * the provider compares it.
 */
class IndexHintsOfEntityMappingsTest {
  @TempDir Path dir;

  private List<String> hints(String schema, String... sources) {
    ProjectFixture fixture = new ProjectFixture(dir).file("src/main/resources/schema.sql", schema);
    for (String source : sources) {
      fixture.java(source);
    }
    return fixture.assess().findings().stream().filter(f -> f.ruleId().equals("MissingIndex"))
        .map(IndexHintsOfEntityMappingsTest::named).toList();
  }

  private static String named(Finding hint) {
    return hint.details().get("table") + "(" + String.join(",", MissingIndexRuleTest.columns(hint)) + ")";
  }

  @Test
  void aJpqlEntityNameIsTheEntityNamedSoNotAnotherOfTheSameSimpleName() {
    // two classes Invoice: shop's is the entity ShopInvoice, billing's is the entity Invoice; JPQL "from Invoice" reads
    // billing_invoice
    List<String> hints = hints("""
        CREATE TABLE shop_invoice (id BIGINT PRIMARY KEY, placed_at TIMESTAMP);
        CREATE TABLE billing_invoice (id BIGINT PRIMARY KEY, placed_at TIMESTAMP);
        """, """
        package shop;
        import jakarta.persistence.*;
        @Entity(name = "ShopInvoice")
        @Table(name = "shop_invoice")
        public class Invoice {
          @Id Long id;
          java.time.Instant placedAt;
        }
        """, """
        package billing;
        import jakarta.persistence.*;
        @Entity
        @Table(name = "billing_invoice")
        public class Invoice {
          @Id Long id;
          java.time.Instant placedAt;
        }
        """, """
        package billing;
        public class Invoices {
          private final jakarta.persistence.EntityManager em;
          public Invoices(jakarta.persistence.EntityManager em) { this.em = em; }
          public Object recent(java.time.Instant after) {
            return em.createQuery("select i from Invoice i where i.placedAt > :after").setParameter("after", after)
                .getResultList();
          }
        }
        """);
    assertEquals(List.of("billing_invoice(placed_at)"), hints);
  }

  @Test
  void jpqlsFunctionOfADatabaseFunctionIsWrittenAsItsCallForThePlanner() {
    // FUNCTION('jsonb_extract_path_text', ...) was passed on as written, and PostgreSQL said no function "function"
    // exists: the hint's query was not checked
    ProjectFixture fixture = new ProjectFixture(dir).file("src/main/resources/schema.sql", """
        CREATE TABLE docs (id BIGINT PRIMARY KEY, owner VARCHAR(40), data TEXT);
        """).java("""
        package shop;
        import jakarta.persistence.*;
        @Entity
        @Table(name = "docs")
        public class Doc {
          @Id Long id;
          String owner;
          String data;
        }
        """).java("""
        package shop;
        public class Docs {
          private final jakarta.persistence.EntityManager em;
          public Docs(jakarta.persistence.EntityManager em) { this.em = em; }
          public Object tagged(String owner, String tag) {
            return em.createQuery("select d from Doc d where d.owner = :owner"
                + " and FUNCTION('jsonb_extract_path_text', d.data, 'tag') = :tag")
                .setParameter("owner", owner).setParameter("tag", tag).getResultList();
          }
        }
        """);
    List<IndexHint> hints = IndexHint.of(fixture.assess().index());
    assertEquals(List.of("SELECT d FROM docs d WHERE d.owner = :owner AND jsonb_extract_path_text(d.data, 'tag') = :tag"),
        hints.stream().flatMap(hint -> hint.probes().stream()).map(probe -> ((IndexHint.Query) probe).sql()).toList());
  }

  @Test
  void aColumnReadThroughAColumnTransformerIsNoIndexHint() {
    // Hibernate compares pgp_sym_decrypt(ssn, 'k') = ?: an index on ssn serves no such query
    assertEquals(List.of(), hints("""
        CREATE TABLE customer (id BIGINT PRIMARY KEY, ssn VARCHAR(200));
        """, """
        package shop;
        import jakarta.persistence.*;
        @Entity
        public class Customer {
          @Id Long id;
          @org.hibernate.annotations.ColumnTransformer(read = "pgp_sym_decrypt(ssn, 'k')", write = "pgp_sym_encrypt(?, 'k')")
          String ssn;
        }
        """, """
        package shop;
        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        public interface CustomerRepository extends JpaRepository<Customer, Long> {
          List<Customer> findBySsn(String ssn);
        }
        """, """
        package shop;
        public class Customers {
          private final CustomerRepository repository;
          public Customers(CustomerRepository repository) { this.repository = repository; }
          public Object read(String v) { return repository.findBySsn(v); }
        }
        """));
  }
}
