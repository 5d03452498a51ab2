package dev.optkit.rewriters.caching.keys;

import dev.optkit.analyzers.facts.CallReceiver;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.sharing.ImmutableValues;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * State an object reaches outside itself: what a new object's construction reads, the class around a nested class's
 * code (its fields, its methods run on the outer object, what a new nested object copies at construction), and whether
 * an enum's constants can change. Trial 77's query builders and enum arguments, and hostile review 79's cases.
 */
final class EnclosingState {
  private final ProjectIndex index;
  private final ImmutableValues immutables;

  EnclosingState(ProjectIndex index) {
    this.index = index;
    this.immutables = new ImmutableValues(index);
  }

  /**
   * {@code toDbNotation(name)} in a member class's code, running a method of the class around it: its receiver is
   * that class's object, the one that made this object, which may be shared whatever this object is (a query builder
   * made for the call, reading the DAO's {@code prefix} through it, was cached and kept the old prefix).
   */
  boolean instanceCall(IndexedMethod method, CallRef call) {
    String owner = method.fact().ownerType();
    if (!call.rootsOf(-1).onlyThis() || call.receiver() == CallReceiver.THIS) {
      return false;
    }
    List<String> own = index.supertypesOf(owner);
    return index.allTargetsOf(call).stream().map(t -> t.fact().ownerType())
        .anyMatch(target -> !own.contains(target) && !target.equals(owner) && owner.startsWith(target + "."));
  }

