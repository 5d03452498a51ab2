package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.rewriters.caching.proofs.EntityResultProof;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a Spring Data JPA native query's untyped rows hold: column values where its SQL is given in {@code @Query}, but
 * not always. ReturnedEntities.untypedWhereEntitiesAre now says any method whose {@code @Query} has
 * {@code nativeQuery = true} holds no entity, and reads that flag as the text "true" only. (Review of the change that
 * answered a usefulness trial's false 'may hold a persistent entity' on a native query's {@code List<Object[]>}.)
 */
class NativeQueryRowsTest extends SpringProjectPlans {

  /**
   * Attacks: {@code @Query(nativeQuery = true)} with no query text. Spring Data JPA then runs the named query
   * {@code Request.pending} (JpaQueryLookupStrategy.DeclaredQueryLookupStrategy: no annotated query, so the named
   * query by the method's name), here an {@code @NamedNativeQuery} with {@code resultClass = Request.class}: the
   * {@code List<Object>} holds managed Request entities. optkit lets it be cached as holding none, so callers share
   * one entity instance across requests (and across persistence contexts, detached). The same holds for
   * {@code @Query(name = "Request.pending", nativeQuery = true)}.
   */
  @Test
  void aNativeQueryFlagWithoutQueryTextRunsANamedQueryThatMayReturnEntities() {
    MigrationFixture project = revoke("named", "").java("""
        package shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.NamedNativeQuery;

        @Entity
        @NamedNativeQuery(name = "Ticket.pending", query = "select * from ticket where state = 'PENDING'",
                resultClass = Ticket.class)
        @NamedNativeQuery(name = "Ticket.open", query = "select * from ticket where state = 'OPEN'",
                resultClass = Ticket.class)
        public class Ticket {
            @Id
            private Long id;
            private String state;

            public String getState() {
                return state;
            }
        }
        """).java("""
        package shop;

        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.jpa.repository.Query;

        public interface TicketRows extends JpaRepository<Ticket, Long> {
            @Query(nativeQuery = true)
            List<Object> pending();

            @Query(name = "Ticket.open", nativeQuery = true)
            List<Object> openOnes();
        }
        """);
    assertEquals(Optional.of("cache.entity-result"),
        OneProof.refusalId(project, new EntityResultProof(), "shop.TicketRows", "pending"),
        "no query text: Spring Data runs the named native query Ticket.pending, whose rows are Ticket entities");
    assertEquals(Optional.of("cache.entity-result"),
        OneProof.refusalId(project, new EntityResultProof(), "shop.TicketRows", "openOnes"),
        "a query name and no text: Spring Data runs Ticket.open, whose rows are Ticket entities");
  }
}
