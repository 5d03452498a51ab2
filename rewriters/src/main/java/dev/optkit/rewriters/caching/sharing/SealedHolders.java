package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An object kept in a field no one outside its holder reaches: {@code new SecurityUser(user)} keeping
 * the user in {@code private final User user}, which the class only reads through {@code user.getEmail()}
 * and the like (blog-api-spring's SecurityUser). Sharing a cached user with such holders changes nothing
 * of it, so long as each method the holder calls on it is a plain getter (a field returned, no call, no
 * assignment) of an immutable value, in the field's type and in every subtype that may stand in for it.
 */
final class SealedHolders {
  private final ProjectIndex index;
  private final Predicate<String> immutable;
  private final LombokAccessors lombok;

  SealedHolders(ProjectIndex index, Predicate<String> immutable, LombokAccessors lombok) {
    this.index = index;
    this.immutable = immutable;
    this.lombok = lombok;
  }

  /** Whether {@code how}, a change the holder's method makes to what it is given, is a keeping in a sealed field. */
  boolean keptSealed(IndexedMethod holder, dev.optkit.analyzers.facts.Change how) {
    return keptSealed(holder, how, null);
  }

  /**
   * As {@link #keptSealed(IndexedMethod, dev.optkit.analyzers.facts.Change)}, for a value the holder got from a call to {@code source}: a JDK
   * container kept there is sealed when only read in place and its elements, as {@code source} declares them
   * ({@code Map<String, Integer>}), are immutable values (the facts keep field types erased).
   */
  boolean keptSealed(IndexedMethod holder, dev.optkit.analyzers.facts.Change how, IndexedMethod source) {
    if (!(how instanceof dev.optkit.analyzers.facts.Change.StoredInField stored) || stored.field().contains(".")) {
      return false; // registry.pets = loaded: another object's field
    }
    String field = stored.field();
    TypeFact type = index.type(holder.fact().ownerType()).orElse(null);
    if (type == null || !type.sealedFields().containsKey(field) || type.fieldTypes().get(field) == null) {
      return false;
    }
    String fieldType = type.fieldTypes().get(field);
    if (JDK_CONTAINERS.contains(TypeNames.raw(fieldType))) {
      return source != null && !readsMayReorder() && JDK_CONTAINERS.contains(TypeNames.raw(source.fact().returnType()))
          && !dev.optkit.analyzers.index.ReturnTypeArguments.of(source.fact()).isEmpty()
          && dev.optkit.analyzers.index.ReturnTypeArguments.of(source.fact()).stream().allMatch(this::immutableElement)
          && type.sealedFields().get(field).stream().allMatch(call -> CONTAINER_SIZES.contains(call)
              || dev.optkit.analyzers.facts.values.SealedFields.CONTAINER_READS.contains(call));
    }
    return !anonymousSubclassOf(fieldType)
        && type.sealedFields().get(field).stream().allMatch(call -> immutableGetter(fieldType, call));
  }

  /**
   * Whether a constructor keeps its parameter at {@code position} sealed: it stores it only in sealed fields
   * ({@link #keptSealed}) and otherwise only reads getters of immutable values of it.
   */
  boolean sealsParameter(IndexedMethod constructor, int position) {
    if (position < 0 || position >= constructor.fact().params().size()) {
      return false;
    }
    List<dev.optkit.analyzers.facts.Change> kept = constructor.fact().parameterMutations().stream()
        .filter(p -> p.parameter() == position).map(MethodFact.ParameterMutation::change).toList();
    String type = constructor.fact().params().get(position).qualifiedType();
    return !kept.isEmpty() && kept.stream().allMatch(change -> keptSealed(constructor, change))
        && constructor.fact().handOffs().stream().filter(h -> h.fromCall() == null && h.fromParameter() == position)
            .allMatch(h -> h.position() == MethodFact.RECEIVER && h.toArguments() == 0
                && immutableGetter(type, h.target()));
  }

  /**
   * Whether a container's read may change it: the project makes a {@code LinkedHashMap}, which in access order moves
   * each entry it gets to the end (hostile review 36's m1d: a cached map's order changed by a holder's get()), or has
   * a container class of its own, whose reads may do anything. Declared types do not tell which object is kept.
   */
  private boolean readsMayReorder() {
    if (reorders == null) {
      reorders = index.files().stream().flatMap(file -> file.creations().stream())
          .anyMatch(made -> made.type().equals("java.util.LinkedHashMap"))
          || index.types().stream().anyMatch(type -> !type.qualifiedName().startsWith("java.")
              && index.supertypesOf(type.qualifiedName()).stream().anyMatch(JDK_CONTAINERS::contains));
    }
    return reorders;
  }

  private Boolean reorders;

  /** {@code String}, {@code Integer} or a project value type, as a source writes an element type. */
  private boolean immutableElement(com.github.javaparser.ast.type.Type element) {
    if (!(element instanceof com.github.javaparser.ast.type.ClassOrInterfaceType plain) || plain.getTypeArguments().isPresent()) {
      return false;
    }
    String name = plain.getNameWithScope();
    if (!name.contains(".") && JAVA_LANG_VALUES.contains(name) && index.typesNamed(name).isEmpty()) {
      return immutable.test("java.lang." + name);
    }
    List<dev.optkit.analyzers.facts.TypeFact> named = index.typesNamed(plain.getNameAsString());
    return named.size() == 1 && immutable.test(named.get(0).qualifiedName());
  }

  private static final Set<String> JAVA_LANG_VALUES = Set.of("String", "Integer", "Long", "Short", "Byte", "Character",
      "Boolean", "Double", "Float");

  /** {@code new Member(..) { getName() { reads++; ... } }} anywhere in the project: its methods are in no type. */
  private boolean anonymousSubclassOf(String fieldType) {
    String erased = fieldType.contains("<") ? fieldType.substring(0, fieldType.indexOf('<')) : fieldType;
    Set<String> types = new LinkedHashSet<>(List.of(erased));
    types.addAll(index.subtypesOf(erased));
    return index.files().stream().flatMap(file -> file.creations().stream())
        .anyMatch(creation -> creation.anonymous() && types.contains(creation.type()));
  }

  /** {@code getEmail()}: every method of that name the object may run returns a field of an immutable type. */
  private boolean immutableGetter(String fieldType, String call) {
    String erased = fieldType.contains("<") ? fieldType.substring(0, fieldType.indexOf('<')) : fieldType;

    Set<String> owners = new LinkedHashSet<>(List.of(erased));
    owners.addAll(index.supertypesOf(erased));
    owners.addAll(index.subtypesOf(erased));
    List<IndexedMethod> runs = owners.stream().flatMap(owner -> index.methodsOfType(owner).stream())
        .filter(method -> method.fact().name().equals(call) && method.fact().params().isEmpty()
            && !method.fact().isStatic())
        .toList();
    if (runs.isEmpty()) {
      // none seen: a getter Lombok writes returns its field; a library's optkit cannot read
      return lombok.getterFieldType(erased, call).filter(immutable).isPresent();
    }
    return runs.stream().allMatch(method -> plainGetter(method.fact()));
  }

  /** Containers whose reads change nothing (no access-ordered map: a LinkedHashMap's get may reorder it). */
  private static final Set<String> JDK_CONTAINERS = Set.of("java.util.Map", "java.util.HashMap", "java.util.TreeMap",
      "java.util.SortedMap", "java.util.NavigableMap", "java.util.List", "java.util.ArrayList", "java.util.Set",
      "java.util.HashSet", "java.util.TreeSet", "java.util.SortedSet", "java.util.NavigableSet", "java.util.Collection",
      "java.util.EnumMap", "java.util.EnumSet", "java.util.concurrent.ConcurrentHashMap");
  private static final Set<String> CONTAINER_SIZES = Set.of("size", "isEmpty", "hashCode", "toString");

  private boolean plainGetter(MethodFact fact) {
    return !fact.isAbstract() && fact.calls().isEmpty() && fact.opaqueCalls().isEmpty()
        && fact.parameterMutations().isEmpty() && fact.returnRoots().equals(List.of(dev.optkit.analyzers.facts.Roots.THIS))
        && immutable.test(fact.returnType());
  }
}
