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
  public static boolean delegating(ProjectIndex index, String interfaceType) {
    for (String type : index.subtypesOf(interfaceType)) {
      if (type.equals(interfaceType)) {
        continue;
      }
      for (IndexedMethod method : index.methodsOfType(type)) {
        if (method.fact().allCalls().stream().anyMatch(call -> interfaceType.equals(call.receiverType()))) {
          return true;
        }
      }
    }
    return false;
  }
}
