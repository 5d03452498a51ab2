package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.ParamFact;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Code that runs once per start of the application, not per request: lifecycle callbacks ({@code @PostConstruct}, {@code afterPropertiesSet()}), start-up runners
 * ({@code CommandLineRunner}, {@code ApplicationRunner}), listeners of start-up events, and the
 * project methods only they call. Its calls are real I/O but a per-day price (calls/day x latency)
 * would count them thousands of times. Computed once over the whole call graph: a method is
 * start-up code when it is an entry above, or has callers and all of them are start-up code.
 * {@code main} is not an entry: in a batch job or a command-line tool, what main calls is the work.
 */
public final class StartupCode {
  private static final Set<String> LIFECYCLE_ANNOTATIONS = Set.of(
      "javax.annotation.PostConstruct", "jakarta.annotation.PostConstruct", "PostConstruct");
  private static final Set<String> STARTUP_EVENTS = Set.of(
      "org.springframework.boot.context.event.ApplicationReadyEvent",
      "org.springframework.boot.context.event.ApplicationStartedEvent",
      "org.springframework.context.event.ContextRefreshedEvent",
      "io.quarkus.runtime.StartupEvent", "io.micronaut.context.event.StartupEvent");
  private static final Set<String> RUNNERS = Set.of(
      "org.springframework.boot.CommandLineRunner", "org.springframework.boot.ApplicationRunner");

  private final ProjectIndex index;
  private Map<IndexedMethod, String> startup;

  public StartupCode(ProjectIndex index) {
    this.index = index;
  }

  /** Why the method runs only at start-up, or empty when it may run per request. */
  public synchronized Optional<String> whyStartupOnly(IndexedMethod method) {
    if (startup == null) {
      startup = compute();
    }
    return Optional.ofNullable(startup.get(method));
  }

  private Map<IndexedMethod, String> compute() {
    Map<IndexedMethod, String> entries = new java.util.IdentityHashMap<>();
    for (IndexedMethod method : index.methods()) {
      entry(method).ifPresent(why -> entries.put(method, why));
    }
    return OnlyCalledFrom.closure(index, entries, "called only at start-up, from");
  }

  private Optional<String> entry(IndexedMethod method) {
    MethodFact fact = method.fact();
    if (LIFECYCLE_ANNOTATIONS.stream().anyMatch(fact::hasAnnotation)) {
      return Optional.of("runs at start-up (@PostConstruct)");
    }
    List<String> supertypes = index.supertypesOf(fact.ownerType());
    if (fact.name().equals("afterPropertiesSet") && fact.params().isEmpty()
        && supertypes.contains("org.springframework.beans.factory.InitializingBean")) {
      return Optional.of("runs at start-up (InitializingBean.afterPropertiesSet)");
    }
    if (fact.name().equals("run") && supertypes.stream().anyMatch(RUNNERS::contains)) {
      return Optional.of("runs at start-up (" + supertypes.stream().filter(RUNNERS::contains).findFirst()
          .map(t -> t.substring(t.lastIndexOf('.') + 1)).orElseThrow() + ")");
    }
    boolean listener = fact.hasAnnotation("org.springframework.context.event.EventListener")
        || fact.name().equals("onApplicationEvent") || fact.hasAnnotation("jakarta.enterprise.event.Observes");
    if (listener && fact.params().stream().map(ParamFact::qualifiedType).anyMatch(STARTUP_EVENTS::contains)) {
      return Optional.of("runs at start-up (a listener of a start-up event)");
    }
    String listened = fact.annotationValue("org.springframework.context.event.EventListener");
    if (listened != null && STARTUP_EVENTS.stream().anyMatch(e -> listened.contains(e.substring(e.lastIndexOf('.') + 1)))) {
      return Optional.of("runs at start-up (@EventListener of a start-up event)");
    }
    return Optional.empty();
  }
}
