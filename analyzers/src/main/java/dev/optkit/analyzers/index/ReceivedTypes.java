package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.ReceivedFrom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The type of what a call is made on when that is what a method of the caller's own object returned
 * ({@code getClient().get(url)}): the declared return type of the method it runs, found in the caller's class or its
 * superclasses, when every such method declares the same one; or the type of a field the caller's class inherits
 * ({@code repository.saveAndFlush(e)}, declared by a superclass in another file); or, link by link, what a chain of
 * such calls answers ({@code Driver.getInstance().newKarmaDAO()}). Remembered by
 * {@link CallRef#receivedFrom()}.
 */
final class ReceivedTypes {
  private final ProjectIndex index;
  private final CallTargets targets;
  private final InheritedMemberTypes inheritedMembers;
  /** By {@link CallRef#receivedFrom()}; "" for none known. */
  private final Map<ReceivedFrom, String> memo = new java.util.concurrent.ConcurrentHashMap<>();

  ReceivedTypes(ProjectIndex index, CallTargets targets, InheritedMemberTypes inheritedMembers) {
    this.index = index;
    this.targets = targets;
    this.inheritedMembers = inheritedMembers;
  }

  String of(CallRef call) {
    ReceivedFrom from = call.receivedFrom();
    if (from == null) {
      return null;
    }
    if (from instanceof ReceivedFrom.EnclosingThis enclosing) {
      return enclosingDeclarer(enclosing.classes(), call.name()); // by name: not one key of the memo
    }
    return typeOf(from, call.range());
  }

  /** The type what {@code from} gives is declared as, or null when it is not one type. */
  private String typeOf(ReceivedFrom from, dev.optkit.analyzers.facts.SourceRange range) {
    String known = memo.get(from);
    if (known == null && from instanceof ReceivedFrom.InheritedField field) {
      String type = inheritedMembers.fieldTypeIn(field.owners(), field.field());
      known = type == null ? "" : dev.optkit.analyzers.facts.types.TypeNames.raw(type);
      memo.putIfAbsent(from, known);
    } else if (known == null && from instanceof ReceivedFrom.Returned returned) {
      // a chain's link: what the earlier links answer is the object whose method this one is
      String before = typeOf(returned.from(), range);
      known = before == null ? "" : Optional.ofNullable(typeOf(new ReceivedFrom.Getter(before, returned.name(),
          returned.arguments()), range)).orElse("");
      memo.putIfAbsent(from, known);
    } else if (known == null && from instanceof ReceivedFrom.Getter own) {
      CallRef getter = new CallRef(own.owner(), own.name(), own.arguments(),
          dev.optkit.analyzers.facts.Confidence.HIGH, false, range, "", -1, null);
      Set<String> returned = new java.util.TreeSet<>();
      List<String> chain = new ArrayList<>(List.of(getter.receiverType()));
      chain.addAll(index.supertypesOf(getter.receiverType()));
      String nearest = null;
      int nearestAt = Integer.MAX_VALUE;
      for (IndexedMethod method : targets.targetsOf(getter)) {
        // R getRepository() in AbstractService<E, R extends JpaRepository<E, Long>>: what R is, seen from the caller
        String type = inheritedMembers.seenFrom(getter.receiverType(), method.fact().ownerType(), method.fact().returnType());
        int generic = type.indexOf('<');
        String erased = generic >= 0 ? type.substring(0, generic) : type;
        returned.add(erased);
        int at = chain.indexOf(method.fact().ownerType());
        if (at >= 0 && at < nearestAt) {
          nearestAt = at;
          nearest = erased;
        }
      }
      // overrides in subclasses return subtypes of what the caller's own class declares (protected abstract R
      // getRepository(), each service returning its repository): the declaration the caller sees is its type
      String only = returned.size() == 1 ? returned.iterator().next() : nearest;
      known = only != null && !only.equals("void") && !only.contains("[") ? only : "";
      memo.putIfAbsent(from, known);
    }
    return known == null || known.isEmpty() ? null : known;
  }

  /**
   * The class an unqualified call runs the method of, as Java looks it up: the first of the classes, innermost first,
   * whose methods or its ancestors' include one of the name; a class with an ancestor the project does not declare may
   * inherit one unseen, and is where the search ends. The innermost class when none has one.
   */
  private String enclosingDeclarer(List<String> classes, String name) {
    if (ObjectMethods.named(name)) {
      return classes.get(0); // every class has Object's: toString() in a member class is its own, never its outer's
    }
    for (String type : classes) {
      if (index.supertypesOf(type).stream().anyMatch(ancestor -> !index.methods(ancestor, name).isEmpty())
          || !index.ancestryDeclared(type)) {
        return type;
      }
    }
    return classes.get(0);
  }
}
