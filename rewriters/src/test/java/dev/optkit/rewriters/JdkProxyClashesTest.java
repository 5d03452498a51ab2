package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which proxy a bean injected by its class gets, and so whether it clashes: a JDK proxy only where a Spring context
 * proxies by interface (Boot told not to proxy classes, its AOP auto-configuration turned off, a plain Spring test
 * context), wherever Boot reads those settings (beyond the application files too, and even when said as Boot's
 * defaults), but not from a comment or a file that sets nothing, nor for a class only a Mockito test makes or one a
 * Spring Boot application proxies by class. Each case's comment names the audit of optkit's refusal reasons on
 * public projects (2026-11-25 on), the trial or the hostile review it came from, and its project (a case naming
 * none is from the first audit, a review of 30 refusals on four projects); each stands beside a true twin, or a
 * control: the code the reason names must do what it says.
 */
class JdkProxyClashesTest extends SpringProjectPlans {
  // ---- seventh audit: a class injected by its class where no Spring context injects it, or under Boot
  // (KALDYBAKYZY/final_soft: "CategoryServiceImpl implements interfaces and is injected by its class
  // (CategoryServiceTest.service)", a Mockito test's @InjectMocks field in a Gradle-built Spring Boot application; 14
  // refusals)

  private static final String STORE = """
      package shop;

      public interface Store {
          String entry(String key);
      }
      """;

