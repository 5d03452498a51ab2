package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.types.TypeNames;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.optkit.analyzers.facts.MockedCall;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.rewriters.caching.spring.SpringTestClasses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Test code that changes what a cached method answers without writing any data: a Spring test replacing a bean the
 * method reads through with a Mockito mock ({@code @MockitoBean ItemDao dao}) and stubbing it ({@code
 * when(dao.names()).thenReturn(List.of(n))}). Each stub is a write of the cached data, as far as the test can tell: a
 * parameterized test stubbing another answer per run read the first run's answer from the cache (trial 96's school
 * project: 17 of its 162 tests failed after migrate). The methods of such a test class that stub are writers, which
 * the planner treats like any test writer: emptied for, caches off in the module's tests, or refused.
 */
final class MockedBeanStubs {
  /** Spring's annotations putting a mock or a spy in the application context in place of the bean. */
  /** Spring's bean overrides, and their containers ({@code @MockBeans({@MockBean(ItemDao.class)})}). */
  private static final Set<String> BEAN_OVERRIDES = Set.of("MockBean", "MockitoBean", "SpyBean", "MockitoSpyBean",
      "MockBeans", "MockitoBeans", "SpyBeans", "MockitoSpyBeans");
  /** Mockito's own field annotations, and Spring's bean overrides: a test class declaring one holds test doubles. */
  private static final Set<String> MOCK_ANNOTATIONS = Set.of("Mock", "Spy", "MockBean", "MockitoBean", "SpyBean",
      "MockitoSpyBean", "MockBeans", "MockitoBeans", "SpyBeans", "MockitoSpyBeans");
  /** Mockito's and BDDMockito's stubbing calls. */
  private static final Set<String> STUBBING = Set.of("when", "given", "doReturn", "doThrow", "doAnswer", "doNothing",
      "doCallRealMethod", "willReturn", "willThrow", "willAnswer", "willDoNothing", "thenReturn", "thenThrow",
      "thenAnswer", "reset");

  private final ProjectIndex index;
  private final WholeProject whole;
  private Map<String, List<IndexedMethod>> stubbersByMockedType;
  private final ReadThrough readThrough;
  private final SpringTestClasses springTests;

  MockedBeanStubs(WholeProject whole, ReadThrough readThrough) {
    this.index = whole.index();
    this.whole = whole;
    this.readThrough = readThrough;
    this.springTests = new SpringTestClasses(whole.index());
  }

  /** The test methods stubbing a mocked bean the cached method reads through, with the type they mock. */
  Map<IndexedMethod, String> of(IndexedMethod cached) {
    Map<String, List<IndexedMethod>> stubbers = stubbers();
    if (stubbers.isEmpty() && observers().isEmpty()) {
      return Map.of();
    }
    Set<String> types = readThrough.of(cached).types();
    Map<IndexedMethod, String> found = new java.util.LinkedHashMap<>();
    for (var entry : stubbers.entrySet()) {
      if (types.contains(entry.getKey())) {
        entry.getValue().forEach(method -> found.putIfAbsent(method, entry.getKey()));
      }
    }
    // a read-through type mocked anywhere in the tests, however the mock reaches a test (a static holder, a local
    // looked up from the context, an initializer registering it: the hostile review hr36's mk2, mk3, mk5): every
    // test method that stubs or verifies a call on one of those mocked types is a writer: a call on another type the
    // read goes through (a value it returns, getName() on a Client the test built) stubs nothing (trial 112)
    Set<String> mockedThrough = new java.util.TreeSet<>(anywhereMocked());
    mockedThrough.retainAll(types);
    if (!mockedThrough.isEmpty()) {
      String mocked = mockedThrough.iterator().next();
      observers().stream().filter(method -> callsOn(method, mockedThrough))
          .forEach(method -> found.putIfAbsent(method, mocked));
    }
    return found;
  }

