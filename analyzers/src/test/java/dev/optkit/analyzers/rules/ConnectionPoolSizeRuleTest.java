package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request's transaction asking the pool for a second connection (another bean's REQUIRES_NEW transaction) with a
 * pool smaller than HikariCP's rule asks for the server's threads; near misses: a pool large enough, a REQUIRES_NEW
 * method of the same class (no proxy, no second connection), a caller in no transaction, a pool a profile or a
 * placeholder sets.
 */
class ConnectionPoolSizeRuleTest {
  @TempDir Path dir;

  private static final String APPLICATION = """
      package shop;
      @org.springframework.boot.autoconfigure.SpringBootApplication
      public class ShopApplication {}
      """;

  private static final String AUDIT = """
      package shop;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.transaction.annotation.Propagation;
      import org.springframework.transaction.annotation.Transactional;
      @org.springframework.stereotype.Service
      public class Audit {
        private final JdbcTemplate jdbc;
        public Audit(JdbcTemplate jdbc) { this.jdbc = jdbc; }
        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void record(String what) { jdbc.update("INSERT INTO audit (what) VALUES (?)", what); }
      }
      """;

  /** Orders placed in a transaction ({@code transactional}) that audits through the Audit bean. */
  private static String orders(boolean transactional) {
    return """
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.transaction.annotation.Transactional;
        import org.springframework.web.bind.annotation.PostMapping;
        import org.springframework.web.bind.annotation.RestController;
        @RestController
        public class Orders {
          private final JdbcTemplate jdbc;
          private final Audit audit;
          public Orders(JdbcTemplate jdbc, Audit audit) { this.jdbc = jdbc; this.audit = audit; }
          %s
          @PostMapping("/orders")
          public void place(long id) {
            jdbc.update("INSERT INTO orders (id) VALUES (?)", id);
            audit.record("placed " + id);
          }
        }
        """.formatted(transactional ? "@Transactional" : "");
  }

  private List<String> found(String properties, boolean transactional) {
    return new ProjectFixture(dir).java(APPLICATION).java(AUDIT).java(orders(transactional))
        .file("src/main/resources/application.properties", properties)
        .assess().findings().stream().filter(f -> f.ruleId().equals("ConnectionPoolSize"))
        .map(f -> f.enclosingMethod() + " pool " + f.details().get("pool") + " needed " + f.details().get("needed")
            + " threads " + f.details().get("threadsFrom"))
        .toList();
  }

  @Test
  void aRequiresNewTransactionInsideARequestsTransactionNeedsAPoolOfTheThreadsPlusOne() {
    assertEquals(List.of("place(long) pool 10 needed 201 threads the embedded Tomcat's default"),
        found("spring.application.name=shop\n", true));
    assertEquals(List.of("place(long) pool 40 needed 61 threads server.tomcat.threads.max"),
        found("server.tomcat.threads.max=60\nspring.datasource.hikari.maximum-pool-size=40\n", true));
  }

  @Test
  void aPoolOfTheThreadsPlusOneOrACallerInNoTransactionIsNone() {
    assertEquals(List.of(), found("server.tomcat.threads.max=20\nspring.datasource.hikari.maximum-pool-size=21\n", true));
    assertEquals(List.of(), found("spring.application.name=shop\n", false));
  }

  @Test
  void aPoolAProfileOrAPlaceholderSetsIsNotKnownAndNotGuessed() {
    assertEquals(List.of(), found("spring.datasource.hikari.maximum-pool-size=${DB_POOL:10}\n", true));
    assertEquals(List.of(), found("spring.application.name=shop\n#---\nspring.config.activate.on-profile=prod\n"
        + "spring.datasource.hikari.maximum-pool-size=300\n", true));
  }

