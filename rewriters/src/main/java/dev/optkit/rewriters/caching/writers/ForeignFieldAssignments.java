package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fields a method reads that another class's code assigns ({@code PetMappers.suffix = s} in a controller): state
 * that changes after construction though its own class never assigns it, so no key covers it (hostile review 37's
 * a8: a row mapper appending a static another class sets, cached with the old suffix). A static field counts for
 * every read; an object's field only when the object may be shared between calls. An assignment on a receiver whose
 * type the declarations do not give counts for a field of that name in any class, unless it is private there.
 */
public final class ForeignFieldAssignments {
  private final ProjectIndex index;
  /** {@code static:T#f} / {@code instance:T#f} / {@code instance:*#f}, to the first type whose code assigns it. */
  private Map<String, String> assigners;
  private Map<String, String> changersByName;
  private List<TypeFact> productionTypes;

  public ForeignFieldAssignments(ProjectIndex index) {
    this.index = index;
    this.values = new dev.optkit.rewriters.caching.sharing.ImmutableValues(index);
  }

  private final dev.optkit.rewriters.caching.sharing.ImmutableValues values;

  /** Why the method's answer may change with no write a key sees: a field it reads that another class assigns. */
  public Optional<String> whyNot(IndexedMethod method, boolean thisShared) {
    return whyNot(method, thisShared, thisShared);
  }

  /**
   * @param thisShared whether the object the method runs on may be shared between calls: its own fields another
   *     class assigns count then
   * @param thisHolds whether what its fields hold may be: a field of an object reached through them counts then (an
   *     object made for the call holds the settings bean it was handed, whose field another class assigns)
   */
  public Optional<String> whyNot(IndexedMethod method, boolean thisShared, boolean thisHolds) {
    Optional<String> shared = sharedObjectField(method, thisHolds);
    if (shared.isPresent() || method.fact().fieldsRead().isEmpty()) {
      return shared;
    }
    Map<String, String> all = assigners();
    String owner = method.fact().ownerType();
    for (String field : method.fact().fieldsRead()) {
      boolean privateHere = index.type(owner).map(t -> t.privateFields().contains(field)).orElse(false);
      String by = all.get("static:" + owner + "#" + field);
      boolean byName = false;
      if (by == null && !privateHere) {
        by = all.get("static:*#" + field); // an inherited or statically imported static, set by name (review 38's f1, f4)
        byName = by != null;
      }
      if (by == null && thisShared) {
        by = all.get("instance:" + owner + "#" + field);
        if (by == null && !privateHere) {
          by = all.get("instance:*#" + field);
          byName = by != null;
        }
      }
      if (by != null && !by.equals(owner)) {
        // matched by the field's name alone, the assignment may be to another class's field: said as a possibility
        return Optional.of("depends on mutable state its key does not cover: " + method.fact().displayName()
            + "() reads field " + field + ", which " + simple(by) + (byName
                ? " may assign (it sets a field of that name on a class optkit cannot tell)"
                : " assigns (code of another class)"));
      }
    }
    return Optional.empty();
  }

  /**
   * A field of another object the method reads directly, reached from state kept between calls ({@code
   * holder.allowed}, {@code HOLDER.allowed}, {@code Mode.STRICT.allowed}), that changes after construction: its own
   * class's code changes it ({@code Holder.allow(r)} adds to it), or another class's does ({@code
   * users.holder.allowed.add(r)}, {@code holder.getAllowed().add(r)}, through an alias). Hostile review 66's P group:
   * such a read was no state at all, and the cache answered with the set as it was when first read.
   */
  private Optional<String> sharedObjectField(IndexedMethod method, boolean thisShared) {
    for (String entry : method.fact().sharedFieldsRead()) {
      boolean throughStatic = entry.startsWith("static:");
      String through = throughStatic ? "a static field" : entry.startsWith("call:") ? "the answer of a method of its own"
          : "a field of its own";
      if (!throughStatic && !thisShared) {
        continue; // this object's fields lead to it, and the object is made for the call
      }
      String type = entry.substring(entry.indexOf(':') + 1, entry.indexOf('#'));
      String field = entry.substring(entry.indexOf('#') + 1);
      Optional<String> changer = type.equals("*") || index.type(type).isEmpty() ? changedByName(field)
          : changedIn(type, field);
      if (changer.isPresent()) {
        boolean named = !type.equals("*") && index.type(type).isPresent();
        return Optional.of("depends on mutable state its key does not cover: " + method.fact().displayName()
            + "() reads " + (named ? simple(type) + "." + field + ", a field" : "field " + field) + " of an object it reaches "
            + "through " + through + " (kept between calls)"
            + (named ? "" : ", whose class optkit cannot name") + ", and " + changer.get());
      }
    }
    return Optional.empty();
  }

