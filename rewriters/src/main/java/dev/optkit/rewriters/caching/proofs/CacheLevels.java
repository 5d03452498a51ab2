package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.index.CallWalk;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One cache level per data, beyond the planner's own targets: a project cache below a candidate (whose reads the call
 * graph then hides from the candidate's writers), and reads nothing calls, which step aside for the one below them.
 */
public final class CacheLevels {
  private final ProjectIndex index;
  private final Predicate<IndexedMethod> springForm;
  private final Predicate<String> templatesMention;

  /**
   * @param templatesMention whether the project's view templates hold a text ({@code WholeProject#templatesMention})
   */
  public CacheLevels(ProjectIndex index, Predicate<IndexedMethod> springForm, Predicate<String> templatesMention) {
    this.index = index;
    this.springForm = springForm;
    this.templatesMention = templatesMention;
  }

  /**
   * A Spring bean's method of a class that nothing in production calls, that is no entry point (handler, listener,
   * scheduled) and declares nothing a supertype declares (which callers may reach through the supertype), in an
   * application that has request handlers: dead code, or code outside the project's.
   */
  public boolean uncalledBesideHandlers(IndexedMethod method) {
    MethodFact fact = method.fact();
    if (!springForm.test(method) || fact.isAbstract() || fact.isStatic() || !hasHandlers()
        || dev.optkit.analyzers.index.WebEntryPoints.hasEntryAnnotation(fact) || mayBeAnEntryPoint(fact)
        || index.webEntryPoints().whyEntryPoint(method).isPresent()
        || !index.callersOf(method).stream().allMatch(caller -> SourceSet.isTestPath(caller.path()))
        || calledUnresolved(method) || calledByFieldCode(fact.name()) || calledByExpression(fact.name())) {
      return false;
    }
    boolean declaredAbove = index.supertypesOf(fact.ownerType()).stream()
        .filter(type -> !type.equals(fact.ownerType()) && !type.equals("java.lang.Object")
            && !type.equals("java.io.Serializable"))
        .anyMatch(type -> index.type(type).isEmpty() || !index.methods(type, fact.name()).isEmpty());
    return !declaredAbove;
  }

  /**
   * Annotations that say nothing of who calls a method: any other on it may be a framework's entry point the lists
   * of handlers and listeners do not name (an actuator's {@code @ReadOperation}, {@code @KafkaHandler}, Spring AI's
   * {@code @Tool}: the hostile review of 2026-11-30).
   */
  private static final Set<String> NO_CALLERS_TOLD = Set.of("Override", "Deprecated", "SuppressWarnings", "SafeVarargs",
      "Transactional", "Cacheable", "CacheEvict", "CachePut", "Caching", "Nullable", "NonNull", "NotNull", "Nonnull",
      "CheckForNull", "Generated", "Valid", "Validated", "Timed", "Counted", "Observed", "Retryable", "Async",
      "Lock", "Modifying", "Query", "ReadOnly", "Synchronized", "SneakyThrows");

  private static boolean mayBeAnEntryPoint(MethodFact fact) {
    return fact.annotations().stream().anyMatch(annotation -> !NO_CALLERS_TOLD.contains(
        annotation.substring(annotation.lastIndexOf('.') + 1)));
  }

  /** The names production field initialisers, initialiser blocks and enum constants call: built on first use. */
  private Set<String> fieldCodeNames;

  /** Whether a field initialiser, an initialiser block or an enum constant of production code calls the name. */
  private boolean calledByFieldCode(String name) {
    if (fieldCodeNames == null) {
      fieldCodeNames = new java.util.HashSet<>();
      index.types().stream().filter(type -> !SourceSet.isTestPath(java.util.Objects.toString(
              index.pathOfType(type.qualifiedName()), "")))
          .flatMap(type -> type.fieldCodeCalls().stream())
          .forEach(call -> fieldCodeNames.add(call.substring(Math.max(call.lastIndexOf('.'), call.lastIndexOf('#')) + 1)));
    }
    return fieldCodeNames.contains(name);
  }

