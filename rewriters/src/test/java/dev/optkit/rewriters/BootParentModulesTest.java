package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * A module inheriting Spring Boot through the project's own parent pom is a Spring Boot module. Each case's comment
 * names the audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review
 * it came from, and its project (a case naming none is from the first audit, a review of 30 refusals on four
 * projects); each stands beside a true twin, or a control: the code the reason names must do what it says.
 */
class BootParentModulesTest extends SpringProjectPlans {
  // ---- a module inheriting Spring Boot through the project's own parent pom (fourth audit: Zagloba79 shareit)

  private static final String STORE_SERVICE = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Service;

      @Service
      public class EntryStore implements Store {
          private final JdbcTemplate jdbc;

          public EntryStore(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public String entry(String key) {
              return jdbc.queryForObject("SELECT value FROM entries WHERE name = ?", String.class, key);
          }
      }
      """;

  private MigrationFixture storeModule(String name, String parentPom) {
    String module = """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent><groupId>shop</groupId><artifactId>shop-parent</artifactId><version>1</version></parent>
          <artifactId>server</artifactId>
          <properties><maven.compiler.release>17</maven.compiler.release></properties>
          <dependencies>
            <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-jdbc</artifactId></dependency>
          </dependencies>
        </project>
        """;
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", parentPom).file("server/pom.xml", module)
        .file("server/src/main/java/shop/Store.java", "package shop;\n\npublic interface Store {\n"
            + "    String entry(String key);\n}\n")
        .file("server/src/main/java/shop/EntryStore.java", STORE_SERVICE)
        .file("server/src/main/java/shop/Importer.java", """
            package shop;

            @org.springframework.stereotype.Service
            public class Importer {
                private final EntryStore store;

                public Importer(EntryStore store) {
                    this.store = store;
                }

                public String first() {
                    return store.entry("first");
                }
            }
            """);
  }

  @Test
  void aModuleUnderTheProjectsBootParentIsSpringBoot() {
    String bootParent = """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
            <version>3.3.0</version><relativePath/></parent>
          <groupId>shop</groupId><artifactId>shop-parent</artifactId><version>1</version><packaging>pom</packaging>
          <modules><module>server</module></modules>
        </project>
        """;
    MigrationPlan boot = storeModule("boot", bootParent).plan();
    String why = refusal(boot, "entry").orElse("cached");
    assertFalse(why.contains("JDK proxy"), why);
    // the true twin: a parent that is no Boot project, where Spring's default proxy is a JDK proxy
    MigrationPlan plain = storeModule("plain", bootParent.replace("""
          <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
            <version>3.3.0</version><relativePath/></parent>
        """, "")).plan();
    why = refusal(plain, "entry").orElse("cached");
    assertTrue(why.contains("EntryStore implements interfaces and is injected by its class (Importer.store)"), why);
  }
}
