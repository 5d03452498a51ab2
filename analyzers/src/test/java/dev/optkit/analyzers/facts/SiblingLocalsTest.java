package dev.optkit.analyzers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.index.ProjectIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two locals of one name in sibling scopes (hostile review 48's H5: {@code String jpql} in each branch): a use may
 * mean either, so neither's initializer is the query's text. The first one's {@code select count(d)} was read for
 * the second's {@code select d}, a load of entities taken for a count; an update could as well be read as a select.
 */
class SiblingLocalsTest {
  @TempDir Path dir;

  @Test
  void aNameDeclaredTwiceTellsNoText() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package demo;

        import javax.persistence.EntityManager;

        public class DayCounts {
            private EntityManager em;

            public long countDays(boolean labelledOnly) {
                if (!labelledOnly) {
                    String jpql = "select count(d) from Day d";
                    return em.createQuery(jpql, Long.class).getSingleResult();
                }
                String jpql = "update Day d set d.seen = true";
                return em.createQuery(jpql).executeUpdate();
            }

            public long single() {
                String jpql = "select count(d) from Day d";
                return em.createQuery(jpql, Long.class).getSingleResult();
            }
        }
        """).assess().index();
    List<IoSite> sites = index.sitesOf(index.methodsNamed("countDays").get(0));
    assertEquals(2, sites.size(), sites.toString());
    for (IoSite site : sites) {
      assertNotEquals("select count(d) from Day d", site.sql(), site.toString());
    }
    assertEquals("select count(d) from Day d", index.sitesOf(index.methodsNamed("single").get(0)).get(0).sql());
  }
}
