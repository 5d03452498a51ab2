package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.types.AnnotationValues;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the query that loads a returned entity fetches with it: the attribute paths of Spring Data's
 * {@code @EntityGraph} on the repository method ({@code attributePaths = {"roles", "roles.permissions"}}),
 * which are loaded with the row, so reading them from a cached, detached entity throws nothing.
 *
 * @param paths the fetched attribute paths, from the entity ({@code roles.permissions})
 * @param fetchGraph a FETCH graph (Spring Data's default): JPA treats every attribute it does not list as
 *     lazy, eager mappings included, so only the listed ones are known loaded
 */
record FetchPlan(Set<String> paths, boolean fetchGraph) {
  static final FetchPlan NONE = new FetchPlan(Set.of(), false);

  /** Whether the association at this path is loaded with the entity, given whether its mapping is eager. */
  boolean loaded(String path, boolean eager) {
    return paths.contains(path) || eager && !fetchGraph;
  }

  /** The paths below {@code path}, relative to it: what remains of the graph past that association. */
  String below(String path) {
    return String.join(",", paths.stream().filter(p -> p.startsWith(path + ".")).sorted().toList());
  }

  /**
   * The plan of the cached method's own {@code @EntityGraph}, or of the one repository method every return
   * of it hands back ({@code return userRepository.findWithRolesById(id)}); none otherwise.
   */
  static FetchPlan of(ProjectIndex index, IndexedMethod cached) {
    FetchPlan own = declared(index, cached);
    if (own != NONE || cached.fact().returnRoots().isEmpty()) {
      return own;
    }
    FetchPlan common = null;
    for (dev.optkit.analyzers.facts.Roots roots : cached.fact().returnRoots()) {
      CallRef call = returnedCall(cached.fact(), roots);
      List<IndexedMethod> targets = call == null ? List.of() : index.targetsOf(call);
      if (targets.isEmpty()) {
        return NONE;
      }
      for (IndexedMethod target : targets) {
        FetchPlan plan = declared(index, target);
        if (!target.fact().isAbstract() || common != null && !common.equals(plan)) {
          return NONE;
        }
        common = plan;
      }
    }
    return common == null ? NONE : common;
  }

  /**
   * The graph Spring Data applies to a query method it implements: an abstract method of a repository the
   * library implements. On a default method, a service's method or a fragment the project implements, Spring
   * Data runs the project's code and the annotation does nothing. A named graph ({@code value}) the entity
   * declares wins over the paths; optkit does not read named graphs, so it counts as none.
   */
  private static FetchPlan declared(ProjectIndex index, IndexedMethod method) {
    MethodFact fact = method.fact();
    String paths = fact.annotationValues().get(AnnotationValues.ENTITY_GRAPH_PATHS);
    if (paths == null && fact.isAbstract() && !fact.annotationValues().containsKey(AnnotationValues.ENTITY_GRAPH_NAMED)) {
      // @Query("SELECT r FROM Restaurant r JOIN FETCH r.menuItems m JOIN FETCH m.dish ..."): loaded with the rows
      Set<String> fetched = index.implementedByLibrary(method).map(site -> JoinFetchPaths.of(site.sql())).orElse(Set.of());
      return fetched.isEmpty() ? NONE : new FetchPlan(fetched, false);
    }
    if (paths == null || fact.annotationValues().containsKey(AnnotationValues.ENTITY_GRAPH_NAMED)
        || !fact.isAbstract() || index.implementedByLibrary(method).isEmpty()) {
      return NONE;
    }
    String type = fact.annotationValues().getOrDefault(AnnotationValues.ENTITY_GRAPH_TYPE, "FETCH");
    return new FetchPlan(new TreeSet<>(Arrays.asList(paths.split(","))), !type.endsWith("LOAD"));
  }

  /** The call a return's roots name when they are that one call's result ({@code c28:10:findWithRolesById@(this)}). */
  private static CallRef returnedCall(MethodFact fact, dev.optkit.analyzers.facts.Roots roots) {
    if (roots.any().size() != 1 || !(roots.any().get(0) instanceof dev.optkit.analyzers.facts.Root.CallResult result)
        || result.rows()) {
      return null;
    }
    return fact.calls().stream().filter(call -> call.name().equals(result.name()) && call.range().line() == result.line()
        && call.range().column() == result.column()).findFirst().orElse(null);
  }

}
