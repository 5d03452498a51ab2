package dev.optkit.rewriters.caching.spring;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a test class tells about the Spring context it runs in: whether Spring makes one and injects the class
 * ({@code @SpringJUnitConfig}, {@code @ExtendWith(SpringExtension.class)}, a Boot test slice), whether Boot makes it
 * (and with it class proxies), read from the class, the classes it extends or a {@code @Nested} class is inside, and
 * the project's annotations on them.
 */
public final class SpringTestClasses {
  private final ProjectIndex index;

  public SpringTestClasses(ProjectIndex index) {
    this.index = index;
  }

  /** Test annotations that start a Spring context, whose beans its fields may be injected with. */
  private static final Set<String> SPRING_TESTS = Set.of("SpringBootTest", "ContextConfiguration",
      "SpringJUnitConfig", "SpringJUnitWebConfig", "WebMvcTest", "DataJpaTest", "DataJdbcTest", "JdbcTest",
      "JsonTest", "RestClientTest", "WebFluxTest", "DataMongoTest", "DataRedisTest", "JooqTest", "DataR2dbcTest",
      "WebAppConfiguration", "Import", "TestConfiguration", "Configuration", "Component",
      "Service", "Repository", "Controller", "RestController");

  /**
   * Test annotations that only configure a context: the runner or extension that reads them makes it. On a class
   * whose tests JUnit Jupiter runs, {@code @ContextConfiguration} without SpringExtension starts nothing, and
   * {@code @RunWith(SpringRunner.class)} is JUnit 4's, which Jupiter ignores (a trial's Mockito unit test carried both
   * and stubbed {@code @Mock} fields of an {@code @InjectMocks} service: no context, no cache).
   */
  private static final Set<String> READ_BY_A_RUNNER = Set.of("ContextConfiguration", "WebAppConfiguration");

  /**
   * A test class Spring may inject: one that starts a context ({@code @SpringBootTest}, a slice,
   * {@code @ContextConfiguration} read by SpringRunner or SpringExtension), or a bean or configuration a test context
   * scans. A plain or Mockito test class ({@code @InjectMocks}, {@code @ExtendWith(MockitoExtension.class)}) makes its
   * objects itself.
   */
  public boolean springTest(TypeFact type) {
    Set<String> named = new java.util.HashSet<>(testAnnotations(type));
    named.retainAll(SPRING_TESTS);
    if (!READ_BY_A_RUNNER.containsAll(named) || springSlice(type) || runBySpring(type)) {
      return true;
    }
    return !named.isEmpty() && engine(type) == TestEngine.UNKNOWN;
  }

  /**
   * Whether a Spring test annotation the list above does not name is on the class: one of Spring's packages, named
   * {@code ...Test} ({@code @DataNeo4jTest}, {@code @GraphQlTest}: Boot's slices, each with SpringExtension).
   */
  private boolean springSlice(TypeFact type) {
    return testTypes(type).stream().flatMap(declared -> declared.annotations().stream())
        .anyMatch(annotation -> annotation.startsWith("org.springframework.") && annotation.endsWith("Test"));
  }

  /**
   * Whether SpringExtension or SpringRunner runs the test class, named in {@code @ExtendWith}/{@code @RunWith} on it,
   * a class it extends or encloses it, or an annotation of the project on them, or SpringRunner's rules in its fields:
   * a context from the test's default configuration (a static nested {@code @Configuration}) when no annotation names
   * one (hostile review 34). A runner counts where its engine runs the class's tests: SpringRunner not on tests only
   * Jupiter runs.
   */
  public boolean runBySpring(TypeFact type) {
    boolean springRunner = false;
    for (TypeFact declared : testTypes(type)) {
      if (classesNamedBy(declared, Set.of("ExtendWith", "Extensions")).contains("SpringExtension")) {
        return true;
      }
      Set<String> runners = classesNamedBy(declared, Set.of("RunWith"));
      springRunner |= runners.contains("SpringRunner") || runners.contains("SpringJUnit4ClassRunner")
          || declared.fieldTypes().values().stream().map(TypeNames::raw).anyMatch(SPRING_RULES::contains);
    }
    return springRunner && engine(type) != TestEngine.JUPITER;
  }

  /** The simple names of the classes these annotations on the type name ({@code @ExtendWith(SpringExtension.class)}). */
  private static Set<String> classesNamedBy(TypeFact type, Set<String> annotations) {
    Set<String> named = new java.util.HashSet<>();
    type.annotationClassLiterals().forEach((annotation, literals) -> {
      if (annotations.contains(TypeNames.simple(annotation))) {
        literals.forEach(literal -> named.add(literal.simpleName()));
      }
    });
    return named;
  }

  /** JUnit 4 rules that run Spring's TestContext framework without SpringRunner. */
  private static final Set<String> SPRING_RULES = Set.of("org.springframework.test.context.junit4.rules.SpringClassRule",
      "org.springframework.test.context.junit4.rules.SpringMethodRule", "SpringClassRule", "SpringMethodRule");

  /** The engine running a test class's methods, where its annotations and every class it extends tell. */
  enum TestEngine { JUPITER, JUNIT4, UNKNOWN }

  private static final Set<String> JUPITER_TESTS = Set.of("org.junit.jupiter.api.Test",
      "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate",
      "org.junit.jupiter.params.ParameterizedTest");