  /** Who changes field f of T (or of a supertype declaring it) after construction, in words; empty when nobody. */
  private Optional<String> changedIn(String type, String field) {
    List<String> owners = new java.util.ArrayList<>(List.of(type));
    owners.addAll(index.supertypesOf(type));
    for (String owner : owners) {
      Optional<TypeFact> fact = index.type(owner);
      if (fact.isEmpty() || !fact.get().fieldTypes().containsKey(field)) {
        continue;
      }
      // an object changing in place is said so first: true of every such field, where which code changes it is
      // matched by name (a local named as the field: review 72's fr_local_shadow)
      Optional<String> open = open(fact.get(), field);
      if (open.isPresent()) {
        return open;
      }
      if (fact.get().changingFields().contains(field)) {
        return Optional.of(simple(owner) + "'s own code changes it after construction");
      }
      if (fact.get().reassignedFields().contains(field)) {
        return Optional.of(simple(owner) + "'s own code assigns it after construction");
      }
      Map<String, String> all = assigners();
      String by = all.getOrDefault("instance:" + owner + "#" + field, all.get("static:" + owner + "#" + field));
      if (by != null) {
        return Optional.of(simple(by) + "'s code changes that field of " + simple(owner) + " objects (optkit does not "
            + "follow which objects)");
      }
      by = all.getOrDefault("instance:*#" + field, all.get("static:*#" + field));
      if (by != null && fact.get().privateFields().contains(field) && !sameFile(by, owner)) {
        by = null; // another class cannot reach a private field; the class around a nested one can (review 72's s_nested_private_self)
      }
      if (by != null) {
        return Optional.of(simple(by) + " may change it (it changes a field of that name on an object optkit cannot type)");
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * A field holding an array or a JDK object that changes in place ({@code TypeFact.openFields}): whoever holds the
   * object may change it, in more ways than optkit follows (hostile review 72: a deque's removeFirst, Collections.addAll,
   * an alias of the set, a method reference, a helper's parameter, Properties.setProperty).
   */
  private Optional<String> open(TypeFact type, String field) {
    String held = type.fieldTypes().getOrDefault(field, "");
    String erased = TypeNames.raw(held);
    if (type.openFields().contains(field)) {
      return Optional.of("it holds " + (held.endsWith("[]") ? "an array" : "a " + simple(erased))
          + ", which any code holding the object can change in place (optkit counts it as changing: it does not follow "
          + "every way such an object is changed)");
    }
    // a project's or a library's class (SetRoles, a Guava Multimap, a HashSet subclass, a type variable): its objects
    // change through their own methods, which a read of the field followed by a call does not show (hostile review 74)
    boolean other = !erased.isEmpty() && !erased.endsWith("[]") && !erased.startsWith("java.")
        && !erased.startsWith("javax.") && !dev.optkit.analyzers.facts.types.JdkValues.immutable(erased);
    if (!other || index.type(erased).filter(t -> t.kind().equals("enum")).isPresent() || values.immutable(erased)) {
      return Optional.empty();
    }
    return Optional.of("it holds " + (erased.contains(".") ? "a " + simple(erased) : "an object of a type variable")
        + ", which is no value class (a record or final class of final values), so its own methods may change it after "
        + "construction (optkit counts it as changing)");
  }

  private boolean sameFile(String one, String other) {
    String path = index.pathOfType(one);
    return path != null && path.equals(index.pathOfType(other));
  }

  /** Who may change a field of that name, of an object whose class the declarations do not give. */
  private Optional<String> changedByName(String field) {
    return Optional.ofNullable(changersByName().get(field));
  }

  /**
   * Per field name, who changes a field of that name: the first production type (by name) whose own code does, else
   * the first type (by name) whose code writes one of another object or class. Computed once per index.
   */
  private synchronized Map<String, String> changersByName() {
    if (changersByName == null) {
      Map<String, String> found = new HashMap<>();
      Map<String, String> writers = new HashMap<>();
      for (Map.Entry<String, String> entry : assigners().entrySet()) {
        String key = entry.getKey();
        if (key.startsWith("instance:") || key.startsWith("static:")) { // not another class's reads
          writers.merge(key.substring(key.indexOf('#') + 1), entry.getValue(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
      }
      for (TypeFact type : productionTypes()) {
        for (String field : type.changingFields()) {
          found.putIfAbsent(field, simple(type.qualifiedName()) + "'s code changes a field of that name after construction");
        }
        for (String field : type.reassignedFields()) {
          found.putIfAbsent(field, simple(type.qualifiedName()) + "'s code assigns a field of that name after construction");
        }
      }
      writers.forEach((field, by) -> found.putIfAbsent(field, simple(by) + "'s code changes a field of that name"));
      for (TypeFact type : productionTypes()) {
        for (String field : type.openFields()) {
          found.putIfAbsent(field, simple(type.qualifiedName()) + "'s field of that name holds an object that changes in "
              + "place, which optkit counts as changing");
        }
      }
      changersByName = found;
    }
    return changersByName;
  }

  private synchronized List<TypeFact> productionTypes() {
    if (productionTypes == null) {
      productionTypes = index.types().stream().filter(type -> !dev.optkit.analyzers.source.SourceSet.isTestPath(
              String.valueOf(index.pathOfType(type.qualifiedName()))))
          .sorted(java.util.Comparator.comparing(TypeFact::qualifiedName)).toList();
    }
    return productionTypes;
  }

  private synchronized Map<String, String> assigners() {
    if (assigners == null) {
      Map<String, String> found = new HashMap<>();
      // production code's writes: a test setting a field (ReflectionTestUtils.setField(bean, "x", mock)) runs in tests
      productionTypes().forEach(type -> {
        for (String entry : type.foreignFieldWrites()) {
          found.putIfAbsent(entry, type.qualifiedName());
        }
      });
      assigners = found;
    }
    return assigners;
  }

  private static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
