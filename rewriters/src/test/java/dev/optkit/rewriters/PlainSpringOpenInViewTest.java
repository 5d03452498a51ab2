package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open-session-in-view is Spring Boot's default; outside Boot the application may keep one persistence context for a
 * request by its own means, which optkit does not rule out, so the read stays refused, but the reason no longer says
 * Boot's default (trial 97: spring-framework-petclinic's findByLastName was refused "with open-session-in-view on
 * (Spring Boot's default)" in a project without Boot). reasons43/ids made a plain Spring MVC project: a request
 * loading menus beside the cached findOne.
 */
class PlainSpringOpenInViewTest {
  @TempDir Path dir;

  private static final String PLAIN_POM = """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>r</groupId>
        <artifactId>plain-menus</artifactId>
        <version>1</version>
        <packaging>war</packaging>
        <dependencies>
          <dependency><groupId>org.springframework</groupId><artifactId>spring-webmvc</artifactId><version>6.1.8</version></dependency>
          <dependency><groupId>org.springframework.data</groupId><artifactId>spring-data-jpa</artifactId><version>3.3.0</version></dependency>
          <dependency><groupId>org.hibernate.orm</groupId><artifactId>hibernate-core</artifactId><version>6.5.2.Final</version></dependency>
          <dependency><groupId>org.projectlombok</groupId><artifactId>lombok</artifactId><version>1.18.32</version><scope>provided</scope></dependency>
        </dependencies>
      </project>
      """;

  private static final String PLAIN_APP = """
      package r;

      import org.springframework.cache.annotation.EnableCaching;
      import org.springframework.context.annotation.ComponentScan;
      import org.springframework.context.annotation.Configuration;
      import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
      import org.springframework.web.servlet.config.annotation.EnableWebMvc;

      @Configuration
      @EnableWebMvc
      @EnableJpaRepositories
      @EnableCaching
      @ComponentScan
      public class App {
      }
      """;

  private MigrationFixture plain(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/reasons43/ids").file("pom.xml", PLAIN_POM)
        .java(PLAIN_APP)
        // Boot's setting means nothing outside Boot: it turns nothing on or off
        .file("src/main/resources/application.properties", "spring.jpa.open-in-view=true\n");
  }

  @Test
  void withoutBootTheReasonSaysWhatMayKeepTheContextNotBootsDefault() {
    // refused all the same: a filter, an interceptor or a transaction per request of the application's own may keep
    // one persistence context for the request (the plain-Spring review's (2026-11-29) f1-f3 cached stale entities when it counted as off)
    MigrationPlan plan = plain("plain").plan();
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("findOne"))
        .map(dev.optkit.rewriters.caching.Refusal::reason).findFirst().orElse("(no refusal) " + plan.targets());
    assertTrue(reason.contains("with open-session-in-view possibly on (outside Spring Boot, a filter or interceptor the "
        + "application registers, or a transaction it runs per request, may keep one persistence context for the "
        + "request") && !reason.contains("Spring Boot's default") && !reason.contains("spring.jpa.open-in-view"), reason);
  }

  /**
   * Boot's auto-configuration started without @SpringBootApplication ({@code @Configuration @EnableAutoConfiguration}),
   * and without Boot's parent: its default is named.
   */
  @Test
  void bootsAutoConfigurationWithoutItsApplicationAnnotationIsBootsDefault() {
    MigrationPlan plan = plain("auto").java(PLAIN_APP.replace("@EnableWebMvc", "@org.springframework.boot.autoconfigure.EnableAutoConfiguration"))
        .plan();
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("findOne"))
        .map(dev.optkit.rewriters.caching.Refusal::reason).findFirst().orElse("(no refusal) " + plan.targets());
    assertTrue(reason.contains("with open-session-in-view on (Spring Boot's default)"), reason);
  }
}
