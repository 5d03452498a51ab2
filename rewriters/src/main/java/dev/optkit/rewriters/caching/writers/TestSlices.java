package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Spring Boot's data test slices ({@code @DataJpaTest} and the like): a slice's context holds the
 * application class, the repositories and a no-op cache manager, but none of the project's other
 * configuration classes, optkit's cache configuration among them.
 */
public final class TestSlices {
  private static final Set<String> DATA_SLICES = Set.of("DataJpaTest", "DataJdbcTest", "JdbcTest", "JooqTest",
      "DataMongoTest", "DataR2dbcTest", "DataNeo4jTest", "DataCassandraTest", "DataCouchbaseTest",
      "DataElasticsearchTest", "DataLdapTest", "DataRedisTest");

  /**
   * Spring Boot's web slices: their context holds the controllers and the web layer alone, with no service,
   * repository or configuration class of the project (what the controllers call is the test's mocks) and a no-op
   * cache manager ({@code @AutoConfigureCache}), so a request such a test sends writes no data and reads none through
   * a cache.
   */
  private static final Set<String> WEB_SLICES = Set.of("WebMvcTest", "WebFluxTest", "GraphQlTest");

  /** What puts more configuration into a slice's context than the slice's own choice. */
  private static final Set<String> ADDED_CONFIGURATION = Set.of("Import", "ImportAutoConfiguration",
      "ContextConfiguration", "SpringBootTest", "EnableCaching", "AutoConfigureCache");

  private final ProjectIndex index;
  private final ProjectTraits traits;

  public TestSlices(ProjectIndex index, ProjectTraits traits) {
    this.index = index;
    this.traits = traits;
  }

  /**
   * A test class run as a data or web slice that loads no configuration of its own, in a project whose
   * caching is not switched on by the application class (or test code): no cache of optkit's is
   * active in its context, so what it writes is never read back through one.
   */
  boolean withoutCaching(String testClass) {
    if (traits.cachingInTestSlices() || applicationScansPastSlices()) {
      return false;
    }
    boolean slice = false;
    for (String type : index.supertypesOf(testClass)) {
      if (withNestedConfiguration().contains(type)) {
        return false; // a nested @TestConfiguration is loaded beside the slice's own choice
      }
      Optional<TypeFact> declared = index.type(type);
      for (String annotation : declared.map(TypeFact::annotations).orElse(List.of())) {
        String simple = simpleName(annotation);
        if (ADDED_CONFIGURATION.contains(simple)) {
          return false;
        }
        if (WEB_SLICES.contains(simple) && declared.get().annotationClassLiterals().entrySet().stream()
            .filter(named -> WEB_SLICES.contains(simpleName(named.getKey())))
            .flatMap(named -> named.getValue().stream()).anyMatch(this::notAController)) {
          return false; // @WebMvcTest(includeFilters = @Filter(classes = SaleService.class)): more than the web layer
        }
        if ((WEB_SLICES.contains(simple) || DATA_SLICES.contains(simple))
            && declared.get().annotationValues().containsKey(annotation + "#includeFilters")) {
          return false; // includeFilters by a pattern or an annotation: whatever it matches, services included
        }
        slice |= DATA_SLICES.contains(simple) || WEB_SLICES.contains(simple);
      }
    }
    return slice;
  }

  /** The web layer's own kinds of bean, which a web slice holds. */
  private static final Set<String> WEB_LAYER = Set.of("Controller", "RestController", "ControllerAdvice",
      "RestControllerAdvice", "JsonComponent");

  /** A class a web slice's annotation names that is not of the web layer, or that optkit cannot see. */
  private boolean notAController(dev.optkit.analyzers.facts.ClassLiteral literal) {
    Optional<TypeFact> named = literal.qualified() != null ? index.type(literal.qualified())
        : index.typesNamed(literal.simpleName()).stream().findFirst();
    return named.isEmpty() || named.get().annotations().stream().map(TestSlices::simpleName).noneMatch(WEB_LAYER::contains);
  }

