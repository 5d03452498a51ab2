package dev.optkit.rewriters.caching.keys;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.ParamFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Bounded by memory, not only by entries: when a caller chooses how many elements an answer holds
 * (a {@code Pageable}, a {@code limit} or {@code pageSize} parameter), one entry may hold ten rows or
 * a million, and a cache of 10,000 entries has no memory bound at all. Such caches are bounded by
 * weight, an entry weighing its number of elements (see {@link dev.optkit.rewriters.caching.rewrite.ElementWeigher}); a method whose
 * answer holds its elements where the weigher cannot count them (a class of the project with a list
 * inside) is refused instead, since it would weigh one whatever it holds.
 */
public final class ClientSizedKeys {
  private static final Set<String> PAGING_TYPES = Set.of(
      "org.springframework.data.domain.Pageable", "org.springframework.data.domain.PageRequest",
      "org.springframework.data.domain.Limit");
  private static final Set<String> COUNT_TYPES = Set.of("int", "long", "java.lang.Integer", "java.lang.Long");
  /** Collections a key holds a copy of ({@link CopiedKeys}). */
  public static final Set<String> KEYED_COLLECTIONS = Set.of("java.util.List");
  /** Words of a parameter's name that make a number a size (maxResults, pageSize, topN, rowCount, perPage). */
  private static final Set<String> SIZE_WORDS = Set.of("limit", "size", "count", "max", "maximum", "top", "first",
      "rows", "perpage");
  /** Types whose elements a weigher counts: anything else the project declares is one opaque value. */
  private static final Set<String> CONTAINERS = Set.of("java.util.List", "java.util.Set", "java.util.Map",
      "java.util.Collection", "java.util.Queue", "java.util.Deque", "java.util.SortedSet", "java.util.SortedMap",
      "java.util.ArrayList", "java.util.LinkedList", "java.util.HashSet", "java.util.HashMap", "java.util.TreeMap",
      "java.util.LinkedHashMap", "java.util.LinkedHashSet", "java.lang.Iterable", "org.springframework.data.domain.Page",
      "org.springframework.data.domain.Slice");

  private final ProjectIndex index;
  /** Whether a method checks that a size parameter is at most a constant before any answer ({@link CappedSizes}). */
  private final java.util.function.BiPredicate<dev.optkit.analyzers.index.IndexedMethod, String> capped;

  public ClientSizedKeys(ProjectIndex index,
      java.util.function.BiPredicate<dev.optkit.analyzers.index.IndexedMethod, String> capped) {
    this.index = index;
    this.capped = capped;
  }

  /** The targets, weighed where their key holds a client-chosen size; those that cannot be weighed go to refusals. */
  public List<CachingTarget> bound(List<CachingTarget> targets, List<Refusal> refusals) {
    List<CachingTarget> kept = new ArrayList<>();
    for (CachingTarget target : targets) {
      List<String> sizes = sizeParameters(target.method().fact()).stream()
          .filter(size -> !capped.test(target.method(), size)).toList();
      if (sizes.isEmpty()) {
        kept.add(target);
        continue;
      }
      Optional<String> opaque = opaqueContainer(target.method().fact());
      Optional<String> getter = opaque.isPresent() ? contentGetter(target.method().fact()) : Optional.empty();
      if (getter.isPresent()) {
        kept.add(target.weighedBy(sizes, getter.get())); // PageResponse.getContent(): the weigher counts what it returns
        continue;
      }
      if (opaque.isPresent()) {
        refusals.add(new Refusal(target.finding(), Proof.CLIENT_SIZED_KEY, "its key holds a size the caller chooses ("
            + String.join(", ", sizes.stream().map(s -> "'" + s + "'").toList()) + "), so it must be bounded by weight, "
            + "and it returns " + opaque.get() + ": a weigher cannot count those elements, and one entry of any size "
            + "would weigh one; return the list or page itself to have it cached by weight"));
        continue;
      }
      kept.add(target.weighedBy(sizes, null));
    }
    return kept;
  }

  /** The parameters by which a caller chooses how many elements the answer holds. */
  static List<String> sizeParameters(MethodFact fact) {
    List<String> sizes = new ArrayList<>();
    for (ParamFact param : fact.params()) {
      String type = param.qualifiedType() == null ? param.type() : param.qualifiedType();
      String simple = type.substring(type.lastIndexOf('.') + 1);
      boolean paging = PAGING_TYPES.contains(type) || Set.of("Pageable", "PageRequest").contains(simple);
      // a collection keyed by its copy (CopiedKeys): the caller chooses how many values the key, and often the answer,
      // holds; the weigher counts the key's values too
      if (paging || COUNT_TYPES.contains(type) && namesASize(param.name()) || KEYED_COLLECTIONS.contains(type)) {
        sizes.add(param.name());
      }
    }
    return sizes;
  }

