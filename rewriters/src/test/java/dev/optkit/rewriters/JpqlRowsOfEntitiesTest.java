package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.rewriters.caching.proofs.EntityResultProof;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** JPQL select items that are, or pass on, an entity ({@code OBJECT(t)}, HQL's {@code ELEMENT(..)}): never values. */
class JpqlRowsOfEntitiesTest extends SpringProjectPlans {

  private MigrationFixture project() {
    return revoke("jpql-rows-of-entities", "").java("""
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

        import jakarta.persistence.Embeddable;

        @Embeddable
        public class Address {
            private String city;
        }
        """).java("""
        package shop;

        import jakarta.persistence.Embedded;
        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.ManyToOne;
        import jakarta.persistence.OneToMany;
        import java.util.List;

        @Entity
        public class Ticket {
            @Id
            private Long id;
            private String state;
            @ManyToOne
            private Owner owner;
            @OneToMany
            private List<Owner> watchers;
            @Embedded
            private Address address;
        }
        """).java("""
        package shop;

        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.jpa.repository.Query;

        public interface TicketRows extends JpaRepository<Ticket, Long> {
            @Query("select object(t), t.state from Ticket t")
            List<Object[]> objectOf();

            @Query("select element(t.watchers), t.state from Ticket t")
            List<Object[]> elementOf();

            @Query("select t.state, treat(t.owner as Owner) from Ticket t")
            List<Object[]> treated();

            @Query("select t.state, case when t.id > 0 then o else o end from Ticket t join t.owner o")
            List<Object[]> caseAlias();

            @Query("select t.state, max(o) from Ticket t join t.owner o group by t.state")
            List<Object[]> maxAlias();

            @Query("select t.state, t.address from Ticket t")
            List<Object[]> embedded();

            @Query("select t.state, t.watchers from Ticket t")
            List<Object[]> collectionPath();

            @Query("select distinct o, t.state from Ticket t join t.owner o")
            List<Object[]> distinctAlias();

            @Query("select t.state, t.owner.id from Ticket t")
            List<Object[]> ownerId();
        }
        """);
  }

  private static Optional<String> refusal(MigrationFixture project, String method) {
    return OneProof.refusalId(project, new EntityResultProof(), "shop.TicketRows", method);
  }

  /** JPQL 4.8.1: SELECT OBJECT(t) is the entity t; OBJECT is not in PASSING_ON, so any function counts as a value. */
  @Test
  void objectOfAnAliasIsTheEntity() {
    assertEquals(Optional.of("cache.entity-result"), refusal(project(), "objectOf"));
  }

  /** HQL's element(t.watchers) is the collection's element entity: a function not in PASSING_ON is taken for a value. */
  @Test
  void elementOfACollectionOfEntitiesIsAnEntity() {
    assertEquals(Optional.of("cache.entity-result"), refusal(project(), "elementOf"));
  }

  /** Probes: each of these may hold an entity (or an embeddable holding more) and must still be refused. */
  @Test
  void probesStillRefused() {
    MigrationFixture project = project();
    assertEquals(Optional.of("cache.entity-result"), refusal(project, "treated"), "treated");
    assertEquals(Optional.of("cache.entity-result"), refusal(project, "caseAlias"), "caseAlias");
    assertEquals(Optional.of("cache.entity-result"), refusal(project, "maxAlias"), "maxAlias");
    assertEquals(Optional.of("cache.entity-result"), refusal(project, "embedded"), "embedded");
    assertEquals(Optional.of("cache.entity-result"), refusal(project, "collectionPath"), "collectionPath");
    assertEquals(Optional.of("cache.entity-result"), refusal(project, "distinctAlias"), "distinctAlias");
  }

  /** Probe: a value row is still allowed (the fixture works). */
  @Test
  void valuesStillAllowed() {
    assertEquals(Optional.empty(), refusal(project(), "ownerId"));
  }
}
