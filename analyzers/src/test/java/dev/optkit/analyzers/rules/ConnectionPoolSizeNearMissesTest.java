package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ConnectionPoolSize says nothing where no second connection is taken from the pool it read (no proxy, no outer
 * transaction, another transaction manager), or where the pool is not the one it read (built in code, Spring Boot 1,
 * set by a deployment file at the repository's root). Cases a hostile review found.
 */
class ConnectionPoolSizeNearMissesTest {
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

  private static String orders(String annotation, String auditCall) {
    return """
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.transaction.annotation.Propagation;
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
            %s
          }
        }
        """.formatted(annotation, auditCall);
  }

  private static List<String> poolFindings(ProjectFixture project) {
    return project.assess().findings().stream().filter(f -> f.ruleId().equals("ConnectionPoolSize"))
        .map(f -> f.enclosingMethod() + " pool " + f.details().get("pool") + " needed " + f.details().get("needed"))
        .toList();
  }

  @Test
  void anOuterMethodThatSuspendsTransactionsHoldsNoConnectionWhileTheInnerRuns() {
    // NOT_SUPPORTED: place() runs with no transaction, so it holds no connection when record() asks for one
    assertEquals(List.of(), poolFindings(new ProjectFixture(dir).java(APPLICATION).java(AUDIT)
        .java(orders("@Transactional(propagation = Propagation.NOT_SUPPORTED)", "audit.record(\"placed \" + id);"))
        .file("src/main/resources/application.properties", "spring.application.name=shop\n")));
  }

  @Test
  void aRequiresNewMethodInheritedFromTheCallersSuperclassTakesNoSecondConnection() {
    // record() is called on this, not through a proxy: Spring starts no transaction for it
    List<String> found = poolFindings(new ProjectFixture(dir).java(APPLICATION).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.transaction.annotation.Propagation;
        import org.springframework.transaction.annotation.Transactional;
        public abstract class AuditSupport {
          protected final JdbcTemplate jdbc;
          protected AuditSupport(JdbcTemplate jdbc) { this.jdbc = jdbc; }
          @Transactional(propagation = Propagation.REQUIRES_NEW)
          public void record(String what) { jdbc.update("INSERT INTO audit (what) VALUES (?)", what); }
        }
        """).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.transaction.annotation.Transactional;
        import org.springframework.web.bind.annotation.PostMapping;
        import org.springframework.web.bind.annotation.RestController;
        @RestController
        public class Orders extends AuditSupport {
          public Orders(JdbcTemplate jdbc) { super(jdbc); }
          @Transactional
          @PostMapping("/orders")
          public void place(long id) { jdbc.update("INSERT INTO orders (id) VALUES (?)", id); record("placed"); }
        }
        """).file("src/main/resources/application.properties", "spring.application.name=shop\n"));
    assertEquals(List.of(), found);
  }

  @Test
  void aRequiresNewMethodOfAnObjectTheCallerMakesWithNewIsNoProxy() {
    assertEquals(List.of(), poolFindings(new ProjectFixture(dir).java(APPLICATION).java(AUDIT)
        .java(orders("@Transactional", "new Audit(jdbc).record(\"placed \" + id);"))
        .file("src/main/resources/application.properties", "spring.application.name=shop\n")));
  }

  @Test
  void aRequiresNewTransactionOfAnotherTransactionManagerTakesItsConnectionFromAnotherPool() {
    String audit = AUDIT.replace("@Transactional(propagation = Propagation.REQUIRES_NEW)",
        "@Transactional(transactionManager = \"auditTransactions\", propagation = Propagation.REQUIRES_NEW)");
    assertEquals(List.of(), poolFindings(new ProjectFixture(dir).java(APPLICATION).java(audit)
        .java(orders("@Transactional", "audit.record(\"placed \" + id);"))
        .file("src/main/resources/application.properties", "spring.application.name=shop\n")));
  }

  @Test
  void aPoolSizedByADataSourceBeanInCodeIsNotHikarisDefault() {
    assertEquals(List.of(), poolFindings(new ProjectFixture(dir).java(APPLICATION).java(AUDIT)
        .java(orders("@Transactional", "audit.record(\"placed \" + id);"))
        .java("""
            package shop;
            import com.zaxxer.hikari.HikariDataSource;
            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            @Configuration
            public class Pool {
              @Bean
              public javax.sql.DataSource dataSource() {
                HikariDataSource pool = new HikariDataSource();
                pool.setJdbcUrl("jdbc:postgresql://db/shop");
                pool.setMaximumPoolSize(400);
                return pool;
              }
            }
            """)
        .file("src/main/resources/application.properties", "spring.application.name=shop\n")));
  }

  @Test
  void springBoot1PoolsWithTomcatJdbcAndItsMaxActiveNotHikarisDefault() {
    // Boot 1.x: tomcat-jdbc is the default pool, sized by spring.datasource.max-active; no HikariCP default applies
    assertEquals(List.of(), poolFindings(new ProjectFixture(dir).java(APPLICATION).java(AUDIT)
        .java(orders("@Transactional", "audit.record(\"placed \" + id);"))
        .file("pom.xml", """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-starter-parent</artifactId>
                <version>1.3.8.RELEASE</version>
              </parent>
              <artifactId>shop</artifactId>
              <dependencies>
                <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-jdbc</artifactId></dependency>
                <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
              </dependencies>
            </project>
            """)
        .file("src/main/resources/application.properties",
            "server.tomcat.max-threads=200\nspring.datasource.max-active=400\n")));
  }

  @Test
  void aPoolSizeTheRepositorysComposeFileSetsForTheServiceModuleIsNotKnown() {
    // a multi-module repository: the service's module has its configuration, the compose file at the root deploys it
    ProjectFixture project = new ProjectFixture(dir)
        .file("orders-service/src/main/java/shop/ShopApplication.java", APPLICATION)
        .file("orders-service/src/main/java/shop/Audit.java", AUDIT)
        .file("orders-service/src/main/java/shop/Orders.java", orders("@Transactional", "audit.record(\"placed \" + id);"))
        .file("orders-service/src/main/resources/application.properties", "spring.application.name=orders\n");
    assertEquals(List.of("place(long) pool 10 needed 201"), poolFindings(project), "the premise: the module's own reading");
    project.file("docker-compose.yml", """
            services:
              orders:
                build: ./orders-service
                environment:
                  SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE: "400"
            """);
    assertEquals(List.of(), poolFindings(project));
  }
}