  private static boolean namesASize(String name) {
    List<String> words = java.util.Arrays.stream(name.split("(?<=[a-z0-9])(?=[A-Z])|_"))
        .map(w -> w.toLowerCase(Locale.ROOT)).toList();
    for (int i = 0; i < words.size(); i++) {
      if (SIZE_WORDS.contains(words.get(i)) || i + 1 < words.size() && (words.get(i) + words.get(i + 1)).equals("perpage")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The answer's type and the field holding its elements, when the answer (or what a future or
   * Optional holds) is a project class keeping a list, map or array inside; empty when it can be weighed.
   */
  private Optional<String> opaqueContainer(MethodFact fact) {
    String valueType = fact.returnType();
    if (valueType.equals("java.util.concurrent.CompletableFuture") || valueType.equals("java.util.Optional")) {
      Optional<String> argument = firstTypeArgument(fact);
      if (argument.isEmpty()) {
        return Optional.empty();
      }
      List<TypeFact> named = index.typesNamed(argument.get());
      if (named.size() != 1) {
        return Optional.empty(); // a library type: counted if it is a collection, else a single value
      }
      valueType = named.get(0).qualifiedName();
    }
    if (index.type(valueType).isEmpty() || index.supertypesOf(valueType).stream().anyMatch(CONTAINERS::contains)) {
      return Optional.empty();
    }
    for (String type : index.supertypesOf(valueType)) {
      Optional<TypeFact> declared = index.type(type);
      if (declared.isEmpty() || declared.get().kind().equals("enum")) {
        continue;
      }
      for (var field : declared.get().fieldTypes().entrySet()) {
        String erased = TypeNames.raw(field.getValue());
        if (erased.endsWith("[]") || CONTAINERS.contains(erased)) {
          return Optional.of(ProjectTraits.simpleName(valueType) + ", which holds them in its field " + field.getKey());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The getter a weigher can count an answer's elements through: the answer is a project class or record (as
   * declared, not inside an Optional or a future) that code anywhere may name, with one container field of its own
   * and no superclass state, returned by a public getter without arguments (a record's accessor, or a getter that
   * only returns the private field, {@code TypeFact#returnedFields}); empty otherwise.
   */
  private Optional<String> contentGetter(MethodFact fact) {
    TypeFact type = index.type(fact.returnType()).orElse(null);
    if (type == null || !type.visibleEverywhere() || !(type.kind().equals("record") || type.kind().equals("class"))
        || type.kind().equals("class") && !type.interfaces().containsAll(type.superTypes())
        || !index.subtypesOf(type.qualifiedName()).isEmpty() || anonymousSubclass(type.qualifiedName())) {
      return Optional.empty(); // a subclass may hold more than the getter counts (hostile review 32, w5)
    }
    List<String> containers = type.fieldTypes().entrySet().stream().filter(field -> {
      String erased = TypeNames.raw(field.getValue());
      return erased.endsWith("[]") || CONTAINERS.contains(erased);
    }).map(java.util.Map.Entry::getKey).toList();
    if (containers.size() != 1 || type.fieldTypes().get(containers.get(0)).endsWith("[]")) {
      return Optional.empty();
    }
    String field = containers.get(0);
    // every other field a number, a flag, an enum or a date: a String may hold the page again (w4)
    boolean scalars = type.fieldTypes().entrySet().stream().filter(f -> !f.getKey().equals(field))
        .allMatch(f -> SCALARS.contains(f.getValue()) || dev.optkit.analyzers.facts.types.TimeValues.immutable(f.getValue())
            || index.type(f.getValue()).map(t -> t.kind().equals("enum")).orElse(false));
    if (!scalars) {
      return Optional.empty();
    }
    if (type.kind().equals("record")) {
      // the accessor the record declares itself may return less than it holds (content.subList(0, 10): U1)
      return index.methods(type.qualifiedName(), field).stream().anyMatch(m -> m.fact().params().isEmpty())
          ? Optional.empty() : Optional.of(field);
    }
    for (String getter : type.returnedFields().getOrDefault(field, List.of())) {
      boolean visible = index.methods(type.qualifiedName(), getter).stream()
          .anyMatch(m -> m.fact().params().isEmpty() && m.fact().modifiers().isPublic() && !m.fact().isStatic());
      if (visible) {
        return Optional.of(getter);
      }
    }
    return Optional.empty();
  }

  private static final Set<String> SCALARS = Set.of("int", "long", "short", "byte", "double", "float", "boolean",
      "char", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Double",
      "java.lang.Float", "java.lang.Boolean", "java.lang.Character");

  private boolean anonymousSubclass(String type) {
    return index.files().stream().flatMap(file -> file.creations().stream())
        .anyMatch(creation -> creation.anonymous() && creation.type().equals(type));
  }

  /** The simple name of the type argument of the declared return type (Optional<OwnerPage> gives OwnerPage). */
  private static Optional<String> firstTypeArgument(MethodFact fact) {
    List<String> chain = fact.returnTypeChain();
    return chain.size() < 2 ? Optional.empty()
        : Optional.of(chain.get(1).substring(chain.get(1).lastIndexOf('.') + 1));
  }
}
