package dev.optkit.rewriters.caching.keys;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.ParamFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Objects a method makes whose constructors read or change state all calls share ({@code Role(name) {
 * REGISTRY.add(name); }}, made by {@code new Role(r)} or {@code map(Role::new)}): every call adds to it, and a cache
 * hit would skip that (hostile reviews 64's K and 66's K). The new object's own fields are construction, not shared
 * state; its class's statics, another class's, and what the constructor's helpers and its superclasses' constructors
 * touch count.
 */
final class ConstructorStatics {
  private final ProjectIndex index;

  ConstructorStatics(ProjectIndex index) {
    this.index = index;
  }

  /**
   * Why a method's answer or effects escape its key through the constructors it runs; empty when none do.
   *
   * @param walk the key coverage's walk of a constructor as a method run on a new object, given the call making it
   *     (whose arguments may be shared: an enum's constant holding state, review 79's p05)
   */
  Optional<String> whyNot(IndexedMethod method, BiFunction<IndexedMethod, CallRef, Optional<String>> walk) {
    List<CallRef> making = new ArrayList<>(method.fact().constructorCalls());
    // Product.builder()...build() on Lombok's builder (no project type Product.Builder): it makes a Product
    // under any build method name (b08's make()), and on the builder class held in a local (b10's
    // Product.ProductBuilder); a builder method Lombok names otherwise is one of the call's targets (b04's with())
    method.fact().calls().stream().filter(call -> call.argumentCount() <= 0 && call.receiverType() != null
            && call.receiverType().endsWith("Builder") && call.receiverType().lastIndexOf('.') > 0
            && index.type(call.receiverType()).isEmpty())
        .map(call -> call.withReceiverType(call.receiverType().substring(0, call.receiverType().lastIndexOf('.'))))
        .filter(call -> index.type(call.receiverType()).filter(t -> !t.fieldTypes().containsKey(call.name())).isPresent())
        .forEach(making::add);
    method.fact().calls().stream().filter(call -> call.argumentCount() == 0 && call.receiverType() != null
            && index.type(call.receiverType()).filter(type -> dev.optkit.analyzers.index.LombokBuilders.builderMethod(index, type,
                call.name())).isPresent())
        .forEach(making::add);
    for (CallRef made : making) {
      if (made.receiverType() == null) {
        continue;
      }
      // its field initialisers run with every constructor, Lombok's too (hostile review 94's c17: a @Builder.Default
      // label read from a registry of aliases)
      Optional<String> initialised = fieldInitialisers(made, walk);
      if (initialised.isPresent()) {
        return initialised;
      }
      List<IndexedMethod> candidates = new ArrayList<>(index.methodsOfType(made.receiverType()).stream()
          .filter(constructor -> constructor.fact().isConstructor() && (made.argumentCount() < 0
              && constructor.fact().params().size() <= 2 || constructor.fact().params().size() == made.argumentCount()))
          .toList());
      // Role(String) and Role(StringBuilder): which one runs is the compiler's choice, not told here; a constructor's
      // own this(...) or super(...) is among its constructor calls, walked with it
      boolean told = candidates.size() == 1;
      for (IndexedMethod candidate : candidates) {
        MethodFact fact = candidate.fact();
        if (!fact.staticFieldsRead().isEmpty()) {
          return Optional.of("depends on mutable state its key does not cover: " + made.snippet()
              + (told ? " runs " : " may run ") + fact.displayName() + "(" + fact.params().stream()
                  .map(ParamFact::type).collect(Collectors.joining(", ")) + "), which reads field "
              + fact.staticFieldsRead().get(0) + ", which changes after construction, of its class (static)");
        }
        Optional<String> deeper = walk.apply(candidate, made);
        if (deeper.isPresent()) {
          return deeper;
        }
      }
    }
    for (CallRef made : making) {
      if (made.receiverType() != null) {
        Optional<String> constant = sharedConstant(made);
        if (constant.isPresent()) {
          return constant;
        }
      }
    }
    return Optional.empty();
  }

