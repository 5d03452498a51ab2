package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository method whose name reads as a derived query runs something else when Spring Data finds its query
 * elsewhere or the project implements it: a custom fragment's implementation, a default method's body. Its name then
 * says nothing of its SQL. (Not read yet: a named query of META-INF/jpa-named-queries.properties.)
 */
class RepositoryMethodsNotDerivedTest {
  @TempDir Path dir;

  private static final String SCHEMA = """
      CREATE TABLE ticket (id BIGINT PRIMARY KEY, status VARCHAR(10), owner VARCHAR(20));
      """;

  private static final String TICKET = """
      package shop;
      import jakarta.persistence.*;
      @Entity
      public class Ticket {
        @Id Long id;
        String status;
        String owner;
      }
      """;

  private Optional<String> run(ProjectFixture fixture, String call) {
    ProjectIndex index = fixture.file("src/main/resources/schema.sql", SCHEMA).java(TICKET).java("""
        package shop;
        public class Tickets {
          private final TicketRepository repository;
          public Tickets(TicketRepository repository) { this.repository = repository; }
          public Object read(String v) { return repository.%s; }
        }
        """.formatted(call)).assess().index();
    IoSite site = index.sitesOf(index.methods("shop.Tickets", "read").get(0)).stream()
        .filter(s -> s.kind() == dev.optkit.analyzers.catalog.ClientKind.DB).findFirst().orElseThrow();
    return index.sqlAsRun().of(site);
  }

  private static void assertNotDerived(String derived, Optional<String> said) {
    assertTrue(said.isEmpty() || !said.get().equals(derived), "the name's query, which does not run: " + said);
  }

  @Test
  void aCustomFragmentsImplementationRunsNotTheName() {
    ProjectFixture fixture = new ProjectFixture(dir)
        .java("""
            package shop;
            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;
            public interface TicketRepository extends JpaRepository<Ticket, Long>, TicketRepositoryCustom {
            }
            """)
        .java("""
            package shop;
            import java.util.List;
            public interface TicketRepositoryCustom {
              List<Ticket> findByStatus(String status);
            }
            """)
        .java("""
            package shop;
            import java.util.List;
            public class TicketRepositoryImpl implements TicketRepositoryCustom {
              private final jakarta.persistence.EntityManager em;
              public TicketRepositoryImpl(jakarta.persistence.EntityManager em) { this.em = em; }
              public List<Ticket> findByStatus(String status) {
                return em.createQuery("select t from Ticket t where t.owner = :o", Ticket.class).setParameter("o", status)
                    .getResultList();
              }
            }
            """);
    assertNotDerived("SELECT * FROM ticket WHERE status = ?", run(fixture, "findByStatus(v)"));
  }

  @Test
  void aDefaultMethodRunsWhatItsBodyCallsNotItsName() {
    ProjectFixture fixture = new ProjectFixture(dir)
        .java("""
            package shop;
            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;
            public interface TicketRepository extends JpaRepository<Ticket, Long> {
              List<Ticket> findByOwnerIgnoreCase(String owner);
              default List<Ticket> findByOwner(String owner) {
                return findByOwnerIgnoreCase(owner);
              }
            }
            """);
    assertNotDerived("SELECT * FROM ticket WHERE owner = ?", run(fixture, "findByOwner(v)"));
  }
}
