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
 * deployment chose: it reaches a database only when every implementation the jars hold does (a remote call of any, as before). A decorator passing the call on
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

  /** The project calling the manager and the store: its sessions class. */
  private static final String SESSIONS = """
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
        """;

  private List<String> queries(String name, Map<String, String> library) throws Exception {
    return found(name, LibraryBytecodeIoTest.libraryJar(temp.resolve(name + "-1.0.jar"), library), "Sessions", SESSIONS,
        Category.DB_QUERY);
  }

  /** The snippets of the findings of a category in a project of one class of package app, on the jar. */
  private List<String> found(String name, Path jar, String type, String source, Category category) throws Exception {
    Path root = temp.resolve(name);
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/" + type + ".java"), source);
    OptkitConfig config = OptkitConfig.defaults();
    Assessment assessment = new Assessor().assess(new Assessor.Options(List.of(root), config.exclude(), false,
        List.of(jar), false, 1, true, config, "test", temp.resolve("cache-" + name)), Assessor.Progress.NONE);
    return assessment.findings().stream().filter(f -> f.category() == category)
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

  /**
   * A remote call any implementation makes is still reached: a client library's transports are what it is for (Axis2's
   * senders, one of them in-VM for tests; its stub's SOAP calls were lost when every sender had to reach I/O).
   */
  @Test
  void aChoiceAmongTransportsStillReachesTheRemoteOne() throws Exception {
    Map<String, String> library = library("""
        package com.acme.store;
        public class Other implements Store {
          public String load(String id) {
            try (java.net.Socket socket = new java.net.Socket("store", 80)) {
              return socket.getInetAddress() + id;
            } catch (java.io.IOException e) {
              throw new IllegalStateException(e);
            }
          }
        }
        """);
    library.put("com/acme/store/JdbcStore.java", """
        package com.acme.store;
        public class JdbcStore implements Store {
          public String load(String id) { return id.trim(); }
        }
        """);
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("remote-1.0.jar"), library);
    assertEquals(List.of("manager.find(id)", "store.load(id)"), found("remote", jar, "Sessions", SESSIONS, Category.API_CALL));
  }

  @Test
  void aDecoratorAmongTheImplementationsPassesTheChoiceOn() throws Exception {
    Map<String, String> library = library("""
        package com.acme.store;
        public class Other implements Store {
          private final java.util.Map<String, String> values = new java.util.HashMap<>();
          public String load(String id) { return values.get(id); }
        }
        """);
    library.put("com/acme/store/Caching.java", """
        package com.acme.store;
        public class Caching implements Store {
          private final Store inner;
          public Caching(Store inner) { this.inner = inner; }
          public String load(String id) { return inner.load(id.trim()); }
        }
        """);
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("decorated3-1.0.jar"), library);
    // the project's own call of the store is its choice of the library, followed into every implementation
    assertEquals(List.of("store.load(id)"), found("decorated3", jar, "Sessions", SESSIONS, Category.DB_QUERY));
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

  /**
   * A template method's call of its own hook runs the class of the object its caller holds, not a configured choice:
   * followed into every implementation as the caller's call is (Axis2's OperationClient.execute runs executeImpl,
   * abstract, whose in-out implementation sends; the stub's twelve SOAP calls were lost when the hook was a choice).
   */
  @Test
  void aTemplateMethodsOwnHookIsNoConfiguredChoice() throws Exception {
    Map<String, String> library = new HashMap<>();
    library.put("com/acme/soap/OperationClient.java", """
        package com.acme.soap;
        public abstract class OperationClient {
          public final String execute(String body) { return executeImpl(body); }
          protected abstract String executeImpl(String body);
        }
        """);
    library.put("com/acme/soap/OutIn.java", """
        package com.acme.soap;
        public class OutIn extends OperationClient {
          protected String executeImpl(String body) {
            try (java.net.Socket socket = new java.net.Socket("soap", 80)) {
              return socket.getInetAddress() + body;
            } catch (java.io.IOException e) {
              throw new IllegalStateException(e);
            }
          }
        }
        """);
    library.put("com/acme/soap/InVm.java", """
        package com.acme.soap;
        public class InVm extends OperationClient {
          protected String executeImpl(String body) { return body.trim(); }
        }
        """);
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("soap-1.0.jar"), library);
    assertEquals(List.of("client.execute(body)"), found("soap", jar, "Jobs", """
        package app;
        public class Jobs {
          private final com.acme.soap.OperationClient client;
          public Jobs(com.acme.soap.OperationClient client) { this.client = client; }
          public String submit(String body) { return client.execute(body); }
        }
        """, Category.API_CALL));
  }
}
