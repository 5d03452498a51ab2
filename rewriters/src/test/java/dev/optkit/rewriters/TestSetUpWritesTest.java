package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.caching.writers.TestCacheReset;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Trial 73's roles service (and most Spring projects' tests): a test's set-up writes the data straight to the database
 * ({@code @BeforeEach void setUp() { roleRepository.delete(...); }}) and its tests read it back over HTTP. Such reads
 * were refused ("test code, which optkit does not edit"); a careful engineer caches them and empties the caches
 * between tests. optkit now adds a test listener doing that before each test method, after its set-up, where nothing
 * reads through the cache between the set-up's write and the clearing; refused where something may.
 */
class TestSetUpWritesTest {
  @TempDir Path dir;

  /** MigrationSafetyTest's Spring pom, with spring-test for the tests. */
  static final String POM = MigrationSafetyTest.SPRING_POM.replace("</dependencies>", """
          <dependency>
            <groupId>org.springframework</groupId>
            <artifactId>spring-test</artifactId>
            <version>6.2.12</version>
            <scope>test</scope>
          </dependency>
        </dependencies>""");

  private static final String ROLES = MigrationSafetyTest.bean("Roles", "org.springframework.stereotype.Service", "", """
          public String roleName(long id) {
              return jdbc.queryForObject("SELECT name FROM roles WHERE id = ?", String.class, id);
          }
      """);

  /** A test class: {@code %s} is its set-up's body, {@code %s} a test's body. */
  private static String test(String setUp, String body) {
    return """
        package shop;

        import org.junit.jupiter.api.BeforeEach;
        import org.junit.jupiter.api.Test;
        import org.springframework.beans.factory.annotation.Autowired;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

        @SpringJUnitConfig
        class RolesTest {
            @Autowired JdbcTemplate jdbc;
            @Autowired Roles roles;

            @BeforeEach
            void setUp() {
                %s
            }

            @Test
            void readsTheRole() {
                %s
            }
        }
        """.formatted(setUp, body);
  }

  private static final String DELETE = "jdbc.update(\"DELETE FROM roles WHERE id = 2\");";
  private static final String READ = "org.junit.jupiter.api.Assertions.assertEquals(\"admin\", roles.roleName(1));";

  private int projects;

  /** A project of its own per case: a fixture's files stay in its folder after planning. */
  private MigrationFixture project(String setUp, String body) {
    return new MigrationFixture(dir.resolve("p" + projects++)).file("pom.xml", POM).java(ROLES)
        .file("src/test/java/shop/RolesTest.java", test(setUp, body));
  }