  /**
   * Whether the test method calls a method of one of these types (what it stubs or verifies is among its calls:
   * {@code when(local.names())}, {@code verify(dao).names()}), on a receiver of that type, or by name on a receiver
   * whose type is no project type the index knows (a library's, or one the extractor could not tell). A test stubbing only a mock of the cached bean itself ({@code @MockBean EmployeeService}, a
   * trial's controller test) stubs no data the cache reads through: that context has no cached bean.
   */
  private boolean callsOn(IndexedMethod method, Set<String> types) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.concat(method.fact().calls().stream(),
            method.fact().opaqueCalls().stream()).map(call -> new MockedCall(call.receiverType(), call.name())),
            method.fact().mockedCalls().stream())
        .anyMatch(call -> call.receiverType() != null && (index.type(TypeNames.raw(call.receiverType())).isPresent()
            || types.contains(TypeNames.raw(call.receiverType())))
            ? types.contains(TypeNames.raw(call.receiverType()))
            : types.stream().anyMatch(type -> !index.methods(type, call.name()).isEmpty()))
        // what it stubs cannot be told: no call on a mock it names (a helper stubbing what a Supplier it is handed
        // returns, when(call.get()): the hostile review of 2026-11-30)
        || method.fact().mockedCalls().isEmpty();
  }

  /** Mockito's calls that check what a mock was called with: a cache hit calls it fewer times (hr36's mk6). */
  private static final Set<String> VERIFYING = Set.of("verify", "verifyNoInteractions", "verifyNoMoreInteractions",
      "verifyZeroInteractions", "should", "shouldHaveNoInteractions", "shouldHaveNoMoreInteractions", "inOrder");

  private Set<String> anywhereMocked;

  /**
   * The project types the test code mocks or spies anywhere: a bean override, a configuration's mock, a
   * {@code mock(ItemDao.class)} call in a test method, and every project-typed field of a test class that declares
   * {@code @Mock}/{@code @Spy} fields or initialises a field with a mock.
   */
  private Set<String> anywhereMocked() {
    if (anywhereMocked == null) {
      anywhereMocked = new HashSet<>(beanMocks());
      for (var type : index.types()) {
        String path = index.pathOfType(type.qualifiedName());
        if (path == null || !SourceSet.isTestPath(path)) {
          continue;
        }
        anywhereMocked.addAll(mockedIn(type.qualifiedName()));
        boolean mockFields = type.fieldCodeCalls().stream().anyMatch(call -> MOCK_MAKERS.contains(call)
            || call.endsWith(".mock") || call.endsWith(".spy") || call.endsWith("#mock") || call.endsWith("#spy"))
            || withEnclosing(type.qualifiedName()).stream().map(index::type).flatMap(Optional::stream)
                .anyMatch(MockedBeanStubs::declaresMocks);
        if (mockFields) {
          type.fieldTypes().values().forEach(field -> index.type(TypeNames.raw(field))
              .ifPresent(t -> anywhereMocked.add(t.qualifiedName())));
        }
      }
      for (IndexedMethod method : index.methods()) {
        if (!SourceSet.isTestPath(method.path())) {
          continue;
        }
        java.util.stream.Stream.concat(method.fact().calls().stream(), method.fact().opaqueCalls().stream())
            .filter(call -> MOCK_MAKERS.contains(call.name()))
            .flatMap(call -> call.classLiterals().stream())
            .forEach(literal -> mockedTypes(literal).forEach(t -> anywhereMocked.add(t.qualifiedName())));
      }
    }
    return anywhereMocked;
  }

  /**
   * The project types a class literal given to {@code mock}/{@code spy} may name: the one its file resolves it to, when
   * the project declares that; else every project type of its simple name (an import the extractor could not follow).
   */
  private List<dev.optkit.analyzers.facts.TypeFact> mockedTypes(dev.optkit.analyzers.facts.ClassLiteral literal) {
    Optional<dev.optkit.analyzers.facts.TypeFact> resolved = literal.qualified() == null ? Optional.empty()
        : index.type(literal.qualified());
    return resolved.map(List::of).orElseGet(() -> index.typesNamed(literal.simpleName()));
  }

  private List<IndexedMethod> observers;

  /**
   * Every test method that stubs a mock or verifies its calls in a test Spring runs in a context: a plain or Mockito
   * test class ({@code @Mock} and {@code @InjectMocks}) makes its objects itself, where no cache of the application's
   * context is (a trial's two Mockito-only service tests turned its caches off for every test).
   */
  private List<IndexedMethod> observers() {
    if (observers == null) {
      observers = index.methods().stream().filter(method -> SourceSet.isTestPath(method.path()))
          .filter(method -> java.util.stream.Stream.concat(method.fact().calls().stream(), method.fact().opaqueCalls().stream())
              .anyMatch(call -> STUBBING.contains(call.name()) || VERIFYING.contains(call.name())))
          .filter(method -> inSpringContext(method.fact().ownerType())).toList();
    }
    return observers;
  }

  /**
   * Whether a test type runs in a Spring context: it, or a class implementing it (a test interface's default method),
   * is a test class Spring makes a context for. A type the index does not know counts.
   */
  private boolean inSpringContext(String owner) {
    Optional<dev.optkit.analyzers.facts.TypeFact> type = index.type(owner);
    if (type.isEmpty() || springTests.springTest(type.get())) {
      return true;
    }
    return index.subtypesOf(owner).stream().map(index::type).flatMap(Optional::stream).anyMatch(springTests::springTest);
  }

  /** Per type mocked as a bean in a test class, the methods of that class (and its subclasses) that stub. */
  private Map<String, List<IndexedMethod>> stubbers() {
    if (stubbersByMockedType != null) {
      return stubbersByMockedType;
    }
    stubbersByMockedType = new HashMap<>();
    Map<String, Set<String>> mockedByClass = new HashMap<>();
    String lastPath = null; // a file's methods come one after another: its path is judged once
    boolean inTests = false;
    for (IndexedMethod method : index.methods()) {
      if (!method.path().equals(lastPath)) {
        lastPath = method.path();
        inTests = SourceSet.isTestPath(lastPath);
      }
      boolean stubs = inTests && java.util.stream.Stream.concat(
          method.fact().calls().stream(), method.fact().opaqueCalls().stream())
          .anyMatch(call -> STUBBING.contains(call.name()) || VERIFYING.contains(call.name()));
      if (!stubs) {
        continue;
      }
      // its own class's mocks and those of every class it extends, each read once, whatever order the methods come in
      // (a base test class declaring only @MockitoBean fields has no method of its own to be met by); and those of the
      // test classes extending or implementing it, whose mocks a base class's or test interface's default method is
      // handed or reaches through an accessor they implement (hostile review 34)
      Set<String> mocked = new java.util.LinkedHashSet<>();
      for (String owner : withEnclosing(method.fact().ownerType())) {
        Set<String> family = new java.util.LinkedHashSet<>(index.supertypesOf(owner));
        for (String subtype : new java.util.TreeSet<>(index.subtypesOf(owner))) {
          family.addAll(index.supertypesOf(subtype));
        }
        for (String type : family) {
          mocked.addAll(mockedByClass.computeIfAbsent(type, this::mockedIn));
          // a field the test class is injected with whose bean a test configuration makes as a mock
          index.type(type).ifPresent(declared -> declared.fieldTypes().values().stream()
              .filter(beanMocks()::contains).forEach(mocked::add));
        }
      }
      // a test method's parameter the context injects with the bean a test configuration makes as a mock
      // (@Test void t(@Autowired ItemDao dao): the plain-Spring review of 2026-11-29, f13)
      method.fact().params().stream().map(param -> param.qualifiedType()).filter(beanMocks()::contains)
          .forEach(mocked::add);
      for (String type : mocked) {
        stubbersByMockedType.computeIfAbsent(type, t -> new ArrayList<>()).add(method);
      }
    }
    return stubbersByMockedType;
  }

  /**
   * The project types a test configuration makes as Mockito mocks or spies ({@code @Bean ItemDao dao() { return
   * mock(ItemDao.class); }}, or a {@code @MockBean ItemDao dao} field, in a {@code @TestConfiguration} a test
   * imports): the bean every test of that context is injected with, which a test's stub changes as a
   * {@code @MockitoBean}'s (hostile review 34).
   */
  private Set<String> beanMocks() {
    if (beanMocks == null) {
      beanMocks = new HashSet<>();
      for (var type : index.types()) {
        if (type.hasAnnotation("org.springframework.boot.test.context.TestConfiguration")
            || type.hasAnnotation("org.springframework.context.annotation.Configuration")) {
          beanMocks.addAll(mockedIn(type.qualifiedName())); // test paths only, and only files naming an override
        }
      }
      for (IndexedMethod method : index.methods()) {
        if (method.fact().hasAnnotation("org.springframework.context.annotation.Bean") && SourceSet.isTestPath(method.path())
            && java.util.stream.Stream.concat(method.fact().calls().stream(), method.fact().opaqueCalls().stream())
                .anyMatch(call -> MOCK_MAKERS.contains(call.name()))
            && method.fact().returnType() != null) {
          String written = TypeNames.raw(method.fact().returnType());
          index.typesNamed(written.substring(written.lastIndexOf('.') + 1)).forEach(t -> beanMocks.add(t.qualifiedName()));
        }
      }
    }
    return beanMocks;
  }

  private Set<String> beanMocks;
  /** Mockito's calls that make a mock or a spy. */
  private static final Set<String> MOCK_MAKERS = Set.of("mock", "spy");

  /** The class and the classes it is nested in: a {@code @Nested} test shares its enclosing class's context and mocks. */
  private List<String> withEnclosing(String type) {
    List<String> found = new ArrayList<>(List.of(type));
    for (int dot = type.lastIndexOf('.'); dot > 0; dot = type.lastIndexOf('.', dot - 1)) {
      String outer = type.substring(0, dot);
      if (index.type(outer).isPresent()) {
        found.add(outer);
      }
    }
    return found;
  }

  /**
   * Whether a test class declares test doubles: a field carrying Mockito's or Spring's mock annotation, or such an
   * annotation on the class ({@code @MockBean(ItemDao.class)}), however its name is written.
   */
  private static boolean declaresMocks(dev.optkit.analyzers.facts.TypeFact type) {
    return type.fieldAnnotations().values().stream().flatMap(List::stream).anyMatch(MockedBeanStubs::mockAnnotation)
        || type.annotations().stream().anyMatch(MockedBeanStubs::mockAnnotation);
  }

  private static boolean mockAnnotation(String name) {
    return MOCK_ANNOTATIONS.contains(TypeNames.simple(name));
  }

  private static boolean beanOverride(String name) {
    return BEAN_OVERRIDES.contains(TypeNames.simple(name));
  }

  /**
   * The project types a test class declares fields of with a bean-overriding mock annotation, or names in one on
   * itself: read from the class's facts ({@code TypeFact.fieldAnnotations}, {@code annotationClassLiterals}).
   */
  private Set<String> mockedIn(String type) {
    Set<String> mocked = new HashSet<>();
    String path = index.pathOfType(type);
    Optional<dev.optkit.analyzers.facts.TypeFact> declared = index.type(type);
    if (path == null || !SourceSet.isTestPath(path) || declared.isEmpty()) {
      return mocked;
    }
    // @MockitoBean(types = ItemDao.class) on the class (Spring 6.2.2), @MockBean(ItemDao.class) / (classes = ...)
    declared.get().annotationClassLiterals().forEach((annotation, literals) -> {
      if (beanOverride(annotation)) {
        literals.forEach(literal -> index.typesNamed(literal.simpleName()).forEach(t -> mocked.add(t.qualifiedName())));
      }
    });
    Map<String, String> fieldTypes = declared.get().fieldTypes();
    declared.get().fieldAnnotations().forEach((field, annotations) -> {
      String fieldType = fieldTypes.get(field);
      if (fieldType != null && annotations.stream().anyMatch(MockedBeanStubs::beanOverride)) {
        String raw = TypeNames.raw(fieldType);
        index.typesNamed(TypeNames.simple(raw)).forEach(t -> mocked.add(t.qualifiedName()));
        mocked.add(raw); // a library type too (@MockitoBean RestTemplate rest), as the file's imports qualify it
      }
    });
    return mocked;
  }
}
