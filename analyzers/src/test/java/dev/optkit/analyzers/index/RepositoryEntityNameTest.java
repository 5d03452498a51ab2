package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spring Data JPA's {@code #{#entityName}} in a repository's query is the name JPA gives the entity the called
 * repository stores: a generic base repository's query reads each entity's table. (Seen in mercedes-benz/sechub's and
 * CDCgov/prime-simplereport's repositories, whose such queries were refused as reading "tables optkit cannot tell".)
 */
class RepositoryEntityNameTest {
  @TempDir Path dir;

  private ProjectIndex index() {
    return new ProjectFixture(dir).java("""
        package shop;
        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.jpa.repository.Query;
        import org.springframework.data.repository.NoRepositoryBean;
        @NoRepositoryBean
        public interface LiveRepository<T> extends JpaRepository<T, Long> {
          @Query("select e from #{#entityName} e where e.deleted = false")
          List<T> live();
          @Query(value = "select count(*) from #{#entityName}", nativeQuery = true)
          long rows();
        }
        """).java("""
        package shop;
        public interface PersonRepository extends LiveRepository<Person> {}
        """).java("""
        package shop;
        public interface TicketRepository extends LiveRepository<Ticket> {}
        """).java("""
        package shop;
        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.Table;
        @Entity
        @Table(name = "people")
        public class Person { @Id Long id; boolean deleted; }
        """).java("""
        package shop;
        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.Table;
        @Entity(name = "Issue")
        @Table(name = "issues")
        public class Ticket { @Id Long id; boolean deleted; }
        """).java("""
        package shop;
        import java.util.List;
        public class Desk {
          private final PersonRepository people;
          private final TicketRepository tickets;
          private final LiveRepository<?> any;
          public Desk(PersonRepository people, TicketRepository tickets, LiveRepository<?> any) {
            this.people = people; this.tickets = tickets; this.any = any;
          }
          public List<Person> people() { return people.live(); }
          public List<Ticket> tickets() { return tickets.live(); }
          public long rows() { return people.rows(); }
          public Object anything() { return any.live(); }
        }
        """).assess().index();
  }

  private static IoSite site(ProjectIndex index, String method) {
    return IndexSites.site(index, "shop.Desk", method);
  }

  @Test
  void theEntityNameIsTheCalledRepositorysEntitys() {
    ProjectIndex index = index();
    IoSite people = site(index, "people");
    assertEquals("select e from Person e where e.deleted = false", people.sql());
    assertEquals(Set.of("table:people"), index.footprints().of(people).names());
    IoSite tickets = site(index, "tickets");
    assertEquals("select e from Issue e where e.deleted = false", tickets.sql(), "@Entity(name) is its JPQL name");
    assertEquals(Set.of("table:issues"), index.footprints().of(tickets).names());
  }

  @Test
  void aNativeQuerysEntityNameIsTheSameNameReadAsATable() {
    // Spring Data puts the entity's name into native SQL too: the statement reads a table of that name
    assertEquals("select count(*) from Person", site(index(), "rows").sql());
  }

  @Test
  void theGenericRepositoryCalledAsSuchLeavesTheNameUnknown() {
    ProjectIndex index = index();
    IoSite anything = site(index, "anything");
    assertEquals("select e from #{#entityName} e where e.deleted = false", anything.sql());
    assertTrue(index.footprints().of(anything).unknown());
  }
}
