package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 96's school project (resources trial96/mocked, its shape cut down): a Spring test replaces the DAO a cached
 * service reads through with a Mockito mock and stubs another answer in each parameterized run. The stub changes the
 * cached answer as a write would: after migrate, the later runs read the first run's answer (17 of the project's 162
 * tests failed). A stub inside a test turns the caches off while the module's tests run; one in the set-up is emptied
 * for before each test; a mock of a bean the method does not read through, or a plain Mockito mock, changes nothing.
 */
class MockedBeanStubsTest {
  @TempDir Path dir;

  private static final String TEST = "src/test/java/demo/ItemServiceMockTest.java";
  private static final String OFF_IN_TESTS = "src/test/resources/META-INF/optkit/caches-off-in-tests";

  /** A test configuration making the DAO's bean a Mockito mock. */
  private static final String MOCK_DAO_CONFIG = """
      package demo;
      import org.mockito.Mockito;
      import org.springframework.boot.test.context.TestConfiguration;
      import org.springframework.context.annotation.Bean;
      import org.springframework.context.annotation.Primary;
      @TestConfiguration
      class MockDaoConfig {
        @Bean
        @Primary
        ItemDao mockDao() {
          return Mockito.mock(ItemDao.class);
        }
      }
      """;

  @Test
  void aStubInsideATestTurnsTheCachesOffForTheTests() throws Exception {
    MigrationPlan plan = plan("inside", resource(TEST));
    assertEquals(List.of("namesComeFromTheDao"), target(plan).offInTests().stream().map(m -> m.fact().name()).toList());
    assertTrue(plan.changes().stream().anyMatch(c -> c.path().equals(OFF_IN_TESTS)), plan.changes().toString());
  }

  @Test
  void aStubInTheSetUpIsEmptiedForBeforeEachTest() throws Exception {
    String setUp = resource(TEST).replace("  @ParameterizedTest\n", """
          @org.junit.jupiter.api.BeforeEach
          void stubTheDao() {
            when(dao.names()).thenReturn(List.of("x"));
          }

          @ParameterizedTest
        """).replace("    when(dao.names()).thenReturn(List.of(n));   // each invocation stubs a different answer\n", "")
        .replace("assertEquals(List.of(n), service.names());", "assertEquals(List.of(\"x\"), service.names());");
    assertTrue(setUp.contains("void stubTheDao()") && !setUp.contains("thenReturn(List.of(n))"), setUp);
    MigrationPlan plan = plan("setup", setUp);
    assertEquals(List.of("stubTheDao"), target(plan).clearedForTests().stream().map(m -> m.fact().name()).toList());
    assertEquals(List.of(), target(plan).offInTests());
  }

  @Test
  void aMockOfAnotherBeanChangesNothing() throws Exception {
    String other = resource(TEST).replace("@MockitoBean ItemDao dao;", "@MockitoBean Clock dao;")
        .replace("when(dao.names()).thenReturn(List.of(n));", "when(dao.now()).thenReturn(n);")
        .replace("assertEquals(List.of(n), service.names());", "assertEquals(n, dao.now());");
    MigrationPlan plan = new MigrationFixture(dir.resolve("other")).resources("/trial96/mocked").file(TEST, other)
        .file("src/main/java/demo/Clock.java", "package demo;\npublic interface Clock {\n  String now();\n}\n").plan();
    assertEquals(List.of(), target(plan).offInTests());
    assertTrue(plan.changes().stream().noneMatch(c -> c.path().equals(OFF_IN_TESTS)), plan.changes().toString());
  }

