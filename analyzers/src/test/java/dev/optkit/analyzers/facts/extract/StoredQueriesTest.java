package dev.optkit.analyzers.facts.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Building a statement is not running it: a JPA query kept in a local is reported where a later call runs it, read or
 * write by that call, with the text it was made with; one handed on or returned runs where a call runs it.
 */
class StoredQueriesTest {
  @TempDir Path dir;

  /** JPA's API as the solver reads it from the sources (the project has no jars here). */
  private ProjectFixture jpa() {
    return new ProjectFixture(dir).java("""
        package jakarta.persistence;
        public interface EntityManager {
          <T> TypedQuery<T> createNamedQuery(String name, Class<T> type);
          Query createQuery(String jpql);
        }
        """).java("""
        package jakarta.persistence;
        public interface Query {
          Query setParameter(String name, Object value);
          java.util.List getResultList();
          int executeUpdate();
        }
        """).java("""
        package jakarta.persistence;
        public interface TypedQuery<X> extends Query {
          TypedQuery<X> setParameter(String name, Object value);
          X getSingleResult();
        }
        """);
  }

  private List<String> queries(String body) {
    return jpa().java("""
        package shop;
        import jakarta.persistence.EntityManager;
        import jakarta.persistence.Query;
        import jakarta.persistence.TypedQuery;
        public class Tags {
          private final EntityManager em;
          public Tags(EntityManager em) { this.em = em; }
        %s
        }
        """.formatted(body)).findings(Category.DB_QUERY).stream()
        .map(f -> f.line() + " " + f.snippet() + " " + f.details().get("access")).toList();
  }

  @Test
  void aQueryKeptInALocalIsReportedWhereItRuns() {
    assertEquals(List.of("11 byName.getSingleResult() read"), queries("""
          public String byName(String name) {
            TypedQuery<String> byName = em.createNamedQuery("Tag.byName", String.class);
            byName.setParameter("name", name);
            return byName.getSingleResult();
          }
        """));
    assertEquals(List.of("11 delete.executeUpdate() write"), queries("""
          public int drop(String name) {
            Query delete = em.createQuery("DELETE FROM Tag t WHERE t.name = :name");
            delete.setParameter("name", name);
            return delete.executeUpdate();
          }
        """));
  }

  /**
   * The rows a run answers are no query kept: what is called on them later ({@code rows.get(0)}) runs nothing (a trial
   * on JACQ had the run reported at {@code alternativeAccessionNumbers.get(0)}).
   */
  @Test
  void theRowsARunAnswersAreNoQueryKept() {
    assertEquals(List.of("11 q.getResultList() read"), queries("""
          public Object first(String name) {
            TypedQuery<String> q = em.createNamedQuery("Tag.byName", String.class);
            q.setParameter("name", name);
            java.util.List rows = q.getResultList();
            return rows.isEmpty() ? null : rows.get(0);
          }
        """));
  }

  /**
   * What a maker the client names neither read nor write answers, kept in a local, runs where a call on the local runs
   * it: Redis operations a template hands out (a blind trial's RedisUtils), read or write by that call.
   */
  @Test
  void operationsAMakerAnswersRunWhereTheyAreCalled() {
    List<String> sites = new ProjectFixture(dir).java("""
        package org.springframework.data.redis.core;
        public class StringRedisTemplate {
          public ValueOperations<String, String> opsForValue() { return null; }
        }
        """).java("""
        package org.springframework.data.redis.core;
        public interface ValueOperations<K, V> {
          void set(K key, V value);
          V get(Object key);
        }
        """).java("""
        package shop;
        import org.springframework.data.redis.core.StringRedisTemplate;
        import org.springframework.data.redis.core.ValueOperations;
        public class Carts {
          private final StringRedisTemplate redis;
          public Carts(StringRedisTemplate redis) { this.redis = redis; }
          public void put(String key, String value) {
            ValueOperations<String, String> ops = redis.opsForValue();
            ops.set(key, value);
          }
        }
        """).findings(Category.DB_QUERY).stream().map(f -> f.line() + " " + f.snippet() + " " + f.details().get("access"))
        .toList();
    assertEquals(List.of("9 ops.set(key, value) write"), sites);
  }

  /**
   * A local given its query in either branch, or given another after its first run, runs each where the value it was
   * given is run (a blind trial's JACQ DAOs: reported where made, as writes, and never where they ran). Near miss: a
   * local given another query on some paths only stays where it is made, since the later run may be either.
   */
  @Test
  void aQueryGivenToALocalLaterRunsWhereThatValueIsRun() {
    assertEquals(List.of("16 q.getResultList() read"), queries("""
          public java.util.List<String> children(String parent) {
            TypedQuery<String> q = null;
            if (parent == null) {
              q = em.createNamedQuery("Tag.top", String.class);
            } else {
              q = em.createNamedQuery("Tag.byParent", String.class);
              q.setParameter("p", parent);
            }
            return q.getResultList();
          }
        """));
    assertEquals(List.of("10 q.getSingleResult() read", "12 q.getResultList() read"), queries("""
          public java.util.List<String> siblings(String code) {
            TypedQuery<String> q = em.createNamedQuery("Tag.byCode", String.class).setParameter("c", code);
            String parent = q.getSingleResult();
            q = em.createNamedQuery("Tag.byParent", String.class).setParameter("p", parent);
            return q.getResultList();
          }
        """));
    // one run of one of two queries: the run is the site (the catalogue's Query run), its text not told here
    assertEquals(List.of("13 q.getResultList()"), queries("""
          public java.util.List<String> some(String parent) {
            TypedQuery<String> q = em.createNamedQuery("Tag.top", String.class);
            if (parent != null) {
              q = em.createNamedQuery("Tag.byParent", String.class);
            }
            return q.getResultList();
          }
        """).stream().map(line -> line.substring(0, line.lastIndexOf(' '))).sorted().toList());
  }