  /**
   * Jupiter when every test method of the class and of the classes it extends is one of Jupiter's, JUnit 4 when every
   * one is {@code org.junit.Test}; unknown when both, none, a name the imports leave unqualified, or a supertype
   * optkit does not read (a library base class such as {@code AbstractJUnit4SpringContextTests} carries its runner).
   */
  TestEngine engine(TypeFact type) {
    boolean jupiter = false;
    boolean junit4 = false;
    for (TypeFact declared : testTypes(type)) {
      if (declared.kind().equals("annotation")) {
        continue;
      }
      if (declared.superTypes().stream().map(TypeNames::raw)
          .anyMatch(supertype -> !supertype.equals("java.lang.Object") && index.type(supertype).isEmpty())) {
        return TestEngine.UNKNOWN;
      }
      for (var method : index.methodsOfType(declared.qualifiedName())) {
        for (String annotation : method.fact().annotations()) {
          if (annotation.equals("org.junit.Test")) {
            junit4 = true;
          } else if (JUPITER_TESTS.contains(annotation)) {
            jupiter = true;
          } else if (annotation.equals("Test") || annotation.endsWith(".Test")) {
            return TestEngine.UNKNOWN; // unqualified (a wildcard import) or another engine's (TestNG)
          }
        }
      }
    }
    return jupiter == junit4 ? TestEngine.UNKNOWN : jupiter ? TestEngine.JUPITER : TestEngine.JUNIT4;
  }

  /** Test annotations under which Spring Boot makes the context, with its class proxies. */
  private static final Set<String> BOOT_TESTS = Set.of("SpringBootTest", "WebMvcTest", "DataJpaTest", "DataJdbcTest",
      "JdbcTest", "JsonTest", "RestClientTest", "WebFluxTest", "DataMongoTest", "DataRedisTest", "JooqTest",
      "DataR2dbcTest");

  /** Whether Spring Boot makes the test's context ({@code @SpringBootTest}, a slice), with its class proxies. */
  public boolean bootTest(TypeFact type) {
    return testAnnotations(type).stream().anyMatch(BOOT_TESTS::contains);
  }

  /**
   * The simple names of a test class's annotations and its superclasses', and of the annotations the
   * project's own annotations among them carry ({@code @IntegrationTest} meta-annotated with
   * {@code @SpringBootTest}), a few levels deep.
   */
  public Set<String> testAnnotations(TypeFact type) {
    Set<String> found = new java.util.HashSet<>();
    for (TypeFact each : testTypes(type)) {
      for (String annotation : each.annotations()) {
        found.add(annotation.substring(annotation.lastIndexOf('.') + 1));
      }
    }
    return found;
  }

  /** The annotations naming a plain test context's classes. */
  private static final Set<String> CONTEXT_CLASSES = Set.of("ContextConfiguration", "SpringJUnitConfig",
      "SpringJUnitWebConfig", "ContextHierarchy");

  /** What on a configuration class may enable caching or bring other beans in: it counts as making a caching proxy. */
  private static final Set<String> ENABLING = Set.of("Configuration", "SpringBootApplication", "SpringBootConfiguration",
      "EnableAutoConfiguration", "ComponentScan", "ComponentScans", "EnableCaching", "Import", "ImportResource",
      "ImportAutoConfiguration", "AutoConfiguration");

  /**
   * Whether a plain test context (not Boot's) the class runs in makes no caching proxy: it names its classes
   * ({@code @ContextConfiguration(classes = CustomerServiceImpl.class)}), each a project class carrying nothing that
   * enables caching or brings other beans in (no {@code @Configuration}, {@code @ComponentScan},
   * {@code @EnableCaching}, {@code @Import}...): the beans are the classes themselves, unproxied. False when the
   * classes cannot be told (none named: a nested configuration or XML; a library's class).
   */
  public boolean contextMakesNoCachingProxy(TypeFact type) {
    List<dev.optkit.analyzers.facts.ClassLiteral> classes = new java.util.ArrayList<>();
    for (TypeFact declared : testTypes(type)) {
      declared.annotationClassLiterals().forEach((annotation, literals) -> {
        if (CONTEXT_CLASSES.contains(TypeNames.simple(annotation))) {
          classes.addAll(literals);
        }
      });
    }
    if (classes.isEmpty()) {
      return false;
    }
    for (dev.optkit.analyzers.facts.ClassLiteral literal : classes) {
      List<TypeFact> named = literal.qualified() != null ? index.type(literal.qualified()).stream().toList()
          : index.typesNamed(literal.simpleName());
      if (named.isEmpty() || named.stream().anyMatch(bean -> bean.annotations().stream()
          .anyMatch(annotation -> ENABLING.contains(TypeNames.simple(annotation))))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A test class, its superclasses optkit reads, the classes a JUnit {@code @Nested} class is inside (whose
   * configuration and extensions it inherits), and the project's own annotations on them, a few levels deep
   * ({@code @IntegrationTest} meta-annotated with {@code @ExtendWith(SpringExtension.class)}): where a test's
   * annotations, extensions and runners are declared.
   */
  public List<TypeFact> testTypes(TypeFact type) {
    List<TypeFact> found = new java.util.ArrayList<>();
    java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(type.qualifiedName()));
    pending.addAll(index.supertypesOf(type.qualifiedName()));
    Set<String> seen = new java.util.HashSet<>();
    while (!pending.isEmpty() && seen.size() < 64) {
      String next = pending.poll();
      if (!seen.add(next)) {
        continue;
      }
      Optional<TypeFact> declared = index.type(next);
      declared.ifPresent(found::add);
      if (declared.filter(nested -> nested.hasAnnotation("org.junit.jupiter.api.Nested")).isPresent()
          && next.lastIndexOf('.') > 0) {
        String enclosing = next.substring(0, next.lastIndexOf('.'));
        pending.add(enclosing);
        pending.addAll(index.supertypesOf(enclosing));
      }
      for (String annotation : declared.map(TypeFact::annotations).orElse(List.of())) {
        index.type(annotation).filter(a -> a.kind().equals("annotation")).ifPresent(a -> pending.add(a.qualifiedName()));
      }
    }
    return found;
  }
}
