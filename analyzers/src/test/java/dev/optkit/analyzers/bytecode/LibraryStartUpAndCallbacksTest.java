package dev.optkit.analyzers.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.findings.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a library method reaches in its bytecode, where the reach goes through making a client or through a callback:
 * a client factory's constructor is start-up, not a query of whoever made it; an anonymous callback runs where its own
 * class calls the callback interface, however many implementations that interface has. (A blind trial's Hibernate 3
 * application: the JMX SessionFactory stub builds its factory on first use, whose constructor updates the schema, so
 * getClassMetadata was a query; HibernateTemplate.get reached only the flush its doExecute may run, a read taken for a
 * write once the start-up reach was gone.)
 */
class LibraryStartUpAndCallbacksTest {
  @TempDir Path temp;

  /** A catalogued client (org.hibernate.Session), its factory, a factory that builds another lazily. */
  private static Map<String, String> orm() {
    Map<String, String> sources = new HashMap<>();
    sources.put("org/hibernate/Session.java", """
        package org.hibernate;
        public interface Session {
          Object get(Class<?> type, java.io.Serializable id);
          void flush();
        }
        """);
    sources.put("org/hibernate/SessionFactory.java", """
        package org.hibernate;
        public interface SessionFactory {
          Session openSession();
          String metadataOf(Class<?> type);
        }
        """);
    sources.put("com/acme/orm/Factory.java", """
        package com.acme.orm;
        public class Factory implements org.hibernate.SessionFactory {
          private final java.util.Map<String, String> metadata = new java.util.HashMap<>();
          public Factory(javax.sql.DataSource source) throws java.sql.SQLException {
            try (java.sql.Connection c = source.getConnection()) {
              c.createStatement().executeUpdate("create table if not exists users (id int)");
            }
          }
          public org.hibernate.Session openSession() { return null; }
          public String metadataOf(Class<?> type) { return metadata.get(type.getName()); }
        }
        """);
    sources.put("com/acme/orm/LazyFactory.java", """
        package com.acme.orm;
        public class LazyFactory implements org.hibernate.SessionFactory {
          private final javax.sql.DataSource source;
          private org.hibernate.SessionFactory built;
          public LazyFactory(javax.sql.DataSource source) { this.source = source; }
          private org.hibernate.SessionFactory impl() {
            try {
              if (built == null) {
                built = new Factory(source);
              }
              return built;
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          }
          public org.hibernate.Session openSession() { return impl().openSession(); }
          public String metadataOf(Class<?> type) { return impl().metadataOf(type); }
          public int count(String table) throws java.sql.SQLException {
            impl();
            try (java.sql.Connection c = source.getConnection()) {
              return c.createStatement().executeUpdate("update " + table + " set seen = 1");
            }
          }
        }
        """);
    // not a client, nor a factory of one: what its constructor runs is the query of whoever makes it
    sources.put("com/acme/orm/Migration.java", """
        package com.acme.orm;
        public class Migration {
          public Migration(javax.sql.DataSource source, String sql) throws java.sql.SQLException {
            try (java.sql.Connection c = source.getConnection()) { c.createStatement().executeUpdate(sql); }
          }
          public static void run(javax.sql.DataSource source, String sql) throws java.sql.SQLException {
            new Migration(source, sql);
          }
        }
        """);
    return sources;
  }

