package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.types.ArgumentKinds;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.TypeFact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project methods a call may run: the method in the receiver's type or its supertypes, the
 * overrides in its subtypes (all of them, or only when they are an interface's one or two
 * implementations), a Spring Data repository's custom methods, narrowed by a bean's qualifier.
 * Remembered by call shape (receiver type, name, arguments), not by call site.
 */
final class CallTargets {
  private static final int MAX_FOLLOWED_OVERRIDES = 2;

  /**
   * Call targets by what decides them (receiver type, name, argument count), not by call site: the
   * same call shape recurs thousands of times in a large project, and each was computed anew.
   */
  private record CallShape(String receiverType, String name, int argumentCount, String qualifier,
      java.util.List<dev.optkit.analyzers.facts.ArgumentKind> argumentKinds, java.util.List<String> argumentTypes) {
    CallShape(CallRef call) {
      this(call.receiverType(), call.name(), call.argumentCount(), call.qualifier(), call.argumentKinds(),
          call.argumentTypes());
    }
  }

  // concurrent: the call graph is built on a second thread while the rules ask for call targets (graphQuestions)
  private final Map<CallShape, List<IndexedMethod>> callTargets = new ConcurrentHashMap<>();
  /** Every override included, by call shape. */
  private final Map<CallShape, List<IndexedMethod>> allCallTargets = new ConcurrentHashMap<>();

  private final ProjectIndex index;
  private final TypeHierarchy types;

  CallTargets(ProjectIndex index, TypeHierarchy types) {
    this.index = index;
    this.types = types;
  }

  /**
   * The project methods a call may run: the method in the receiver's type or its supertypes, and
   * overrides in its subtypes. Calls with an unknown receiver match only a name that is unique in
   * the project.
   */
  List<IndexedMethod> targetsOf(CallRef call) {
    return callTargets.computeIfAbsent(constantTyped(new CallShape(call)), this::computeTargets);
  }

  /**
   * {@code Labels.DEFAULT.label(r)}: the names read {@code Labels.DEFAULT} as a nested type; when the project has no
   * such type, it is a constant of {@code Labels} (an enum's, or a static field's), and the call runs on the
   * enum or the field's declared type (hostile review 62's enum_const: an enum constant with a setter's state).
   */
  private CallShape constantTyped(CallShape call) {
    String written = call.receiverType();
    int dot = written == null ? -1 : written.lastIndexOf('.');
    if (dot < 0 || types.contains(written)) {
      return call;
    }
    TypeFact owner = index.type(written.substring(0, dot)).orElse(null);
    String name = written.substring(dot + 1);
    String type = owner == null ? null : owner.fieldTypes().containsKey(name) ? owner.fieldTypes().get(name).replaceAll("<.*", "")
        : owner.kind().equals("enum") ? owner.qualifiedName() : null;
    return type == null ? call : new CallShape(type, call.name(), call.argumentCount(), call.qualifier(),
        call.argumentKinds(), call.argumentTypes());
  }

  /** JUnit's and TestNG's test and lifecycle annotations: methods the framework runs. */
  private static final java.util.Set<String> TEST_FRAMEWORK_METHODS = java.util.Set.of("Test", "ParameterizedTest",
      "RepeatedTest", "TestFactory", "TestTemplate", "BeforeEach", "AfterEach", "BeforeAll", "AfterAll", "Before",
      "After", "BeforeClass", "AfterClass", "BeforeMethod", "AfterMethod");

  private static boolean runByATestFramework(IndexedMethod method) {
    return method.fact().annotations().stream()
        .map(a -> a.substring(a.lastIndexOf('.') + 1)).anyMatch(TEST_FRAMEWORK_METHODS::contains);
  }

  private List<IndexedMethod> computeTargets(CallShape call) {
    if (call.receiverType() == null) {
      // a test framework's method (@Test, @BeforeEach...) is run by the framework, never called by code: a project whose
      // only declared getId() was a @Test method resolved an entity's Lombok getter to it (a trial on
      // springframeworkguru's recipe app: "hands what findById() loaded to CategoryTest.getId(), which changes it")
      List<IndexedMethod> named = index.methodsNamed(call.name()).stream()
          .filter(m -> arityMatches(m, call) && !runByATestFramework(m))
          .toList();
      return named.size() == 1 ? named : List.of();
    }
    if (!types.contains(call.receiverType())) {
      return lombokBuilder(call);
    }
    List<IndexedMethod> generated = lombokFactory(call);
    if (!generated.isEmpty()) {
      return generated;
    }
    Map<String, IndexedMethod> own = new LinkedHashMap<>();
    for (String ancestor : types.supertypesOf(call.receiverType())) {
      for (IndexedMethod method : index.methods(ancestor, call.name())) {
        if (arityMatches(method, call)) {
          own.putIfAbsent(method.key(), method);
        }
      }
    }
    Map<String, IndexedMethod> overrides = new LinkedHashMap<>();
    for (String sub : types.subtypesOf(call.receiverType())) {
      for (IndexedMethod method : index.methods(sub, call.name())) {
        if (arityMatches(method, call)) {
          overrides.putIfAbsent(method.key(), method);
        }
      }
    }
    inheritedImplementations(call).forEach(overrides::putIfAbsent);
    Map<String, IndexedMethod> result = new LinkedHashMap<>(own);
    // an interface with one or two implementations is the service/impl idiom: follow them; a
    // method overridden all over a hierarchy (Resource.exists) says nothing about this call
    if (followsOverrides(overrides.values())) {
      overrides.forEach(result::putIfAbsent);
    }
    return qualified(List.copyOf(result.values()), call.qualifier());
  }

