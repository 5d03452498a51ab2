package dev.optkit.analyzers.facts.values;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.optkit.analyzers.facts.PreOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a type's own code writes of its own fields, after construction and while constructing: the fields
 * it assigns, those whose object it changes in place ({@code seen.add(x)}, {@code count++}), and those whose
 * parts it changes ({@code holder.allowed.add(x)}, {@code holder.getAllowed().add(x)}). {@code TypeDescriptions}
 * asks it which fields are state that changes after construction.
 */
public final class OwnFieldWrites {
  private static final Set<String> STATE_MUTATORS = Set.of(
      "put", "putAll", "putIfAbsent", "remove", "clear", "add", "addAll", "set", "merge", "compute",
      "computeIfAbsent", "computeIfPresent", "replace", "replaceAll", "removeIf", "incrementAndGet",
      "decrementAndGet", "getAndIncrement", "getAndDecrement", "addAndGet", "getAndSet", "getAndAdd", "lazySet",
      "accumulateAndGet", "updateAndGet", "increment", "decrement", "reset", "accumulate", "getAndUpdate",
      "getAndAccumulate", "compareAndSet", "push", "pop", "offer", "poll", "append", "insert", "addFirst", "addLast",
      "retainAll", "removeAll", "sort");

  /** The fields a type's methods (not its constructors) assign, and those they change in place. */
  private record FieldWrites(Set<String> assigned, Set<String> mutated, Set<String> partsChanged) {}

  private final Map<TypeDeclaration<?>, FieldWrites> fieldWrites = new java.util.IdentityHashMap<>();
  private final Map<TypeDeclaration<?>, FieldWrites> constructorWrites = new java.util.IdentityHashMap<>();

  /** One walk over the type's methods, however many fields ask. */
  private FieldWrites fieldWrites(TypeDeclaration<?> type) {
    return fieldWrites.computeIfAbsent(type, t -> {
      FieldWrites own = writesIn(t.getMethods(), t);
      // static class Acc { void add(String r) { SEEN.add(r); } }: a nested class's code changes the outer's field
      // as the outer's own methods do (hostile review 62's static_nested), unless the nested class has its own
      for (var member : t.getMembers()) {
        if (member instanceof TypeDeclaration<?> nested) {
          FieldWrites inner = fieldWrites(nested);
          java.util.function.Predicate<String> outer = name -> nested.getFieldByName(name).isEmpty();
          inner.assigned().stream().filter(outer).forEach(own.assigned()::add);
          inner.mutated().stream().filter(outer).forEach(own.mutated()::add);
        }
      }
      return own;
    });
  }

  /**
   * What its constructors and instance initialisers write: construction for its own object's fields, but a change of
   * a static each time an object is made ({@code REGISTRY.add(name)} in {@code Role(name)}: hostile review 64's K).
   */
  private FieldWrites constructorWrites(TypeDeclaration<?> type) {
    return constructorWrites.computeIfAbsent(type, t -> {
      List<Node> constructing = new ArrayList<>(t.getConstructors());
      t.getMembers().stream().filter(m -> m instanceof com.github.javaparser.ast.body.InitializerDeclaration init
          && !init.isStatic()).forEach(constructing::add);
      return writesIn(constructing, t);
    });
  }

