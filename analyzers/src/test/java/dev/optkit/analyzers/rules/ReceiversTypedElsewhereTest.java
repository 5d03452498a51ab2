package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.ProjectFixture;
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
 * A call's receiver whose type another file tells: a lambda's untyped parameter (what the method it is handed to
 * takes), a library type a project method answers, a default method of an interface a library implements. Cases from a
 * trial on an Ant/Ivy Hibernate application (its DAOs' {@code db.tx(s -> s.save(chat))} and
 * {@code ChatQuery.byId(id, s).uniqueResult()}, 20 of 22 queries unseen) and a Jdbi SqlObject service (a statically
 * imported {@code isBlank} in a DAO's default method taken for a query, the default method's callers reported twice).
 */
class ReceiversTypedElsewhereTest {
  @TempDir Path dir;

  private static final Map<String, String> HIBERNATE = Map.of(
      "org/hibernate/Session.java", """
          package org.hibernate;
          public interface Session {
            java.io.Serializable save(Object entity);
            Criteria createCriteria(Class<?> type);
          }
          """,
      "org/hibernate/Criteria.java", """
          package org.hibernate;
          public interface Criteria {
            java.util.List<?> list();
            Criteria setCacheable(boolean cacheable);
          }
          """,
      "org/hibernate/internal/CriteriaImpl.java", """
          package org.hibernate.internal;
          public class CriteriaImpl implements org.hibernate.Criteria {
            public java.util.List<?> list() {
              try {
                java.sql.DriverManager.getConnection("jdbc:acme:db").createStatement().executeQuery("select 1");
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
              return java.util.List.of();
            }
            public org.hibernate.Criteria setCacheable(boolean cacheable) { return this; }
          }
          """);

  private List<String> queries(Path root, Path jar) {
    OptkitConfig config = OptkitConfig.defaults();
    Assessment assessment = new Assessor().assess(new Assessor.Options(List.of(root), config.exclude(), false,
        List.of(jar), false, 1, true, config, "test", dir.resolve("cache")), Assessor.Progress.NONE);
    return assessment.findings().stream().filter(f -> f.category() == Category.DB_QUERY)
        .map(f -> f.enclosingMethod() + ": " + f.snippet()).sorted().toList();
  }

  private Path project(Map<String, String> files) throws Exception {
    Path root = dir.resolve("project");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = root.resolve("src/main/java/app").resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
    return root;
  }