  /**
   * A plain Mockito mock in a test Spring runs in a context reaches the context's bean where the test hands it over
   * ({@code @InjectMocks} on an autowired field, {@code ReflectionTestUtils.setField}): its stubs are writers, however
   * the annotation is written. Read from the class's facts ({@code TypeFact.fieldAnnotations}); the file's text was
   * searched for "@Mock" before, which the qualified spelling does not hold, so one spelling was a writer and the
   * other not.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"@org.mockito.Mock", "@Mock", "@org.mockito.Spy"})
  void aPlainMockInASpringTestIsAWriterHoweverItsAnnotationIsWritten(String annotation) throws Exception {
    String plain = resource(TEST).replace("@MockitoBean ItemDao dao;", annotation + " ItemDao dao;")
        .replace("import org.springframework.test.context.bean.override.mockito.MockitoBean;",
            "import org.mockito.Mock;");
    assertTrue(plain.contains(annotation + " ItemDao dao;"), plain);
    assertEquals(List.of("namesComeFromTheDao"), target(plan("plain" + annotation.length(), plain)).offInTests().stream()
        .map(m -> m.fact().name()).toList());
  }

  @Test
  void aMockDeclaredInABaseClassWithoutMethodsIsStubbedInItsSubclass() throws Exception {
    // the mock lives in an abstract base test class that declares nothing else: its class has no method to be met by
    String subclass = resource(TEST).replace("class ItemServiceMockTest {", "class ItemServiceMockTest extends MockedDao {")
        .replace("  @MockitoBean ItemDao dao;\n", "");
    assertTrue(!subclass.contains("@MockitoBean ItemDao") && subclass.contains("extends MockedDao"), subclass);
    MigrationPlan plan = new MigrationFixture(dir.resolve("base")).resources("/trial96/mocked").file(TEST, subclass)
        .file("src/test/java/demo/MockedDao.java", """
            package demo;
            import org.springframework.test.context.bean.override.mockito.MockitoBean;
            abstract class MockedDao {
              @MockitoBean ItemDao dao;
            }
            """).plan();
    assertEquals(List.of("namesComeFromTheDao"), target(plan).offInTests().stream().map(m -> m.fact().name()).toList());
  }

  /** A {@code @Nested} test class stubbing the mock its enclosing class declares (hostile review 34's 14). */
  @Test
  void aNestedTestClassStubbingItsOuterClassesMockIsAWriter() throws Exception {
    String nested = resource(TEST).replace("  @ParameterizedTest\n", "  @org.junit.jupiter.api.Nested\n  class Runs {\n"
        + "  @ParameterizedTest\n").replace("service.names());  // after apply: \"a\" is cached and returned for b and c\n  }\n",
        "service.names());\n  }\n  }\n");
    assertTrue(nested.contains("class Runs {") && nested.contains("  }\n  }\n}"), nested);
    assertEquals(List.of("namesComeFromTheDao"), target(plan("nested", nested)).offInTests().stream()
        .map(m -> m.fact().name()).toList());
  }

  /** A mock declared on the test class itself ({@code @MockitoBean(types = ItemDao.class)}, Spring 6.2.2+: 34's 16). */
  @Test
  void aMockDeclaredOnTheTestClassIsAWriter() throws Exception {
    String typeLevel = resource(TEST).replace("@SpringBootTest\n", "@SpringBootTest\n@MockitoBean(types = ItemDao.class)\n")
        .replace("  @MockitoBean ItemDao dao;", "  @Autowired ItemDao dao;");
    assertTrue(typeLevel.contains("@MockitoBean(types = ItemDao.class)") && typeLevel.contains("@Autowired ItemDao dao;"),
        typeLevel);
    assertEquals(List.of("namesComeFromTheDao"), target(plan("typelevel", typeLevel)).offInTests().stream()
        .map(m -> m.fact().name()).toList());
  }

  /** The stub in a test interface's default method the test class implements, handed the mock (hostile review 34). */
  @Test
  void aStubInATestInterfacesDefaultMethodIsAWriter() throws Exception {
    String implementing = resource(TEST).replace("class ItemServiceMockTest {", "class ItemServiceMockTest implements StubsTheDao {")
        .replace("when(dao.names()).thenReturn(List.of(n));", "answer(dao, n);");
    assertTrue(implementing.contains("implements StubsTheDao") && !implementing.contains("when("), implementing);
    MigrationPlan plan = new MigrationFixture(dir.resolve("interface")).resources("/trial96/mocked").file(TEST, implementing)
        .file("src/test/java/demo/StubsTheDao.java", """
            package demo;
            import static org.mockito.Mockito.when;
            import java.util.List;
            interface StubsTheDao {
              default void answer(ItemDao dao, String name) {
                when(dao.names()).thenReturn(List.of(name));
              }
            }
            """).plan();
    assertEquals(List.of("answer"), target(plan).offInTests().stream().map(m -> m.fact().name()).toList());
  }

