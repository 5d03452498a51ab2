package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds where a method changes what a call returned to it: {@code repo.findAll().add(x)}, a local
 * holding a call's result then sorted or given a field, {@code Collections.sort(list)}, setters
 * called on the elements of a returned collection in a for-each. The same for the method's own
 * parameters, so that a caller handing a result to a project helper ({@code normalise(tags)}) is
 * judged by what the helper does: syntax only here, the hand-offs are followed by the planner
 * through the call graph. A result stored in a field is reported too ({@code "stored in field x"}),
 * since from there anyone, data binding included, may change it.
 */
final class ResultMutations {
  /** Calls that change their receiver: collections, maps, builders, arrays lists. */
  private static final Set<String> MUTATORS = Set.of(
      "add", "addAll", "addFirst", "addLast", "remove", "removeAll", "removeIf", "retainAll", "clear", "put",
      "putAll", "putIfAbsent", "replace", "replaceAll", "compute", "computeIfAbsent", "computeIfPresent", "merge",
      "sort", "set", "push", "pop", "poll", "offer", "removeFirst", "removeLast", "append", "insert", "reverse",
      "setLength", "delete", "deleteCharAt");
  /** Static helpers that change their first argument. */
  private static final Set<String> STATIC_MUTATORS = Set.of(
      "Collections.sort", "Collections.shuffle", "Collections.reverse", "Collections.swap", "Collections.fill",
      "Collections.rotate", "Collections.addAll", "Arrays.sort", "Arrays.fill", "Arrays.setAll");

  private ResultMutations() {}

  /**
   * What a method body changes among the values it got, and where it hands them on.
   *
   * @param results results of calls this method changes
   * @param parameters parameters this method changes
   * @param handOffs call results and parameters passed on as arguments to other calls, which may
   *     change them: the index follows these into project methods
   */
  record Changes(List<MethodFact.ResultMutation> results, List<MethodFact.ParameterMutation> parameters,
      List<MethodFact.HandOff> handOffs) {
    static final Changes NONE = new Changes(List.of(), List.of(), List.of());
  }

  /** The position that stands for the receiver of a call ({@code value.method()}) in hand-offs and changes. */
  static final int RECEIVER = MethodFact.RECEIVER;

  /** Where a changed value came from: the result of a call, or the method's parameter at an index. */
  private record Origin(MethodCallExpr call, int parameter) {}

