package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.facts.ParamFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a parameter can be part of a cache key: immutable values with a stable equals. Mutable
 * collections, arrays, streams and entities cannot: a key that changes after insertion loses its entry.
 */
final class KeyableTypes {
  private static final Set<String> VALUE_TYPES = Set.of(
      "boolean", "byte", "char", "short", "int", "long", "float", "double",
      "java.lang.Boolean", "java.lang.Byte", "java.lang.Character", "java.lang.Short", "java.lang.Integer",
      "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.String", "java.util.UUID",
      "java.math.BigDecimal", "java.math.BigInteger", "java.util.Locale", "java.util.Currency", "java.net.URI",
      "java.time.Duration", "java.time.Period", "java.time.ZoneId", "java.time.DayOfWeek", "java.time.Month",
      "java.util.concurrent.TimeUnit", "java.lang.Class");

  private static final java.util.List<String> MUTABLE_CONTAINERS =
      java.util.List.of("List", "Set", "Map", "Collection", "Queue", "Deque");

  /** Spring Data's paging values: keys migrate bounds by weight, as their size is the caller's choice. */
  private static final Set<String> SPRING_DATA_PAGING = Set.of(
      "org.springframework.data.domain.Pageable", "org.springframework.data.domain.PageRequest",
      "org.springframework.data.domain.Sort", "org.springframework.data.domain.Limit");

  private KeyableTypes() {}

  /** A project type extending or implementing one of Spring Data's paging types (its supertypes are not indexed). */
  private static boolean projectImplements(ProjectIndex index, String type) {
    return index.hasSubtypes(type) || index.hasSubtypes("org.springframework.data.domain.AbstractPageRequest")
        || SPRING_DATA_PAGING.stream().anyMatch(index::hasSubtypes);
  }

  /** Why a class whose equals Lombok writes is no key: what optkit does not show, not a claim about the code. */
  private static String lombokEqualsUnshown(ParamFact param) {
    return "parameter '" + param.name() + "' (" + param.type() + ") has an equals Lombok writes, which optkit cannot "
        + "show compares every field the read uses, nor that they never change (a field left out or transient, a "
        + "superclass's state, a getter of its own, an array, or a field holding a changeable object)";
  }

