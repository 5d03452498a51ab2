package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.rewriters.caching.proofs.EntityResultProof;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a Spring Data JPA JPQL query's untyped rows ({@code List<Object[]>}, {@code Page<Object[]>}) hold, read from
 * what it selects ({@code JpqlResults}): values where every item is a basic attribute, an aggregate, a function of
 * text or numbers or a scalar subquery of such; maybe an entity where an item is an alias, an association, a value
 * {@code COALESCE} passes on, or anything optkit cannot type. (A trial on ZinnaChoi/Study-Management, whose {@code
 * Page<Object[]>} of ids, names and a GROUP_CONCAT was refused as "may hold a persistent entity".)
 */
class JpqlValueRowsTest extends SpringProjectPlans {

  private MigrationFixture project() {
    return revoke("jpql-rows", "").java("""
        package shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;

        @Entity
        public class Owner {
            @Id
            private Long id;
            private String name;
        }
        """).java("""
        package shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.ManyToOne;

        @Entity
        public class Ticket {
            @Id
            private Long id;
            private String state;
            private int weight;
            @ManyToOne
            private Owner owner;
        }
        """).java("""
        package shop;

        public final class TicketQueries {
            public static final String COLUMNS = "select t.id, t.state";
        }
        """).java("""
        package shop;

        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.jpa.repository.Query;

        public interface TicketRows extends JpaRepository<Ticket, Long> {
            @Query("select t.id, t.state, count(t), sum(t.weight) from Ticket t group by t.id, t.state")
            List<Object[]> counts();

            @Query("select t.state, (select max(o.name) from Owner o where o.id = t.owner.id), t.owner.name from Ticket t")
            List<Object[]> ownerNames();

            @Query(TicketQueries.COLUMNS + " from Ticket t")
            List<Object[]> columns();

            @Query("select t, t.state from Ticket t")
            List<Object[]> withTicket();

            @Query("select t.owner, t.state from Ticket t")
            List<Object[]> withOwner();

            @Query("select o.name, coalesce(t.owner, o) from Ticket t join t.owner o")
            List<Object[]> passedOn();

            @Query("select x.name from Unknown x")
            List<Object[]> unknownAlias();
        }
        """);
  }

  private static Optional<String> refusal(MigrationFixture project, String method) {
    return OneProof.refusalId(project, new EntityResultProof(), "shop.TicketRows", method);
  }

  @Test
  void rowsOfBasicAttributesAggregatesAndScalarSubqueriesHoldNoEntity() {
    MigrationFixture project = project();
    assertEquals(Optional.empty(), refusal(project, "counts"));
    assertEquals(Optional.empty(), refusal(project, "ownerNames"), "an association's basic attribute is a value");
    assertEquals(Optional.empty(), refusal(project, "columns"), "the text made of another class's constant, read");
  }

  @Test
  void rowsWithAnAliasAnAssociationOrAValueOptkitCannotTypeMayHoldAnEntity() {
    MigrationFixture project = project();
    assertEquals(Optional.of("cache.entity-result"), refusal(project, "withTicket"));
    assertEquals(Optional.of("cache.entity-result"), refusal(project, "withOwner"));
    assertEquals(Optional.of("cache.entity-result"), refusal(project, "passedOn"));
    assertEquals(Optional.of("cache.entity-result"), refusal(project, "unknownAlias"));
  }
}
