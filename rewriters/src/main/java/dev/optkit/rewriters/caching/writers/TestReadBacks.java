package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.CallWalk;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.spring.SpringBeans;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the tests' own writes a cache would show them stale: a Spring cache is a singleton of a test context
 * every test class shares, so a test that writes data and then reads it back through the cached method (by project
 * calls, or over HTTP through the handlers) would fail once the read is cached. Test code is never edited, so such a
 * writer cannot evict, and the read is refused.
 */
final class TestReadBacks {
  private final ProjectIndex index;
  private final TestSlices slices;
  private final SpringBeans springBeans;

  TestReadBacks(ProjectIndex index, TestSlices slices, SpringBeans springBeans) {
    this.index = index;
    this.slices = slices;
    this.springBeans = springBeans;
  }

  private static final Set<String> SET_UP_ANNOTATIONS = Set.of(
      "BeforeEach", "BeforeAll", "Before", "BeforeClass", "AfterEach", "AfterAll", "After", "AfterClass");

  /**
   * A write in test code that sets data up rather than changing it under a test: a set-up method,
   * or a fixture class with no tests of its own. A plain cache lives in its object, which a test
   * builds after its set-up; a Spring cache is a singleton of a test context shared by every test
   * class, which a later class's set-up writes under, so there it counts.
   */
  boolean seedsBeforeTests(IndexedMethod writer) {
    if (!SourceSet.isTestPath(writer.path())) {
      return false;
    }
    if (writer.fact().annotations().stream().anyMatch(a -> SET_UP_ANNOTATIONS.contains(a.substring(a.lastIndexOf('.') + 1)))) {
      return true;
    }
    // a fixture: no tests in its class, and no test calls it (TestData.insertOwner() in the middle of a test writes
    // under what the test read before)
    return index.methodsOfType(writer.fact().ownerType()).stream().noneMatch(ProjectWrites::isTest)
        && index.callersOf(writer).stream().noneMatch(ProjectWrites::isTest);
  }

  /**
   * Whether the test class of a writing test method reaches the cached method (directly or through
   * project code), so a test of it may read its own write back through the cache.
   */
  boolean readsBackThroughTheCache(IndexedMethod testWriter, IndexedMethod cached) {
    if (slices.withoutCaching(testWriter.fact().ownerType())) {
      return false;
    }
    Set<String> reachedFrom = callingClasses.computeIfAbsent(cached, this::callingClasses);
    // the class declaring the test method, what it extends, what implements it (an interface's default @Test) and
    // the classes around it (a JUnit @Nested class): hostile review 37's x2, x3
    Set<String> testClasses = new java.util.LinkedHashSet<>();
    // the writer's class, and the classes of the test code calling it (a fixture's JdbcSeeder.moveTo() run by a test
    // class's set-up and body: hostile review 78's c15, where the fixture's own class never read the data)
    CallWalk.callers(index).follow(caller -> SourceSet.isTestPath(caller.path())).maxMethods(256).from(testWriter)
        .forEach(step -> addTestClasses(step.method().fact().ownerType(), testClasses));
    // a test calling the application over HTTP reaches every handler without a call the graph shows (RestAssured
    // against a DEFINED_PORT server, MockMvc: audit 12's afisha tests delete rows behind the handlers' caches)
    return testClasses.stream().anyMatch(reachedFrom::contains)
        || reachedFrom.contains(FROM_A_HANDLER) && testClasses.stream().anyMatch(this::drivesTheApplication);
  }

  /** The class declaring test code, what it extends, what extends it and the classes around it (JUnit's @Nested). */
  private void addTestClasses(String declaring, Set<String> testClasses) {
    testClasses.addAll(index.supertypesOf(declaring));
    index.subtypesOf(declaring).forEach(sub -> testClasses.addAll(index.supertypesOf(sub)));
    for (String outer = declaring; outer.lastIndexOf('.') > 0; ) {
      outer = outer.substring(0, outer.lastIndexOf('.'));
      if (index.type(outer).isPresent()) {
        testClasses.addAll(index.supertypesOf(outer));
      }
    }
  }

  /** In {@link #callingClasses}: some method reaching the cached one is a web handler. */
  private static final String FROM_A_HANDLER = "\u0000handler";

  /** Field types a test sends requests with, or builds MockMvc from. */
  private static final Set<String> HTTP_TEST_CLIENTS = Set.of("MockMvc", "TestRestTemplate", "WebTestClient",
      "RequestSpecification", "WebApplicationContext", "MockMvcTester");

