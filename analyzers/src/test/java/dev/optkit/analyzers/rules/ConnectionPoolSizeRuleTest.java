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
}