  private static FieldWrites writesIn(List<? extends Node> members, TypeDeclaration<?> t) {
    Set<String> assigned = new HashSet<>();
    Set<String> mutated = new HashSet<>();
    Set<String> parts = new HashSet<>();
    for (Node member : members) {
      PreOrder.walk(member, node -> {
        if (node instanceof MethodCallExpr call && STATE_MUTATORS.contains(call.getNameAsString())) {
          Expression scope = call.getScope().orElse(null);
          if (scope instanceof NameExpr name && !local(name)) {
            mutated.add(name.getNameAsString());
          } else if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            mutated.add(access.getNameAsString());
          } else if (scope instanceof FieldAccessExpr access) {
            ownFieldRoot(access, t).ifPresent(parts::add); // holder.allowed.add(x) changes what holder holds
          } else if (scope instanceof MethodCallExpr accessor && accessor.getArguments().isEmpty()) {
            // allowed.get().add(x), holder.getAllowed().add(x): what the field's object hands out, changed (review 66's P)
            accessorRoot(accessor, t).ifPresent(parts::add);
          }
        } else if (node instanceof com.github.javaparser.ast.expr.MethodReferenceExpr reference
            && STATE_MUTATORS.contains(reference.getIdentifier())) {
          // rows.forEach(seen::add) fills seen as seen.add(row) does (hostile review 62's hist_field_ref)
          String field = dev.optkit.analyzers.facts.values.NameScopes.referencedField(reference,
              name -> t.getFieldByName(name).isEmpty(), name -> t.getFieldByName(name).isPresent());
          if (field != null) {
            mutated.add(field);
          }
        } else if (node instanceof UnaryExpr step && (step.getOperator().isPostfix()
            || step.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
            || step.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT)) {
          if (step.getExpression() instanceof NameExpr name && !local(name)) {
            mutated.add(name.getNameAsString());
          } else if (step.getExpression() instanceof FieldAccessExpr access) {
            mutated.add(access.getNameAsString());
            ownFieldRoot(access, t).ifPresent(parts::add); // holder.count++
          }
        } else if (node instanceof AssignExpr assign) {
          if (assign.getTarget() instanceof NameExpr name && !local(name)) {
            assigned.add(name.getNameAsString());
          } else if (assign.getTarget() instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            assigned.add(access.getNameAsString());
          } else if (assign.getTarget() instanceof FieldAccessExpr access) {
            ownFieldRoot(access, t).ifPresent(parts::add); // holder.allowed = x: holder's object changes
          }
        }
      });
    }
    mutated.addAll(parts);
    return new FieldWrites(assigned, mutated, parts);
  }

  /**
   * A local or a parameter of that name where it is used ({@code normalized(Set<String> allowed) { allowed.removeIf(..) }},
   * a sorted copy named as the field): not the field (hostile review 72's fr_param_shadow, fr_local_shadow).
   */
  private static boolean local(NameExpr name) {
    return dev.optkit.analyzers.facts.values.NameScopes.declaredInScope(name.getNameAsString(), name);
  }

  /** {@code allowed.get()}, {@code holder.getAllowed()}, {@code this.limits.allowed()}: the own field it is called on. */
  private static Optional<String> accessorRoot(MethodCallExpr accessor, TypeDeclaration<?> type) {
    Expression at = accessor.getScope().orElse(null);
    if (at instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return Optional.of(access.getNameAsString()).filter(name -> type.getFieldByName(name).isPresent());
    }
    if (at instanceof FieldAccessExpr access) {
      return ownFieldRoot(access, type);
    }
    if (at instanceof NameExpr name && !dev.optkit.analyzers.facts.values.NameScopes.declaredInScope(
        name.getNameAsString(), name)) {
      return Optional.of(name.getNameAsString()).filter(field -> type.getFieldByName(field).isPresent());
    }
    return Optional.empty();
  }

  /** {@code holder.allowed} or {@code this.holder.allowed}: the type's own field the chain starts from. */
  private static Optional<String> ownFieldRoot(FieldAccessExpr access, TypeDeclaration<?> type) {
    Expression at = access.getScope();
    while (at instanceof FieldAccessExpr outer && !(outer.getScope() instanceof ThisExpr)) {
      at = outer.getScope();
    }
    if (at instanceof NameExpr name && dev.optkit.analyzers.facts.values.NameScopes.declaredInScope(
        name.getNameAsString(), name)) {
      return Optional.empty(); // tuned(Options options) { options.level = 3; }: the parameter's object, not the field's
    }
    String root = at instanceof NameExpr name ? name.getNameAsString()
        : at instanceof FieldAccessExpr own ? own.getNameAsString() : null;
    return Optional.ofNullable(root).filter(name -> type.getFieldByName(name).isPresent());
  }

  /**
   * A field whose object changes after construction: a final map or list filled by a method, an
   * atomic counter, a field stepped with {@code ++}. A result computed from it changes with it.
   */
  public boolean mutatedOutsideConstructors(TypeDeclaration<?> type, String field, boolean isStatic) {
    return fieldWrites(type).mutated().contains(field) || isStatic && constructorWrites(type).mutated().contains(field);
  }

  /** A field set only while constructing is effectively final; one set by setters is state, a static always. */
  public boolean assignedOutsideConstructors(TypeDeclaration<?> type, String field, boolean isStatic) {
    return fieldWrites(type).assigned().contains(field) || isStatic && constructorWrites(type).assigned().contains(field);
  }


  public Set<String> partsChanged(TypeDeclaration<?> type) {
    return fieldWrites(type).partsChanged();
  }
}
