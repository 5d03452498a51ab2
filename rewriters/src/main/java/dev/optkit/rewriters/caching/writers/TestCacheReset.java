package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.index.CallWalk;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Whether a Spring cache stays right for the project's own tests when their set-up writes its data behind it
 * ({@code @BeforeEach void setUp() { roleRepository.deleteAll(); ... }}), as a careful engineer makes it by hand:
 * the caches emptied before each test method runs, after its set-up. optkit adds a Spring {@code TestExecutionListener}
 * that clears every {@code optkit.*} cache in {@code beforeTestExecution} (which Spring calls after the
 * {@code @BeforeEach} methods and before the test method), registered for every test of the module through the test
 * resources' {@code META-INF/spring.factories}; no test is edited.
 *
 * <p>It covers a test's write only when nothing reads through the cache between that write and the clearing: the
 * write runs in set-up methods alone ({@code @BeforeEach}, {@code @BeforeAll}, their JUnit 4 twins, the {@code @After*}
 * ones, which the next test's clearing follows), and no set-up method of the classes running it reads through the
 * cached method, by project calls or over HTTP. It is refused when a test class picks its own listeners (Spring
 * then runs none of the defaults), when JUnit runs tests in parallel (one test's set-up would write while another
 * test reads), or when the module's test resources already have a {@code spring.factories} optkit would have to merge.
 */
public final class TestCacheReset {
  /** The listener's class name, in the test sources of the switch's package. */
  public static final String LISTENER = "OptkitCachesClearedPerTest";
  /** Where Spring finds the module's default test execution listeners. */
  public static final String FACTORIES = "META-INF/spring.factories";

  private static final Set<String> SET_UP_ANNOTATIONS = Set.of(
      "BeforeEach", "BeforeAll", "Before", "BeforeClass", "AfterEach", "AfterAll", "After", "AfterClass");
  private static final String TEST_JAVA = "src/test/java/";
  private static final long MAX_PROPERTIES_BYTES = 64 * 1024;

  private final ProjectIndex index;
  private final Path scanRoot;
  private final ProjectTraits traits;
  private final TestReadBacks readBacks;
  private final dev.optkit.rewriters.caching.spring.SpringBeans springBeans;
  private final Map<IndexedMethod, Set<IndexedMethod>> readers = new IdentityHashMap<>();
  private final Map<String, Optional<String>> moduleChecks = new HashMap<>();

  TestCacheReset(ProjectIndex index, Path scanRoot, ProjectTraits traits, TestReadBacks readBacks,
      dev.optkit.rewriters.caching.spring.SpringBeans springBeans) {
    this.index = index;
    this.scanRoot = scanRoot;
    this.traits = traits;
    this.readBacks = readBacks;
    this.springBeans = springBeans;
  }

  /** Test annotations that run a test class through Spring's TestContext framework (JUnit 5's SpringExtension). */
  private static final Set<String> TEST_CONTEXT = Set.of("SpringBootTest", "SpringJUnitConfig", "SpringJUnitWebConfig",
      "WebMvcTest", "DataJpaTest", "DataJdbcTest", "JdbcTest", "JsonTest", "RestClientTest", "WebFluxTest",
      "DataMongoTest", "DataRedisTest", "JooqTest", "DataR2dbcTest", "DataCassandraTest", "DataNeo4jTest",
      "DataElasticsearchTest", "DataLdapTest", "GraphQlTest");

  /**
   * A JUnit extension the test class (or one above it) registers besides Spring's and Mockito's: a
   * {@code @RegisterExtension} field, or another {@code @ExtendWith} (hostile review 78's c06: an AfterEachCallback
   * reading through the cache after an {@code @AfterEach} write).
   */
  private Optional<String> otherExtension(String testClass) {
    for (String each : index.supertypesOf(testClass)) {
      Optional<dev.optkit.analyzers.facts.TypeFact> type = index.type(each);
      if (type.isEmpty()) {
        continue;
      }
      // a @RegisterExtension field: its type an extension (a JUnit extension interface among a project type's
      // supertypes, or a library type named ...Extension, as WireMockExtension)
      for (String fieldType : type.get().fieldTypes().values()) {
        String raw = TypeNames.raw(fieldType);
        boolean extensionType = ProjectTraits.simpleName(raw).endsWith("Extension")
            || raw.startsWith("org.junit.jupiter.api.extension.") || index.supertypesOf(raw).stream()
            .flatMap(t -> index.type(t).stream()).flatMap(t -> t.superTypes().stream())
            .anyMatch(t -> t.startsWith("org.junit.jupiter.api.extension."));
        if (extensionType) {
          return Optional.of(ProjectTraits.simpleName(raw) + " (a field)");
        }
      }
    }
    // @ExtendWith on the class, a superclass or the project's annotation on them (@IntegrationTest)
    for (dev.optkit.analyzers.facts.TypeFact declared : testTypes(testClass)) {
      List<String> others = declared.annotationClassLiterals().entrySet().stream()
          .filter(annotation -> TypeNames.simple(annotation.getKey()).equals("ExtendWith"))
          .flatMap(annotation -> annotation.getValue().stream())
          .filter(literal -> !literal.simpleName().equals("SpringExtension") && !literal.simpleName().equals("MockitoExtension"))
          .map(dev.optkit.analyzers.facts.ClassLiteral::written).toList();
      if (!others.isEmpty()) {
        return Optional.of(String.join(", ", others) + (declared.kind().equals("annotation") ? " (through @"
            + declared.simpleName() + ")" : ""));
      }
    }
    return Optional.empty();
  }

  private List<dev.optkit.analyzers.facts.TypeFact> testTypes(String testClass) {
    return index.type(testClass).map(springBeans.tests()::testTypes).orElse(List.of());
  }

  /**
   * An extension declared anywhere in the sources of the test class, the classes it extends and those extending it
   * (whose tests run its set-up): on a method, a field, a parameter, repeated or in {@code @Extensions}.
   */
  private Optional<String> extensionInSources(String testClass) {
    // asked once per set-up and cached read: each test class's sources are parsed once per plan
    return extensions.computeIfAbsent(testClass, this::findExtensionInSources);
  }

  private final Map<String, Optional<String>> extensions = new HashMap<>();

  private Optional<String> findExtensionInSources(String testClass) {
    Set<String> related = new HashSet<>(index.supertypesOf(testClass));
    related.add(testClass);
    related.addAll(index.subtypesOf(testClass));
    for (var file : index.files()) {
      if (file.types().stream().anyMatch(type -> related.contains(type.qualifiedName()))) {
        Optional<String> others = DeclaredExtensions.others(scanRoot.resolve(file.path()));
        if (others.isPresent()) {
          return others;
        }
      }
    }
    return Optional.empty();
  }

  /** Spring's test base classes that, before Spring 6, name their own listeners (none of the defaults). */
  private static final Set<String> OWN_LISTENER_BASES = Set.of("AbstractJUnit4SpringContextTests",
      "AbstractTransactionalJUnit4SpringContextTests", "AbstractTestNGSpringContextTests",
      "AbstractTransactionalTestNGSpringContextTests");

  /**
   * Whether Spring's TestContext framework runs the test class, and so the listener: a test annotation that brings
   * SpringExtension, or SpringExtension or SpringRunner named in {@code @ExtendWith}/{@code @RunWith}. A test that
   * starts a context itself ({@code new AnnotationConfigApplicationContext(..)} in a {@code @BeforeAll}) runs no
   * listener (hostile review 78's c01).
   */
  private boolean runByTestContext(String testClass) {
    Optional<dev.optkit.analyzers.facts.TypeFact> type = index.type(testClass);
    if (type.isEmpty()) {
      return false;
    }
    if (springBeans.tests().testAnnotations(type.get()).stream().anyMatch(TEST_CONTEXT::contains)) {
      return true;
    }
    return springBeans.tests().runBySpring(type.get());
  }

  /** The test root ({@code module/src/test/java}) a test source file is under, or empty when it is not the usual one. */
  public static Optional<String> testRoot(String path) {
    int at = path.lastIndexOf(TEST_JAVA);
    return at < 0 || at > 0 && path.charAt(at - 1) != '/' ? Optional.empty()
        : Optional.of(path.substring(0, at + TEST_JAVA.length() - 1));
  }

  /** The test resources folder beside a test root ({@code module/src/test/resources}). */
  public static String resourcesOf(String testRoot) {
    return testRoot.substring(0, testRoot.length() - "java".length()) + "resources";
  }

  /**
   * Why clearing the caches before each test method cannot keep this test write from being read stale through the
   * cached method; empty when it can.
   */
  Optional<String> whyNot(IndexedMethod writer, IndexedMethod cached) {
    Optional<String> root = testRoot(writer.path());
    if (root.isEmpty()) {
      return Optional.of("it is not under a module's src/test/java");
    }
    Optional<String> module = moduleChecks.computeIfAbsent(root.get(), this::whyNotInModule);
    if (module.isPresent()) {
      return module;
    }
    Set<IndexedMethod> setUps = new HashSet<>();
    if (!onlyInSetUp(writer, setUps, new HashSet<>())) {
      return Optional.of("it writes inside a test, after the caches are cleared for it");
    }
    for (IndexedMethod setUp : setUps) {
      // on a test method, a field, a parameter, repeated or in @Extensions: anywhere in the set-up's source
      Optional<String> extension = otherExtension(setUp.fact().ownerType())
          .or(() -> extensionInSources(setUp.fact().ownerType()));
      if (extension.isPresent()) {
        return Optional.of(ProjectTraits.simpleName(setUp.fact().ownerType()) + " registers the JUnit extension "
            + extension.get() + ", whose callbacks may read through the cache after a set-up's write and before the "
            + "caches are cleared");
      }
      if (!runByTestContext(setUp.fact().ownerType())) {
        return Optional.of(ProjectTraits.simpleName(setUp.fact().ownerType()) + " is not run by Spring's TestContext "
            + "framework (no @SpringBootTest, @SpringJUnitConfig or SpringExtension), which runs the listener");
      }
    }
    Set<IndexedMethod> reading = readers.computeIfAbsent(cached, this::readersOf);
    for (IndexedMethod setUp : setUps) {
      for (IndexedMethod other : setUpsBeside(setUp)) {
        if (reading.contains(other) || sendsRequests(other)) {
          return Optional.of("its set-up " + other.fact().displayName() + "() may read through the cache before the "
              + "caches are cleared for the test");
        }
      }
    }
    return Optional.empty();
  }

  /** Whether an existing switch source reads the test marker; false when it cannot be read whole. */
  private boolean readsMarker(Path file) {
    try {
      Path normal = file.normalize();
      if (!normal.startsWith(scanRoot) || !Files.isRegularFile(normal, LinkOption.NOFOLLOW_LINKS)
          || Files.size(normal) > LARGEST_SWITCH) {
        return false;
      }
      return Files.readString(normal, StandardCharsets.UTF_8)
          .contains(dev.optkit.rewriters.caching.text.CacheSwitchFile.OFF_IN_TESTS_MARKER);
    } catch (IOException | RuntimeException unreadable) {
      return false;
    }
  }

  private static final long LARGEST_SWITCH = 256 * 1024;

  /** Whether the test code writes inside a test (or code a test calls), not in set-up methods alone. */
  boolean writesInsideATest(IndexedMethod writer) {
    return !onlyInSetUp(writer, new HashSet<>(), new HashSet<>());
  }

  /**
   * Why the caches cannot be turned off for the module's tests by a marker in {@code src/test/resources}: the module
   * is no Maven one optkit reads, its pom names other test resource folders, or its build starts the application in a
   * process of its own for integration tests (whose class path holds no test resources); empty when they can.
   */
  Optional<String> whyNotOffInTests() {
    // asked per test writer and cached read: the pom is parsed and the tests' calls walked once per plan
    if (offInTests == null) {
      offInTests = findWhyNotOffInTests();
    }
    return offInTests;
  }

  private Optional<String> offInTests;

  private Optional<String> findWhyNotOffInTests() {
    Optional<dev.optkit.analyzers.source.MavenPom> pom = traits.pomFile().flatMap(dev.optkit.analyzers.source.MavenPom::read);
    if (pom.isEmpty()) {
      return Optional.of("optkit reads no pom for its module, to put the caches' test switch in its test resources");
    }
    if (pom.get().declaresTestResources()) {
      return Optional.of("its pom names its own test resource folders, where optkit does not put the caches' test switch");
    }
    if (pom.get().testClassPathMayDiffer()) {
      return Optional.of("its pom may put the test resources elsewhere or leave them off the tests' class path (a "
          + "profile changing the build, the resources plugin's own executions, Surefire's class directories), where "
          + "the caches' test switch would not be read");
    }
    // an earlier migration's switch, which does not read the marker (hostile review 91's A3)
    for (dev.optkit.analyzers.facts.TypeFact existing : index.typesNamed(
        dev.optkit.rewriters.caching.text.CacheSwitchFile.CLASS_NAME)) {
      String path = index.pathOfType(existing.qualifiedName());
      if (path == null || !readsMarker(scanRoot.resolve(path))) {
        return Optional.of("the project's " + existing.simpleName() + " comes from an earlier migration and does not "
            + "read the caches' test switch: undo that migration and migrate again");
      }
    }
    if (pom.get().startsApplicationForTests()) {
      return Optional.of("its build starts the application in a process of its own for integration tests, where the "
          + "test resources turning the caches off are not on the class path");
    }
    // a test running the application in a process or a container: the test resources are not on its class path
    Optional<String> starter = index.methods().stream().filter(m -> SourceSet.isTestPath(m.path()))
        .flatMap(m -> m.fact().calls().stream())
        .filter(call -> call.receiverType() != null && PROCESS_STARTERS.contains(
            ProjectTraits.simpleName(TypeNames.raw(call.receiverType()))))
        .map(call -> ProjectTraits.simpleName(TypeNames.raw(call.receiverType()))).sorted().findFirst();
    if (starter.isPresent()) {
      return Optional.of("its tests start a process or a container (" + starter.get() + "), which may run the "
          + "application without the test resources turning the caches off");
    }
    return Optional.empty();
  }

  /** Types a test starts another process or a container with (a database's own container types are other names). */
  private static final Set<String> PROCESS_STARTERS = Set.of("ProcessBuilder", "Runtime", "GenericContainer",
      "DockerComposeContainer", "ComposeContainer");

  /** What the module's build does not show of its tests, which the listener clearing the caches between them needs. */
  public enum BuildGap {
    /** No Maven pom optkit reads: what the build gives its tests is not known. */
    NO_POM("the module has no Maven pom optkit reads (a Gradle or other build), so whether its tests have spring-test, "
        + "which the listener clearing the caches between tests needs, and run one at a time is not known"),
    /** A pom without spring-test. */
    NO_SPRING_TEST("the module's pom declares neither spring-test nor spring-boot-starter-test, which the listener "
        + "clearing the caches between tests needs");

    private final String text;

    BuildGap(String text) {
      this.text = text;
    }

    /** As the refusal prints it. */
    public String text() {
      return text;
    }
  }

  /** What keeps the module's tests from running optkit's listener as every test's; empty when nothing does. */
  private Optional<String> whyNotInModule(String testRoot) {
    Optional<dev.optkit.analyzers.source.MavenPom> pom = traits.pomFile().flatMap(dev.optkit.analyzers.source.MavenPom::read);
    if (pom.isEmpty()) {
      // a Gradle or other build: what the reasons below read from a pom is not known, never said to be missing
      return Optional.of(BuildGap.NO_POM.text());
    }
    if (pom.get().dependencyArtifacts().stream()
        .noneMatch(a -> a.equals("spring-boot-starter-test") || a.equals("spring-test"))) {
      return Optional.of(BuildGap.NO_SPRING_TEST.text());
    }
    if (pom.map(dev.optkit.analyzers.source.MavenPom::testsMayRunInParallel).orElse(true)) {
      return Optional.of("its pom's Surefire or Failsafe configuration may run tests in parallel: one test's set-up "
          + "would write while another reads through the cache");
    }
    if (pom.map(p -> p.dependencyArtifacts().stream().anyMatch(a -> a.startsWith("cucumber-"))).orElse(false)) {
      return Optional.of("it runs Cucumber scenarios, whose hooks Spring's test listeners do not order (hostile review "
          + "78's c12)");
    }
    if (pom.map(dev.optkit.analyzers.source.MavenPom::declaresTestResources).orElse(true)) {
      return Optional.of("its pom names its own test resource folders, where optkit does not put the listener's "
          + "registration");
    }
    Path resources = scanRoot.resolve(resourcesOf(testRoot));
    if (Files.exists(resources.resolve(FACTORIES), LinkOption.NOFOLLOW_LINKS) && !registered(resources.resolve(FACTORIES))) {
      return Optional.of("its test resources already have " + FACTORIES + ", which optkit does not merge its "
          + "listener into");
    }
    Path junit = resources.resolve("junit-platform.properties");
    if (Files.exists(junit, LinkOption.NOFOLLOW_LINKS)) {
      try {
        if (!Files.isRegularFile(junit, LinkOption.NOFOLLOW_LINKS) || Files.size(junit) > MAX_PROPERTIES_BYTES) {
          return Optional.of("optkit cannot read its junit-platform.properties, which may run tests in parallel");
        }
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(junit, StandardCharsets.ISO_8859_1)));
        if (Boolean.parseBoolean(properties.getProperty("junit.jupiter.execution.parallel.enabled", "false").strip())) {
          return Optional.of("its junit-platform.properties runs tests in parallel: one test's set-up would write "
              + "while another reads through the cache");
        }
      } catch (IOException | IllegalArgumentException unreadable) {
        return Optional.of("optkit cannot read its junit-platform.properties, which may run tests in parallel");
      }
    }
    for (var file : index.files()) {
      if (!file.path().startsWith(testRoot + "/")) {
        continue;
      }
      for (var type : file.types()) {
        Optional<String> unread = unreadSuperclass(type.qualifiedName());
        if (unread.isPresent()) {
          return Optional.of(type.simpleName() + " extends " + unread.get() + ", which optkit does not read: it may "
              + "pick its own @TestExecutionListeners, with which Spring runs none of the defaults");
        }
        if (type.annotations().stream().anyMatch(a -> ProjectTraits.simpleName(a).equals("Execution"))) {
          return Optional.of(type.simpleName() + " picks how JUnit runs its tests (@Execution), maybe in parallel: one "
              + "test's set-up would write while another reads through the cache");
        }
        if (type.fieldTypes().values().stream().map(t -> ProjectTraits.simpleName(TypeNames.raw(t)))
            .anyMatch(t -> t.equals("SpringMethodRule") || t.equals("SpringClassRule"))) {
          return Optional.of(type.simpleName() + " runs Spring through JUnit 4 rules, which call the listeners around "
              + "its @Before methods, not after them");
        }
        if (type.superTypes().stream().map(t -> ProjectTraits.simpleName(TypeNames.raw(t)))
            .anyMatch(OWN_LISTENER_BASES::contains)) {
          return Optional.of(type.simpleName() + " extends one of Spring's test base classes, which before Spring 6 "
              + "name their own @TestExecutionListeners, none of the defaults (the listener clearing the caches)");
        }
        if (type.annotations().stream().anyMatch(a -> a.endsWith("TestExecutionListeners"))) {
          return Optional.of(type.simpleName() + " picks its own @TestExecutionListeners, with which Spring may run "
              + "none of the defaults, the listener clearing the caches included");
        }
      }
    }
    return Optional.empty();
  }

  /** The key under which Spring finds default test execution listeners in {@code spring.factories}. */
  public static final String LISTENER_KEY = "org.springframework.test.context.TestExecutionListener";

  /** Whether a {@code spring.factories} registers optkit's listener already (an earlier migration's). */
  private static boolean registered(Path factories) {
    try {
      if (!Files.isRegularFile(factories, LinkOption.NOFOLLOW_LINKS) || Files.size(factories) > MAX_PROPERTIES_BYTES) {
        return false;
      }
      Properties properties = new Properties();
      properties.load(new StringReader(Files.readString(factories, StandardCharsets.ISO_8859_1)));
      return java.util.Arrays.stream(properties.getProperty(LISTENER_KEY, "").split(","))
          .map(String::strip).anyMatch(name -> name.endsWith("." + LISTENER) || name.equals(LISTENER));
    } catch (IOException | IllegalArgumentException unreadable) {
      return false;
    }
  }

  /**
   * A superclass of a test class that is neither the project's (read) nor one of Spring's test base classes (said
   * apart) nor the JDK's: a base class from another module or a library may carry {@code @TestExecutionListeners}
   * (hostile review 78's c07). Interfaces are left out: Spring reads the annotation on superclasses and enclosing
   * classes.
   */
  private Optional<String> unreadSuperclass(String testClass) {
    for (String each : index.supertypesOf(testClass)) {
      Optional<dev.optkit.analyzers.facts.TypeFact> type = index.type(each);
      if (type.isEmpty()) {
        continue;
      }
      for (String superType : type.get().superTypes()) {
        String raw = TypeNames.raw(superType);
        boolean known = index.type(raw).isPresent() || raw.startsWith("java.")
            || OWN_LISTENER_BASES.contains(ProjectTraits.simpleName(raw));
        boolean anInterface = type.get().interfaces().contains(superType);
        if (!known && !anInterface) {
          return Optional.of(ProjectTraits.simpleName(raw));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the method runs only as a test's set-up: a set-up method itself, or test code (not a test) that only such
   * methods call, directly or through other such code. The set-up methods reached are collected.
   */
  private boolean onlyInSetUp(IndexedMethod method, Set<IndexedMethod> setUps, Set<IndexedMethod> seen) {
    if (!SourceSet.isTestPath(method.path()) || ProjectWrites.isTest(method) || !seen.add(method)) {
      return false;
    }
    if (setUp(method)) {
      setUps.add(method);
      return true;
    }
    List<IndexedMethod> callers = index.callersOf(method);
    return !callers.isEmpty() && callers.size() <= 64
        && callers.stream().allMatch(caller -> onlyInSetUp(caller, setUps, seen));
  }

  private static boolean setUp(IndexedMethod method) {
    return method.fact().annotations().stream()
        .anyMatch(a -> SET_UP_ANNOTATIONS.contains(a.substring(a.lastIndexOf('.') + 1)));
  }

  /**
   * The set-up methods that run around the same tests as this one: those of its class, of what it extends, of what
   * extends it, and of the classes around it (a JUnit {@code @Nested} class runs its outer class's set-up too).
   */
  private List<IndexedMethod> setUpsBeside(IndexedMethod setUp) {
    String declaring = setUp.fact().ownerType();
    Set<String> classes = new java.util.LinkedHashSet<>(index.supertypesOf(declaring));
    index.subtypesOf(declaring).forEach(sub -> classes.addAll(index.supertypesOf(sub)));
    for (String outer = declaring; outer.lastIndexOf('.') > 0; ) {
      outer = outer.substring(0, outer.lastIndexOf('.'));
      if (index.type(outer).isPresent()) {
        classes.addAll(index.supertypesOf(outer));
      }
    }
    index.types().stream().map(type -> type.qualifiedName()).filter(name -> name.startsWith(declaring + "."))
        .forEach(inner -> classes.addAll(index.supertypesOf(inner)));
    return classes.stream().flatMap(type -> index.methodsOfType(type).stream()).filter(TestCacheReset::setUp).toList();
  }

  /**
   * Whether a test method, or test code it calls, sends a request to the application or starts it. Past 256 methods
   * there is no proof: true. The answer is the same in any order of the walk (a call sending one anywhere, or the
   * bound passed), so a breadth-first walk gives what the depth-first recursion it replaced gave.
   */
  private boolean sendsRequests(IndexedMethod method) {
    java.util.Iterator<CallWalk.Step> steps = CallWalk.over(index, CallWalk.Edges.CALL_TARGETS)
        .follow(callee -> SourceSet.isTestPath(callee.path())).maxMethods(257).from(method).iterator();
    for (int met = 1; steps.hasNext(); met++) {
      if (met > 256 || steps.next().method().fact().calls().stream().anyMatch(readBacks::sendsRequest)) {
        return true;
      }
    }
    return false;
  }

  /** Every method from which some chain of project calls reaches the cached method. */
  private Set<IndexedMethod> readersOf(IndexedMethod cached) {
    return CallWalk.callers(index).reachedSet(cached);
  }
}
