package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL a static builder of another class returns (trial 46's planning-api: {@code
 * em.createNativeQuery(QueryGeneratorUtil.courseQueryGenerator(search != null))}): the index puts the text of its
 * one return in, every part a run may build, so the query is a read, named by its text instead of "create".
 */
class ForeignSqlBuildersTest {
  @TempDir Path dir;

  private static final String BUILDERS = """
      package school.sql;

      public class Queries {
          private static final String TABLE = "course";

          public static String courses(boolean search, boolean units) {
              String query = "select * from " + TABLE + " " + (search || units ? "where " : "")
                      + (search ? "title like :search and " : "") + (units ? "units = :units and " : "");
              int last = query.lastIndexOf("and ");
              return (last == -1 ? query : query.substring(0, last)) + " limit :first, :size";
          }

          public static String purge(boolean all) {
              return "delete from course" + (all ? "" : " where archived = true");
          }

          // hostile review 49: a clause glued to a word names another table; a choice of two statements is none
          public static String glued(boolean archived) {
              return "select label from days" + (archived ? "_archive" : "");
          }

          // hostile review 50: a cut inside a word renames the table (T1); a clause making its neighbour an alias (T2)
          public static String cutInWord(boolean archived) {
              String query = "select label from days_archive";
              int cut = query.lastIndexOf("_");
              return archived ? query : query.substring(0, cut);
          }

          public static String aliasing(boolean archived) {
              return "select label from " + (archived ? "days_archive " : "") + "days";
          }

          public static String choice(boolean dry) {
              return (dry ? "select count(*) from days" : "update days set label = 'x'") + " where id = 1";
          }

          // several returns, a reassigned local, overloads, a lambda's return: no text
          public static String either(boolean a) {
              if (a) {
                  return "select * from course";
              }
              return "delete from course";
          }

          public static String grown(boolean a) {
              String query = "select * from course";
              query = "delete from course";
              return query;
          }

          public static String twice(int a) { return "select * from course"; }

          public static String twice(String a) { return "delete from course"; }

          public static String later() {
              java.util.function.Supplier<String> text = () -> { return "select * from course"; };
              return text.get();
          }
      }
      """;

  private static final String DAO = """
      package school;

      import javax.persistence.EntityManager;
      import school.sql.Queries;

      public class CourseDao {
          private EntityManager em;

          public java.util.List<?> courses(String search) {
              return em.createNativeQuery(Queries.courses(search != null, false)).getResultList();
          }

          public int purge() {
              return em.createNativeQuery(Queries.purge(true)).executeUpdate();
          }

          public int touch() { return em.createNativeQuery(Queries.courses(false, false)).executeUpdate(); }

          public Object glued() { return em.createNativeQuery(Queries.glued(true)).getResultList(); }

          public Object cutInWord() { return em.createNativeQuery(Queries.cutInWord(true)).getResultList(); }

          public Object aliasing() { return em.createNativeQuery(Queries.aliasing(true)).getResultList(); }

          public Object choice() { return em.createNativeQuery(Queries.choice(true)).getSingleResult(); }

          public Object either() { return em.createNativeQuery(Queries.either(true)).getSingleResult(); }

          public Object grown() { return em.createNativeQuery(Queries.grown(true)).getSingleResult(); }

          public Object twice() { return em.createNativeQuery(Queries.twice(1)).getSingleResult(); }

          public Object later() { return em.createNativeQuery(Queries.later()).getSingleResult(); }
      }
      """;

  private static IoSite site(ProjectIndex index, String method) {
    return IndexSites.site(index, "school.CourseDao", method);
  }

  @Test
  void theTextAStaticBuilderReturnsIsTheQuerysText() {
    ProjectIndex index = new ProjectFixture(dir).java(BUILDERS).java(DAO).assess().index();
    IoSite courses = site(index, "courses");
    assertEquals("select * from course where title like :search and units = :units and limit :first, :size; "
        + "select * from course limit :first, :size", courses.sql(), "with its clauses and without them");
    assertEquals(Access.READ, courses.access());
    assertTrue(index.footprints().ofLoaded(courses).names().contains("table:course")
        || index.footprints().ofLoaded(courses).unknown(), index.footprints().ofLoaded(courses).toString());
    IoSite purge = site(index, "purge");
    assertEquals("delete from course where archived = true; delete from course", purge.sql(),
        "the clause some runs add counts");
    IoSite aliasing = site(index, "aliasing");
    assertEquals("select label from days_archive days; select label from days", aliasing.sql());
    assertTrue(index.footprints().ofLoaded(aliasing).names().contains("table:days")
        || index.footprints().ofLoaded(aliasing).unknown(), index.footprints().ofLoaded(aliasing).toString());
    assertEquals(Access.WRITE, purge.access());
    assertEquals(Access.WRITE, site(index, "touch").access(), "executeUpdate() runs it as a write (review 49's S3)");
    for (String unread : new String[] {"glued", "choice", "cutInWord", "either", "grown", "twice", "later"}) {
      assertNull(site(index, unread).sql(), unread);
    }
  }
}
