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
 * Inside a library, a call on an object it was configured with (a store, a session manager) runs the implementation the
 * deployment chose: it reaches I/O only when every implementation the jars hold does. A decorator passing the call on
 * chooses nothing; the project's own call of the interface is its choice of library, followed into every
 * implementation as before. (Two blind trials: Tomcat's and Jetty's session managers load sessions from a JDBC store
 * when one is configured, so RequestDispatcher.forward and Shiro's login were database writes; openid4java's
 * association store may be JDBC, so every verify was a query.)
 */
class LibraryConfiguredChoicesTest {
  @TempDir Path temp;

  private static final String JDBC_STORE = """
      package com.acme.store;
      public class JdbcStore implements Store {
        private final javax.sql.DataSource source;
        public JdbcStore(javax.sql.DataSource source) { this.source = source; }
        public String load(String id) {
          try (java.sql.Connection c = source.getConnection()) {
            return String.valueOf(c.createStatement().executeQuery("select v from s where id = 1").next());
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      """;

  /** A store interface, its JDBC implementation, another as given, and a manager holding whichever is configured. */
  private static Map<String, String> library(String other) {
    Map<String, String> sources = new HashMap<>();
    sources.put("com/acme/store/Store.java", "package com.acme.store; public interface Store { String load(String id); }");
    sources.put("com/acme/store/JdbcStore.java", JDBC_STORE);
    sources.put("com/acme/store/Other.java", other);
    sources.put("com/acme/store/Manager.java", """
        package com.acme.store;
        public class Manager {
          private final Store store;
          public Manager(Store store) { this.store = store; }
          public String find(String id) { return store.load(id); }
        }
        """);
    return sources;
  }

  private List<String> queries(String name, Map<String, String> library) throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve(name + "-1.0.jar"), library);
    Path root = temp.resolve(name);
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/Sessions.java"), """
        package app;
        import com.acme.store.Manager;
        import com.acme.store.Store;
        public class Sessions {
          private final Manager manager;
          private final Store store;
          public Sessions(Manager manager, Store store) { this.manager = manager; this.store = store; }
          public String session(String id) { return manager.find(id); }
          public String direct(String id) { return store.load(id); }
        }
        """);
    OptkitConfig config = OptkitConfig.defaults();
    Assessment assessment = new Assessor().assess(new Assessor.Options(List.of(root), config.exclude(), false,
        List.of(jar), false, 1, true, config, "test", temp.resolve("cache-" + name)), Assessor.Progress.NONE);
    return assessment.findings().stream().filter(f -> f.category() == Category.DB_QUERY)
        .map(dev.optkit.analyzers.findings.Finding::snippet).sorted().toList();
  }

  @Test
  void aConfiguredStoreReachesADatabaseOnlyWhenEveryImplementationDoes() throws Exception {
    // memory or JDBC, as configured: the manager's find is no query; the project's own call of the store still is
    assertEquals(List.of("store.load(id)"), queries("memory", library("""
        package com.acme.store;
        public class Other implements Store {
          private final java.util.Map<String, String> values = new java.util.HashMap<>();
          public String load(String id) { return values.get(id); }
        }
        """)));
    // every implementation a database: whichever is configured, find queries
    assertEquals(List.of("manager.find(id)", "store.load(id)"), queries("both", library(JDBC_STORE
        .replace("class JdbcStore", "class Other").replace("public JdbcStore(", "public Other("))));
  }

  @Test
  void aDecoratorPassingTheCallOnChoosesNothing() throws Exception {
    assertEquals(List.of("manager.find(id)", "store.load(id)"), queries("decorated", library("""
        package com.acme.store;
        public class Other implements Store {
          private final Store delegate;
          public Other(Store delegate) { this.delegate = delegate; }
          public String load(String id) { return delegate.load(id.trim()); }
        }
        """)));
  }
}