  /**
   * A nested class's code naming a field of a class around it ({@code table} in a builder's constructor, the DAO's):
   * that object's (or class's) state, read while the call runs, whatever the nested object is. Counts when the field
   * changes after construction or holds a changeable object (review 79's p03, p06: a builder copying the DAO's
   * changing table name, cached by every earlier jar).
   */
  Optional<String> fieldRead(IndexedMethod method) {
    String owner = method.fact().ownerType();
    Set<String> own = new HashSet<>();
    for (String type : index.supertypesOf(owner)) {
      index.type(type).ifPresent(t -> own.addAll(t.fieldTypes().keySet()));
    }
    for (String outer = owner; outer.lastIndexOf('.') > 0; ) {
      outer = outer.substring(0, outer.lastIndexOf('.'));
      if (index.type(outer).isEmpty()) {
        continue;
      }
      for (String type : index.supertypesOf(outer)) {
        Optional<dev.optkit.analyzers.facts.TypeFact> declaring = index.type(type);
        if (declaring.isEmpty()) {
          continue;
        }
        for (String field : method.fact().fieldsRead()) {
          dev.optkit.analyzers.facts.TypeFact around = declaring.get();
          if (!own.contains(field) && around.fieldTypes().containsKey(field)
              && (around.changingFields().contains(field) || around.openFields().contains(field)
                  || around.reassignedFields().contains(field))) {
            return Optional.of("depends on mutable state its key does not cover: " + method.fact().displayName()
                + "() reads field " + field + " of " + ProjectTraits.simpleName(type) + ", the class around it, which "
                + "changes after construction, of an object shared between calls");
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A new object of a nested class whose construction reads outside state ({@code private final String table =
   * outerTable;}), made here, while the class around it has state that changes: what the object copied at
   * construction is that state as the call found it (review 79's p03, p06, cached by every earlier jar).
   */
  Optional<String> madeFrom(IndexedMethod method) {
    Set<String> made = new java.util.TreeSet<>();
    java.util.function.Consumer<dev.optkit.analyzers.facts.Roots> collect = roots -> roots.everywhere()
        .forEach(root -> {
          if (root instanceof dev.optkit.analyzers.facts.Root.Construction construction) {
            made.add(construction.type());
          }
        });
    method.fact().calls().forEach(call -> call.roots().forEach(collect));
    method.fact().returnRoots().forEach(collect);
    for (String written : made) {
      String simple = written.substring(written.lastIndexOf('.') + 1);
      for (dev.optkit.analyzers.facts.TypeFact type : index.typesNamed(simple)) {
        String name = type.qualifiedName();
        if (!type.constructionReadsOutside() || name.lastIndexOf('.') < 0) {
          continue;
        }
        String outer = name.substring(0, name.lastIndexOf('.'));
        for (String around : index.type(outer).isPresent() ? index.supertypesOf(outer) : List.<String>of()) {
          Optional<dev.optkit.analyzers.facts.TypeFact> state = index.type(around).filter(t -> !t.changingFields().isEmpty()
              || !t.openFields().isEmpty() || !t.reassignedFields().isEmpty());
          if (state.isPresent()) {
            return Optional.of("depends on mutable state its key does not cover: it makes a new " + type.simpleName()
                + ", whose construction reads state from outside its arguments, nested in "
                + ProjectTraits.simpleName(around) + ", whose fields change after construction (" + String.join(", ",
                    state.get().changingFields().isEmpty() ? state.get().reassignedFields() : state.get().changingFields())
                + ")");
          }
        }
      }
    }
    return Optional.empty();
  }

  boolean nestedInProjectType(String type) {
    return type.lastIndexOf('.') > 0 && index.type(type.substring(0, type.lastIndexOf('.'))).isPresent();
  }

  /**
   * {@code Operand.EQ} names a constant of a project enum whose objects never change (no field its code changes or
   * that holds a changeable object): the same unchanging object for every call. Anything else so named (a static of
   * a class, an enum's own static field, a type optkit does not read) counts as shared.
   */
  boolean enumConstant(String written) {
    int dot = written.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String type = written.substring(0, dot);
    String constant = written.substring(dot + 1);
    String simple = type.substring(type.lastIndexOf('.') + 1);
    if (index.types().stream().anyMatch(t -> t.fieldTypes().containsKey(simple))) {
      return false; // a field of that name (one a class inherits) would be what the name reads
    }
    List<dev.optkit.analyzers.facts.TypeFact> named = index.typesNamed(simple);
    // every field of the enum final and of an immutable type, deep (review 79's c02, c03: a final field holding a
    // Notation whose symbol the application changes)
    return !named.isEmpty() && named.stream().allMatch(t -> t.kind().equals("enum")
        && !t.fieldTypes().containsKey(constant) && unchangingEnum(t));
  }

  /** An enum whose constants never change: every field final, of an immutable type (deep), none changed or open. */
  boolean unchangingEnum(dev.optkit.analyzers.facts.TypeFact type) {
    return type.changingFields().isEmpty() && type.openFields().isEmpty() && type.reassignedFields().isEmpty()
        && type.allFieldsFinal()
        && type.fieldTypes().values().stream().allMatch(immutables::immutable);
  }

  /**
   * A new object of this class (by its name as written) may start out holding shared state: its
   * field initializers or constructors read a static or call out ({@code new Pager()} whose cursor
   * is {@code Holder.SHARED}). A class outside the project (the JDK's, a library's) holds nothing
   * of the project's.
   */
  boolean constructionReadsOutside(String written) {
    String simple = written.substring(written.lastIndexOf('.') + 1);
    // a constant of another type counts as outside here, whatever it is (the loop proofs tell enums apart); a
    // superclass's construction runs too (hostile review 62's super_init_ref)
    return index.typesNamed(simple).stream().anyMatch(type -> constructionReadsOutside(type, 0));
  }

  private boolean constructionReadsOutside(dev.optkit.analyzers.facts.TypeFact type, int depth) {
    if (type.constructionReadsOutside() || !type.constructionConstants().isEmpty()) {
      return true;
    }
    return depth < 8 && type.superTypes().stream().map(index::type).flatMap(Optional::stream)
        .filter(superType -> superType.kind().equals("class")).anyMatch(superType -> constructionReadsOutside(superType, depth + 1));
  }
}
