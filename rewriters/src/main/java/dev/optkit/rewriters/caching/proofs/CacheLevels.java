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

  public CacheLevels(ProjectIndex index, Predicate<IndexedMethod> springForm) {
    this.index = index;
    this.springForm = springForm;
  }

  /**
   * A Spring bean's method of a class that nothing in production calls, that is no entry point (handler, listener,
   * scheduled) and declares nothing a supertype declares (which callers may reach through the supertype), in an
   * application that has request handlers: dead code, or code outside the project's.
   */
  public boolean uncalledBesideHandlers(IndexedMethod method) {
    MethodFact fact = method.fact();
    if (!springForm.test(method) || fact.isAbstract() || fact.isStatic()
        || dev.optkit.analyzers.index.WebEntryPoints.hasEntryAnnotation(fact)
        || index.webEntryPoints().whyEntryPoint(method).isPresent()
        || !index.callersOf(method).stream().allMatch(caller -> SourceSet.isTestPath(caller.path()))
        || calledUnresolved(method)) {
      return false;
    }
    boolean declaredAbove = index.supertypesOf(fact.ownerType()).stream()
        .filter(type -> !type.equals(fact.ownerType()) && !type.equals("java.lang.Object")
            && !type.equals("java.io.Serializable"))
        .anyMatch(type -> index.type(type).isEmpty() || !index.methods(type, fact.name()).isEmpty());
    return !declaredAbove && hasHandlers();
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
