package dev.optkit.analyzers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.index.ProjectIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code em.createQuery(criteriaQuery)} is a read and a {@code CriteriaUpdate} or {@code CriteriaDelete} a
 * write, whatever the word "create" says (Bolohonov's java-explore-with-me EventRepositoryCustomImpl.getCount()
 * was said to write data optkit cannot name); the criteria object's declared type tells, through an on-demand
 * import too, or the builder call that made it.
 */
class CriteriaQueryAccessTest {
  @TempDir Path dir;

  private static final String EVENTS = """
      package shop;

      import javax.persistence.EntityManager;
      import javax.persistence.PersistenceContext;
      import javax.persistence.TypedQuery;
      import javax.persistence.criteria.*;
      import java.util.List;

      public class Events {
          @PersistenceContext
          private EntityManager em;

          public Long count() {
              CriteriaBuilder cb = em.getCriteriaBuilder();
              CriteriaQuery<Long> countQuery = cb.createQuery(Long.class);
              countQuery.select(cb.count(countQuery.from(Event.class)));
              return em.createQuery(countQuery).getSingleResult();
          }

          public List<Event> page(CriteriaQuery<Event> select, int from, int size) {
              TypedQuery<Event> typedQuery = em.createQuery(select);
              typedQuery.setFirstResult(from);
              typedQuery.setMaxResults(size);
              return typedQuery.getResultList();
          }

          public List<Event> inline() {
              return em.createQuery(em.getCriteriaBuilder().createQuery(Event.class)).getResultList();
          }

          public int purge() {
              CriteriaBuilder cb = em.getCriteriaBuilder();
              CriteriaDelete<Event> delete = cb.createCriteriaDelete(Event.class);
              delete.from(Event.class);
              return em.createQuery(delete).executeUpdate();
          }

          public int rename() {
              var update = em.getCriteriaBuilder().createCriteriaUpdate(Event.class);
              return em.createQuery(update).executeUpdate();
          }

          public List<Event> byJpql(String jpql) {
              return em.createQuery(jpql, Event.class).getResultList();
          }

          public int bulk(String jpql) {
              return em.createQuery(jpql).executeUpdate();
          }
      }
      """;

  private static final String EVENT = """
      package shop;

      @javax.persistence.Entity
      public class Event {
          @javax.persistence.Id
          private Long id;
      }
      """;

  private Access access(ProjectIndex index, String method) {
    return index.sitesOf(index.methodsNamed(method).get(0)).stream().filter(s -> s.method().equals("createQuery"))
        .findFirst().orElseThrow(() -> new AssertionError("no createQuery() in " + method)).access();
  }

  @Test
  void aCriteriaSelectIsAReadAndACriteriaUpdateOrDeleteAWrite() {
    ProjectIndex index = new ProjectFixture(dir).java(EVENT).java(EVENTS).assess().index();
    assertEquals(Access.READ, access(index, "count"));
    assertEquals(Access.READ, access(index, "page"));
    assertEquals(Access.READ, access(index, "inline"));
    assertEquals(Access.WRITE, access(index, "purge"));
    assertEquals(Access.WRITE, access(index, "rename"));
    // JPQL optkit cannot read: what the chain runs tells
    assertEquals(Access.READ, access(index, "byJpql"));
    assertEquals(Access.WRITE, access(index, "bulk"));
  }

  @Test
  void aProjectTypeNamedCriteriaQueryIsNotJpas() {
    String own = """
        package shop;

        public class CriteriaQuery<T> {
        }
        """;
    String events = """
        package shop;

        import javax.persistence.EntityManager;
        import javax.persistence.criteria.*;

        public class Events {
            private EntityManager em;

            public Object run(CriteriaQuery<Event> query) {
                return em.createQuery(query).unwrap(Object.class);
            }
        }
        """;
    ProjectIndex index = new ProjectFixture(dir).java(EVENT).java(own).java(events).assess().index();
    // not JPA's: the word "create" still counts, as for any query optkit cannot read
    assertEquals(Access.WRITE, access(index, "run"));
  }
}
