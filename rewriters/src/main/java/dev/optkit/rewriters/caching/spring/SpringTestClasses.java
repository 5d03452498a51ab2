package dev.optkit.rewriters.caching.spring;

import dev.optkit.analyzers.facts.TypeFact;
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
   * A test class Spring may inject: one that starts a context ({@code @SpringBootTest}, a slice,
   * {@code @ContextConfiguration}), or a bean or configuration a test context scans. A plain or Mockito test
   * class ({@code @InjectMocks}, {@code @ExtendWith(MockitoExtension.class)}) makes its objects itself.
   */
  public boolean springTest(TypeFact type) {
    return testAnnotations(type).stream().anyMatch(SPRING_TESTS::contains) || runBySpring(type);
  }

  /**
   * Whether SpringExtension or SpringRunner runs the test class, named in {@code @ExtendWith}/{@code @RunWith} on it,
   * a class it extends or encloses it, or an annotation of the project on them: a context from the test's default
   * configuration (a static nested {@code @Configuration}) when no annotation names one (hostile review 34).
   */
  public boolean runBySpring(TypeFact type) {
    for (TypeFact declared : testTypes(type)) {
      String extension = declared.annotationValue("ExtendWith", "value");
      String runner = declared.annotationValue("RunWith", "value");
      if (extension != null && extension.contains("SpringExtension") || runner != null
          && (runner.contains("SpringRunner") || runner.contains("SpringJUnit4ClassRunner"))) {
        return true;
      }
    }
    return false;
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
