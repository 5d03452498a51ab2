package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;

/** Which overloads of a method an entity handed to a method reference can run. */
public final class ReferenceOverloads {
  private ReferenceOverloads() {}

  /**
   * {@code images.stream().map(this::toImageSnapshot)}: a method reference handed the entity runs the
   * overload whose parameter takes it, not every method of that name. An overload whose parameter is a
   * project type the entity neither is nor extends cannot take it; a JDK or library type may. When no
   * overload is left, all are kept.
   */
  public static List<IndexedMethod> taking(ProjectIndex index, List<IndexedMethod> targets, MethodFact.HandOff handOff,
      ReturnedEntity entity) {
    if (handOff.toArguments() >= 0 || handOff.part() || handOff.held() || handOff.position() < 0 || targets.size() < 2) {
      return targets;
    }
    List<IndexedMethod> taking = targets.stream().filter(target -> takes(index, target, handOff.position(), entity.qualifiedName()))
        .toList();
    return taking.isEmpty() ? targets : taking;
  }

  private static boolean takes(ProjectIndex index, IndexedMethod target, int position, String type) {
    if (position >= target.fact().params().size()) {
      return false;
    }
    String parameter = TypeNames.raw(target.fact().params().get(position).qualifiedType());
    return index.type(parameter).isEmpty() || parameter.equals(type) || index.supertypesOf(type).contains(parameter);
  }
}