  /**
   * @param parameters the method's parameters, in order: any plain name assigned that is neither one
   *     nor a local variable is a field
   */
  static Changes of(Node body, List<String> parameters) {
    Set<String> locals = new java.util.HashSet<>(parameters);
    body.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
    body.findAll(com.github.javaparser.ast.body.Parameter.class).forEach(p -> locals.add(p.getNameAsString()));
    Map<String, Origin> localSources = new HashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      localSources.put(parameters.get(i), new Origin(null, i));
    }
    Set<String> reassigned = new java.util.HashSet<>();
    // twice, so an alias declared before its source in the walk order still resolves (t = loaded; loaded = call())
    for (int pass = 0; pass < 2; pass++) {
      for (VariableDeclarator variable : body.findAll(VariableDeclarator.class)) {
        variable.getInitializer().map(init -> source(init, localSources))
            .ifPresent(c -> localSources.put(variable.getNameAsString(), c));
      }
      for (AssignExpr assign : body.findAll(AssignExpr.class)) {
        if (assign.getTarget() instanceof NameExpr name) {
          Origin source = source(assign.getValue(), localSources);
          if (source != null) {
            localSources.put(name.getNameAsString(), source);
          } else if (parameters.contains(name.getNameAsString())) {
            reassigned.add(name.getNameAsString()); // items = new ArrayList<>(items): the caller's list is safe
          }
        }
      }
    }
    reassigned.forEach(localSources::remove);
    Set<MethodFact.ResultMutation> results = new LinkedHashSet<>();
    Set<MethodFact.ParameterMutation> changedParameters = new LinkedHashSet<>();
    java.util.function.BiConsumer<Origin, String> changed = (origin, how) -> {
      if (origin.call() != null) {
        results.add(new MethodFact.ResultMutation(origin.call().getNameAsString(), origin.call().getArguments().size(),
            how));
      } else {
        changedParameters.add(new MethodFact.ParameterMutation(origin.parameter(), how));
      }
    };
    for (AssignExpr assign : body.findAll(AssignExpr.class)) {
      Expression target = assign.getTarget();
      String field = target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
          ? access.getNameAsString()
          : target instanceof NameExpr name && !locals.contains(name.getNameAsString()) ? name.getNameAsString() : null;
      if (field != null) {
        changedParameters.add(new MethodFact.ParameterMutation(RECEIVER, "assigns field " + field));
        // a call's result stored as it is, or a parameter kept (setItems(items)): from a field anyone may change it
        Origin stored = source(assign.getValue(), localSources);
        if (stored != null && (stored.call() == null || unwrap(assign.getValue()) instanceof MethodCallExpr)) {
          changed.accept(stored, "stored in field " + field);
        }
      }
    }
    Set<MethodFact.HandOff> handOffs = new LinkedHashSet<>();
    for (MethodCallExpr mutation : body.findAll(MethodCallExpr.class)) {
      String name = mutation.getNameAsString();
      Expression target = null;
      // the static helpers first: Collections.sort(list) changes list, not Collections
      if (mutation.getScope().orElse(null) instanceof NameExpr helper
          && STATIC_MUTATORS.contains(helper.getNameAsString() + "." + name) && mutation.getArguments().isNonEmpty()) {
        target = mutation.getArgument(0);
        name = helper.getNameAsString() + "." + name;
      } else if (mutation.getScope().isPresent() && (MUTATORS.contains(name) || isSetter(name))) {
        target = mutation.getScope().get();
      }
      if (target != null) {
        Origin source = source(target, localSources);
        if (source != null) {
          changed.accept(source, name);
        }
      } else if (mutation.getScope().isPresent()) {
        // account.deposit(5): whether that changes the account depends on the project method
        Origin receiver = source(mutation.getScope().get(), localSources);
        if (receiver != null) {
          handOffs.add(new MethodFact.HandOff(receiver.call() == null ? null : receiver.call().getNameAsString(),
              receiver.call() == null ? 0 : receiver.call().getArguments().size(), receiver.parameter(), name,
              mutation.getArguments().size(), RECEIVER));
        }
      }
      // helper.normalise(tags): whether that changes tags depends on the helper, which the index knows
      for (int position = 0; position < mutation.getArguments().size(); position++) {
        Origin passed = source(mutation.getArgument(position), localSources);
        if (passed != null) {
          handOffs.add(new MethodFact.HandOff(passed.call() == null ? null : passed.call().getNameAsString(),
              passed.call() == null ? 0 : passed.call().getArguments().size(), passed.parameter(), name,
              mutation.getArguments().size(), position));
        }
      }
    }
    // new AccountSession(account, list): whether the object keeps them depends on its constructor
    for (ObjectCreationExpr creation : body.findAll(ObjectCreationExpr.class)) {
      if (creation.getAnonymousClassBody().isPresent()) {
        continue;
      }
      String created = "new " + creation.getType().getNameAsString();
      for (int position = 0; position < creation.getArguments().size(); position++) {
        Origin passed = source(creation.getArgument(position), localSources);
        if (passed != null) {
          handOffs.add(new MethodFact.HandOff(passed.call() == null ? null : passed.call().getNameAsString(),
              passed.call() == null ? 0 : passed.call().getArguments().size(), passed.parameter(), created,
              creation.getArguments().size(), position));
        }
      }
    }
    // for (Pet pet : owner.getPets()) pet.setName(...): the elements of the returned collection change
    for (ForEachStmt loop : body.findAll(ForEachStmt.class)) {
      Origin source = source(loop.getIterable(), localSources);
      if (source == null) {
        continue;
      }
      String element = loop.getVariableDeclarator().getNameAsString();
      for (MethodCallExpr inner : loop.getBody().findAll(MethodCallExpr.class)) {
        if (inner.getScope().orElse(null) instanceof NameExpr scope && scope.getNameAsString().equals(element)
            && (isSetter(inner.getNameAsString()) || MUTATORS.contains(inner.getNameAsString()))) {
          changed.accept(source, element + "." + inner.getNameAsString());
        }
      }
    }
    return new Changes(List.copyOf(results), List.copyOf(changedParameters), List.copyOf(handOffs));
  }

  /** Optional's accessors hand on the object the call inside them returned. */
  private static final Set<String> UNWRAPPING = Set.of("orElseThrow", "get", "orElse", "orElseGet", "join");
  /** Views that write through to the collection or map they come from. */
  private static final Set<String> VIEWS = Set.of(
      "iterator", "listIterator", "entrySet", "keySet", "values", "subList", "headMap", "tailMap", "subMap",
      "headSet", "tailSet", "subSet", "descendingMap", "descendingSet", "navigableKeySet");

  private static Origin source(Expression target, Map<String, Origin> localSources) {
    Expression unwrapped = unwrap(target);
    if (unwrapped instanceof MethodCallExpr call) {
      // people.findById(id).orElseThrow().setName(n) changes what findById returned; list.iterator().remove()
      // and map.entrySet().removeIf(...) change the list and the map through their views
      if ((UNWRAPPING.contains(call.getNameAsString()) || VIEWS.contains(call.getNameAsString()))
          && call.getScope().isPresent()) {
        Origin inner = source(call.getScope().get(), localSources);
        if (inner != null) {
          return inner;
        }
      }
      return new Origin(call, -1);
    }
    if (unwrapped instanceof NameExpr name) {
      return localSources.get(name.getNameAsString());
    }
    return null;
  }

  private static Expression unwrap(Expression expression) {
    Expression current = expression;
    while (current instanceof EnclosedExpr || current instanceof CastExpr) {
      current = current instanceof EnclosedExpr enclosed ? enclosed.getInner() : ((CastExpr) current).getExpression();
    }
    return current;
  }

  private static boolean isSetter(String name) {
    return name.length() > 3 && name.startsWith("set") && Character.isUpperCase(name.charAt(3));
  }
}
