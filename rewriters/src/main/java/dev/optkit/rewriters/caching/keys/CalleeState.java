package dev.optkit.rewriters.caching.keys;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.IndexedMethod;
import java.util.List;
import java.util.Optional;

/**
 * State a callee on a shared object reads that its own facts' mutable fields do not list: the component a record's
 * implicit accessor hands out, and the fields its object inherits from a project superclass.
 */
final class CalleeState {
  private CalleeState() {}

  /** A field the callee's object inherits and that changes after construction (review 74's u_super_view). */
  static Optional<String> inherited(dev.optkit.analyzers.index.ProjectIndex index, CallRef call,
      dev.optkit.analyzers.facts.MethodFact callee, boolean thisShared) {
    if (!thisShared || callee.isStatic()) {
      return Optional.empty();
    }
    return dev.optkit.analyzers.rules.CacheableReadMethodRule.inheritedState(index, callee).map(state ->
        "depends on mutable state its key does not cover: " + callee.displayName() + "() reads what its object inherits "
            + "from " + state + ", of an object shared between calls (" + call.snippet() + ")");
  }

  /**
   * {@code limits.allowed()} on a shared record, an accessor the record does not write (so no method of the index): the
   * component it hands out, when the record's own code changes it or it holds an object that changes in place (hostile
   * review 72's r_record_own: {@code allow(r) { allowed.add(r); }} in the record, and the cache kept the set as it was).
   */
  static Optional<String> recordComponent(dev.optkit.analyzers.index.ProjectIndex index, CallRef call,
      List<IndexedMethod> targets,
      boolean receiverShared) {
    if (!receiverShared || !targets.isEmpty() || call.argumentCount() != 0 || call.receiverType() == null) {
      return Optional.empty();
    }
    Optional<dev.optkit.analyzers.facts.TypeFact> record = index.type(call.receiverType())
        .filter(type -> type.kind().equals("record") && type.fieldTypes().containsKey(call.name()));
    if (record.isEmpty()) {
      return Optional.empty();
    }
    String component = call.name();
    String simple = call.receiverType().substring(call.receiverType().lastIndexOf('.') + 1);
    String how = record.get().changingFields().contains(component) ? "which its own code changes after construction"
        : record.get().openFields().contains(component) ? "which holds an object any code holding it can change in place "
            + "(optkit counts it as changing)" : null;
    return how == null ? Optional.empty() : Optional.of("depends on mutable state its key does not cover: " + simple + "."
        + component + "() hands out the record's component " + component + ", " + how + ", of an object shared between "
        + "calls (" + call.snippet() + ")");
  }
}
