package dev.optkit.analyzers.facts.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored query runs at its run, not at a getter read before it, and a query's result kept is no query. */
class StoredQueriesNearMissesTest {
  @TempDir Path dir;

  private ProjectFixture jpa(String body) {
    return new ProjectFixture(dir).java("""
        package jakarta.persistence;
        public interface EntityManager {
          <T> TypedQuery<T> createNamedQuery(String name, Class<T> type);
          Query createQuery(String jpql);
          <T> T find(Class<T> type, Object id);
        }
        """).java("""
        package jakarta.persistence;
        public interface Query {
          Query setParameter(String name, Object value);
          java.util.List getResultList();
          int executeUpdate();
          int getMaxResults();
        }
        """).java("""
        package jakarta.persistence;
        public interface TypedQuery<X> extends Query {
          TypedQuery<X> setParameter(String name, Object value);
          X getSingleResult();
        }
        """).java("""
        package shop;
        import jakarta.persistence.EntityManager;
        import jakarta.persistence.Query;
        import jakarta.persistence.TypedQuery;
        import java.util.List;
        public class Tags {
          private final EntityManager em;
          public Tags(EntityManager em) { this.em = em; }
        %s
        }
        """.formatted(body));
  }

  private static List<String> lines(List<Finding> findings) {
    return findings.stream().map(f -> f.line() + " " + f.snippet()).toList();
  }

  /**
   * A query's RESULT kept in a local (List rows = ...getResultList()) is not a query kept: the run is the chain; the
   * local's later rows.contains(...) in a loop is no query, and no query per name.
   */
  @Test
  void aQueryResultKeptInALocalIsNotAStoredQuery() {
    ProjectFixture project = jpa("""
          public int known(List<String> names) {
            List rows = em.createQuery("SELECT t.name FROM Tag t").getResultList();
            int n = 0;
            for (String name : names) {
              if (rows.contains(name)) { n++; }
            }
            return n;
          }
        """);
    var assessment = project.assess();
    assertEquals(List.of(), lines(assessment.findings().stream().filter(f -> f.category() == Category.IO_LOOP).toList()),
        "no query runs per name");
    assertEquals(List.of("10 em.createQuery(\"SELECT t.name FROM Tag t\").getResultList()"),
        lines(assessment.findings().stream().filter(f -> f.category() == Category.DB_QUERY).toList()));
  }

  /**
   * An entity a find loaded and kept in a local is the row, not a query kept: the find is the site, not the setter
   * called on the row later (a Jakarta EE sample's start-up code had its find reported at the setter's line).
   */
  @Test
  void anEntityLoadedAndKeptIsNoStoredQuery() {
    ProjectFixture project = jpa("""
          public boolean loaded() {
            Tag tag =
                em.find(Tag.class, 1L);
            boolean was = tag.isLoaded();
            tag.setLoaded(true);
            return was;
          }
        """).java("""
        package shop;
        @jakarta.persistence.Entity
        public class Tag {
          boolean loaded;
          public boolean isLoaded() { return loaded; }
          public void setLoaded(boolean loaded) { this.loaded = loaded; }
        }
        """);
    assertEquals(List.of("11 em.find(Tag.class, 1L)"), lines(project.assess().findings().stream()
        .filter(f -> f.category() == Category.DB_QUERY).toList()));
  }

  /** A getter that answers something else than the query (getMaxResults) reads it, it does not run it. */
  @Test
  void aQueryGetterIsNotTheRunAndTheLoopsRunIsReported() {
    ProjectFixture project = jpa("""
          public int drop(List<String> names) {
            Query delete = em.createQuery("DELETE FROM Tag t WHERE t.name = :name");
            int limit = delete.getMaxResults();
            int n = 0;
            for (String name : names) {
              delete.setParameter("name", name);
              n += delete.executeUpdate();
            }
            return n + limit;
          }
        """);
    assertEquals(List.of("15 delete.executeUpdate()"),
        lines(project.findings(Category.DB_QUERY)));
  }


}
