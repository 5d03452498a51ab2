package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A bean injected by its class clashes with a JDK proxy only where a Spring context that proxies by interface makes
 * it: not a class only a Mockito test makes, nor one a Spring Boot application proxies by class. Each case's
 * comment names the audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile
 * review it came from, and its project (a case naming none is from the first audit, a review of 30 refusals on four
 * projects); each stands beside a true twin, or a control: the code the reason names must do what it says.
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

  private static final String CONTEXT_TEST = """
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
  }
}
