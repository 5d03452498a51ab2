package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.bytecode.LibraryBytecodeIoTest;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Building a request, a client or the factory clients come from is not using it: the finding belongs where what was
 * built runs. Cases from a trial on an Ant/Ivy application: a JAX-RS request built with buildPost and sent by invoke()
 * (two findings for one request), and Hibernate's SessionFactory built in a constructor (its construction reported as
 * a query).
 */
class BuildingIsNotRunningTest {
  @TempDir Path dir;

  private List<String> sites(Map<String, String> library, Map<String, String> sources) throws Exception {
    return assessment(library, sources).findings().stream()
        .filter(f -> f.category() == Category.API_CALL || f.category() == Category.DB_QUERY)
        .map(f -> f.enclosingMethod() + ": " + f.snippet()).sorted().toList();
  }

  private Assessment assessment(Map<String, String> library, Map<String, String> sources) throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(dir.resolve("library-1.0.jar"), library);
    Path root = dir.resolve("project");
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = root.resolve("src/main/java/app").resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
    }
    OptkitConfig config = OptkitConfig.defaults();
    Assessment assessment = new Assessor().assess(new Assessor.Options(List.of(root), config.exclude(), false,
        List.of(jar), false, 1, true, config, "test", dir.resolve("cache")), Assessor.Progress.NONE);
    return assessment;
  }

  /**
   * {@code client.target(u).request().buildPost(entity)} answers an Invocation, which {@code invoke()} sends: one
   * request, one finding, at the send. Near miss: a chain ending in post(entity) sends it there.
   */
  @Test
  void aRequestBuiltIsSentWhereItIsInvoked() throws Exception {
    Map<String, String> jaxrs = Map.of(
        "javax/ws/rs/client/Client.java", """
            package javax.ws.rs.client;
            public interface Client { WebTarget target(String uri); }
            """,
        "javax/ws/rs/client/WebTarget.java", """
            package javax.ws.rs.client;
            public interface WebTarget { Invocation.Builder request(); }
            """,
        "javax/ws/rs/client/Invocation.java", """
            package javax.ws.rs.client;
            public interface Invocation {
              javax.ws.rs.core.Response invoke();
              interface Builder {
                Invocation buildPost(Entity<?> entity);
                javax.ws.rs.core.Response post(Entity<?> entity);
              }
            }
            """,
        "javax/ws/rs/client/Entity.java", """
            package javax.ws.rs.client;
            public final class Entity<T> { public static <T> Entity<T> json(T value) { return null; } }
            """,
        "javax/ws/rs/core/Response.java", """
            package javax.ws.rs.core;
            public abstract class Response { public abstract boolean hasEntity(); }
            """);
    List<String> sites = sites(jaxrs, Map.of("Telegram.java", """
        package app;
        import javax.ws.rs.client.Client;
        import javax.ws.rs.client.Entity;
        import javax.ws.rs.client.Invocation;
        import javax.ws.rs.core.Response;
        public class Telegram {
          private final Client client;
          public Telegram(Client client) { this.client = client; }
          public boolean send(String endpoint, String json) {
            Invocation invocation = client.target(endpoint).request().buildPost(Entity.json(json));
            Response response = invocation.invoke();
            return response.hasEntity();
          }
          public boolean post(String endpoint, String json) {
            return client.target(endpoint).request().post(Entity.json(json)).hasEntity();
          }
        }
        """));
    assertEquals(List.of("post(String, String): client.target(endpoint).request().post(Entity.json(json)).hasEntity()",
        "send(String, String): invocation.invoke()"), sites);
  }

  /**
   * {@code new Configuration().buildSessionFactory()} may run DDL as it starts, but it answers the factory sessions
   * come from: making it is start-up, not a query. Near miss: the same library's schema export, answering nothing, is
   * one.
   */
  @Test
  void makingTheFactoryClientsComeFromIsNoQuery() throws Exception {
    Map<String, String> hibernate = Map.of(
        "org/hibernate/Session.java", """
            package org.hibernate;
            public interface Session { java.io.Serializable save(Object entity); }
            """,
        "org/hibernate/SessionFactory.java", """
            package org.hibernate;
            public interface SessionFactory { Session openSession(); }
            """,
        "org/hibernate/cfg/Configuration.java", """
            package org.hibernate.cfg;
            public class Configuration {
              public org.hibernate.SessionFactory buildSessionFactory() {
                exportSchema();
                return null;
              }
              public void exportSchema() {
                try {
                  java.sql.DriverManager.getConnection("jdbc:acme:db").createStatement().execute("create table t (id int)");
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
              }
            }
            """);
    List<String> sites = sites(hibernate, Map.of("Db.java", """
        package app;
        import org.hibernate.SessionFactory;
        import org.hibernate.cfg.Configuration;
        public class Db {
          private final SessionFactory factory;
          public Db() { factory = new Configuration().buildSessionFactory(); }
          public void create() { new Configuration().exportSchema(); }
        }
        """));
    assertEquals(List.of("create(): new Configuration().exportSchema()"), sites);
  }

  /**
   * A Hibernate query made, handed to a helper of the same object to be set up, then run: one finding, at the run,
   * though the catalogue's stored query and the library's bytecode both see the run (a trial's HibernateCallback DAO had
   * each query twice: at its making and at its run).
   */
  @Test
  void aQuerySetUpByAHelperIsOneFindingAtItsRun() throws Exception {
    Map<String, String> hibernate = Map.of(
        "org/hibernate/Session.java", """
            package org.hibernate;
            public interface Session { Query createQuery(String hql); }
            """,
        "org/hibernate/Query.java", """
            package org.hibernate;
            public interface Query {
              Query setMaxResults(int max);
              java.util.List<?> list();
            }
            """,
        "org/hibernate/internal/QueryImpl.java", """
            package org.hibernate.internal;
            public class QueryImpl implements org.hibernate.Query {
              public org.hibernate.Query setMaxResults(int max) { return this; }
              public java.util.List<?> list() {
                try {
                  java.sql.DriverManager.getConnection("jdbc:acme:db").createStatement().executeQuery("select 1");
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
                return java.util.List.of();
              }
            }
            """);
    List<String> sites = sites(hibernate, Map.of("Dao.java", """
        package app;
        import org.hibernate.Query;
        import org.hibernate.Session;
        public class Dao {
          public java.util.List<?> find(Session session, String hql) {
            Query query = session.createQuery(hql);
            limit(query);
            return query.list();
          }
          private void limit(Query query) { query.setMaxResults(10); }
        }
        """));
    assertEquals(List.of("find(Session, String): query.list()"), sites);
  }

  /**
   * A Jdbi statement built in one method and handed on runs where its execute() is called (a blind trial's DAO built
   * each INSERT in a helper's loop and ran the list with {@code updates.forEach(Update::execute)}: the building was
   * reported as the writes and the loop as one write per element, the run was unseen). Near misses: a chain that runs
   * the statement, and a statement kept in a local and run there, are each the statement where they run.
   */
  @Test
  void aStatementBuiltAndHandedOnRunsWhereItIsExecuted() throws Exception {
    Map<String, String> jdbi = Map.of(
        "org/jdbi/v3/core/Handle.java", """
            package org.jdbi.v3.core;
            public interface Handle { org.jdbi.v3.core.statement.Update createUpdate(String sql); }
            """,
        "org/jdbi/v3/core/statement/Update.java", """
            package org.jdbi.v3.core.statement;
            public interface Update {
              Update bind(String name, Object value);
              int execute();
            }
            """);
    Map<String, String> sources = Map.of("Names.java", """
        package app;
        import java.util.ArrayList;
        import java.util.List;
        import org.jdbi.v3.core.Handle;
        import org.jdbi.v3.core.statement.Update;
        public class Names {
          public void save(Handle handle, List<String> names) {
            List<Update> updates = build(handle, names);
            updates.forEach(Update::execute);
          }
          private List<Update> build(Handle handle, List<String> names) {
            List<Update> updates = new ArrayList<>();
            names.forEach(n -> updates.add(handle.createUpdate("INSERT INTO t (name) VALUES (:n)").bind("n", n)));
            return updates;
          }
          public int one(Handle handle, String name) {
            return handle.createUpdate("INSERT INTO t (name) VALUES (:n)").bind("n", name).execute();
          }
          public int kept(Handle handle, String name) {
            Update update = handle.createUpdate("DELETE FROM t WHERE name = :n");
            update.bind("n", name);
            return update.execute();
          }
        }
        """);
    assertEquals(List.of("kept(Handle, String): update.execute()",
        "one(Handle, String): handle.createUpdate(\"INSERT INTO t (name) VALUES (:n)\").bind(\"n\", name).execute()",
        "save(Handle, List<String>): Update::execute"), sites(jdbi, sources));
    // the loop running the statements waits on one per element; the one building them waits on none
    assertEquals(List.of("save(Handle, List<String>)"), assessment(jdbi, sources).findings().stream()
        .filter(f -> f.category() == Category.IO_LOOP).map(f -> f.enclosingMethod()).toList());
  }

  /** JPA's EntityManager and queries, as their API declares them. */
  private static final Map<String, String> JPA = Map.of(
      "javax/persistence/EntityManager.java", """
          package javax.persistence;
          public interface EntityManager {
            Query createQuery(String jpql);
            Query createNativeQuery(String sql);
            <T> TypedQuery<T> createNamedQuery(String name, Class<T> type);
          }
          """,
      "javax/persistence/Query.java", """
          package javax.persistence;
          public interface Query {
            java.util.List getResultList();
            int executeUpdate();
            Query setMaxResults(int max);
          }
          """,
      "javax/persistence/TypedQuery.java", """
          package javax.persistence;
          public interface TypedQuery<X> extends Query {
            java.util.List<X> getResultList();
            TypedQuery<X> setFirstResult(int first);
            TypedQuery<X> setMaxResults(int max);
          }
          """);

  /**
   * A JPA query runs where it is run: in the chain that made it, on a local keeping it, or wherever a project method
   * handed it (a factory returning it, a helper paging and running it, a lambda making it for a runner). Its making
   * is no site then; where the text and the run are in one method the site keeps the text. Cases from a blind trial
   * on jUDDI, OpenMeetings and Rave, whose query helpers made 32 "write" findings at creations and missed 13 runs.
   */
  @Test
  void aJpaQueryRunsWhereItIsRunWhereverItWasMade() throws Exception {
    Map<String, String> sources = Map.of(
        "QueryBuilder.java", """
            package app;
            import javax.persistence.*;
            public class QueryBuilder {
              private final String jpql;
              public QueryBuilder(String jpql) { this.jpql = jpql; }
              public Query build(EntityManager em) { Query q = em.createQuery(jpql); return q; }
            }
            """,
        "Util.java", """
            package app;
            import javax.persistence.*;
            import java.util.List;
            import java.util.function.Function;
            public class Util {
              public static <T> List<T> page(TypedQuery<T> q, int first, int max) {
                q.setFirstResult(first).setMaxResults(max);
                return q.getResultList();
              }
              public static <T> TypedQuery<T> limits(TypedQuery<T> q, int first, int max) {
                return q.setFirstResult(first).setMaxResults(max);
              }
              public static <T> List<T> run(EntityManager em, Function<EntityManager, TypedQuery<T>> f) {
                return f.apply(em).getResultList();
              }
              public static List<?> all(Query q) {
                return q.getResultList();
              }
            }
            """,
        "Dao.java", """
            package app;
            import javax.persistence.*;
            import java.util.List;
            public class Dao {
              EntityManager em;
              public List<?> built() { Query qry = new QueryBuilder("select i from Item i").build(em); return qry.getResultList(); }
              public List<String> paged() { return Util.page(em.createNamedQuery("Item.all", String.class), 0, 10); }
              public List<String> limited() {
                TypedQuery<String> q = em.createNamedQuery("Item.all", String.class);
                return Util.limits(q, 0, 10).getResultList();
              }
              public List<String> lambda() { return Util.run(em, e -> e.createNamedQuery("Item.all", String.class)); }
              public List<?> chained() { return em.createQuery("select i from Item i").setMaxResults(5).getResultList(); }
              public List<?> kept() {
                Query q = em.createQuery("select i.name from Item i");
                q.setMaxResults(3);
                return q.getResultList();
              }
              public int purged() { return em.createQuery("delete from Item i").executeUpdate(); }
              private String nextSql;
              public Object next() { return em.createNativeQuery(nextSql).getResultList(); }
              public List<?> inserted() { return Util.all(em.createNativeQuery("INSERT INTO item (name) VALUES ('a') RETURNING id")); }
            }
            """);
    List<Finding> found = assessment(JPA, sources).findings().stream().filter(f -> f.category() == Category.DB_QUERY)
        .toList();
    assertEquals(List.of("Dao.built(): qry.getResultList()",
        "Dao.chained(): em.createQuery(\"select i from Item i\").setMaxResults(5).getResultList()",
        "Dao.inserted(): em.createNativeQuery(\"INSERT INTO item (name) VALUES ('a') RETURNING id\")",
        "Dao.kept(): q.getResultList()", "Dao.limited(): Util.limits(q, 0, 10).getResultList()",
        "Dao.next(): em.createNativeQuery(nextSql).getResultList()",
        "Dao.purged(): em.createQuery(\"delete from Item i\").executeUpdate()", "Util.all(Query): q.getResultList()",
        "Util.page(TypedQuery<T>, int, int): q.getResultList()",
        "Util.run(EntityManager, Function<EntityManager,TypedQuery<T>>): f.apply(em).getResultList()"),
        found.stream().map(f -> f.enclosingClass().substring(f.enclosingClass().lastIndexOf('.') + 1) + "."
            + f.enclosingMethod() + ": " + f.snippet()).sorted().toList());
    // a run where the query was not made tells no text: it may run a native write, a sequence or a procedure (a
    // hostile review's number allocations were cached as reads); where the text is told, it decides
    // and a native query whose text is not told, run for its rows, may write what it returns (a sequence's next value)
    assertEquals(Map.of("built()", "unknown", "page(TypedQuery<T>, int, int)", "unknown", "chained()", "read",
        "kept()", "read", "purged()", "write", "next()", "unknown"), found.stream().filter(f -> List.of("built()",
            "page(TypedQuery<T>, int, int)", "chained()", "kept()", "purged()", "next()").contains(f.enclosingMethod()))
        .collect(java.util.stream.Collectors.toMap(Finding::enclosingMethod, f -> String.valueOf(f.details().get("access")))));
    // where the text is in the method, the site keeps it; one whose text writes stays a write where it is made, as
    // the run it is handed to tells no text (a native INSERT ... RETURNING run by a helper's getResultList())
    assertEquals("write", found.stream().filter(f -> f.enclosingMethod().equals("inserted()")).findFirst().orElseThrow()
        .details().get("access"));
    assertEquals(Map.of("kept()", "select i.name from Item i", "chained()", "select i from Item i",
        "purged()", "delete from Item i", "inserted()", "INSERT INTO item (name) VALUES ('a') RETURNING id"), found.stream().filter(f -> f.details().get("sql") != null)
        .collect(java.util.stream.Collectors.toMap(Finding::enclosingMethod, f -> String.valueOf(f.details().get("sql")))));
  }
}
