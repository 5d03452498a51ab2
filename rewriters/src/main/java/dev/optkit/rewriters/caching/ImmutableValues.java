package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.Optional;
import java.util.Set;

/**
 * Values nobody can change, so sharing one cached object between callers is harmless: JDK value types,
 * {@code java.time} values, enums and records or final classes of such values, and JDK containers holding only them.
 */
final class ImmutableValues {
  private final ProjectIndex index;

  ImmutableValues(ProjectIndex index) {
    this.index = index;
  }

  /** JDK value types nobody can change; with {@code java.time.*} the immutable results a cache may share. */
  static final Set<String> JDK_VALUES = dev.optkit.analyzers.facts.JdkValues.TYPES;

  static final Set<String> CONTAINERS = Set.of("List", "Set", "Collection", "Iterable", "SortedSet",
      "NavigableSet", "Queue", "Deque", "ArrayList", "LinkedList", "HashSet", "LinkedHashSet", "TreeSet", "Map",
      "HashMap", "LinkedHashMap", "TreeMap", "SortedMap", "NavigableMap", "Optional");

  /** {@code Set<Long>}, {@code Map<String, Integer>}: a JDK container whose type arguments are all immutable values. */
  boolean holdsImmutables(String written) {
    int open = written.indexOf('<');
    if (open < 0 || !written.endsWith(">")) {
      return false;
    }
    String raw = written.substring(0, open).trim();
    if (!CONTAINERS.contains(raw.substring(raw.lastIndexOf('.') + 1))) {
      return false;
    }
    for (String argument : written.substring(open + 1, written.length() - 1).split(",")) {
      String simple = argument.trim();
      if (simple.contains("<") || simple.contains("?")) {
        return false;
      }
      String bare = simple.substring(simple.lastIndexOf('.') + 1);
      if (!immutable("java.lang." + bare) && !immutable(simple)) {
        return false;
      }
    }
    return true;
  }
  /**
   * {@code List<ItemDto>}: a JDK container of objects holding immutable values only (a project class, not an entity,
   * without subclasses, whose fields and its project superclasses' are all immutable values; setters or not). What it
   * holds may be values read from a result, never the result or a mutable part of it (audit 16's S-13: items mapped
   * by a static method reference, {@code map(ItemMapper::toDto)}, to DTOs of their scalars).
   */
  boolean holdsValueObjects(String written) {
    int open = written.indexOf('<');
    if (open < 0 || !written.endsWith(">")) {
      return false;
    }
    String raw = written.substring(0, open).trim();
    if (!CONTAINERS.contains(raw.substring(raw.lastIndexOf('.') + 1))) {
      return false;
    }
    for (String argument : written.substring(open + 1, written.length() - 1).split(",")) {
      String simple = argument.trim();
      if (simple.contains("<") || simple.contains("?")) {
        return false;
      }
      String bare = simple.substring(simple.lastIndexOf('.') + 1);
      if (immutable("java.lang." + bare) || immutable(simple)) {
        continue;
      }
      java.util.List<TypeFact> named = index.typesNamed(bare);
      if (named.size() != 1 || !valuesOnly(named.get(0))) {
        return false;
      }
    }
    return true;
  }

  private boolean valuesOnly(TypeFact type) {
    if (!type.kind().equals("class") || !type.typeParameters().isEmpty()
        || !index.subtypesOf(type.qualifiedName()).isEmpty()
        || type.annotations().stream().anyMatch(a -> a.equals("Entity") || a.endsWith(".Entity"))) {
      return false;
    }
    for (String each : index.supertypesOf(type.qualifiedName())) {
      if (each.equals(type.qualifiedName()) || each.equals("java.lang.Object") || each.equals("java.io.Serializable")) {
        continue;
      }
      Optional<TypeFact> parent = index.type(each);
      if (parent.isEmpty() || !parent.get().kind().equals("class") && !parent.get().kind().equals("interface")
          || !parent.get().fieldTypes().values().stream().allMatch(this::immutable)) {
        return false;
      }
    }
    return type.fieldTypes().values().stream().allMatch(this::immutable);
  }

  /** A result nobody can change, so sharing it through a field is harmless. */
  boolean immutable(String type) {
    return immutable(type, 0);
  }

  /** A record is as immutable as its components: {@code record Tags(List<String> tags)} is not. */
  private boolean immutable(String type, int depth) {
    if ((JDK_VALUES.contains(type) || dev.optkit.analyzers.facts.TimeValues.immutable(type))
        && index.typesNamed(type.substring(type.lastIndexOf('.') + 1)).isEmpty()) {
      return true; // unless a project class of that simple name (its own Long) may be what the source means
    }
    Optional<TypeFact> fact = index.type(type);
    if (fact.isEmpty() || depth > 3) {
      return false;
    }
    TypeFact value = fact.get();
    // final fields only, none inherited or added by a subclass: a record by another name (an enum too: k1 of review 34)
    boolean finalClass = value.kind().equals("class") && value.allFieldsFinal()
        && value.interfaces().containsAll(value.superTypes())
        && (value.isFinal() || index.subtypesOf(type).isEmpty());
    return value.kind().equals("enum") && value.allFieldsFinal() || (value.kind().equals("record") || finalClass)
        && value.fieldTypes().values().stream().allMatch(component -> immutable(component, depth + 1));
  }
}