  /** The mock made by a test configuration the test imports, stubbed through the bean it is injected with (34). */
  @Test
  void aStubOfAMockATestConfigurationMakesIsAWriter() throws Exception {
    String imported = resource(TEST).replace("@SpringBootTest\n", "@SpringBootTest\n@org.springframework.context.annotation.Import(MockDaoConfig.class)\n")
        .replace("  @MockitoBean ItemDao dao;", "  @Autowired ItemDao dao;");
    assertTrue(imported.contains(".Import(MockDaoConfig.class)") && imported.contains("@Autowired ItemDao dao;"), imported);
    MigrationPlan plan = new MigrationFixture(dir.resolve("config")).resources("/trial96/mocked").file(TEST, imported)
        .file("src/test/java/demo/MockDaoConfig.java", MOCK_DAO_CONFIG).plan();
    assertEquals(List.of("namesComeFromTheDao"), target(plan).offInTests().stream().map(m -> m.fact().name()).toList());
  }

  /** The same through a @MockitoBean field of the imported test configuration. */
  @Test
  void aStubOfAMockFieldOfATestConfigurationIsAWriter() throws Exception {
    String imported = resource(TEST).replace("@SpringBootTest\n", "@SpringBootTest\n@org.springframework.context.annotation.Import(MockDaoConfig.class)\n")
        .replace("  @MockitoBean ItemDao dao;", "  @Autowired ItemDao dao;");
    MigrationPlan plan = new MigrationFixture(dir.resolve("configfield")).resources("/trial96/mocked").file(TEST, imported)
        .file("src/test/java/demo/MockDaoConfig.java", """
            package demo;
            import org.springframework.boot.test.context.TestConfiguration;
            import org.springframework.test.context.bean.override.mockito.MockitoBean;
            @TestConfiguration
            class MockDaoConfig {
              @MockitoBean ItemDao dao;
            }
            """).plan();
    assertEquals(List.of("namesComeFromTheDao"), target(plan).offInTests().stream().map(m -> m.fact().name()).toList());
  }

  /**
   * The mock a test configuration makes, injected as a parameter of the test method that stubs it (the plain-Spring
   * review of 2026-11-29, f13).
   */
  @Test
  void aStubOfAConfigurationsMockInjectedAsATestParameterIsAWriter() throws Exception {
    String parameter = resource(TEST).replace("@SpringBootTest\n", "@SpringBootTest\n@org.springframework.context.annotation.Import(MockDaoConfig.class)\n")
        .replace("  @MockitoBean ItemDao dao;\n", "").replace("void namesComeFromTheDao(String n) {",
            "void namesComeFromTheDao(String n, @Autowired ItemDao dao) {");
    assertTrue(parameter.contains("@Autowired ItemDao dao)") && !parameter.contains("@MockitoBean"), parameter);
    MigrationPlan plan = new MigrationFixture(dir.resolve("parameter")).resources("/trial96/mocked").file(TEST, parameter)
        .file("src/test/java/demo/MockDaoConfig.java", MOCK_DAO_CONFIG).plan();
    assertEquals(List.of("namesComeFromTheDao"), target(plan).offInTests().stream().map(m -> m.fact().name()).toList());
  }

  /**
   * A Mockito-only test of the service ({@code @Mock} the DAO, {@code @InjectMocks} the service, no Spring context)
   * stubs and verifies objects it made itself, where no cache of the application is: it changes nothing, and the caches
   * stay on for the module's tests. Beside it, the Spring test stubbing its context's mock still does. (A trial's
   * service, whose two Mockito tests turned its caches off for every test.)
   */
  @Test
  void aMockitoTestWithoutASpringContextChangesNothing() throws Exception {
    String mockito = resource(TEST).replace("@SpringBootTest\n", "@org.junit.jupiter.api.extension.ExtendWith("
        + "org.mockito.junit.jupiter.MockitoExtension.class)\n")
        .replace("  @Autowired ItemService service;\n", "  @org.mockito.InjectMocks ItemService service;\n")
        .replace("  @MockitoBean ItemDao dao;\n", "  @org.mockito.Mock ItemDao dao;\n")
        .replace("class ItemServiceMockTest {", "class ItemServiceUnitTest {");
    assertTrue(mockito.contains("@org.mockito.Mock ") && !mockito.contains("@SpringBootTest"), mockito);
    MigrationPlan alone = new MigrationFixture(dir.resolve("mockito")).resources("/trial96/mocked").file(TEST, "")
        .file("src/test/java/demo/ItemServiceUnitTest.java", mockito).plan();
    assertEquals(List.of(), target(alone).offInTests());
    assertTrue(alone.changes().stream().noneMatch(c -> c.path().equals(OFF_IN_TESTS)), alone.changes().toString());
    MigrationPlan beside = new MigrationFixture(dir.resolve("beside")).resources("/trial96/mocked")
        .file("src/test/java/demo/ItemServiceUnitTest.java", mockito).plan();
    assertEquals(List.of("demo.ItemServiceMockTest"), target(beside).offInTests().stream()
        .map(m -> m.fact().ownerType()).toList());
  }