  /**
   * The methods that implement the called one in a subtype by inheritance: {@code class Dao extends
   * Base implements Api}, where {@code Base.find} implements {@code Api.find} for Dao though Base
   * does not implement Api. Neither walk finds it otherwise: Base is no supertype of Api, and Dao
   * declares no find. The nearest concrete declaration in the subtype's ancestry that is not one of
   * the receiver's own, for each subtype that does not declare the method itself.
   */
  private Map<String, IndexedMethod> inheritedImplementations(CallShape call) {
    Map<String, IndexedMethod> found = new LinkedHashMap<>();
    Set<String> receiverAncestry = new HashSet<>(types.supertypesOf(call.receiverType()));
    for (String sub : sorted(types.subtypesOf(call.receiverType()))) {
      TypeFact subType = types.get(sub);
      if (subType == null || subType.isInterface()) {
        continue;
      }
      for (String ancestor : types.supertypesOf(sub)) {
        if (receiverAncestry.contains(ancestor)) {
          continue;
        }
        IndexedMethod concrete = index.methods(ancestor, call.name()).stream()
            .filter(m -> arityMatches(m, call) && !m.fact().isAbstract() && !m.fact().isStatic())
            .findFirst().orElse(null);
        if (concrete != null) {
          if (!ancestor.equals(sub)) {
            found.putIfAbsent(concrete.key(), concrete);
          }
          break; // the nearest declaration is the one that runs: the subtype's own, else its nearest ancestor's
        }
      }
    }
    return found;
  }

  /** Subtypes in a fixed order: the targets are walked in index order, so reports are the same every run. */
  private static List<String> sorted(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    java.util.Collections.sort(list);
    return list;
  }

  /**
   * The targets a call on a field wired by name ({@code @Qualifier("filmDbStorage")}) may run: those of
   * the bean's class and of its supertypes. All of them unless exactly one project class has that bean
   * name or that {@code @Qualifier} value (a @Bean method's bean, a library's, two candidates): the call
   * graph never loses a target it cannot rule out.
   */
  private List<IndexedMethod> qualified(List<IndexedMethod> targets, String qualifier) {
    if (qualifier == null) {
      return targets;
    }
    // Spring matches a qualifier against the beans' own @Qualifier values as well as their names
    List<String> named = types.all().stream().filter(type -> qualifier.equals(beanName(type))
            || qualifier.equals(type.annotationValue("org.springframework.beans.factory.annotation.Qualifier", "value"))
            || qualifier.equals(type.annotationValue("Qualifier", "value")))
        .map(TypeFact::qualifiedName).distinct().toList();
    if (named.size() != 1) {
      return targets;
    }
    java.util.Set<String> runs = new java.util.HashSet<>(types.supertypesOf(named.get(0)));
    runs.add(named.get(0));
    List<IndexedMethod> kept = targets.stream().filter(m -> runs.contains(m.fact().ownerType())).toList();
    return kept.isEmpty() ? targets : kept;
  }

  private static final List<String> STEREOTYPES = java.util.stream.Stream.concat(
      SpringStereotypes.COMPONENTS.stream().sorted(), java.util.stream.Stream.of("jakarta.inject.Named", "javax.inject.Named"))
      .toList();

  /** A stereotype-annotated class's bean name: the annotation's value, else its simple name decapitalised. */
  private static String beanName(TypeFact type) {
    for (String stereotype : STEREOTYPES) {
      if (type.hasAnnotation(stereotype)) {
        String value = type.annotationValue(stereotype, "value");
        if (value != null && !value.isEmpty() && !value.equals(TypeFact.UNRESOLVED)) {
          return value;
        }
        return java.beans.Introspector.decapitalize(type.simpleName());
      }
    }
    return null;
  }