  /**
   * A branch that returns keeps its value to itself, and a switch's cases are exclusive: each query runs where its own
   * value is run, read or write by that run.
   */
  @Test
  void aBranchThatLeavesKeepsItsQueryToItself() {
    assertEquals(List.of("12 q.executeUpdate() write", "14 q.getResultList().size() read"), queries("""
          public int all(boolean purge) {
            Query q = em.createQuery("SELECT t FROM Tag t");
            if (purge) {
              q = em.createQuery("DELETE FROM Tag t");
              return q.executeUpdate();
            }
            return q.getResultList().size();
          }
        """).stream().sorted().toList());
    assertEquals(List.of("19 q.getResultList() read"), queries("""
          public java.util.List<String> byKind(int kind) {
            TypedQuery<String> q;
            switch (kind) {
              case 1:
                q = em.createNamedQuery("Tag.one", String.class);
                break;
              default:
                q = em.createNamedQuery("Tag.other", String.class);
                q.setParameter("k", kind);
                break;
            }
            return q.getResultList();
          }
        """));
  }

  /**
   * Which loop's turn a kept query waits in is its run's: made in a loop and run after it, it runs once; made before
   * and run in it, once per iteration.
   */
  @Test
  void aKeptQueryWaitsInTheLoopItRunsIn() {
    String source = """
          public String first(java.util.List<String> names) {
            TypedQuery<String> q = null;
            for (String name : names) {
              q = em.createNamedQuery("Tag.byName", String.class);
            }
            return q.getSingleResult();
          }
          public int each(java.util.List<String> names) {
            Query q = em.createQuery("SELECT t FROM Tag t WHERE t.name = :n");
            int n = 0;
            for (String name : names) {
              n += q.setParameter("n", name).getResultList().size();
            }
            return n;
          }
        """;
    List<dev.optkit.analyzers.findings.Finding> loops = jpa().java("""
        package shop;
        import jakarta.persistence.EntityManager;
        import jakarta.persistence.Query;
        import jakarta.persistence.TypedQuery;
        public class Tags {
          private final EntityManager em;
          public Tags(EntityManager em) { this.em = em; }
        %s
        }
        """.formatted(source)).findings(Category.IO_LOOP);
    assertEquals(List.of("each(java.util.List<String>)"), loops.stream().map(f -> f.enclosingMethod()).toList(),
        loops.toString());
  }

  /**
   * A query returned runs where its caller runs it; its making is no query. The run tells no text: read or write is
   * unknown there (a named native query may write).
   */
  @Test
  void aQueryHandedOnRunsWhereItIsRun() {
    assertEquals(List.of("13 byName().getSingleResult() unknown"), queries("""
          public TypedQuery<String> byName() {
            TypedQuery<String> byName = em.createNamedQuery("Tag.byName", String.class);
            return byName;
          }
          public String first() {
            return byName().getSingleResult();
          }
        """));
  }

  /**
   * Handed to a method of this object to be set up, then run here: the run is the site, not the making as well (a
   * trial's Hibernate DAO, each query reported twice). Handed over after its run here, it is the run here, and any
   * run in the helper is one of its own.
   */
  @Test
  void aQuerySetUpByAnOwnMethodIsReportedWhereItRuns() {
    assertEquals(List.of("13 byName.getSingleResult() read"), queries("""
          private void limit(Query query) { query.setParameter("max", 10); }
          public String byName(String name) {
            TypedQuery<String> byName = em.createNamedQuery("Tag.byName", String.class);
            limit(byName);
            byName.setParameter("name", name);
            return byName.getSingleResult();
          }
        """));
    assertEquals(List.of("11 byName.getSingleResult()"), queries("""
          private void limit(Query query) { query.setParameter("max", 10); }
          public String byName(String name) {
            TypedQuery<String> byName = em.createNamedQuery("Tag.byName", String.class);
            String first = byName.getSingleResult();
            limit(byName);
            return first;
          }
        """).stream().map(line -> line.substring(0, line.lastIndexOf(' '))).toList());
  }

  /**
   * One query, one site: a Hibernate 3 to 5 query a Session makes and a local keeps is run where its own family's run
   * is called, and is not a second site where it is made (a review found both reported, "2 reads" for one). No jar
   * here: the solver types neither, and the making's chain is all that ties them.
   */
  @Test
  void aHibernateQueryKeptInALocalIsOneSiteWhereItRuns() {
    List<String> sites = new ProjectFixture(dir).java("""
        package shop;
        import org.hibernate.Query;
        import org.hibernate.Session;
        public class People {
          private Session session;
          public java.util.List<?> byName(String name) {
            Query q = session.createQuery("from Person p where p.name = :n");
            q.setParameter("n", name);
            return q.list();
          }
        }
        """).findings(Category.DB_QUERY).stream().map(f -> f.line() + " " + f.snippet()).toList();
    assertEquals(List.of("9 q.list()"), sites);
  }
}