  @Test
  void aRequiresNewMethodOfTheSameClassTakesNoSecondConnection() {
    List<String> found = new ProjectFixture(dir).java(APPLICATION).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.transaction.annotation.Propagation;
        import org.springframework.transaction.annotation.Transactional;
        import org.springframework.web.bind.annotation.PostMapping;
        import org.springframework.web.bind.annotation.RestController;
        @RestController
        public class Orders {
          private final JdbcTemplate jdbc;
          public Orders(JdbcTemplate jdbc) { this.jdbc = jdbc; }
          @Transactional
          @PostMapping("/orders")
          public void place(long id) { jdbc.update("INSERT INTO orders (id) VALUES (?)", id); record("placed"); }
          @Transactional(propagation = Propagation.REQUIRES_NEW)
          public void record(String what) { jdbc.update("INSERT INTO audit (what) VALUES (?)", what); }
        }
        """).file("src/main/resources/application.properties", "spring.application.name=shop\n")
        .assess().findings().stream().filter(f -> f.ruleId().equals("ConnectionPoolSize"))
        .map(f -> f.enclosingMethod()).toList();
    assertEquals(List.of(), found);
  }

  @Test
  void aRequiresNewTransactionRunningACallbackTakesItsConnectionWhenItBegins() {
    // the inner method runs no query of its own: the callback it is handed does, in its transaction
    List<String> found = new ProjectFixture(dir).java(APPLICATION).java("""
        package shop;
        import org.springframework.transaction.annotation.Propagation;
        import org.springframework.transaction.annotation.Transactional;
        @org.springframework.stereotype.Service
        public class InNewTransaction {
          @Transactional(propagation = Propagation.REQUIRES_NEW)
          public void run(Runnable work) { work.run(); }
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.transaction.annotation.Transactional;
        import org.springframework.web.bind.annotation.PostMapping;
        import org.springframework.web.bind.annotation.RestController;
        @RestController
        public class Orders {
          private final JdbcTemplate jdbc;
          private final InNewTransaction inNew;
          public Orders(JdbcTemplate jdbc, InNewTransaction inNew) { this.jdbc = jdbc; this.inNew = inNew; }
          @Transactional
          @PostMapping("/orders")
          public void place(long id) {
            jdbc.update("INSERT INTO orders (id) VALUES (?)", id);
            inNew.run(() -> jdbc.update("INSERT INTO audit (what) VALUES ('placed')"));
          }
        }
        """).file("src/main/resources/application.properties", "spring.application.name=shop\n")
        .assess().findings().stream().filter(f -> f.ruleId().equals("ConnectionPoolSize"))
        .map(f -> f.enclosingMethod() + " " + f.details().get("requiresNew")).toList();
    assertEquals(List.of("place(long) InNewTransaction.run"), found);
  }

  /** A job the task executor runs, placing orders in a transaction that audits through the Audit bean. */
  private static final String IMPORTS = """
      package shop;
      import org.springframework.scheduling.annotation.Async;
      import org.springframework.transaction.annotation.Transactional;
      @org.springframework.stereotype.Service
      public class Imports {
        private final Audit audit;
        public Imports(Audit audit) { this.audit = audit; }
        @Async
        @Transactional
        public void load(long id) { audit.record("imported " + id); }
      }
      """;

  private static final String IMPORT_CONTROLLER = """
      package shop;
      @org.springframework.web.bind.annotation.RestController
      public class ImportController {
        private final Imports imports;
        public ImportController(Imports imports) { this.imports = imports; }
        @org.springframework.web.bind.annotation.PostMapping("/imports")
        public void start(long id) { imports.load(id); }
      }
      """;

  private List<String> foundWithJobs(String properties, String... more) {
    ProjectFixture project = new ProjectFixture(dir).java(APPLICATION).java(AUDIT).java(orders(true)).java(IMPORTS)
        .java(IMPORT_CONTROLLER).file("src/main/resources/application.properties", properties);
    for (String source : more) {
      project.java(source);
    }
    return project.assess().findings().stream().filter(f -> f.ruleId().equals("ConnectionPoolSize"))
        .map(f -> f.enclosingMethod() + " pool " + f.details().get("pool") + " needed " + f.details().get("needed")
            + " async " + f.details().get("asyncThreads"))
        .sorted().toList();
  }

  /**
   * An @Async method's transaction asking for a second connection holds them on the task executor's threads: Spring
   * Boot's 8 core threads while its queue is unbounded, its maximum where a queue capacity bounds it. Here the @Async
   * method is called from a request handler, so only its executor's threads hold its connections (the request thread
   * hands the work over). Near misses: an executor the project builds (threads sized in code), a maximum with no bound.
   */
  @Test
  void anAsyncMethodsTransactionHoldsConnectionsOnTheTaskExecutorsThreads() {
    String pool = "spring.datasource.hikari.maximum-pool-size=8\nserver.tomcat.threads.max=4\n";
    // orders: 4 request threads need 5, the pool of 8 is enough; imports: 8 executor threads need 9
    assertEquals(List.of("load(long) pool 8 needed 9 async 8"), foundWithJobs(pool));
    assertEquals(List.of("load(long) pool 8 needed 21 async 20"), foundWithJobs(pool
        + "spring.task.execution.pool.queue-capacity=100\nspring.task.execution.pool.max-size=20\n"));
    assertEquals(List.of(), foundWithJobs(pool + "spring.task.execution.pool.core-size=7\n"));
    assertEquals(List.of(), foundWithJobs(pool + "spring.task.execution.pool.queue-capacity=100\n"));
    assertEquals(List.of(), foundWithJobs(pool, """
        package shop;
        @org.springframework.context.annotation.Configuration
        public class Executors {
          @org.springframework.context.annotation.Bean
          public java.util.concurrent.Executor taskExecutor() { return java.util.concurrent.Executors.newFixedThreadPool(50); }
        }
        """));
  }
}