  /**
   * Whether a call's overrides are its implementations rather than a hierarchy's many variants: at
   * most {@link #MAX_FOLLOWED_OVERRIDES} of them run code (an abstract redeclaration in a
   * sub-interface runs nothing, unless a library implements it: a Spring Data query method), or
   * every one of them is in a bean the deployment selects (@Profile, @Conditional...), of which
   * one runs, whichever it is: a repository interface with jdbc, jpa and spring-data-jpa profiles.
   */
  private boolean followsOverrides(java.util.Collection<IndexedMethod> overrides) {
    long implementations = overrides.stream()
        .filter(m -> !m.fact().isAbstract() || index.declaredClient(m.fact().ownerType()).isPresent())
        .count();
    if (implementations <= MAX_FOLLOWED_OVERRIDES) {
      return true;
    }
    return overrides.stream().allMatch(m -> selectedByDeployment(m.fact().ownerType()));
  }

  /** A type annotated @Profile or with one of Spring's @Conditional annotations (by simple name). */
  private boolean selectedByDeployment(String type) {
    TypeFact fact = types.get(type);
    return fact != null && fact.annotations().stream().map(a -> a.substring(a.lastIndexOf('.') + 1))
        .anyMatch(a -> a.equals("Profile") || a.startsWith("Conditional"));
  }

  /**
   * Every project method a call may run, every override included: for questions where missing one
   * implementation is unsafe (does this reach per-user code?), unlike the I/O ranking, which caps them.
   */
  List<IndexedMethod> allTargetsOf(CallRef call) {
    List<IndexedMethod> all = ProjectIndex.remembered(allCallTargets, constantTyped(new CallShape(call)),
        this::computeAllTargets);
    if (call.receiverType() != null && call.snippet() != null && call.snippet().startsWith("super.")) {
      // super.findMany() runs the superclass's method, never an override below it: the override making the call was
      // counted as its own target (trial 77's F3, F4: a result its superclass loaded fresh "changed by every caller")
      Set<String> declaring = new java.util.HashSet<>(types.supertypesOf(call.receiverType()));
      declaring.add(call.receiverType());
      return all.stream().filter(target -> declaring.contains(target.fact().ownerType())).toList();
    }
    return all;
  }

  private List<IndexedMethod> computeAllTargets(CallShape call) {
    List<IndexedMethod> capped = callTargets.computeIfAbsent(call, this::computeTargets);
    if (call.receiverType() == null || !types.contains(call.receiverType())) {
      return capped;
    }
    Map<String, IndexedMethod> result = new LinkedHashMap<>();
    capped.forEach(m -> result.putIfAbsent(m.key(), m));
    List<String> receivers = new ArrayList<>(List.of(call.receiverType()));
    receivers.addAll(types.subtypesOf(call.receiverType()));
    inheritedImplementations(call).forEach(result::putIfAbsent);
    for (String sub : receivers) {
      for (IndexedMethod method : index.methods(sub, call.name())) {
        if (arityMatches(method, call)) {
          result.putIfAbsent(method.key(), method);
        }
      }
      if (types.springDataRepository(sub)) {
        // a repository interface's custom methods run in the class implementing the fragment interface that
        // declares them (SpringDataPetRepository extends PetRepositoryOverride, implemented by ...Impl)
        for (String fragment : types.supertypesOf(sub)) {
          if (!fragment.equals(sub) && types.contains(fragment) && !index.methods(fragment, call.name()).isEmpty()) {
            for (String implementation : types.subtypesOf(fragment)) {
              for (IndexedMethod method : index.methods(implementation, call.name())) {
                if (arityMatches(method, call) && !method.fact().isAbstract()) {
                  result.putIfAbsent(method.key(), method);
                }
              }
            }
          }
        }
      }
    }
    return qualified(List.copyOf(result.values()), call.qualifier());
  }

  /**
   * A link of a builder chain {@code Product.builder().name(n).build()} that no project type declares: Lombok's
   * builder of a project type (hostile review 94's c11, c15, c16). Its setters are the project's where a class nested
   * in the type completes Lombok's builder ({@code static class ProductBuilder { ProductBuilder name(..) }}); its
   * {@code build()} runs the type's constructors and its {@code @Builder} factory methods. Empty for another builder.
   */
  private List<IndexedMethod> lombokBuilder(CallShape call) {
    String written = call.receiverType();
    int dot = written == null ? -1 : written.lastIndexOf('.');
    // a chain's X.Builder, or the builder class Lombok generates in the type (Product.ProductBuilder held in a local:
    // hostile review 96's b10)
    if (dot < 0 || !written.endsWith("Builder")) {
      return List.of();
    }
    String built = written.substring(0, dot);
    if (!types.contains(built)) {
      return List.of();
    }
    List<IndexedMethod> found = new ArrayList<>();
    // build(), or whatever buildMethodName names it (b08: make()): any call without arguments may be the build
    if (call.argumentCount() <= 0 && !types.get(built).fieldTypes().containsKey(call.name())) {
      for (IndexedMethod method : index.methodsOfType(built)) {
        if (method.fact().isConstructor() || method.fact().isStatic()
            && method.fact().annotations().stream().anyMatch(a -> a.equals("lombok.Builder") || a.endsWith(".Builder")
                || a.equals("Builder"))) {
          found.add(method);
        }
      }
    }
    // a hand-written part of the builder, its build() too (hostile review 94's c18)
    for (TypeFact type : index.types()) {
      if (type.qualifiedName().startsWith(built + ".") && type.simpleName().endsWith("Builder")) {
        index.methods(type.qualifiedName(), call.name()).stream().filter(m -> arityMatches(m, call)).forEach(found::add);
      }
    }
    return List.copyOf(found);
  }