  private MigrationFixture store(String name, String application, String test) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(STORE)
        .java(MigrationSafetyTest.bean("JdbcStore", "Service", "import org.springframework.stereotype.Service;", """
                public String entry(String key) {
                    return jdbc.queryForObject("SELECT value FROM entries WHERE name = ?", String.class, key);
                }
            """).replace("public class JdbcStore", "public class JdbcStore implements Store"));
    if (!application.isEmpty()) {
      fixture.java(application);
    }
    return fixture.file("src/test/java/shop/JdbcStoreTest.java", test);
  }

  private static final String MOCKITO_TEST = """
      package shop;

      import org.junit.jupiter.api.extension.ExtendWith;
      import org.mockito.InjectMocks;
      import org.mockito.junit.jupiter.MockitoExtension;

      @ExtendWith(MockitoExtension.class)
      class JdbcStoreTest {
          @InjectMocks
          JdbcStore store;
      }
      """;

  /** A plain test context scanning the package: optkit's caching configuration comes in with the beans. */
  private static final String CONTEXT_TEST = """
      package shop;

      import org.springframework.beans.factory.annotation.Autowired;
      import org.springframework.context.annotation.ComponentScan;
      import org.springframework.context.annotation.Configuration;
      import org.springframework.test.context.ContextConfiguration;

      @ContextConfiguration(classes = JdbcStoreTest.Scanned.class)
      class JdbcStoreTest {
          @Configuration
          @ComponentScan("shop")
          static class Scanned {
          }

          @Autowired
          JdbcStore store;
      }
      """;

  /** A plain test context of the bean's class alone: no caching configuration, no proxy, the class itself. */
  private static final String CLASS_ALONE_TEST = """
      package shop;

      import org.springframework.beans.factory.annotation.Autowired;
      import org.springframework.test.context.ContextConfiguration;

      @ContextConfiguration(classes = JdbcStore.class)
      class JdbcStoreTest {
          @Autowired
          JdbcStore store;
      }
      """;

  private static final String BOOT_TEST = """
      package shop;

      import org.springframework.beans.factory.annotation.Autowired;
      import org.springframework.boot.test.context.SpringBootTest;

      @SpringBootTest
      class JdbcStoreTest {
          @Autowired
          JdbcStore store;
      }
      """;

  private static final String BOOT_APPLICATION = """
      package shop;

      import org.springframework.boot.autoconfigure.SpringBootApplication;

      @SpringBootApplication
      public class Shop {
      }
      """;

  @Test
  void aClassOnlyAMockitoTestMakesOrABootApplicationProxiesIsNoJdkProxyClash() {
    String why = refusalStartingWith(store("mockito", "", MOCKITO_TEST).plan(), "entry").orElse("cached");
    assertFalse(why.contains("JDK proxy"), why);
    why = refusalStartingWith(store("boot", BOOT_APPLICATION, BOOT_TEST).plan(), "entry").orElse("cached");
    assertFalse(why.contains("JDK proxy"), why);
    // true twins: a plain Spring test context in a Boot project makes JDK proxies (hostile review b3b)
    why = refusalStartingWith(store("boot-plain-test", BOOT_APPLICATION, CONTEXT_TEST).plan(), "entry").orElse("cached");
    assertTrue(why.contains("JDK proxy"), why);
    // the true twin: a test context outside Boot injects it by its class
    why = refusalStartingWith(store("context", "", CONTEXT_TEST).plan(), "entry").orElse("cached");
    assertTrue(why.contains("JdbcStore implements interfaces and is injected by its class (JdbcStoreTest.store)"), why);
    // a plain test context of the class alone makes no caching proxy, under Boot or not: the class is injected as it
    // is (a usefulness trial's JPA service, 0 caches for a refusal whose words were not true of its tests)
    for (String application : new String[] {BOOT_APPLICATION, ""}) {
      MigrationPlan alone = store("class-alone" + application.length(), application, CLASS_ALONE_TEST).plan();
      assertTrue(alone.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("entry("))
          .noneMatch(r -> r.proof() == dev.optkit.analyzers.proof.Proof.PROXY_CLASH), alone.refusals().toString());
    }
  }

  /**
   * Hostile review of the seventh audit's allowances (attacks28), a bean injected by its class gets a JDK proxy: Boot
   * told not to proxy classes (b1, b1b), Boot's AOP auto-configuration, which forces class proxies, turned off (b1c in
   * properties, b1d nested in YAML), a plain Spring test context in a Boot project (b3b), a test context through the
   * project's meta-annotation (b6).
   */
  @ParameterizedTest
  @ValueSource(strings = {"b1", "b1b", "b1c", "b1d", "b3b", "b6"})
  void aJdkProxyWhereTheBeanIsInjectedByItsClassRefuses(String attack) {
    MigrationPlan plan = casePlan("attacks28", attack);
    assertFalse(target(plan, "ProductStore.name").isPresent(), plan.targets().toString());
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("name("))
        .map(dev.optkit.rewriters.caching.Refusal::reason).findFirst().orElse("(no refusal)");
    assertTrue(reason.contains("may be a JDK proxy of its interfaces"), reason);
  }

  /**
   * Hostile review of the seventh audit's allowances (attacks28), Both settings said true, as Boot's defaults are:
   * still refused, as Boot compares the value as written and optkit does not (the plain-Spring review's (2026-11-29)
   * f7: {@code "true "} with a trailing space made JDK proxies) (b1e).
   */
  @Test
  void bootSettingsSaidAtAllRefuse() {
    MigrationPlan plan = casePlan("attacks28", "b1e");
    assertFalse(target(plan, "ProductStore.name").isPresent(), plan.targets().toString());
  }

  /**
   * Hostile review of the seventh audit's allowances (attacks28), the aop settings where Boot reads them beyond
   * application files (the plain-Spring review of 2026-11-29, f7b-d): a file {@code spring.config.import} names, one
   * {@code @PropertySource} names (relaxed name), default properties set in code, and an imported config server whose
   * properties nobody here can read. Without them, b1e's project (both settings taken out) is cached.
   */
  @ParameterizedTest
  @ValueSource(strings = {"import", "property-source", "defaults", "config-server", "imported-yaml", "config-tree-list",
      "pom-relaxed", "application-json", "deep", "jvm-config"})
  void bootSettingsBeyondTheApplicationFilesRefuse(String where) {
    MigrationFixture project = new MigrationFixture(dir.resolve(where)).resources("/attacks28/b1e")
        .file("src/main/resources/application.yml", "spring:\n  application:\n    name: shop\n");
    switch (where) {
      case "import" -> project.file("src/main/resources/application.yml", "spring:\n  config:\n    import: classpath:extra.properties\n")
          .file("src/main/resources/extra.properties", "spring.aop.proxy-target-class=false\n");
      case "property-source" -> project.file("src/main/resources/aop.properties", "spring.aop.proxyTargetClass=false\n")
          .file("src/main/java/shop/App.java", "package shop;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n"
              + "@SpringBootApplication\n@org.springframework.context.annotation.PropertySource(\"classpath:aop.properties\")\npublic class App {}\n");
      case "defaults" -> project.file("src/main/java/shop/App.java", """
          package shop;
          import java.util.Map;
          import org.springframework.boot.SpringApplication;
          import org.springframework.boot.autoconfigure.SpringBootApplication;
          @SpringBootApplication
          public class App {
            public static void main(String[] args) {
              SpringApplication app = new SpringApplication(App.class);
              app.setDefaultProperties(Map.of("spring.aop.proxy-target-class", "false"));
              app.run(args);
            }
          }
          """);
      case "config-server" -> project.file("src/main/resources/application.yml",
          "spring:\n  config:\n    import: optional:configserver:http://config:8888\n");
      // the hostile review of 2026-11-29 (hr36)'s f7e-f7i
      case "imported-yaml" -> project.file("src/main/resources/application.yml", "spring:\n  config:\n    import: classpath:proxies.yml\n")
          .file("src/main/resources/proxies.yml", "spring:\n  aop:\n    proxy-target-class: false\n");
      case "config-tree-list" -> project.file("src/main/resources/application.yml",
          "spring:\n  config:\n    import:\n      - optional:configtree:config/tree/\n");
      case "pom-relaxed" -> project.file("pom.xml", resource("/attacks28/b1e/pom.xml").replace("</project>",
          "<properties><argLine>-Dspring.aop.proxyTargetClass=false</argLine></properties>\n</project>"));
      case "application-json" -> project.file("docker-compose.yml", "services:\n  app:\n    environment:\n"
          + "      SPRING_APPLICATION_JSON: '{\"spring\":{\"aop\":{\"proxy-target-class\":false}}}'\n");
      case "deep" -> project.file("src/main/resources/com/acme/shop/web/config/proxies.properties",
          "spring.aop.proxy-target-class=false\n");
      default -> project.file(".mvn/jvm.config", "-Dspring.aop.proxy-target-class=false\n");
    }
    MigrationPlan plan = project.plan();
    assertFalse(target(plan, "ProductStore.name").isPresent(), plan.targets().toString());
    MigrationPlan plain = new MigrationFixture(dir.resolve(where + "-plain")).resources("/attacks28/b1e")
        .file("src/main/resources/application.yml", "spring:\n  application:\n    name: shop\n").plan();
    assertTrue(target(plain, "ProductStore.name").isPresent(), plain.refusals().toString());
  }

  /**
   * Hostile review of the seventh audit's allowances (attacks28), Boot's default named in a comment sets nothing
   * (hr36's fr3, a false refusal): the project is cached.
   */
  @Test
  void theSettingsNamedInACommentSetNothing() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("comment")).resources("/attacks28/b1e")
        .file("src/main/resources/application.yml", "spring:\n  application:\n    name: shop\n")
        .file("src/main/java/shop/App.java", "package shop;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n"
            + "/** Boot proxies classes: spring.aop.proxy-target-class=true is its default. */\n"
            + "@SpringBootApplication\npublic class App {}\n").plan();
    assertTrue(target(plan, "ProductStore.name").isPresent(), plan.refusals().toString());
  }

  /**
   * Hostile review of the seventh audit's allowances (attacks28), Files that set nothing Boot reads (halo's regression
   * run): a resources YAML Spring cannot parse without "aop" in it, a lock file over a megabyte. The project stays
   * cached.
   */
  @Test
  void filesWithoutTheSettingsSetNothing() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("unrelated")).resources("/attacks28/b1e")
        .file("src/main/resources/application.yml", "spring:\n  application:\n    name: shop\n")
        .file("src/main/resources/initial-data.yaml", "kind: Setting\nspec: [unclosed\n  - {broken: \n")
        .file("ui/pnpm-lock.yaml", "lockfileVersion: '6.0'\n" + "packages:\n  /a@1.0.0: {}\n".repeat(100_000))
        .file("ui/package-lock.json", "{\"name\": \"ui\", \"x\": \"" + "y".repeat(2_000_000) + "\"}").plan();
    assertTrue(target(plan, "ProductStore.name").isPresent(), plan.refusals().toString());
  }

  private String resource(String path) {
    try (var in = getClass().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
