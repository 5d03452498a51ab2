package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.TypeFact;

/** Calls on a field that holds one bean for the object's life: what Spring injected at its construction. */
public final class InjectedFields {
  private InjectedFields() {}

  /**
   * The call is made on a field of the caller's own class ({@code owners.findById(id)}, {@code this.owners...}) whose
   * declared type is the call's receiver type, assigned by nothing but construction (a setter may hand it any bean):
   * one object, so one of the receiver type's implementations runs, whichever it is.
   */
  public static boolean onField(CallRef call, TypeFact caller) {
    if (call.receiverType() == null || call.snippet() == null) {
      return false;
    }
    String snippet = call.snippet().strip().replaceFirst("^this\\.", "");
    int dot = snippet.indexOf('.');
    String field = dot < 0 ? "" : snippet.substring(0, dot);
    return !field.isEmpty() && call.receiverType().equals(caller.fieldTypes().getOrDefault(field, "").replaceAll("<.*", ""))
        && !caller.reassignedFields().contains(field);
  }

  /**
   * Whether an implementation of the interface calls the interface itself, on another object (a wrapper, a decorator,
   * a composite over {@code List<OwnerRepository>}): one call then runs the others too (hostile review 95's v04: a
   * {@code @Primary} wrapper over every store).
   */
  /** Field types that may hold several beans, or hand them out later. */
  private static final java.util.Set<String> MANY = java.util.Set.of("java.util.List", "java.util.Collection",
      "java.util.Set", "java.util.Map", "java.lang.Iterable", "java.util.Optional",
      "org.springframework.beans.factory.ObjectProvider", "org.springframework.beans.factory.ObjectFactory",
      "jakarta.inject.Provider", "javax.inject.Provider");

  /** Whether the class holds a collection, a map or a provider in a field (or an array). */
  public static boolean holdsMany(ProjectIndex index, String type) {
    return index.type(type).map(fact -> fact.fieldTypes().values().stream().map(t -> t.replaceAll("<.*", ""))
        .anyMatch(t -> MANY.contains(t) || t.endsWith("[]"))).orElse(false);
  }

  /**
   * Whether the class has a field of the interface or one of its implementations (an array of one too): the facts keep
   * field types erased, so a {@code List<OwnerRepository>} shows only as a list ({@link #holdsMany}).
   */
  public static boolean holdsOneOf(ProjectIndex index, String type, String interfaceType) {
    java.util.Set<String> held = new java.util.HashSet<>();
    for (String each : index.subtypesOf(interfaceType)) {
      held.add(each);
      held.add(each.substring(each.lastIndexOf('.') + 1));
    }
    held.add(interfaceType);
    held.add(interfaceType.substring(interfaceType.lastIndexOf('.') + 1));
    return index.type(type).map(fact -> fact.fieldTypes().values().stream()
        .map(t -> t.replaceAll("<.*", "").replace("[]", "")).anyMatch(held::contains)).orElse(false);
  }

  public static boolean delegating(ProjectIndex index, String interfaceType) {
    for (String type : index.subtypesOf(interfaceType)) {
      if (type.equals(interfaceType)) {
        continue;
      }
      boolean holdsMany = holdsMany(index, type);
      for (IndexedMethod method : index.methodsOfType(type)) {
        // a call optkit does not type, of one of the interface's methods, in a class holding a collection or a provider
        // (a lambda's parameter over its stores: hostile review 96's v06, stores.forEach(s -> s.rename(..)))
        if (method.fact().allCalls().stream().anyMatch(call -> interfaceType.equals(call.receiverType())
            || holdsMany && call.receiverType() == null && !index.methods(interfaceType, call.name()).isEmpty())) {
          return true;
        }
      }
      // holding the interface, or one of its implementations, in any form (List<OwnerRepository>,
      // ObjectProvider<JpaOwnerRepositoryImpl>): calls through it may go where optkit does not type them, a lambda's
      // parameter (hostile review 96's v06: stores.forEach(s -> s.rename(..)))
      boolean holds = holdsOneOf(index, type, interfaceType);
      if (holds) {
        return true;
      }
    }
    return false;
  }
}