  /**
   * Whether a Spring Boot application class scans or imports past the slices' filter: a plain {@code @ComponentScan}
   * registers no {@code TypeExcludeFilter}, and an {@code @Import} is loaded in every slice, so a slice of such an
   * application holds its services, repositories and configuration, optkit's cache configuration among them (Spring
   * Boot's reference, "User Configuration and Slicing"). Read on every application class, in main or test sources
   * (Boot's search for the configuration finds both), through the project's meta-annotations, and through its
   * member classes, which Spring processes as configuration of their own (a nested {@code @Configuration} with a
   * scan).
   */
  private boolean applicationScansPastSlices() {
    if (scansPastSlices == null) {
      scansPastSlices = index.types().stream()
          .filter(type -> metaAnnotations(type).stream().anyMatch(a -> a.equals("SpringBootApplication")
              || a.equals("SpringBootConfiguration")))
          .anyMatch(application -> metaAnnotations(application).stream().anyMatch(PAST_SLICES::contains)
              || index.types().stream().filter(member -> member.qualifiedName().startsWith(application.qualifiedName() + "."))
                  .anyMatch(member -> !java.util.Collections.disjoint(metaAnnotations(member), CONFIGURATION)));
    }
    return scansPastSlices;
  }

  /** Configuration a member class of the application brings into every slice. */
  private static final Set<String> CONFIGURATION = Set.of("Configuration", "TestConfiguration", "ComponentScan",
      "ComponentScans", "Import", "ImportResource", "EnableCaching", "SpringBootConfiguration");

  /**
   * The simple names of a type's annotations and of the annotations on the project's annotation types among them, to
   * any depth ({@code @EnableShop} meta-annotated with {@code @Import}).
   */
  private Set<String> metaAnnotations(TypeFact type) {
    Set<String> found = new java.util.LinkedHashSet<>();
    java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>(type.annotations());
    Set<String> seen = new java.util.HashSet<>();
    while (!pending.isEmpty()) {
      String annotation = pending.pop();
      if (!seen.add(annotation) || seen.size() > 256) {
        continue;
      }
      found.add(simpleName(annotation));
      index.type(annotation).ifPresent(declared -> pending.addAll(declared.annotations()));
    }
    return found;
  }

  private Boolean scansPastSlices;

  /** What on an application class puts more into every slice than the slice's filter lets through. */
  private static final Set<String> PAST_SLICES = Set.of("ComponentScan", "ComponentScans", "Import", "ImportResource",
      "EnableCaching");

  /** Test classes declaring a nested configuration class ({@code @TestConfiguration}, {@code @Configuration}). */
  private Set<String> withNestedConfiguration() {
    if (withNestedConfiguration == null) {
      Set<String> outers = new java.util.HashSet<>();
      for (FileFacts file : index.files()) {
        for (TypeFact type : file.types()) {
          String name = type.qualifiedName();
          boolean configuration = type.annotations().stream().map(TestSlices::simpleName)
              .anyMatch(a -> a.equals("TestConfiguration") || a.equals("Configuration"));
          if (configuration && name.lastIndexOf('.') > 0 && SourceSet.isTestPath(file.path())) {
            outers.add(name.substring(0, name.lastIndexOf('.')));
          }
        }
      }
      withNestedConfiguration = Set.copyOf(outers);
    }
    return withNestedConfiguration;
  }

  private Set<String> withNestedConfiguration;

  /**
   * The first data slice test class, when caching is on in slices: there a repository's
   * {@code @Cacheable} would be honoured but name a cache manager (optkit's) the slice never loads.
   */
  public Optional<String> sliceWithCachingOn() {
    if (sliceWithCaching == null) {
      sliceWithCaching = traits.cachingInTestSlices() ? firstSlice() : Optional.empty();
    }
    return sliceWithCaching;
  }

  private Optional<String> sliceWithCaching;

  private Optional<String> firstSlice() {
    for (FileFacts file : index.files()) {
      if (!SourceSet.isTestPath(file.path())) {
        continue;
      }
      for (TypeFact type : file.types()) {
        if (type.annotations().stream().map(TestSlices::simpleName).anyMatch(DATA_SLICES::contains)) {
          return Optional.of(type.qualifiedName());
        }
      }
    }
    return Optional.empty();
  }

  private static String simpleName(String annotation) {
    return annotation.substring(annotation.lastIndexOf('.') + 1);
  }
}
