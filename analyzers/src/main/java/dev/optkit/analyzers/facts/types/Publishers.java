package dev.optkit.analyzers.facts.types;

import java.util.List;
import java.util.Set;

/**
 * Whether a type is a reactive publisher (Reactor's {@code Mono} and {@code Flux}, Reactive Streams, RxJava, Mutiny): a
 * lazy pipeline that runs again for each subscriber, and completes after the method that returned it. The one reader
 * of that question, for the rule, the planner and the writers' evictions alike.
 */
public final class Publishers {
  /** Packages whose types are publishers, as qualified names start. */
  private static final List<String> PACKAGES = List.of("reactor.core.publisher.", "org.reactivestreams.",
      "io.reactivex.", "io.smallrye.mutiny.");
  /** Unmistakable simple names for publishers the solver left unqualified. */
  private static final Set<String> SIMPLE_NAMES = Set.of("Mono", "Flux");

  private Publishers() {}

  /** Whether the type (qualified, with or without type arguments, or a simple name left unresolved) is a publisher. */
  public static boolean is(String type) {
    String raw = type.indexOf('<') < 0 ? type : type.substring(0, type.indexOf('<'));
    return PACKAGES.stream().anyMatch(raw::startsWith) || raw.indexOf('.') < 0 && SIMPLE_NAMES.contains(raw);
  }
}