  /**
   * A test class whose tests JUnit Jupiter runs, carrying JUnit 4's {@code @RunWith(SpringRunner.class)} and a
   * {@code @ContextConfiguration} nothing reads (a trial's unit test of an employee service): Jupiter ignores the
   * runner, no context is made, and its stubs of {@code @Mock} fields it hands an {@code @InjectMocks} service change
   * no cache. The same class with JUnit 4's tests runs in SpringRunner's context and stays a writer.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"org.junit.jupiter.api.Test", "org.junit.Test"})
  void aSpringRunnerOnTestsJupiterRunsMakesNoContext(String testAnnotation) throws Exception {
    String unit = """
        package demo;
        import static org.mockito.Mockito.when;
        import java.util.List;
        import org.junit.runner.RunWith;
        import org.mockito.InjectMocks;
        import org.mockito.Mock;
        import org.mockito.MockitoAnnotations;
        import org.springframework.test.context.ContextConfiguration;
        import org.springframework.test.context.junit4.SpringRunner;
        @RunWith(SpringRunner.class)
        @ContextConfiguration(classes = App.class)
        public class ItemServiceUnitTest {
          @Mock ItemDao dao;
          @InjectMocks ItemService service;
          @%s
          public void namesComeFromTheMock() {
            MockitoAnnotations.openMocks(this);
            when(dao.names()).thenReturn(List.of("a"));
            org.junit.jupiter.api.Assertions.assertEquals(List.of("a"), service.names());
          }
        }
        """.formatted(testAnnotation);
    MigrationPlan plan = new MigrationFixture(dir.resolve("runner")).resources("/trial96/mocked").file(TEST, "")
        .file("src/test/java/demo/ItemServiceUnitTest.java", unit).plan();
    List<String> writers = target(plan).offInTests().stream().map(m -> m.fact().name()).toList();
    assertEquals(testAnnotation.equals("org.junit.Test") ? List.of("namesComeFromTheMock") : List.of(), writers);
  }

  /**
   * A Spring test replacing the cached bean itself with a mock and stubbing it (a trial's controller test:
   * {@code @WebMvcTest} with {@code @MockBean EmployeeService}) stubs no data the cache reads through, even where
   * another test mocks the DAO: that context has no cached bean. Its near miss, a Spring test stubbing the DAO, is
   * {@code aStubInsideATestTurnsTheCachesOffForTheTests}.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"stubbed", "verified"})
  void aStubOfAMockOfTheCachedBeanItselfChangesNothing(String how) throws Exception {
    String stubbed = resource(TEST).replace("@SpringBootTest\n",
            "@org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest\n")
        .replace("  @Autowired ItemService service;\n", "")
        .replace("  @MockitoBean ItemDao dao;\n", "  @org.springframework.boot.test.mock.mockito.MockBean ItemService service;\n")
        .replace("when(dao.names())", "when(service.names())");
    // verify(service).names(): the mock a call is made on is verify's argument
    String controllerTest = how.equals("stubbed") ? stubbed : stubbed.replace("when(service.names()).thenReturn(List.of(n));",
        "org.mockito.Mockito.verify(service, org.mockito.Mockito.never()).names();");
    assertTrue(how.equals("stubbed") || controllerTest.contains("verify(service"), controllerTest);
    String unitTest = """
        package demo;
        import org.mockito.Mock;
        class ItemDaoUnitTest {
          @Mock ItemDao dao;
          @org.junit.jupiter.api.Test
          void namesAreAsked() {
            org.mockito.Mockito.verify(dao, org.mockito.Mockito.never()).names();
          }
        }
        """;
    assertTrue(controllerTest.contains("MockBean ItemService service;") && !controllerTest.contains("dao"),
        controllerTest);
    MigrationPlan plan = new MigrationFixture(dir.resolve("itself-" + how)).resources("/trial96/mocked").file(TEST, controllerTest)
        .file("src/test/java/demo/ItemDaoUnitTest.java", unitTest).file("src/main/java/demo/ItemController.java", """
            package demo;
            import java.util.List;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;
            @RestController
            class ItemController {
              private final ItemService service;
              ItemController(ItemService service) { this.service = service; }
              @GetMapping("/items")
              List<String> names() { return service.names(); }
            }
            """).plan();
    assertEquals(List.of(), target(plan).offInTests().stream().map(m -> m.fact().name()).toList());
    assertEquals(List.of(), target(plan).clearedForTests().stream().map(m -> m.fact().name()).toList());
  }

  /**
   * The hostile review hr36's mocks reaching a test without a field or parameter of the test class: looked up from the
   * context into a local (mk3), kept in a static holder a configuration hands out (mk2); and a test that only verifies
   * the mock's calls, which a cache hit makes fewer (mk6). Each turns the caches off for the tests. And a mock a test
   * helper's method makes ({@code mock(ItemDao.class)} in a method, not a bean method or a field): known by the class
   * literal the call is given.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"local", "holder", "verify", "method"})
  void aMockReachingATestAnyWayOrOnlyVerifiedIsAWriter(String how) throws Exception {
    String test = switch (how) {
      case "local" -> resource(TEST).replace("@SpringBootTest\n", "@SpringBootTest\n@org.springframework.context.annotation.Import(MockDaoConfig.class)\n")
          .replace("  @MockitoBean ItemDao dao;\n", "  @Autowired org.springframework.context.ApplicationContext context;\n")
          .replace("when(dao.names())", "ItemDao local = context.getBean(ItemDao.class);\n    when(local.names())");
      case "holder" -> resource(TEST).replace("@SpringBootTest\n", "@SpringBootTest\n@org.springframework.context.annotation.Import(MockDaoConfig.class)\n")
          .replace("  @MockitoBean ItemDao dao;\n", "").replace("when(dao.names())", "when(TestMocks.ITEMS.names())");
      case "method" -> resource(TEST).replace("@SpringBootTest\n", "@SpringBootTest\n@org.springframework.context.annotation.Import(MockDaoConfig.class)\n")
          .replace("  @MockitoBean ItemDao dao;\n", "  @Autowired ItemDao dao;\n");
      default -> resource(TEST).replace("when(dao.names()).thenReturn(List.of(n));   // each invocation stubs a different answer",
          "service.names();").replace("assertEquals(List.of(n), service.names());  // after apply: \"a\" is cached and returned for b and c",
          "org.mockito.Mockito.verify(dao, org.mockito.Mockito.times(2)).names();");
    };
    MigrationFixture fixture = new MigrationFixture(dir.resolve(how)).resources("/trial96/mocked").file(TEST, test);
    if (how.equals("local")) {
      fixture.file("src/test/java/demo/MockDaoConfig.java", MOCK_DAO_CONFIG);
    } else if (how.equals("holder")) {
      fixture.file("src/test/java/demo/TestMocks.java", "package demo;\nfinal class TestMocks {\n"
          + "  static final ItemDao ITEMS = org.mockito.Mockito.mock(ItemDao.class);\n  private TestMocks() {}\n}\n")
          .file("src/test/java/demo/MockDaoConfig.java", MOCK_DAO_CONFIG.replace("return Mockito.mock(ItemDao.class);",
              "return TestMocks.ITEMS;"));
    } else if (how.equals("method")) {
      fixture.file("src/test/java/demo/TestMocks.java", "package demo;\nfinal class TestMocks {\n"
          + "  static ItemDao items() {\n    return org.mockito.Mockito.mock(ItemDao.class);\n  }\n  private TestMocks() {}\n}\n")
          .file("src/test/java/demo/MockDaoConfig.java", MOCK_DAO_CONFIG.replace("return Mockito.mock(ItemDao.class);",
              "return TestMocks.items();"));
    }
    assertTrue(test.contains(how.equals("verify") ? "verify(dao" : how.equals("local") ? "local.names()"
        : how.equals("method") ? "@Autowired ItemDao dao;" : "TestMocks.ITEMS"), test);
    assertEquals(List.of("namesComeFromTheDao"), target(fixture.plan()).offInTests().stream().map(m -> m.fact().name())
        .toList());
  }

  /**
   * A Jupiter test whose context the test configuration makes with a mock of the DAO, looked up from the context into
   * a local and stubbed per run: the test runs in SpringExtension's context however the class names the extension.
   * {@code @ExtendWith} is repeatable, and a test naming Mockito's extension first and Spring's second
   * ({@code @ExtendWith(MockitoExtension.class) @ExtendWith(SpringExtension.class)}) runs in a context as the reverse
   * order does; so does a Boot test slice optkit's list leaves out ({@code @DataNeo4jTest}, meta-annotated with
   * SpringExtension) beside a {@code @ContextConfiguration}. Since {@code engine()} a {@code @ContextConfiguration}
   * on Jupiter's tests counts only beside a SpringExtension optkit sees, and the type's annotation values keep one
   * {@code ExtendWith#value}, so these stubs were no writers and the later runs read the first run's answer. (Cases
   * from the hostile review of 2026-11-30 of the commits after 9dc756f1.)
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"springExtensionFirst", "springExtensionSecond",
      "bootSliceOutsideTheList"})
  void aJupiterTestSpringRunsInAContextIsAWriterHoweverItNamesTheExtension(String how) throws Exception {
    String extensions = switch (how) {
      case "springExtensionFirst" -> "@ExtendWith(SpringExtension.class)\n@ExtendWith(MockitoExtension.class)\n";
      case "springExtensionSecond" -> "@ExtendWith(MockitoExtension.class)\n@ExtendWith(SpringExtension.class)\n";
      default -> "@org.springframework.boot.test.autoconfigure.data.neo4j.DataNeo4jTest\n";
    };
    MigrationFixture fixture = new MigrationFixture(dir.resolve(how)).resources("/trial96/mocked").file(TEST,
            contextLookupTest(extensions, "when(local.names()).thenReturn(List.of(n));"))
        .file("src/test/java/demo/MockDaoConfig.java", MOCK_DAO_CONFIG);
    // the test class's generic stub helper, whose stub cannot be told, is a writer beside it
    assertEquals(List.of("namesComeFromTheDao", "stub"), target(fixture.plan()).offInTests().stream()
        .map(m -> m.fact().name()).sorted().toList(), how);
  }

  /**
   * The same Spring test stubbing the context's mock through a generic helper of its own class
   * ({@code stub(local::names, List.of(n))}, the helper calling {@code when(call.get()).thenReturn(value)}): the stub
   * changes the cached answer per run. {@code callsOn} asks each stubbing method for a call of a type the read goes
   * through, and the helper's only call is {@code Supplier.get}, the test method's a method reference: neither is a
   * writer, where before the callsOn filter the helper was. (The hostile review of 2026-11-30.)
   */
  @Test
  void aStubThroughAGenericHelperOfTheTestIsAWriter() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir.resolve("generic")).resources("/trial96/mocked").file(TEST,
            contextLookupTest("@ExtendWith(SpringExtension.class)\n", "stub(local::names, List.of(n));"))
        .file("src/test/java/demo/MockDaoConfig.java", MOCK_DAO_CONFIG);
    assertTrue(!target(fixture.plan()).offInTests().isEmpty(), "no writer among the test's methods");
  }

  /**
   * A Spring test replacing a library client the cached read calls ({@code @MockitoBean RestTemplate rest}) and
   * stubbing another price per parameterized run: after migrate the later runs read the first run's cached price, as
   * trial 96's DAO stubs did. Only project types are counted as mocked (bean overrides, mock() class literals, fields),
   * so a mock of RestTemplate, WebClient, an SDK client or a library's Feign client changes no cache as far as optkit
   * can tell. (The hostile review of 2026-11-30.)
   */
  @Test
  void aStubOfAMockedLibraryClientTheReadCallsIsAWriter() throws Exception {
    String pom = resource("pom.xml").replace("<artifactId>spring-boot-starter-jdbc</artifactId></dependency>",
        "<artifactId>spring-boot-starter-jdbc</artifactId></dependency>\n    <dependency><groupId>org.springframework.boot"
            + "</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>");
    assertTrue(pom.contains("spring-boot-starter-web"), pom);
    MigrationPlan plan = new MigrationFixture(dir.resolve("library")).resources("/trial96/mocked").file("pom.xml", pom)
        .file("src/main/java/demo/PriceService.java", """
            package demo;
            import org.springframework.stereotype.Service;
            import org.springframework.web.client.RestTemplate;
            @Service
            public class PriceService {
              private final RestTemplate rest;
              public PriceService(RestTemplate rest) { this.rest = rest; }
              public String price(String sku) { return rest.getForObject("https://prices.example.com/" + sku, String.class); }
            }
            """).file("src/test/java/demo/PriceServiceTest.java", """
            package demo;
            import static org.junit.jupiter.api.Assertions.assertEquals;
            import static org.mockito.ArgumentMatchers.anyString;
            import static org.mockito.ArgumentMatchers.eq;
            import static org.mockito.Mockito.when;
            import org.junit.jupiter.params.ParameterizedTest;
            import org.junit.jupiter.params.provider.ValueSource;
            import org.springframework.beans.factory.annotation.Autowired;
            import org.springframework.boot.test.context.SpringBootTest;
            import org.springframework.test.context.bean.override.mockito.MockitoBean;
            import org.springframework.web.client.RestTemplate;
            @SpringBootTest
            class PriceServiceTest {
              @Autowired PriceService prices;
              @MockitoBean RestTemplate rest;
              @ParameterizedTest
              @ValueSource(strings = {"1", "2", "3"})
              void priceComesFromTheRemoteService(String p) {
                when(rest.getForObject(anyString(), eq(String.class))).thenReturn(p);
                assertEquals(p, prices.price("sku-1"));
              }
            }
            """).plan();
    CachingTarget price = plan.targets().stream().filter(t -> t.method().fact().name().equals("price")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.refusals().stream().map(Refusal::reason).toList().toString()));
    assertEquals(List.of("priceComesFromTheRemoteService"), price.offInTests().stream().map(m -> m.fact().name())
        .toList());
  }

  /** A Jupiter test of the service whose context the mock DAO config joins, looking the DAO up into a local. */
  private static String contextLookupTest(String annotations, String stub) {
    return """
        package demo;
        import static org.junit.jupiter.api.Assertions.assertEquals;
        import static org.mockito.Mockito.when;
        import java.util.List;
        import java.util.function.Supplier;
        import org.junit.jupiter.api.extension.ExtendWith;
        import org.junit.jupiter.params.ParameterizedTest;
        import org.junit.jupiter.params.provider.ValueSource;
        import org.mockito.junit.jupiter.MockitoExtension;
        import org.springframework.beans.factory.annotation.Autowired;
        import org.springframework.context.ApplicationContext;
        import org.springframework.test.context.ContextConfiguration;
        import org.springframework.test.context.junit.jupiter.SpringExtension;
        %s@ContextConfiguration(classes = {App.class, MockDaoConfig.class})
        class ItemServiceMockTest {
          @Autowired ItemService service;
          @Autowired ApplicationContext context;
          @ParameterizedTest
          @ValueSource(strings = {"a", "b", "c"})
          void namesComeFromTheDao(String n) {
            ItemDao local = context.getBean(ItemDao.class);
            %s
            assertEquals(List.of(n), service.names());
          }
          private <T> void stub(Supplier<T> call, T value) {
            when(call.get()).thenReturn(value);
          }
        }
        """.formatted(annotations, stub);
  }

  private MigrationPlan plan(String name, String test) {
    return new MigrationFixture(dir.resolve(name)).resources("/trial96/mocked").file(TEST, test).plan();
  }

  private String resource(String path) throws Exception {
    return new String(getClass().getResourceAsStream("/trial96/mocked/" + path).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  private static CachingTarget target(MigrationPlan plan) {
    return plan.targets().stream().filter(t -> t.method().fact().name().equals("names")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.refusals().stream().map(Refusal::reason).toList().toString()));
  }
}