  /** Empty when keyable, else why not. */
  static Optional<String> whyNotKeyable(ParamFact param, ProjectIndex index) {
    String type = param.qualifiedType();
    if (param.varArgs() || param.type().endsWith("[]")) {
      return Optional.of("parameter '" + param.name() + "' is an array");
    }
    if (VALUE_TYPES.contains(type) || dev.optkit.analyzers.facts.types.TimeValues.immutable(type)) {
      return Optional.empty();
    }
    if (SPRING_DATA_PAGING.contains(type)) {
      // Spring Data's own implementations (PageRequest, Sort, Limit, the unpaged instance) are immutable with an
      // equals over every field; a project's own Pageable may compare fewer (an offset request equal by its offset)
      return projectImplements(index, type) ? Optional.of("parameter '" + param.name() + "' is a " + param.type()
          + " that the project implements itself, whose equals may leave out part of the request")
          : Optional.empty();
    }
    Optional<TypeFact> declared = index.type(type);
    if (declared.isPresent()) {
      TypeFact fact = declared.get();
      if (fact.kind().equals("enum")) {
        return Optional.empty();
      }
      if (fact.kind().equals("record")) {
        // a record's equals compares its components with their own equals: an array by identity, a
        // mutable collection by content that may change while it is a key
        for (var component : fact.fieldTypes().entrySet()) {
          String componentType = component.getValue();
          if (componentType.endsWith("[]")) {
            return Optional.of("parameter '" + param.name() + "' (" + param.type() + ") holds an array, "
                + component.getKey() + ", which its equals compares by identity");
          }
          if (componentType.startsWith("java.util.") && MUTABLE_CONTAINERS.stream().anyMatch(componentType::endsWith)) {
            return Optional.of("parameter '" + param.name() + "' (" + param.type() + ") holds a mutable collection, "
                + component.getKey() + ", which may change while it is a key");
          }
        }
        return Optional.empty();
      }
      if (fact.annotations().stream().anyMatch(a -> a.endsWith(".Entity") || a.endsWith(".Document") || a.equals("Entity"))) {
        return Optional.of("parameter '" + param.name() + "' is an entity (mutable, identity-based)");
      }
      // fields a project superclass holds: the subclass's equals may leave them out
      for (String ancestor : index.supertypesOf(type)) {
        Optional<TypeFact> parent = ancestor.equals(type) ? Optional.empty() : index.type(ancestor);
        if (parent.isPresent() && parent.get().kind().equals("class") && !parent.get().fieldTypes().isEmpty()
            && !fact.kind().equals("record")) {
          return Optional.of("parameter '" + param.name() + "' (" + param.type() + ") inherits fields from "
              + parent.get().simpleName() + " that its equals may leave out");
        }
      }
      if (!fact.hasEqualsAndHashCode() && fact.annotations().stream().anyMatch(a -> a.equals("lombok.Data")
          || a.equals("Data") || a.endsWith(".Data") && !index.type(a).isPresent())) {
        if (!fact.nonFinalFields().isEmpty()) {
          // Lombok's equals compares every field, but @Data also writes setters for the ones not final
          return Optional.of("parameter '" + param.name() + "' (" + param.type() + ") is a Lombok @Data class with "
              + "fields that are not final: its setters let a caller change a key the cache holds, and the entry "
              + "then answers for a key it was not computed for");
        }
        return Optional.of(lombokEqualsUnshown(param));
      }
      if (!fact.hasEqualsAndHashCode() && fact.lombokEqualsFields() != null && !fact.isInterface()) {
        return Optional.of(lombokEqualsUnshown(param));
      }
      if (!fact.hasEqualsAndHashCode() && !fact.isInterface() && !index.methods(type, "equals").isEmpty()) {
        // an equals of its own that optkit cannot show compares every field: said as what optkit cannot show
        return Optional.of("parameter '" + param.name() + "' (" + param.type() + ") has an equals optkit cannot show "
            + "compares every field (it names some fields only, or compares through other methods): two keys equal by "
            + "some fields would share an answer computed from the others");
      }
      return fact.hasEqualsAndHashCode() && !fact.isInterface() ? Optional.empty()
          : Optional.of("parameter '" + param.name() + "' (" + param.type() + ") has no equals/hashCode over all its "
              + "fields: two keys equal by some fields would share an answer computed from the others");
    }
    if (CollectionKeys.copiedAs(param, index).isPresent()) {
      return Optional.empty(); // keyed by a copy made before the call (CollectionKeys)
    }
    if (type.equals("java.util.Set") || type.equals("java.util.Collection") || type.equals("java.util.SortedSet")) {
      return Optional.of("parameter '" + param.name() + "' is a " + param.type() + ": a set's answers may depend on its "
          + "class (a TreeSet's comparator, a LinkedHashSet's order), which a key of its values does not keep, and its "
          + "caller may change it after the call");
    }
    if (type.startsWith("java.util.") && (type.endsWith("List") || type.endsWith("Set") || type.endsWith("Map")
        || type.endsWith("Collection") || type.endsWith("Queue") || type.endsWith("Deque"))) {
      return Optional.of("parameter '" + param.name() + "' is a mutable collection");
    }
    if (type.startsWith("java.util.stream.") || type.startsWith("java.io.") || type.endsWith("Iterator")
        || type.endsWith("Iterable")) {
      return Optional.of("parameter '" + param.name() + "' is consumed once (" + param.type() + ")");
    }
    return Optional.of("parameter '" + param.name() + "' (" + param.type() + ") is not a known value type");
  }
}
