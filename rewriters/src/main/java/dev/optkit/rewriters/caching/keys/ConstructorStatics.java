package dev.optkit.rewriters.caching.keys;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.Optional;

/**
 * Objects a method makes whose constructors read or change a static field that changes after construction
 * ({@code Role(name) { REGISTRY.add(name); }}, made by {@code new Role(r)} or {@code map(Role::new)}): every call adds
 * to state all calls share, and a cache hit would skip it (hostile review 64's K). The new object's own fields are
 * construction, not shared state; only the class's statics count.
 */
final class ConstructorStatics {
  private final ProjectIndex index;

  ConstructorStatics(ProjectIndex index) {
    this.index = index;
  }

  /** Why a method's answer or effects escape its key through what its constructor calls touch; empty when none do. */
  Optional<String> whyNot(IndexedMethod method) {
    for (CallRef made : method.fact().constructorCalls()) {
      if (made.receiverType() == null) {
        continue;
      }
      for (IndexedMethod constructor : index.methodsOfType(made.receiverType())) {
        MethodFact fact = constructor.fact();
        if (fact.isConstructor() && (made.argumentCount() < 0 || fact.params().size() == made.argumentCount())
            && !fact.staticFieldsRead().isEmpty()) {
          return Optional.of("depends on mutable state its key does not cover: " + made.snippet() + " runs "
              + fact.displayName() + "(), which reads field " + fact.staticFieldsRead().get(0)
              + ", which changes after construction, of its class (static)");
        }
      }
    }
    return Optional.empty();
  }
}