  /** Test annotations, the project's own meta-annotations included, that set MockMvc or a web slice up. */
  private static final Set<String> WEB_TESTS = Set.of("WebMvcTest", "WebFluxTest", "AutoConfigureMockMvc",
      "AutoConfigureWebTestClient");

  /** Classes whose calls in a test build a request sender or start the application. */
  private static final Set<String> REQUEST_STARTERS = Set.of("MockMvcBuilders", "WebTestClient", "RestAssured",
      "SpringApplication", "SpringApplicationBuilder", "MockMvcTester");

  /**
   * A test class that may send requests to the application: a {@code @SpringBootTest} on a port (its own or a
   * meta-annotation's {@code webEnvironment}), MockMvc or a web slice set up for it, a request sender or the web
   * context in a field, or a call building one (MockMvc in a local variable) or starting the application
   * ({@code SpringApplication.run}): hostile review 36's x0-x5.
   */
  private boolean drivesTheApplication(String testClass) {
    Optional<TypeFact> test = index.type(testClass);
    if (test.isEmpty()) {
      return false;
    }
    if (springBeans.tests().testAnnotations(test.get()).stream().anyMatch(WEB_TESTS::contains) || onAPort(testClass)) {
      return true;
    }
    return test.get().fieldTypes().values().stream().map(t -> ProjectTraits.simpleName(TypeNames.raw(t)))
            .anyMatch(HTTP_TEST_CLIENTS::contains)
        || index.methodsOfType(testClass).stream().flatMap(m -> m.fact().calls().stream())
            .anyMatch(call -> call.receiverType() != null
                && REQUEST_STARTERS.contains(ProjectTraits.simpleName(call.receiverType())));
  }

  /** Whether a call in test code sends a request to the application or starts it (MockMvc, RestAssured, ...). */
  boolean sendsRequest(dev.optkit.analyzers.facts.CallRef call) {
    if (call.receiverType() == null) {
      return false;
    }
    String receiver = ProjectTraits.simpleName(TypeNames.raw(call.receiverType()));
    if (receiver.equals("RestAssured") || receiver.equals("MockMvcBuilders")) {
      // RestAssured.reset(), baseURI, defaultParser configure; given(), when(), get(...) send (trial 73's roles tests)
      return REST_ASSURED_REQUESTS.contains(call.name());
    }
    return HTTP_TEST_CLIENTS.contains(receiver) || REQUEST_STARTERS.contains(receiver)
        || HTTP_CLIENTS.contains(receiver);
  }

  /** RestAssured's static methods that start or send a request. */
  private static final Set<String> REST_ASSURED_REQUESTS = Set.of("given", "when", "with", "expect", "get", "post", "put",
      "patch", "delete", "head", "options", "request");

  /** Plain HTTP clients a test may call the application on its port with. */
  private static final Set<String> HTTP_CLIENTS = Set.of("RestTemplate", "RestClient", "WebClient", "HttpClient",
      "CloseableHttpClient", "OkHttpClient", "URL", "HttpURLConnection", "Unirest");

  /** {@code webEnvironment = RANDOM_PORT} or {@code DEFINED_PORT} (or a value optkit cannot read) on it or above. */
  private boolean onAPort(String testClass) {
    java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>(index.supertypesOf(testClass));
    pending.add(testClass);
    Set<String> seen = new java.util.HashSet<>();
    while (!pending.isEmpty() && seen.size() < 64) {
      String next = pending.poll();
      if (!seen.add(next)) {
        continue;
      }
      Optional<TypeFact> type = index.type(next);
      if (type.isEmpty()) {
        continue;
      }
      String web = type.get().annotationValue("SpringBootTest", "webEnvironment");
      if (web != null && (web.endsWith("PORT") || web.equals(TypeFact.UNRESOLVED))) {
        return true;
      }
      type.get().annotations().forEach(pending::add); // the project's own annotations carrying one
    }
    return false;
  }

  /** By cached method: the classes of every method that reaches it through project calls. */
  private final Map<IndexedMethod, Set<String>> callingClasses = new java.util.IdentityHashMap<>();

  private Set<String> callingClasses(IndexedMethod cached) {
    Set<String> classes = new java.util.HashSet<>();
    if (handler(cached)) {
      classes.add(FROM_A_HANDLER);
    }
    CallWalk.callers(index).reachedFrom(cached).forEach(step -> {
      classes.add(step.method().fact().ownerType());
      if (handler(step.method())) {
        classes.add(FROM_A_HANDLER);
      }
    });
    return classes;
  }

  private boolean handler(IndexedMethod reached) {
    return !SourceSet.isTestPath(reached.path()) && index.webEntryPoints().whyEntryPoint(reached).isPresent();
  }


}
