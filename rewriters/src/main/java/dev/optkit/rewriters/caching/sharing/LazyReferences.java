package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a cached entity read answers a lazy reference instead of a loaded entity: a proxy whose state loads on first
 * use through the persistence context that made it (trial 46's planning-api {@code getDay}; hostile review 49).
 */
final class LazyReferences {
  private final ProjectIndex index;

  LazyReferences(ProjectIndex index) {
    this.index = index;
  }

  /** The client methods answering a lazy reference instead of a loaded entity, by client. */
  private static final java.util.Map<String, Set<String>> LAZY_REFERENCES = java.util.Map.of(
      "spring-data-repository", Set.of("getById", "getOne", "getReferenceById"),
      "jpa-entity-manager", Set.of("getReference"), "hibernate-session", Set.of("load", "getReference"));

  /** Hibernate's loaders whose {@code .getReference(id)} answers a proxy ({@code session.byId(Day.class)}). */
  private static final Set<String> HIBERNATE_LOADERS = Set.of("byId", "byNaturalId", "bySimpleNaturalId");

  /**
   * The lazy-reference method the cached method reaches ({@code repository.getById(id)}, {@code
   * session.byId(Day.class).getReference(id)}), or the getter of a lazy to-one association whose proxy it may return
   * ({@code findById(id).map(Day::getPrevious)}: hostile review 49's L1, L2), if any. A repository's own derived
   * query of that name ({@code Optional<Day> getById(Integer id)} on a {@code CrudRepository}) loads the row.
   */
  Optional<String> of(IndexedMethod cached, String entity) {
    Optional<String> reference = index.reachedIo(cached).stream().map(reached -> reached.site())
        .filter(site -> LAZY_REFERENCES.getOrDefault(site.clientId(), Set.of()).contains(site.method())
                && !derivedQuery(site)
            || site.clientId().equals("hibernate-session") && HIBERNATE_LOADERS.contains(site.method())
                && site.snippet() != null && site.snippet().contains("getReference"))
        .map(site -> "reads it by " + site.method() + "()").sorted().findFirst();
    if (reference.isPresent()) {
      return reference;
    }
    Set<String> lazyGetters = new java.util.TreeSet<>();
    for (TypeFact type : index.types()) {
      for (TypeFact.Association association : index.associations(type.qualifiedName())) {
        if (!association.eager() && !association.toMany() && entity.equals(association.target())) {
          String field = association.field();
          lazyGetters.add("get" + Character.toUpperCase(field.charAt(0)) + field.substring(1));
        }
      }
    }
    return cached.fact().calls().stream().map(CallRef::name).filter(lazyGetters::contains).sorted().findFirst()
        .map(getter -> "may answer it through " + getter + "(), the getter of a lazy association");
  }

  /** A query method the project's repository declares under that name: Spring Data derives it, and it loads. */
  private boolean derivedQuery(dev.optkit.analyzers.facts.IoSite site) {
    if (!site.clientId().equals("spring-data-repository") || site.receiverType() == null) {
      return false;
    }
    List<String> owners = new ArrayList<>(List.of(site.receiverType()));
    owners.addAll(index.supertypesOf(site.receiverType()));
    return owners.stream().anyMatch(owner -> !index.methods(owner, site.method()).isEmpty());
  }
}