  @Test
  void aSetUpsWriteIsClearedBeforeEachTestByAListenerTheMigrationAdds() throws Exception {
    MigrationPlan plan = project(DELETE, READ).plan();
    CachingTarget roles = target(plan);
    assertEquals(List.of("setUp"), roles.clearedForTests().stream().map(m -> m.fact().name()).toList());
    assertEquals("""
        # Added by optkit: empties optkit's caches before each test method (see OptkitCachesClearedPerTest)
        org.springframework.test.context.TestExecutionListener=shop.OptkitCachesClearedPerTest
        """, MigrationFixture.after(plan, "src/test/resources/META-INF/spring.factories"));
    String listener = MigrationFixture.after(plan, "src/test/java/shop/OptkitCachesClearedPerTest.java");
    // before the test's set-up, after it, and after its clean-up (hostile review 78's c13, c14: an @AfterEach write
    // read by the next class's set-up)
    assertTrue(listener.contains("""
            public void beforeTestMethod(TestContext testContext) {
                clear(testContext); // before the test's set-up
            }

            @Override
            public void beforeTestExecution(TestContext testContext) {
                clear(testContext); // after its set-up's writes, before the test
            }

            @Override
            public void afterTestMethod(TestContext testContext) {
                clear(testContext); // after its clean-up's writes, before the next test's set-up
            }
        """), listener);
    assertTrue(listener.contains("""
                // in the test's context or one above it (@ContextHierarchy)
                List<CacheManager> managers = new ArrayList<>(BeanFactoryUtils.beansOfTypeIncludingAncestors(context, CacheManager.class).values());
                for (AbstractCacheResolver resolver : BeanFactoryUtils.beansOfTypeIncludingAncestors(context,
                        AbstractCacheResolver.class).values()) {
                    try {
                        managers.add(resolver.getCacheManager());
                    } catch (IllegalStateException noManager) {
                        // a resolver of the project's that has none
                    }
                }
                for (CacheManager manager : managers) {
                    for (String name : manager.getCacheNames()) {
                        Cache cache = name.startsWith("optkit.") ? manager.getCache(name) : null;
                        if (cache instanceof TransactionAwareCacheDecorator) {
                            // at once: through the decorator a clear waits for a test transaction's commit
                            cache = ((TransactionAwareCacheDecorator) cache).getTargetCache();
                        }
                        if (cache != null) {
                            cache.clear();
                        }
                    }
                }
        """), listener);

    // compiled with the test and run against a context holding optkit's caches and the project's own
    MigrationFixture fixture = project(DELETE, READ);
    Path classes = fixture.compile(fixture.plan());
    try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        AnnotationConfigApplicationContext parent = new AnnotationConfigApplicationContext();
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      CaffeineCacheManager manager = new CaffeineCacheManager("optkit.Roles.roleName", "projectsOwn");
      context.registerBean(CacheManager.class, () -> manager);
      // where the project has caches of its own, optkit's manager sits in a resolver, transaction-aware; here in the
      // parent of the test's context, as a @ContextHierarchy makes it (hostile review 78's c03)
      CaffeineCacheManager inResolver = new CaffeineCacheManager("optkit.Roles.other");
      parent.registerBean("optkitCacheResolver", org.springframework.cache.interceptor.CacheResolver.class,
          () -> new org.springframework.cache.interceptor.SimpleCacheResolver(
              new org.springframework.cache.transaction.TransactionAwareCacheManagerProxy(inResolver)));
      parent.refresh();
      context.setParent(parent);
      context.refresh();
      manager.getCache("optkit.Roles.roleName").put(1L, "stale");
      manager.getCache("projectsOwn").put(1L, "kept");
      inResolver.getCache("optkit.Roles.other").put(1L, "stale");
      TestExecutionListener cleared = (TestExecutionListener) loader.loadClass("shop.OptkitCachesClearedPerTest")
          .getConstructor().newInstance();
      // a @Transactional test's transaction is open when the listener runs: a clear() would wait for its commit
      org.springframework.transaction.support.TransactionSynchronizationManager.initSynchronization();
      try {
        cleared.beforeTestExecution(testContext(context));
      } finally {
        org.springframework.transaction.support.TransactionSynchronizationManager.clearSynchronization();
      }
      assertNull(manager.getCache("optkit.Roles.roleName").get(1L));
      assertNull(inResolver.getCache("optkit.Roles.other").get(1L));
      assertEquals("kept", manager.getCache("projectsOwn").get(1L).get());
    }
  }

  @Test
  void aWriteInTheTestItselfTurnsTheCachesOffForTheTestsAndASetUpReadingThroughTheCacheIsStillRefused() {
    // a write inside a test: no clearing covers it, and the module's tests run with the caches off (trial 88)
    MigrationPlan inside = project("", DELETE + READ).plan();
    assertEquals(List.of("readsTheRole"), target(inside).offInTests().stream().map(m -> m.fact().name()).toList());
    assertTrue(inside.changes().stream().anyMatch(c -> c.path().equals(OFF_IN_TESTS)), inside.changes().toString());
    assertTrue(reason(project(DELETE + "roles.roleName(1);", READ).plan())
        .contains("its set-up RolesTest.setUp() may read through the cache before the caches are cleared"));
    // a helper the set-up and a test both call writes inside a test too
    String helper = test("deleteTwo();", "deleteTwo();" + READ).replace("    @Test", """
            void deleteTwo() {
                jdbc.update("DELETE FROM roles WHERE id = 2");
            }

            @Test""");
    MigrationPlan both = new MigrationFixture(dir.resolve("helper")).file("pom.xml", POM).java(ROLES)
        .file("src/test/java/shop/RolesTest.java", helper).plan();
    assertEquals(List.of("deleteTwo"), target(both).offInTests().stream().map(m -> m.fact().name()).toList());
    // where the tests' class path may lack src/test/resources, a write inside a test refuses as before
    String ownResources = reason(project("", DELETE + READ).file("pom.xml", POM.replace("</project>",
        "<build><testResources><testResource><directory>src/test/other</directory></testResource></testResources>"
            + "</build></project>")).plan());
    assertTrue(ownResources.contains("its pom names its own test resource folders"), ownResources);
  }

  private static final String OFF_IN_TESTS = "src/test/resources/META-INF/optkit/caches-off-in-tests";

  @Test
  void aModuleWhoseTestsWouldNotRunTheListenerIsRefused() {
    assertTrue(reason(project(DELETE, READ).file("src/test/resources/junit-platform.properties",
        "junit.jupiter.execution.parallel.enabled = true\n").plan()).contains("runs tests in parallel"));
    assertTrue(reason(project(DELETE, READ).file("src/test/resources/META-INF/spring.factories",
        "org.springframework.test.context.TestExecutionListener=shop.Other\n").plan())
        .contains("already have META-INF/spring.factories"));
    String own = reason(project(DELETE, READ).file("src/test/java/shop/OwnListenersTest.java", """
        package shop;

        @org.springframework.test.context.TestExecutionListeners(listeners = {})
        class OwnListenersTest {
        }
        """).plan());
    assertTrue(own.contains("OwnListenersTest picks its own @TestExecutionListeners"), own);
    assertTrue(reason(project(DELETE, READ).file("pom.xml", MigrationSafetyTest.SPRING_POM).plan())
        .contains("declares neither spring-test nor spring-boot-starter-test"));
    // a Gradle build: optkit reads no pom, and says what it cannot tell, never that spring-test is missing (a trial on
    // ZinnaChoi/Study-Management, whose build.gradle declares spring-boot-starter-test)
    String gradle = reason(new MigrationFixture(dir.resolve("gradle")).file("build.gradle",
        "dependencies { testImplementation 'org.springframework.boot:spring-boot-starter-test' }\n").java(ROLES)
        .file("src/test/java/shop/RolesTest.java", test(DELETE, READ)).plan());
    assertTrue(gradle.contains(TestCacheReset.BuildGap.NO_POM.text())
        && !gradle.contains(TestCacheReset.BuildGap.NO_SPRING_TEST.text()), gradle);
    // hostile review 78: a test starting its context itself runs no listener (c01); Spring 5's JUnit 4 and TestNG base
    // classes name their own listeners (c02b); the pom's own test resource folders get no registration (c04)
    String manual = reason(new MigrationFixture(dir.resolve("manual")).file("pom.xml", POM).java(ROLES)
        .file("src/test/java/shop/RolesTest.java", test(DELETE, READ).replace("@SpringJUnitConfig\n", "")).plan());
    assertTrue(manual.contains("RolesTest is not run by Spring's TestContext framework"), manual);
    String base = reason(project(DELETE, READ).file("src/test/java/shop/LegacyTest.java", """
        package shop;

        class LegacyTest extends org.springframework.test.context.junit4.AbstractJUnit4SpringContextTests {
        }
        """).plan());
    assertTrue(base.contains("LegacyTest extends one of Spring's test base classes"), base);
    String resources = reason(new MigrationFixture(dir.resolve("resources")).file("pom.xml", POM.replace("</dependencies>",
        "</dependencies><build><testResources><testResource><directory>src/test/fixtures</directory></testResource>"
            + "</testResources></build>")).java(ROLES).file("src/test/java/shop/RolesTest.java", test(DELETE, READ)).plan());
    assertTrue(resources.contains("its pom names its own test resource folders"), resources);
    // hostile review 78's c06: an extension's callback reading after an @AfterEach write, before any clearing
    String extension = reason(new MigrationFixture(dir.resolve("extension")).file("pom.xml", POM).java(ROLES)
        .file("src/test/java/shop/RolesTest.java", test(DELETE, READ).replace("    @BeforeEach", """
            @org.junit.jupiter.api.extension.RegisterExtension
            org.junit.jupiter.api.extension.AfterEachCallback check = context -> roles.roleName(1);

            @BeforeEach""")).plan());
    assertTrue(extension.contains("RolesTest registers the JUnit extension AfterEachCallback"), extension);
    // c09: parallel runs set in Surefire's configuration; c12: Cucumber's hooks; c11: JUnit 4's Spring rules
    String parallel = reason(new MigrationFixture(dir.resolve("parallel")).file("pom.xml", POM.replace("</dependencies>",
        "</dependencies><build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId><configuration>"
            + "<properties><configurationParameters>junit.jupiter.execution.parallel.enabled=true"
            + "</configurationParameters></properties></configuration></plugin></plugins></build>"))
        .java(ROLES).file("src/test/java/shop/RolesTest.java", test(DELETE, READ)).plan());
    assertTrue(parallel.contains("may run tests in parallel"), parallel);
    String cucumber = reason(new MigrationFixture(dir.resolve("cucumber")).file("pom.xml", POM.replace("</dependencies>",
        "<dependency><groupId>io.cucumber</groupId><artifactId>cucumber-spring</artifactId><version>7.20.1</version>"
            + "<scope>test</scope></dependency></dependencies>"))
        .java(ROLES).file("src/test/java/shop/RolesTest.java", test(DELETE, READ)).plan());
    assertTrue(cucumber.contains("it runs Cucumber scenarios"), cucumber);
    String rules = reason(project(DELETE, READ).file("src/test/java/shop/RulesTest.java", """
        package shop;

        class RulesTest {
            @org.junit.Rule
            public final org.springframework.test.context.junit4.rules.SpringMethodRule springMethodRule =
                new org.springframework.test.context.junit4.rules.SpringMethodRule();
        }
        """).plan());
    assertTrue(rules.contains("RulesTest runs Spring through JUnit 4 rules"), rules);
    // c07: a base class optkit does not read may pick its own listeners
    String unread = reason(project(DELETE, READ).file("src/test/java/shop/SharedBaseTest.java", """
        package shop;

        class SharedBaseTest extends org.example.support.IntegrationTestBase {
        }
        """).plan());
    assertTrue(unread.contains("SharedBaseTest extends IntegrationTestBase, which optkit does not read"), unread);
  }

  /**
   * A test annotation of the project's own bringing SpringExtension ({@code @IntegrationTest} carrying
   * {@code @ExtendWith(SpringExtension.class)}, as many projects write one): Spring's TestContext framework runs the
   * class. It was said not to (trial 77). The annotation bringing another extension too is refused, for that extension.
   */
  @Test
  void aProjectsOwnTestAnnotationBringingSpringsExtensionRunsTheListener() {
    String annotation = """
        package shop;

        import java.lang.annotation.Retention;
        import java.lang.annotation.RetentionPolicy;
        import org.junit.jupiter.api.extension.ExtendWith;
        import org.springframework.test.context.ContextConfiguration;
        import org.springframework.test.context.junit.jupiter.SpringExtension;

        @Retention(RetentionPolicy.RUNTIME)
        @ExtendWith(%s)
        @ContextConfiguration
        @interface IntegrationTest {
        }
        """;
    String annotated = test(DELETE, READ).replace("@SpringJUnitConfig\n", "@IntegrationTest\n");
    MigrationPlan plan = new MigrationFixture(dir.resolve("meta")).file("pom.xml", POM).java(ROLES)
        .file("src/test/java/shop/IntegrationTest.java", annotation.formatted("SpringExtension.class"))
        .file("src/test/java/shop/RolesTest.java", annotated).plan();
    assertEquals(List.of("setUp"), target(plan).clearedForTests().stream().map(m -> m.fact().name()).toList());
    String other = reason(new MigrationFixture(dir.resolve("metaOther")).file("pom.xml", POM).java(ROLES)
        .file("src/test/java/shop/IntegrationTest.java",
            annotation.formatted("{SpringExtension.class, ReadingExtension.class}"))
        .file("src/test/java/shop/ReadingExtension.java", """
            package shop;

            class ReadingExtension implements org.junit.jupiter.api.extension.AfterEachCallback {
                @Override
                public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
                }
            }
            """)
        .file("src/test/java/shop/RolesTest.java", annotated).plan());
    assertTrue(other.contains("RolesTest registers the JUnit extension ReadingExtension (through @IntegrationTest)"),
        other);
    // on the class itself: @ExtendWith's classes were not read at all, and such an extension was let through
    String direct = reason(new MigrationFixture(dir.resolve("direct")).file("pom.xml", POM).java(ROLES)
        .file("src/test/java/shop/ReadingExtension.java", """
            package shop;

            class ReadingExtension implements org.junit.jupiter.api.extension.AfterEachCallback {
                @Override
                public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
                }
            }
            """)
        .file("src/test/java/shop/RolesTest.java", test(DELETE, READ).replace("@SpringJUnitConfig\n",
            "@SpringJUnitConfig\n@org.junit.jupiter.api.extension.ExtendWith(ReadingExtension.class)\n")).plan());
    assertTrue(direct.contains("RolesTest registers the JUnit extension ReadingExtension,"), direct);
  }

  /**
   * Hostile review 81's T1 to T5: an extension registered on the test method, a field, a parameter, as a second
   * {@code @ExtendWith} on the class, or in {@code @Extensions}, ran its {@code afterEach} (reading through the cache)
   * after the {@code @AfterEach} write and before the listener cleared the caches: each suite passed before apply and
   * failed after. Each is refused, naming the extension.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"method", "field", "parameter", "repeated", "container"})
  void anExtensionRegisteredAnywhereInTheTestIsRefused(String where) {
    String ext = "org.junit.jupiter.api.extension.ExtendWith(ReadingExtension.class)";
    String source = test(DELETE, READ);
    source = switch (where) {
      case "method" -> source.replace("    @Test\n", "    @Test\n    @" + ext + "\n");
      case "field" -> source.replace("    @Autowired Roles roles;", "    @" + ext + " @Autowired Roles roles;");
      case "parameter" -> source.replace("void readsTheRole() {", "void readsTheRole(@" + ext
          + " org.junit.jupiter.api.TestInfo info) {");
      case "repeated" -> source.replace("@SpringJUnitConfig\n", "@SpringJUnitConfig\n@org.junit.jupiter.api.extension"
          + ".ExtendWith(org.springframework.test.context.junit.jupiter.SpringExtension.class)\n@" + ext + "\n");
      default -> source.replace("@SpringJUnitConfig\n", "@SpringJUnitConfig\n@org.junit.jupiter.api.extension.Extensions({"
          + "@org.junit.jupiter.api.extension.ExtendWith(org.springframework.test.context.junit.jupiter.SpringExtension"
          + ".class), @" + ext + "})\n");
    };
    assertTrue(!source.equals(test(DELETE, READ)), where);
    String reason = reason(new MigrationFixture(dir.resolve(where)).file("pom.xml", POM).java(ROLES)
        .file("src/test/java/shop/ReadingExtension.java", """
            package shop;

            class ReadingExtension implements org.junit.jupiter.api.extension.AfterEachCallback {
                @Override
                public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
                }
            }
            """)
        .file("src/test/java/shop/RolesTest.java", source).plan());
    assertTrue(reason.contains("RolesTest registers the JUnit extension ReadingExtension"), where + ": " + reason);
  }

  /**
   * Hostile review 78's c15, a gap older than the listener: a fixture class of the tests ({@code JdbcSeeder.moveTo()})
   * writes the data, called from a set-up and, through an interface, from a test's body; the fixture's own class never
   * reads the data, and the write was dropped as "a test class that never reads it". The classes calling it count.
   */
  @Test
  void aFixtureClassWritingForTestsThatReadCounts() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("fixture")).resources("/hostile78/c15").file("pom.xml", POM)
        .plan();
    // moveTo() runs inside a test too: the module's tests run with the caches off (trial 88)
    CachingTarget cached = plan.targets().stream().filter(t -> t.method().fact().name().equals("countryNameOf"))
        .findFirst().orElseThrow(() -> new AssertionError(plan.refusals().toString()));
    assertTrue(cached.offInTests().stream().anyMatch(m -> m.fact().name().equals("moveTo")), cached.offInTests().toString());
  }

  private static CachingTarget target(MigrationPlan plan) {
    return plan.targets().stream().filter(t -> t.method().fact().name().equals("roleName")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.refusals().stream().map(Refusal::reason).toList().toString()));
  }

  private static String reason(MigrationPlan plan) {
    assertTrue(plan.targets().stream().noneMatch(t -> t.method().fact().name().equals("roleName")),
        plan.changes().stream().map(FileChange::path).toList().toString());
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("roleName("))
        .map(Refusal::reason).findFirst().orElseThrow();
  }

  /** The one thing of a test's context the listener asks for: the application context, loaded. */
  private static TestContext testContext(AnnotationConfigApplicationContext context) {
    return (TestContext) java.lang.reflect.Proxy.newProxyInstance(TestSetUpWritesTest.class.getClassLoader(),
        new Class<?>[] {TestContext.class}, (proxy, method, args) -> switch (method.getName()) {
          case "hasApplicationContext" -> true;
          case "getApplicationContext" -> context;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