  private static final java.util.Set<String> VALUE_TYPES = java.util.Set.of("java.lang.String", "java.lang.Long",
      "java.lang.Integer", "java.lang.Short", "java.lang.Byte", "java.lang.Boolean", "java.lang.Character",
      "java.lang.Double", "java.lang.Float", "long", "int", "short", "byte", "boolean", "char", "double", "float",
      "java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID");

  /** Whether a constant the construction reads ({@code NAME} or {@code Other.NAME}) is a final value or an enum's. */
  private boolean valueConstant(String type, String constant) {
    int dot = constant.lastIndexOf('.');
    List<dev.optkit.analyzers.facts.TypeFact> owners = dot < 0 ? index.type(type).stream().toList()
        : index.typesNamed(constant.substring(0, dot).substring(constant.substring(0, dot).lastIndexOf('.') + 1));
    if (owners.isEmpty()) {
      return true; // a library's constant (HttpStatus.BAD_REQUEST): no project writer changes it
    }
    if (owners.size() != 1) {
      return false;
    }
    var owner = owners.get(0);
    String field = constant.substring(dot + 1);
    if (owner.kind().equals("enum") && !owner.fieldTypes().containsKey(field)) {
      return true; // one of its constants
    }
    String fieldType = owner.fieldTypes().get(field);
    return fieldType != null && !owner.nonFinalFields().contains(field) && VALUE_TYPES.contains(fieldType);
  }

  /**
   * A static the construction reads that is no value: a value constant, or an enum's, keeps nothing that changes; a map
   * or another object may (hostile review 96's b01: {@code @Builder.Default label = Aliases.MAP.getOrDefault(..)}).
   * Asked after the constructors' own walk, whose reasons say more.
   */
  private Optional<String> sharedConstant(CallRef made) {
    List<String> types = new ArrayList<>(index.supertypesOf(made.receiverType()));
    if (!types.contains(made.receiverType())) {
      types.add(made.receiverType());
    }
    for (String type : types) {
      for (String constant : index.type(type).map(t -> t.constructionConstants()).orElse(List.of())) {
        if (!valueConstant(type, constant)) {
          return Optional.of("depends on mutable state its key does not cover: " + made.snippet() + " makes a "
              + dev.optkit.rewriters.caching.ProjectTraits.simpleName(type) + ", whose construction reads " + constant
              + ", which optkit does not know to be an unchanging value");
        }
      }
    }
    return Optional.empty();
  }

  /** Why what the made type's field initialisers run escapes the key: the project methods they call, walked. */
  private Optional<String> fieldInitialisers(CallRef made, BiFunction<IndexedMethod, CallRef, Optional<String>> walk) {
    List<String> types = new ArrayList<>(index.supertypesOf(made.receiverType()));
    if (!types.contains(made.receiverType())) {
      types.add(made.receiverType());
    }
    for (String type : types) {
      for (String name : index.type(type).map(t -> t.fieldCodeCalls()).orElse(List.of())) {
        for (IndexedMethod code : index.methodsNamed(name)) {
          if (!code.fact().staticFieldsRead().isEmpty() || !code.fact().mutableFieldsRead().isEmpty()) {
            return Optional.of("depends on mutable state its key does not cover: " + made.snippet() + " makes a "
                + dev.optkit.rewriters.caching.ProjectTraits.simpleName(type) + ", whose field initialisers call " + code.fact().displayName()
                + "(), which reads field " + (code.fact().staticFieldsRead().isEmpty() ? code.fact().mutableFieldsRead()
                    : code.fact().staticFieldsRead()).get(0) + ", which changes after construction");
          }
          Optional<String> deeper = walk.apply(code, made);
          if (deeper.isPresent()) {
            return deeper;
          }
        }
      }
    }
    return Optional.empty();
  }
}
