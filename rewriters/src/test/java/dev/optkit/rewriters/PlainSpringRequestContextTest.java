package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixtures of the hostile review of 2026-11-29 (resources plainspring24/), each proven stale or failing at start-up after apply by the
 * reviewer: a plain Spring application keeping one persistence context per request through a filter of its own (f1),
 * and a war whose pom imports Boot's BOM but which a plain initializer starts, with JDK proxies (f12).
 */
class PlainSpringRequestContextTest {
  @TempDir Path dir;

  private MigrationPlan attack(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/plainspring24/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  /** f1: RequestEntityManagerFilter binds an EntityManagerHolder per request; trail() then find() shared its instance. */
  @Test
  void aPersistenceContextAFilterOfTheProjectKeepsPerRequestRefuses() {
    MigrationPlan plan = attack("f1-own-filter");
    assertFalse(cached(plan, "ProductService.find"), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("find(")
        && r.reason().contains("open-session-in-view possibly on (outside Spring Boot")), plan.refusals().toString());
  }

  /** f12: Boot's BOM manages versions only; the initializer starts plain Spring, whose proxy is a JDK proxy. */
  @Test
  void bootsBomUnderAPlainInitializerIsNoBoot() {
    MigrationPlan plan = attack("f12-boot-bom-plain-war");
    assertFalse(cached(plan, "Report.line"), plan.targets().toString());
    assertFalse(cached(plan, "ProductStore.name"), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().contains("ProductStore implements interfaces and is "
        + "injected by its class (Report.products)")), plan.refusals().toString());
  }

  /**
   * The same war started by its web.xml, read with StAX: Spring's DispatcherServlet, or a project servlet extending it,
   * starts plain Spring; a comment naming DispatcherServlet beside another servlet starts nothing of Spring's.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"org.springframework.web.servlet.DispatcherServlet",
      "shop.AppServlet", "comment"})
  void aWebXmlStartingDispatcherServletIsNoBoot(String servlet) {
    String started = servlet.equals("comment") ? "shop.PlainServlet" : servlet;
    MigrationPlan plan = new MigrationFixture(dir.resolve(servlet.replace('.', '-')))
        .resources("/plainspring24/f12-boot-bom-plain-war")
        .file("src/main/java/shop/WebInit.java", "package shop;\n\npublic class WebInit {\n}\n")
        .file("src/main/java/shop/AppServlet.java", "package shop;\n\npublic class AppServlet extends "
            + "org.springframework.web.servlet.DispatcherServlet {\n}\n")
        .file("src/main/java/shop/PlainServlet.java", "package shop;\n\npublic class PlainServlet extends "
            + "jakarta.servlet.http.HttpServlet {\n}\n")
        .file("src/main/webapp/WEB-INF/web.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <!-- the old org.springframework.web.servlet.DispatcherServlet was replaced -->
              <servlet>
                <servlet-name>app</servlet-name>
                <servlet-class>%s</servlet-class>
              </servlet>
            </web-app>
            """.formatted(started)).plan();
    boolean jdkProxies = plan.refusals().stream().anyMatch(r -> r.reason().contains("ProductStore implements interfaces "
        + "and is injected by its class (Report.products)"));
    assertTrue(jdkProxies != servlet.equals("comment"), servlet + ": " + plan.refusals());
    assertTrue(cached(plan, "Report.line") == servlet.equals("comment"), servlet + ": " + plan.targets());
  }
}