  /** The production annotations' texts that may be expressions (they call something): built on first use. */
  private java.util.List<String> expressionTexts;

  /**
   * Whether Spring's expression language may call it: a production annotation's text ({@code @PreAuthorize(
   * "@names.nickname(#id) != null")}) or a view template ({@code ${@names.nickname('me')}}) names it as a call.
   */
  private boolean calledByExpression(String name) {
    if (expressionTexts == null) {
      expressionTexts = java.util.stream.Stream.concat(index.methods().stream()
              .filter(m -> !SourceSet.isTestPath(m.path())).flatMap(m -> m.fact().annotationValues().values().stream()),
              index.types().stream().flatMap(type -> type.annotationValues().values().stream()))
          .filter(value -> value.indexOf('(') >= 0).distinct().toList();
    }
    String called = "." + name + "(";
    return expressionTexts.stream().anyMatch(value -> value.contains(called)) || templatesMention.test(called);
  }

  /** Production calls by method name, resolved or not: built on first use. */
  private Map<String, java.util.List<dev.optkit.analyzers.facts.CallRef>> productionCallsByName;

  /**
   * Whether production code makes a call the call graph could not tie to a method that may be this one: its name and
   * number of arguments, on this class, a type above it, or a receiver no one could type. A call that does not type-check
   * (a {@code Long} handed to a {@code String} parameter) has no edge, yet the code calls the method (a trial's GET
   * handler was said to call nothing).
   */
  private boolean calledUnresolved(IndexedMethod method) {
    if (productionCallsByName == null) {
      productionCallsByName = new java.util.HashMap<>();
      for (IndexedMethod each : index.methods()) {
        if (!SourceSet.isTestPath(each.path())) {
          each.fact().allCalls().forEach(call -> productionCallsByName.computeIfAbsent(call.name(),
              name -> new java.util.ArrayList<>()).add(call));
        }
      }
    }
    MethodFact fact = method.fact();
    Set<String> receivers = new java.util.HashSet<>(index.supertypesOf(fact.ownerType()));
    receivers.add(fact.ownerType());
    return productionCallsByName.getOrDefault(fact.name(), java.util.List.of()).stream()
        .anyMatch(call -> call.argumentCount() == fact.params().size()
            && (call.receiverType() == null || receivers.contains(call.receiverType())));
  }

  private Boolean handlers;

  private boolean hasHandlers() {
    if (handlers == null) {
      handlers = index.methods().stream().anyMatch(m -> !SourceSet.isTestPath(m.path())
          && index.webEntryPoints().whyEntryPoint(m).isPresent() && m.fact().annotations().stream()
              .anyMatch(a -> a.endsWith("Mapping")));
    }
    return handlers;
  }

  /** A method the cached one reaches through project calls that the project caches itself, or empty. */
  public Optional<IndexedMethod> projectCachedCallee(IndexedMethod method) {
    // each callee with the class calling it: a call within one class goes through 'this', past the project's cache
    // proxy (the spring sample's toBaseCurrency() calling its own @Cacheable getRate()), so its reads are seen
    return CallWalk.over(index, CallWalk.Edges.CALLEES).follow(callee -> callee != method)
        .stopAt(callee -> SourceSet.isTestPath(callee.path())).maxMethods(2_000).reachedFrom(method)
        .filter(step -> !SourceSet.isTestPath(step.method().path()) && !throughThis(step)
            && index.alreadyCached(step.method()))
        .map(CallWalk.Step::method).findFirst();
  }

  /** Whether the walk reached this method by a call within one class, through 'this'. */
  private boolean throughThis(CallWalk.Step step) {
    String calling = step.from().fact().ownerType();
    return step.method().fact().ownerType().equals(calling)
        && index.type(calling).map(t -> t.kind().equals("class")).orElse(false);
  }

}
