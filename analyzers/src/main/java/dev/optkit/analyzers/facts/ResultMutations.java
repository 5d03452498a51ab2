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
 * called on the elements of a returned collection in a for-each. Syntax only: a result passed on
 * to another method that mutates it is not seen; a result stored in a field is reported too
 * ({@code "stored in field x"}), since from there anyone, data binding included, may change it.
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
   * @param parameters names of the method's parameters: any plain name assigned that is neither one
   *     nor a local variable is a field
   */
  static List<MethodFact.ResultMutation> of(Node body, java.util.Set<String> parameters) {
    Set<String> locals = new java.util.HashSet<>(parameters);
    body.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
    body.findAll(com.github.javaparser.ast.body.Parameter.class).forEach(p -> locals.add(p.getNameAsString()));
    Map<String, MethodCallExpr> localSources = new HashMap<>();
    // twice, so an alias declared before its source in the walk order still resolves (t = loaded; loaded = call())
    for (int pass = 0; pass < 2; pass++) {
      for (VariableDeclarator variable : body.findAll(VariableDeclarator.class)) {
        variable.getInitializer().map(init -> source(init, localSources))
            .ifPresent(c -> localSources.put(variable.getNameAsString(), c));
      }
      for (AssignExpr assign : body.findAll(AssignExpr.class)) {
        if (assign.getTarget() instanceof NameExpr name) {
          MethodCallExpr source = source(assign.getValue(), localSources);
          if (source != null) {
            localSources.put(name.getNameAsString(), source);
          }
        }
      }
    }
    Set<MethodFact.ResultMutation> found = new LinkedHashSet<>();
    for (AssignExpr assign : body.findAll(AssignExpr.class)) {
      Expression target = assign.getTarget();
      String field = target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
          ? access.getNameAsString()
          : target instanceof NameExpr name && !locals.contains(name.getNameAsString()) ? name.getNameAsString() : null;
      if (field != null) {
        call(assign.getValue()).ifPresent(c -> found.add(new MethodFact.ResultMutation(c.getNameAsString(),
            c.getArguments().size(), "stored in field " + field)));
      }
    }
    for (MethodCallExpr mutation : body.findAll(MethodCallExpr.class)) {
      String name = mutation.getNameAsString();
      Expression target = null;
      if (mutation.getScope().isPresent() && (MUTATORS.contains(name) || isSetter(name))) {
        target = mutation.getScope().get();
      } else if (mutation.getScope().orElse(null) instanceof NameExpr helper
          && STATIC_MUTATORS.contains(helper.getNameAsString() + "." + name) && mutation.getArguments().isNonEmpty()) {
        target = mutation.getArgument(0);
        name = helper.getNameAsString() + "." + name;
      }
      if (target == null) {
        continue;
      }
      MethodCallExpr source = source(target, localSources);
      if (source != null) {
        found.add(new MethodFact.ResultMutation(source.getNameAsString(), source.getArguments().size(), name));
      }
    }
    // for (Pet pet : owner.getPets()) pet.setName(...): the elements of the returned collection change
    for (ForEachStmt loop : body.findAll(ForEachStmt.class)) {
      MethodCallExpr source = source(loop.getIterable(), localSources);
      if (source == null) {
        continue;
      }
      String element = loop.getVariableDeclarator().getNameAsString();
      for (MethodCallExpr inner : loop.getBody().findAll(MethodCallExpr.class)) {
        if (inner.getScope().orElse(null) instanceof NameExpr scope && scope.getNameAsString().equals(element)
            && (isSetter(inner.getNameAsString()) || MUTATORS.contains(inner.getNameAsString()))) {
          found.add(new MethodFact.ResultMutation(source.getNameAsString(), source.getArguments().size(),
              element + "." + inner.getNameAsString()));
        }
      }
    }
    return List.copyOf(found);
  }

  /** Optional's accessors hand on the object the call inside them returned. */
  private static final Set<String> UNWRAPPING = Set.of("orElseThrow", "get", "orElse", "orElseGet", "join");
  /** Views that write through to the collection or map they come from. */
  private static final Set<String> VIEWS = Set.of(
      "iterator", "listIterator", "entrySet", "keySet", "values", "subList", "headMap", "tailMap", "subMap",
      "headSet", "tailSet", "subSet", "descendingMap", "descendingSet", "navigableKeySet");

  private static MethodCallExpr source(Expression target, Map<String, MethodCallExpr> localSources) {
    Expression unwrapped = unwrap(target);
    if (unwrapped instanceof MethodCallExpr call) {
      // people.findById(id).orElseThrow().setName(n) changes what findById returned; list.iterator().remove()
      // and map.entrySet().removeIf(...) change the list and the map through their views
      if ((UNWRAPPING.contains(call.getNameAsString()) || VIEWS.contains(call.getNameAsString()))
          && call.getScope().isPresent()) {
        MethodCallExpr inner = source(call.getScope().get(), localSources);
        if (inner != null) {
          return inner;
        }
      }
      return call;
    }
    if (unwrapped instanceof NameExpr name) {
      return localSources.get(name.getNameAsString());
    }
    return null;
  }

  private static java.util.Optional<MethodCallExpr> call(Expression expression) {
    Expression unwrapped = unwrap(expression);
    return unwrapped instanceof MethodCallExpr call ? java.util.Optional.of(call) : java.util.Optional.empty();
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
