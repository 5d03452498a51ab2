package dev.optkit.rewriters.caching.keys;

import dev.optkit.analyzers.facts.CallReceiver;
import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Getters of interfaces that no project method implements, but code that is not in the sources does, as a plain field
 * read: Spring Data's projections (a repository query answers the interface) and Lombok's {@code @Getter} on a
 * project class implementing it. Any other unseen implementation may hold state a cache key does not cover.
 */
final class GeneratedGetters {
  private final ProjectIndex index;

  GeneratedGetters(ProjectIndex index) {
    this.index = index;
  }

  /**
   * A getter without arguments, called or referenced unbound ({@code Category::getId} mapped over elements), whose
   * declaring interfaces are Spring Data projections (a repository query answers them) or are implemented by a
   * project class holding the property's field under Lombok's {@code @Getter}/{@code @Data}/{@code @Value}: the
   * library or Lombok writes it as a field read (audit 13's s14). A getter of a bean nothing in the project implements
   * (a lambda, an anonymous class: hostile review 37's e1-e5) is asked like any other call.
   */
  boolean generatedGetter(CallRef call, List<IndexedMethod> targets) {
    String name = call.name();
    String property = name.startsWith("get") && name.length() > 3 ? name.substring(3)
        : name.startsWith("is") && name.length() > 2 ? name.substring(2) : null;
    boolean unboundReference = call.argumentCount() < 0 && call.receiver() == CallReceiver.TYPE;
    if (property == null || !(call.argumentCount() == 0 || unboundReference)) {
      return false;
    }
    String field = Character.toLowerCase(property.charAt(0)) + property.substring(1);
    return targets.stream().allMatch(target -> projection(target.fact().ownerType())
        || index.subtypesOf(target.fact().ownerType()).stream().anyMatch(sub -> lombokField(sub, field)));
  }

  private boolean lombokField(String type, String field) {
    List<String> chain = new ArrayList<>(index.supertypesOf(type));
    chain.add(type);
    return chain.stream().flatMap(t -> index.type(t).stream()).anyMatch(t -> t.fieldTypes().containsKey(field)
        && t.annotations().stream().map(a -> a.substring(a.lastIndexOf('.') + 1))
            .anyMatch(a -> a.equals("Getter") || a.equals("Data") || a.equals("Value")));
  }

  /** An interface a repository query method answers: Spring Data implements its getters from the query's values. */
  private boolean projection(String type) {
    if (projections == null) {
      projections = new java.util.HashSet<>();
      for (IndexedMethod query : index.methods()) {
        if (query.fact().isAbstract() && index.implementedByLibrary(query).isPresent()) {
          projections.add(query.fact().returnType());
          dev.optkit.analyzers.index.ReturnTypeArguments.of(query.fact()).forEach(argument ->
              index.typesNamed(TypeNames.raw(argument.asString())).forEach(t -> projections.add(t.qualifiedName())));
        }
      }
    }
    return projections.contains(type) && index.type(type).map(t -> t.kind().equals("interface")).orElse(false);
  }

  private Set<String> projections;

}