  /**
   * A static call on a project type that declares no such method while Lombok builds it: a builder method Lombok
   * generates under another name ({@code @Builder(builderMethodName = "with")}: hostile review 96's b04), whose chain
   * optkit does not type. Its constructors and {@code @Builder} factories may run in the chain, so they are its targets.
   */
  private List<IndexedMethod> lombokFactory(CallShape call) {
    TypeFact type = types.get(call.receiverType());
    if (type == null || call.argumentCount() != 0 || !LombokBuilders.builderMethod(index, type, call.name())) {
      return List.of();
    }
    List<IndexedMethod> found = new ArrayList<>();
    for (IndexedMethod method : index.methodsOfType(type.qualifiedName())) {
      if (method.fact().isConstructor() || method.fact().isStatic() && method.fact().annotations().stream()
          .anyMatch(a -> a.equals("lombok.Builder") || a.equals("Builder"))) {
        found.add(method);
      }
    }
    return List.copyOf(found);
  }

  private boolean arityMatches(IndexedMethod method, CallShape call) {
    int params = method.fact().params().size();
    if (call.argumentCount() < 0) {
      return params <= 2;
    }
    boolean varArgs = params > 0 && method.fact().params().get(params - 1).varArgs();
    // byKey("a") runs byKey(String), not byKey(long), an overload of the same arity
    return (params == call.argumentCount() || varArgs && call.argumentCount() >= params - 1)
        && ArgumentKinds.accepts(method.fact().params(), call.argumentKinds()) && typesAccepted(method, call);
  }

  /** Final JDK classes a parameter often takes: no project type is one. */
  private static final java.util.Set<String> FINAL_JDK_VALUES = java.util.Set.of("java.lang.String", "java.lang.Long",
      "java.lang.Integer", "java.lang.Short", "java.lang.Byte", "java.lang.Double", "java.lang.Float",
      "java.lang.Boolean", "java.lang.Character", "java.util.UUID", "java.time.LocalDate", "java.time.LocalDateTime",
      "java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.time.Duration");

  /**
   * Whether no argument of a type its declaration shows is one the method's parameter cannot take: a project type
   * whose ancestors the project declares all, none of them the parameter's type, or a JDK type given for a project
   * type's parameter. {@code transition(exercise, s)} runs {@code transition(Exercise, String)}, not
   * {@code transition(UUID, String)} (a blind trial: the UUID overload's query was reported once per element of a loop
   * calling the other). Unknown either side, or a type variable's parameter: accepted.
   */
  private boolean typesAccepted(IndexedMethod method, CallShape call) {
    List<dev.optkit.analyzers.facts.ParamFact> params = method.fact().params();
    for (int i = 0; i < call.argumentTypes().size() && i < params.size(); i++) {
      String argument = call.argumentTypes().get(i);
      String parameter = params.get(i).qualifiedType();
      if (argument == null || parameter == null || params.get(i).varArgs()) {
        continue;
      }
      argument = dev.optkit.analyzers.facts.types.TypeNames.raw(argument);
      parameter = dev.optkit.analyzers.facts.types.TypeNames.raw(parameter);
      boolean projectParameter = types.contains(parameter);
      if (argument.equals(parameter) || !projectParameter && !parameter.startsWith("java.")) {
        continue; // the same, or a parameter whose type is a type variable or a library's: not told here
      }
      if (argument.startsWith("java.") && projectParameter) {
        return false; // no JDK class is a project type
      }
      if (types.contains(argument) && FINAL_JDK_VALUES.contains(parameter)) {
        return false; // no project type extends a final JDK class (new OrganisationResult(entity), not (Long id))
      }
      if (types.ancestryDeclared(argument) && !types.supertypesOf(argument).contains(parameter)
          && !parameter.equals("java.lang.Object")) {
        return false;
      }
    }
    return true;
  }
}
