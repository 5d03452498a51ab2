package dev.optkit.rewriters.caching.spring;

import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the project looks a bean up by a class that a lookup's own text does not name: a class literal held in a
 * variable or another class's constant, handed to a project helper that passes it on ({@code Beans.get(Class)}), or a
 * class the code computes. Outside Spring Boot such a lookup of a bean implementing interfaces fails on its JDK proxy.
 * Split out of {@link SpringBeans}, which asks these per file for each bean it judges.
 */
final class BeanLookups {
  /** A bean factory's lookups by type, whose answer a JDK proxy of the bean's interfaces cannot satisfy. */
  static final Set<String> LOOKUPS = Set.of("getBean", "getBeanProvider", "getBeansOfType",
      "getBeanNamesForType", "getBeansWithAnnotation",
      // BeanFactoryUtils' lookups by type (hostile review 34's 6)
      "beanOfType", "beanOfTypeIncludingAncestors", "beansOfTypeIncludingAncestors", "beanNamesForTypeIncludingAncestors");

  private final ProjectIndex index;
  private final java.util.function.BiFunction<String, java.util.Collection<String>,
      Optional<com.github.javaparser.ast.CompilationUnit>> unitMentioning;

  BeanLookups(ProjectIndex index, java.util.function.BiFunction<String, java.util.Collection<String>,
      Optional<com.github.javaparser.ast.CompilationUnit>> unitMentioning) {
    this.index = index;
    this.unitMentioning = unitMentioning;
  }

  /**
   * Where the file looks the bean up by its class held first ({@code Class<CountryDao> type = CountryDao.class;
   * context.getBean(type)}), by a helper that does it (hostile review 34), or by a constant of another class holding it.
   */
  Optional<String> held(String path, TypeFact bean) {
    Set<String> kept = keptInFields(bean);
    List<String> words = java.util.stream.Stream.concat(java.util.stream.Stream.of(bean.simpleName()), kept.stream())
        .toList();
    return unitMentioning.apply(path, words)
        .flatMap(unit -> HeldClassLookups.in(unit, bean, LOOKUPS, this::lookupOfParameter, kept));
  }

  /** Per file, where it looks beans up by a class it computes (bean-independent: judged once per file). */
  Optional<String> computed(String path) {
    return computedLookups.computeIfAbsent(path, p -> {
      List<String> words = java.util.stream.Stream.concat(LOOKUPS.stream(), lookupHelpers().stream()).toList();
      return unitMentioning.apply(p, words)
          .flatMap(unit -> HeldClassLookups.computed(unit, LOOKUPS, this::lookupOfParameter, namesHoldingLiterals()));
    });
  }

  private final Map<String, Optional<String>> computedLookups = new java.util.HashMap<>();

  /** The names of project methods that hand a parameter of theirs to a lookup ({@code Beans.get(Class<T> type)}). */
  private Set<String> lookupHelpers() {
    if (lookupHelpers == null) {
      lookupHelpers = new java.util.TreeSet<>();
      for (var method : index.methods()) {
        for (var call : method.fact().calls()) {
          // a parameter of the method handed to the lookup among its arguments (CallRef.parametersInArguments)
          if (LOOKUPS.contains(call.name()) && !call.parametersInArguments().isEmpty()) {
            lookupHelpers.add(method.fact().name());
          }
        }
      }
    }
    return lookupHelpers;
  }

  private Set<String> lookupHelpers;

  /** Names, anywhere in the project, of variables and fields holding a class literal: lookups by them are judged per bean. */
  private Set<String> namesHoldingLiterals() {
    if (namesHoldingLiterals == null) {
      namesHoldingLiterals = new java.util.TreeSet<>();
      for (var file : index.files()) {
        unitMentioning.apply(file.path(), List.of(".class;"))
            .ifPresent(unit -> namesHoldingLiterals.addAll(HeldClassLookups.namesHoldingLiterals(unit)));
      }
    }
    return namesHoldingLiterals;
  }

  private Set<String> namesHoldingLiterals;

  /** The names of the fields, in any file, other classes may read the bean's class literal from ({@code Types.DAO}). */
  private Set<String> keptInFields(TypeFact bean) {
    return keptInFields.computeIfAbsent(bean.qualifiedName(), type -> {
      Set<String> kept = new java.util.TreeSet<>();
      for (var file : index.files()) {
        unitMentioning.apply(file.path(), List.of(bean.simpleName()))
            .ifPresent(unit -> kept.addAll(HeldClassLookups.keptInFields(unit, bean)));
      }
      return kept;
    });
  }

  private final Map<String, Set<String>> keptInFields = new java.util.HashMap<>();

  /**
   * A lookup by type in a project method of this name and arity that its parameter at the position is handed to
   * ({@code <T> T bean(Class<T> type) { return context.getBean(type); }}), as {@code Beans.bean: context.getBean(type)}.
   */
  private Optional<String> lookupOfParameter(String name, int arguments, int position, String receiverType) {
    for (var candidate : index.methodsNamed(name)) {
      MethodFact method = candidate.fact();
      if (receiverType != null && receiverType.startsWith(HeldClassLookups.STATIC)) {
        if (!receiverFamily(method.ownerType()).contains(receiverType.substring(HeldClassLookups.STATIC.length()))) {
          continue; // URI.create(value): URI's static method, not the project's create
        }
      } else if (receiverType != null && !receiverFamily(method.ownerType()).contains(receiverType)
          && (JDK_RECEIVERS.contains(receiverType) || !index.typesNamed(receiverType).isEmpty())) {
        continue; // LABELS.get(ProductStore.class) on a Map: no call of the project's Beans.get (f15)
      }
      var params = method.params();
      boolean varArgs = !params.isEmpty() && params.get(params.size() - 1).varArgs();
      if (params.isEmpty() || params.size() != arguments && !(varArgs && arguments >= params.size() - 1)) {
        continue;
      }
      int parameter = Math.min(position, params.size() - 1);
      for (var call : java.util.stream.Stream.concat(method.calls().stream(), method.opaqueCalls().stream()).toList()) {
        // among the lookup's arguments, not its receiver (context.getBeansWithAnnotation(Finder.class) given the
        // context: halo's regression run)
        if (LOOKUPS.contains(call.name()) && call.parametersInArguments().contains(parameter)) {
          return Optional.of(method.displayName() + ": " + (call.snippet() == null ? call.name() + "(...)"
              : call.snippet().strip()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * JDK types a receiver may be declared with that hold values by class: a call on one is no project helper. A name
   * neither these nor a project type (a type variable) is no proof either way.
   */
  private static final Set<String> JDK_RECEIVERS = Set.of("Map", "HashMap", "LinkedHashMap", "TreeMap", "ConcurrentHashMap",
      "ConcurrentMap", "EnumMap", "IdentityHashMap", "WeakHashMap", "SortedMap", "NavigableMap", "List", "ArrayList",
      "LinkedList", "Set", "HashSet", "LinkedHashSet", "TreeSet", "Collection", "Deque", "ArrayDeque", "Queue",
      "Optional", "ClassValue", "ThreadLocal");

  /** The simple names of a type, what it extends and implements, and what extends or implements it. */
  private Set<String> receiverFamily(String type) {
    Set<String> family = new java.util.HashSet<>();
    java.util.stream.Stream.of(List.of(type), index.supertypesOf(type), index.subtypesOf(type)).flatMap(java.util.Collection::stream)
        .forEach(each -> family.add(simpleName(each)));
    return family;
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