  /**
   * {@code db.tx(s -> s.save(chat))}: the lambda's parameter is the Session the project's functional interface takes,
   * written in another file; the file of the lambda imports nothing of Hibernate. Near miss: a lambda's parameter of a
   * project type with a method of a client's name is that type's, no query.
   */
  @Test
  void aLambdasUntypedParameterIsWhatTheMethodItIsHandedToTakes() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(dir.resolve("hibernate-core-4.3.jar"), HIBERNATE);
    Path root = project(Map.of(
        "Db.java", """
            package app;
            import org.hibernate.Session;
            public class Db {
              public interface VoidAction { void action(Session s); }
              public interface Action<T> { T action(Session s); }
              public void vtx(VoidAction action) { action.action(null); }
              public <T> T tx(Action<T> action) { return action.action(null); }
            }
            """,
        "Order.java", """
            package app;
            public class Order {
              public void save(Object note) { }
            }
            """,
        "ChatDao.java", """
            package app;
            public class ChatDao {
              private final Db db;
              public ChatDao(Db db) { this.db = db; }
              public void create(Object chat) {
                db.vtx(s -> {
                  s.save(chat);
                });
              }
              public Object created(Object chat) { return db.tx(s -> s.save(chat)); }
              public void note(java.util.List<Order> orders, Object note) { orders.forEach(o -> o.save(note)); }
            }
            """));
    assertEquals(List.of("create(Object): s.save(chat)", "created(Object): s.save(chat)"), queries(root, jar));
  }

  /**
   * {@code ChatQuery.all(s).list()}: the Criteria a project method answers is looked up in the library's bytecode, as a
   * receiver the file types itself is (its list() reaches a JDBC statement through the implementation). Near miss: its
   * setter, which reaches none, is no query.
   */
  @Test
  void aLibraryTypeAProjectMethodAnswersIsReadInTheLibrarysBytecode() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(dir.resolve("hibernate-core-4.3.jar"), HIBERNATE);
    Path root = project(Map.of(
        "ChatQuery.java", """
            package app;
            import org.hibernate.Criteria;
            import org.hibernate.Session;
            public class ChatQuery {
              public static Criteria all(Session s) { return s.createCriteria(Object.class); }
            }
            """,
        "Chats.java", """
            package app;
            public class Chats {
              public java.util.List<?> list(org.hibernate.Session s) { return ChatQuery.all(s).list(); }
              public void cache(org.hibernate.Session s) { ChatQuery.all(s).setCacheable(true); }
            }
            """));
    List<String> queries = queries(root, jar);
    assertEquals(List.of("list(org.hibernate.Session): ChatQuery.all(s).list()"),
        queries.stream().filter(q -> !q.startsWith("all(")).toList(), queries.toString());
  }

  /**
   * A Jdbi DAO's default method is the project's code: a call of it is no query of its own (its calls of its @SqlQuery
   * siblings are), and a statically imported helper it calls is the import's, not a sibling: the interface extends
   * nothing, so it inherits no method of that name. Near miss: the @SqlQuery method called directly is a query.
   */
  @Test
  void aDefaultMethodOfALibraryImplementedInterfaceIsTheProjectsCode() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package app;
        import static org.apache.commons.lang3.StringUtils.isBlank;
        import java.util.List;
        import org.jdbi.v3.sqlobject.statement.SqlQuery;
        public interface BuildDao {
          default List<String> findPaged(long system, String filter) {
            if (isBlank(filter)) {
              return findAll(system);
            }
            return findFiltered(system, filter);
          }
          @SqlQuery("select name from builds where system_id = :system")
          List<String> findAll(long system);
          @SqlQuery("select name from builds where system_id = :system and name like :filter")
          List<String> findFiltered(long system, String filter);
        }
        """).java("""
        package app;
        import java.util.List;
        public class BuildResource {
          private final BuildDao dao;
          public BuildResource(BuildDao dao) { this.dao = dao; }
          public List<String> page(long system, String filter) { return dao.findPaged(system, filter); }
          public List<String> all(long system) { return dao.findAll(system); }
        }
        """).findings(Category.DB_QUERY);
    assertEquals(List.of("BuildDao.findPaged(long, String): findAll(system)",
            "BuildDao.findPaged(long, String): findFiltered(system, filter)", "BuildResource.all(long): dao.findAll(system)"),
        findings.stream().map(f -> f.enclosingClass().substring(f.enclosingClass().lastIndexOf('.') + 1) + "."
            + f.enclosingMethod() + ": " + f.snippet()).sorted().toList());
  }

  /**
   * {@code jdbi.withHandle(handle -> handle.createQuery(sql).bind(..).list())}: the chain starts at a lambda's untyped
   * parameter, the library's callback's Handle, which the solver tells; its list() reaches a statement in the library's
   * bytecode (gavinklfong/jdbi-demo, 0 of 8 found in a recall study). Near miss: the chain that only builds the query.
   */
  @Test
  void aLibraryChainRootedAtALambdasParameterIsLookedUpInTheLibrary() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(dir.resolve("db-1.0.jar"), Map.of(
        "com/acme/db/Db.java", """
            package com.acme.db;
            public class Db {
              public interface Callback<R> { R with(Handle handle); }
              public <R> R withHandle(Callback<R> callback) { return callback.with(new Handle()); }
            }
            """,
        "com/acme/db/Handle.java", """
            package com.acme.db;
            public class Handle {
              public Query createQuery(String sql) { return new Query(sql); }
            }
            """,
        "com/acme/db/Query.java", """
            package com.acme.db;
            public class Query {
              private final String sql;
              Query(String sql) { this.sql = sql; }
              public Query bind(String name, Object value) { return this; }
              public java.util.List<String> list() {
                try {
                  java.sql.DriverManager.getConnection("jdbc:acme:db").createStatement().executeQuery(sql);
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
                return java.util.List.of();
              }
            }
            """));
    Path root = project(Map.of("Shows.java", """
        package app;
        import com.acme.db.Db;
        public class Shows {
          private final Db db;
          public Shows(Db db) { this.db = db; }
          public java.util.List<String> byName(String name) {
            return db.withHandle(handle -> handle.createQuery("select id from shows where name = :name")
                .bind("name", name).list());
          }
          public Object prepared(String name) {
            return db.withHandle(handle -> handle.createQuery("select 1").bind("name", name));
          }
        }
        """));
    assertEquals(List.of("byName(String): handle.createQuery(\"select id from shows where name = :name\")"
        + " .bind(\"name\", name).list()"), queries(root, jar));
  }

  /**
   * {@code jdbi.useHandle(handle -> handle.execute(sql))}: one call on the callback's untyped parameter, no chain, is
   * looked up in the library as a chain rooted there is (a blind trial's Jdbi application: four such statements
   * missed). Near miss: a call on the parameter whose method only reads a field of the object.
   */
  @Test
  void aLoneCallOnALambdasParameterIsLookedUpInTheLibrary() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(dir.resolve("db-1.0.jar"), Map.of(
        "com/acme/db/Db.java", """
            package com.acme.db;
            public class Db {
              public interface Consumer { void use(Handle handle); }
              public void useHandle(Consumer consumer) { consumer.use(new Handle()); }
            }
            """,
        "com/acme/db/Handle.java", """
            package com.acme.db;
            public class Handle {
              private final String name = "h";
              public int execute(String sql) {
                try {
                  return java.sql.DriverManager.getConnection("jdbc:acme:db").createStatement().executeUpdate(sql);
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
              }
              public String name() { return name; }
            }
            """));
    Path root = project(Map.of("Schema.java", """
        package app;
        import com.acme.db.Db;
        public class Schema {
          private final Db db;
          public Schema(Db db) { this.db = db; }
          public void create() {
            db.useHandle(handle -> handle.execute("create table shows (id int)"));
          }
          public void label() {
            db.useHandle(handle -> System.out.println(handle.name()));
          }
        }
        """));
    assertEquals(List.of("create(): handle.execute(\"create table shows (id int)\")"), queries(root, jar));
  }
}
