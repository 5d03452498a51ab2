package dev.optkit.rewriters.caching.keys;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.WholeProject;
import java.util.Optional;
import java.util.Set;

/**
 * A production caller handing a method reference of the cached method to another call ({@code sorted(repo::names)},
 * {@code sorted(super::names)}): what that call does with the results it gets is not followed, as it is for a
 * lambda's value, so a mutable result is refused (hostile review 34's s6, s6c: a helper sorted the cached list in
 * place). A reference a stream or future maps with ({@code ids.stream().map(dao::find)}) is followed as values are.
 */
public final class ReferencedReads {
  private static final Set<String> MAPPING = Set.of("map", "flatMap", "mapMulti", "thenApply", "thenCompose",
      "thenApplyAsync", "thenComposeAsync", "mapToObj", "flatMapIterable", "concatMap", "switchMap");

  private ReferencedReads() {}

  public static Optional<String> handedOn(ProjectIndex index, WholeProject whole, IndexedMethod cached) {
    // the cached method, then every method that returns its result as it is (BaseReader.names() { return repo.names(); })
    java.util.Deque<IndexedMethod> returning = new java.util.ArrayDeque<>(java.util.List.of(cached));
    Set<IndexedMethod> seen = new java.util.HashSet<>();
    while (!returning.isEmpty()) {
      IndexedMethod method = returning.pop();
      if (!seen.add(method)) {
        continue;
      }
      Optional<String> handed = handedOn(index, whole, method, returning);
      if (handed.isPresent()) {
        return handed;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> handedOn(ProjectIndex index, WholeProject whole, IndexedMethod cached,
      java.util.Deque<IndexedMethod> returning) {
    String name = cached.fact().name();
    for (IndexedMethod caller : index.callersOf(cached)) {
      if (SourceSet.isTestPath(caller.path())) {
        continue;
      }
      if (caller.fact().handOffs().stream().anyMatch(h -> name.equals(h.fromCall())
          && h.returned() && !h.part())) {
        returning.push(caller);
      }
      for (CallRef call : caller.fact().calls()) {
        if (call.argumentCount() != -1 || !call.name().equals(name) || !index.allTargetsOf(call).contains(cached)) {
          continue;
        }
        Optional<String> into = whole.declaration(caller).flatMap(body -> body.findAll(MethodReferenceExpr.class)
            .stream().filter(reference -> reference.getIdentifier().equals(name))
            .map(reference -> reference.getParentNode().orElse(null))
            .filter(parent -> !(parent instanceof MethodCallExpr consumer && MAPPING.contains(consumer.getNameAsString())))
            .map(parent -> parent instanceof MethodCallExpr consumer ? consumer.getNameAsString() + "()" : "a variable")
            .findFirst());
        if (into.isPresent() || whole.declaration(caller).isEmpty()) {
          return Optional.of(caller.fact().displayName() + "() hands a reference to it (" + call.snippet() + ") to "
              + into.orElse("code optkit cannot read") + ", and optkit does not follow what is done with the results "
              + "it gets: a cached result is one object shared by every caller");
        }
      }
    }
    return Optional.empty();
  }
}