  @Test
  void whatAClientFactorysConstructorRunsIsStartUpNotAQueryOfItsMaker() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("orm-1.0.jar"), orm());
    Path root = project("metadata", "Catalog.java", """
        package app;
        import com.acme.orm.LazyFactory;
        import com.acme.orm.Migration;
        public class Catalog {
          private final LazyFactory factory;
          private final javax.sql.DataSource source;
          public Catalog(LazyFactory factory, javax.sql.DataSource source) { this.factory = factory; this.source = source; }
          public String describe() { return factory.metadataOf(String.class); }
          public int mark() throws Exception { return factory.count("users"); }
          public void migrate() throws Exception { Migration.run(source, "alter table users add seen int"); }
        }
        """);
    assertEquals(List.of("Migration.run(source, \"alter table users add seen int\")", "factory.count(\"users\")"),
        queries(assess(root, List.of(jar))));
  }

  /** A template running each operation's anonymous callback through a plug-in point, then flushing. */
  private static Map<String, String> template() {
    Map<String, String> sources = new HashMap<>(orm());
    sources.put("com/acme/orm/Callback.java", """
        package com.acme.orm;
        public interface Callback { Object doIn(org.hibernate.Session session); }
        """);
    // more implementations than class-hierarchy analysis follows: a plug-in point
    for (int i = 0; i < 10; i++) {
      sources.put("com/acme/orm/Named" + i + ".java", """
          package com.acme.orm;
          public class Named%d implements Callback { public Object doIn(org.hibernate.Session session) { return %d; } }
          """.formatted(i, i));
    }
    sources.put("com/acme/orm/Template.java", """
        package com.acme.orm;
        public class Template {
          private final org.hibernate.Session session;
          private final boolean eager;
          public Template(org.hibernate.Session session, boolean eager) { this.session = session; this.eager = eager; }
          public Object get(final Class<?> type, final java.io.Serializable id) {
            return execute(new Callback() {
              public Object doIn(org.hibernate.Session s) { return s.get(type, id); }
            });
          }
          public Object execute(Callback action) {
            Object answer = action.doIn(session);
            if (eager) {
              session.flush();
            }
            return answer;
          }
        }
        """);
    sources.put("com/acme/orm/Runner.java", """
        package com.acme.orm;
        public class Runner {
          public Object run(Callback action) { return action.doIn(null); }
        }
        """);
    sources.put("com/acme/orm/SessionImpl.java", """
        package com.acme.orm;
        public class SessionImpl implements org.hibernate.Session {
          private final javax.sql.DataSource source;
          public SessionImpl(javax.sql.DataSource source) { this.source = source; }
          public Object get(Class<?> type, java.io.Serializable id) { return null; }
          public void flush() {
            try (java.sql.Connection c = source.getConnection()) {
              c.createStatement().executeUpdate("update users set seen = 1");
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          }
        }
        """);
    return sources;
  }

  @Test
  void anAnonymousCallbackRunsWhereItsOwnClassCallsThePlugInPoint() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("template-1.0.jar"), template());
    Path root = project("template", "Users.java", """
        package app;
        import com.acme.orm.Template;
        import com.acme.orm.Runner;
        public class Users {
          private final Template template;
          private final Runner runner = new Runner();
          public Users(Template template) { this.template = template; }
          public Object user(long id) { return template.get(Object.class, id); }
          public Object other() { return runner.run(new com.acme.orm.Named1()); }
        }
        """);
    Assessment assessment = assess(root, List.of(jar));
    // the callback's read and the flush's write: neither alone is what get does
    assertEquals(List.of("template.get(Object.class, id) unknown"), assessment.findings().stream()
        .filter(f -> f.category() == Category.DB_QUERY)
        .map(f -> f.snippet() + " " + f.details().get("access")).toList());
  }

  private Path project(String name, String file, String source) throws Exception {
    Path root = temp.resolve(name);
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/" + file), source);
    return root;
  }

  private Assessment assess(Path root, List<Path> jars) {
    OptkitConfig config = OptkitConfig.defaults();
    Assessor.Options options = new Assessor.Options(List.of(root), config.exclude(), false, jars, false, 1, true,
        config, "test", temp.resolve("cache"));
    return new Assessor().assess(options, Assessor.Progress.NONE);
  }

  private static List<String> queries(Assessment assessment) {
    return assessment.findings().stream().filter(f -> f.category() == Category.DB_QUERY)
        .map(dev.optkit.analyzers.findings.Finding::snippet).sorted().toList();
  }
}
