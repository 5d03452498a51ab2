package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Values nobody can change, so sharing one cached object between callers is harmless: JDK value types,
 * {@code java.time} values, enums and records or final classes of such values, and JDK containers holding only them.
 */
public final class ImmutableValues {
  private final ProjectIndex index;

  public ImmutableValues(ProjectIndex index) {
    this.index = index;
  }

  /** JDK value types nobody can change; with {@code java.time.*} the immutable results a cache may share. */
  static final Set<String> JDK_VALUES = dev.optkit.analyzers.facts.types.JdkValues.TYPES;

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
  boolean holdsValueObjects(String written, String from) {
    if (from == null) {
      return false; // what the values were read from is unknown: they may be its own value objects
    }
    java.util.Set<String> reachable = reachableTypes(from);
    return holdsValueObjects(written) && typeNames(written).stream()
        .filter(name -> !index.typesNamed(name).isEmpty()).noneMatch(reachable::contains);
  }

  /**
   * The simple names of the project types a value of the written type reaches: its own and its type arguments, their
   * fields' types and their superclasses' fields' types, four levels deep. Value objects among them are parts of it, not
   * values read from it (hostile review 42's c1b: the cached rows were such DTOs; c10b: an Owner field of the pet).
   */
  java.util.Set<String> reachableTypes(String written) {
    java.util.Set<String> reached = new java.util.HashSet<>();
    java.util.Deque<String> next = new java.util.ArrayDeque<>(typeNames(written));
    for (int level = 0; level <= 4 && !next.isEmpty(); level++) {
      java.util.Deque<String> deeper = new java.util.ArrayDeque<>();
      for (String name : next) {
        if (!reached.add(name)) {
          continue;
        }
        for (TypeFact type : index.typesNamed(name)) {
          java.util.List<String> types = new java.util.ArrayList<>(java.util.List.of(type.qualifiedName()));
          types.addAll(index.supertypesOf(type.qualifiedName()));
          types.forEach(t -> index.type(t).ifPresent(f -> f.fieldTypes().values().forEach(v -> deeper.addAll(typeNames(v)))));
          // a field declared Badge may hold a StarBadge (hostile review 43's h2)
          index.subtypesOf(type.qualifiedName()).forEach(sub -> deeper.add(sub.substring(sub.lastIndexOf('.') + 1)));
        }
      }
      next = deeper;
    }
    return reached;
  }

  /**
   * Whether an object of the holder type may hold a mutable part of a value of the other: a field of the holder (or of
   * its superclasses), or a type argument, is of a type that value reaches and nobody can change is not ({@code PetDto}
   * with an {@code Owner owner} made from a {@code Pet} whose owner is an Owner: hostile review 42's c3). Unknown types
   * may.
   */
  boolean mayHoldPartsOf(String holder, String from) {
    if (holder == null || from == null) {
      return true;
    }
    java.util.Set<String> reachable = reachableTypes(from);
    java.util.Set<String> held = new java.util.HashSet<>();
    for (String name : typeNames(holder)) {
      held.add(name);
      for (TypeFact type : index.typesNamed(name)) {
        java.util.List<String> types = new java.util.ArrayList<>(java.util.List.of(type.qualifiedName()));
        types.addAll(index.supertypesOf(type.qualifiedName()));
        for (String each : types) {
          Optional<TypeFact> fact = index.type(each);
          if (fact.isEmpty() && !each.equals("java.lang.Object")) {
            return true; // a library superclass's fields are not known
          }
          if (fact.isPresent() && fact.get().fieldTypes().values().stream().anyMatch(v -> v.contains("["))) {
            return true; // an array may be the argument's own (String[] tags: hostile review 43's h1b)
          }
          fact.ifPresent(f -> f.fieldTypes().values().forEach(v -> held.addAll(typeNames(v))));
        }
      }
    }
    held.removeIf(name -> immutable("java.lang." + name) || immutable(name));
    return held.stream().anyMatch(name -> reachable.contains(name) || name.equals("Object"));
  }

  /** The identifiers of a written type ({@code Map<String, List<Pet>>}: Map, String, List, Pet), each its simple name. */
  private static java.util.List<String> typeNames(String written) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (String token : written.split("[^A-Za-z0-9_$.]+")) {
      if (!token.isEmpty() && !token.equals("extends") && !token.equals("super")) {
        names.add(token.substring(token.lastIndexOf('.') + 1));
      }
    }
    return names;
  }

  private boolean holdsValueObjects(String written) {
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

  /** A result nobody can change, so sharing it through a field is harmless: the project's one registry decides. */
  public boolean immutable(String type) {
    return index.immutableTypes().immutable(type);
  }

  /**
   * {@code config.getPack().replace(".", File.separator)} where the solver could not type the getter
   * (Lombok's): a String's replace, whatever its arguments, when the type the getter is read from (the
   * result's, or the parameter's in a helper the result is handed to), or a type it extends, has a
   * String field of the getter's name. A Map's replace ({@code settings.getProps().replace("mode", m)})
   * changes the result.
   *
   * @param owner the type of the value the analyzer saw the getter read from (never a part of it)
   */
  public boolean stringFieldReplaced(dev.optkit.analyzers.facts.Change change, String owner) {
    if (change instanceof dev.optkit.analyzers.facts.Change.UntypedCall untyped && owner != null) {
      // getPrice().setScale(..) on Lombok's getter: a call on an immutable value changes nothing (trial 77's F1)
      return untypedFieldType(untyped.getter(), owner).filter(this::immutable).isPresent();
    }
    if (!(change instanceof dev.optkit.analyzers.facts.Change.UntypedReplace replace) || owner == null) {
      return false;
    }
    return untypedFieldType(replace.getter(), owner).filter("java.lang.String"::equals).isPresent();
  }

  /**
   * The type of the field a getter optkit could not type reads on a value of the owner type: the nearest
   * declaration; empty when none, or when a subclass declares a field of that name with another type (the value
   * handed may be of that subclass).
   */
  private Optional<String> untypedFieldType(String getter, String owner) {
    if (getter.length() < 4 || !getter.startsWith("get")) {
      return Optional.empty();
    }
    String field = Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    String bare = TypeNames.raw(owner);
    java.util.List<String> types = new java.util.ArrayList<>(List.of(bare));
    types.addAll(index.supertypesOf(bare));
    // the nearest declaration is the one the getter reads, unless a subclass declares its own (a Map props
    // over a String props): the object handed may be of that subclass
    Optional<String> declared = types.stream().flatMap(type -> index.type(type).stream())
        .map(type -> type.fieldTypes().get(field)).filter(java.util.Objects::nonNull).findFirst();
    boolean shadowed = declared.isPresent() && index.files().stream().flatMap(file -> file.types().stream())
        .anyMatch(type -> type.fieldTypes().containsKey(field) && !declared.get().equals(type.fieldTypes().get(field))
            && index.supertypesOf(type.qualifiedName()).contains(bare));
    return shadowed ? Optional.empty() : declared;
  }
}
