package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A result kept in a field of the object and loaded again only when a guard says so: a cache written by hand. The load
 * runs when the guard holds, not once per call, so the method is cached code and a loop calling it does not wait on
 * I/O per iteration. The shapes read:
 * <ul>
 *   <li>a null check: {@code if (table == null) table = load(); return table;} (loaded once per object);
 *   <li>a null check or a freshness condition: {@code if (rates == null || !rates.getDate().equals(LocalDate.now()))
 *       rates = client.getRates();} (refreshed when the date changes: piggymetrics' hand-written daily cache);
 *   <li>a freshness condition on a field the guard's block sets again: {@code if (now - loadedAt > TTL) { table =
 *       load(); loadedAt = now; }} (a TTL);
 *   <li>a map filled under a guard: {@code Rate r = rates.get(day); if (r == null) { r = load(day); rates.put(day, r);
 *       }} (a map memo, as {@code computeIfAbsent} is);
 *   <li>an answer returned first: {@code if (table != null) return table; table = load(); return table;} (the load
 *       after the guard runs only while the field is empty).
 * </ul>
 * In each, the block of the guard (or what follows an answer returned first) assigns the field (or puts into it) what
 * a call returned, itself or through a method of the class it calls without arguments naming the field ({@code if
 * (table == null) { reload(); }}, {@code reload()} assigning {@code table = load()}).
 */
public final class FieldMemos {
  /**
   * The memo guard, the field it fills, and when it loads again besides an empty field: null when only then (a plain
   * null check), else the guard's other conditions as written.
   *
   * @param map the field is a map the guard's block puts a loaded value into
   */
  public record Memo(IfStmt guard, String field, String refreshedWhen, boolean map) {}

  private FieldMemos() {
  }

  /**
   * @param guards a body's if statements, in the order {@code findAll} gives
   * @param isField whether a plain name is a field of the class rather than a local or parameter
   */
  public static Optional<Memo> in(List<IfStmt> guards, Predicate<String> isField) {
    for (IfStmt guard : guards) {
      Optional<Memo> memo = memo(guard, isField).or(() -> returnedFirst(guard, isField));
      if (memo.isPresent()) {
        return memo;
      }
    }
    return Optional.empty();
  }

  /**
   * {@code if (table != null) { return table; } ... table = load(); ...}: the field answered while it holds a value,
   * loaded by a statement after the guard, in the same block, otherwise.
   */
  private static Optional<Memo> returnedFirst(IfStmt guard, Predicate<String> isField) {
    if (guard.getElseStmt().isPresent() || !(guard.getCondition() instanceof BinaryExpr binary)
        || binary.getOperator() != BinaryExpr.Operator.NOT_EQUALS) {
      return Optional.empty();
    }
    String field = binary.getRight() instanceof NullLiteralExpr ? fieldName(binary.getLeft(), isField)
        : binary.getLeft() instanceof NullLiteralExpr ? fieldName(binary.getRight(), isField) : null;
    com.github.javaparser.ast.stmt.Statement answer = guard.getThenStmt();
    if (answer instanceof com.github.javaparser.ast.stmt.BlockStmt block && block.getStatements().size() == 1) {
      answer = block.getStatement(0);
    }
    // the answer is the field itself: if (session != null) return http.post(...) answers a request, no memo
    if (field == null || !(answer instanceof com.github.javaparser.ast.stmt.ReturnStmt returned)
        || !returned.getExpression().map(value -> field.equals(fieldName(value, isField))).orElse(false)
        || !(guard.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.BlockStmt around)) {
      return Optional.empty();
    }
    List<com.github.javaparser.ast.stmt.Statement> statements = around.getStatements();
    for (int i = statements.indexOf(guard) + 1; i < statements.size(); i++) {
      if (loaded(statements.get(i), isField).contains(field)) {
        return Optional.of(new Memo(guard, field, null, false));
      }
    }
    return Optional.empty();
  }

  /**
   * The fields the code assigns what a call returned, itself or through a method of its class it calls without
   * arguments, every method of that name and arity doing it (one level: {@code reload()} assigning {@code table =
   * load()}); a name the called method declares as its own local or parameter is none.
   */
  private static Set<String> loaded(com.github.javaparser.ast.Node code, Predicate<String> isField) {
    Set<String> loaded = new LinkedHashSet<>();
    for (AssignExpr assign : Subtrees.all(code, AssignExpr.class)) {
      String target = fieldName(assign.getTarget(), isField);
      if (target != null && fromCall(assign.getValue())) {
        loaded.add(target);
      }
    }
    com.github.javaparser.ast.body.TypeDeclaration<?> type = code.findAncestor(
        com.github.javaparser.ast.body.TypeDeclaration.class).orElse(null);
    for (MethodCallExpr call : Subtrees.all(code, MethodCallExpr.class)) {
      if (type == null || !call.getArguments().isEmpty()
          || call.getScope().isPresent() && !(call.getScope().get() instanceof ThisExpr)) {
        continue;
      }
      List<com.github.javaparser.ast.body.MethodDeclaration> helpers = type.getMethodsByName(call.getNameAsString())
          .stream().filter(helper -> helper.getParameters().isEmpty() && helper.getBody().isPresent()).toList();
      Set<String> common = null;
      for (com.github.javaparser.ast.body.MethodDeclaration helper : helpers) {
        Set<String> own = new java.util.HashSet<>();
        Subtrees.all(helper.getBody().get(), com.github.javaparser.ast.body.VariableDeclarator.class)
            .forEach(local -> own.add(local.getNameAsString()));
        Set<String> assigned = new LinkedHashSet<>();
        for (AssignExpr assign : Subtrees.all(helper.getBody().get(), AssignExpr.class)) {
          String target = fieldName(assign.getTarget(), name -> !own.contains(name) && isField.test(name));
          if (target != null && fromCall(assign.getValue())) {
            assigned.add(target);
          }
        }
        if (common == null) {
          common = assigned;
        } else {
          common.retainAll(assigned);
        }
      }
      if (common != null) {
        loaded.addAll(common);
      }
    }
    return loaded;
  }

  /**
   * A map read first and answered from when a guard holds, filled after the load otherwise: {@code Item i =
   * cache.get(k); if (i != null && i.fresh()) { return i.value; } ... cache.put(k, new Item(load(k)));}. The memo is
   * the map the guard's local was read from and the method puts into; it loads again unless the guard holds.
   */
  public static Optional<Memo> answeredFirst(com.github.javaparser.ast.Node body, Predicate<String> isField) {
    java.util.Map<String, String> readFrom = new java.util.HashMap<>(); // local -> map field it was read from
    for (com.github.javaparser.ast.body.VariableDeclarator local
        : Subtrees.all(body, com.github.javaparser.ast.body.VariableDeclarator.class)) {
      local.getInitializer().filter(MethodCallExpr.class::isInstance).map(MethodCallExpr.class::cast)
          .filter(get -> get.getNameAsString().equals("get") && get.getArguments().size() == 1)
          .flatMap(get -> get.getScope()).map(scope -> fieldName(scope, isField))
          .ifPresent(map -> readFrom.put(local.getNameAsString(), map));
    }
    if (readFrom.isEmpty()) {
      return Optional.empty();
    }
    Set<String> filled = new LinkedHashSet<>();
    for (MethodCallExpr put : Subtrees.all(body, MethodCallExpr.class)) {
      if (put.getNameAsString().equals("put") && put.getArguments().size() == 2 && put.getScope().isPresent()) {
        String map = fieldName(put.getScope().get(), isField);
        // filled with what a call returned, directly or through a local
        if (map != null && (fromCall(put.getArgument(1)) || put.getArgument(1) instanceof NameExpr)) {
          filled.add(map);
        }
      }
    }
    for (IfStmt guard : Subtrees.all(body, IfStmt.class)) {
      boolean answers = !Subtrees.all(guard.getThenStmt(), com.github.javaparser.ast.stmt.ReturnStmt.class).isEmpty();
      Optional<String> map = Subtrees.all(guard.getCondition(), NameExpr.class).stream()
          .map(name -> readFrom.get(name.getNameAsString())).filter(java.util.Objects::nonNull)
          .filter(filled::contains).findFirst();
      if (answers && map.isPresent()) {
        return Optional.of(new Memo(guard, map.get(), "!(" + guard.getCondition() + ")", true));
      }
    }
    return Optional.empty();
  }

  private static Optional<Memo> memo(IfStmt guard, Predicate<String> isField) {
    List<Expression> conditions = new ArrayList<>();
    disjuncts(guard.getCondition(), conditions);
    String nullChecked = null;
    List<Expression> others = new ArrayList<>();
    for (Expression condition : conditions) {
      String field = nullChecked == null ? nullChecked(condition, isField) : null;
      if (field != null) {
        nullChecked = field;
      } else {
        others.add(condition);
      }
    }
    // filled from a call (a client, a loader): lazy init of an empty collection is not a memo
    Set<String> loaded = loaded(guard.getThenStmt(), isField);
    Set<String> assigned = new LinkedHashSet<>(loaded);
    for (AssignExpr assign : Subtrees.all(guard.getThenStmt(), AssignExpr.class)) {
      String target = fieldName(assign.getTarget(), isField);
      if (target != null) {
        assigned.add(target);
      }
    }
    String refresh = others.isEmpty() ? null : String.join(" || ", others.stream().map(Expression::toString).toList());
    if (nullChecked != null && loaded.contains(nullChecked)) {
      return Optional.of(new Memo(guard, nullChecked, refresh, false));
    }
    if (nullChecked == null && !loaded.isEmpty() && !others.isEmpty()) {
      // a TTL or a stamp: the condition reads a field the block sets again, so the load is not per call
      Set<String> read = new LinkedHashSet<>();
      for (Expression condition : others) {
        Subtrees.all(condition, NameExpr.class).forEach(name -> {
          if (isField.test(name.getNameAsString())) {
            read.add(name.getNameAsString());
          }
        });
        Subtrees.all(condition, FieldAccessExpr.class).stream().filter(a -> a.getScope() instanceof ThisExpr)
            .forEach(a -> read.add(a.getNameAsString()));
      }
      read.retainAll(assigned);
      if (!read.isEmpty()) {
        return Optional.of(new Memo(guard, loaded.iterator().next(), refresh, false));
      }
    }
    return mapMemo(guard, conditions, isField);
  }

  /** {@code if (r == null) { r = load(k); rates.put(k, r); }} or {@code if (!rates.containsKey(k)) rates.put(k, load(k));}. */
  private static Optional<Memo> mapMemo(IfStmt guard, List<Expression> conditions, Predicate<String> isField) {
    if (conditions.size() != 1) {
      return Optional.empty();
    }
    Expression condition = conditions.get(0);
    for (MethodCallExpr put : Subtrees.all(guard.getThenStmt(), MethodCallExpr.class)) {
      if (!put.getNameAsString().equals("put") || put.getArguments().size() != 2 || put.getScope().isEmpty()) {
        continue;
      }
      String map = fieldName(put.getScope().get(), isField);
      if (map == null) {
        continue;
      }
      Expression value = put.getArgument(1);
      boolean loadedValue = fromCall(value) || value instanceof NameExpr local && Subtrees.all(guard.getThenStmt(),
          AssignExpr.class).stream().anyMatch(a -> a.getTarget() instanceof NameExpr t
              && t.getNameAsString().equals(local.getNameAsString()) && fromCall(a.getValue()));
      boolean checksTheMap = condition instanceof com.github.javaparser.ast.expr.UnaryExpr not
          && not.getOperator() == com.github.javaparser.ast.expr.UnaryExpr.Operator.LOGICAL_COMPLEMENT
          && not.getExpression() instanceof MethodCallExpr contains && contains.getNameAsString().equals("containsKey")
          && contains.getScope().map(s -> map.equals(fieldName(s, isField))).orElse(false);
      boolean checksTheValue = value instanceof NameExpr local && condition instanceof BinaryExpr binary
          && binary.getOperator() == BinaryExpr.Operator.EQUALS
          && (binary.getRight() instanceof NullLiteralExpr && binary.getLeft().equals(local)
              || binary.getLeft() instanceof NullLiteralExpr && binary.getRight().equals(local));
      if (loadedValue && (checksTheMap || checksTheValue)) {
        return Optional.of(new Memo(guard, map, null, true));
      }
    }
    return Optional.empty();
  }

  private static boolean fromCall(Expression value) {
    return value instanceof MethodCallExpr || !Subtrees.all(value, MethodCallExpr.class).isEmpty();
  }

  /** The operands of a chain of {@code ||}, brackets taken off. */
  private static void disjuncts(Expression condition, List<Expression> into) {
    Expression bare = condition;
    while (bare instanceof EnclosedExpr enclosed) {
      bare = enclosed.getInner();
    }
    if (bare instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.OR) {
      disjuncts(binary.getLeft(), into);
      disjuncts(binary.getRight(), into);
    } else {
      into.add(bare);
    }
  }

  /** {@code f == null}, {@code null == f}, {@code this.f == null}: the field's name. */
  private static String nullChecked(Expression condition, Predicate<String> isField) {
    if (!(condition instanceof BinaryExpr binary) || binary.getOperator() != BinaryExpr.Operator.EQUALS) {
      return null;
    }
    if (binary.getRight() instanceof NullLiteralExpr) {
      return fieldName(binary.getLeft(), isField);
    }
    return binary.getLeft() instanceof NullLiteralExpr ? fieldName(binary.getRight(), isField) : null;
  }

  private static String fieldName(Expression expression, Predicate<String> isField) {
    if (expression instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return access.getNameAsString();
    }
    // WikiBase.dataHandler written in WikiBase: the class's own static field, by its class's name
    if (expression instanceof FieldAccessExpr access && access.getScope() instanceof NameExpr owner
        && access.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
            .map(type -> ((com.github.javaparser.ast.body.TypeDeclaration<?>) type).getNameAsString()
                .equals(owner.getNameAsString())).orElse(false)) {
      return access.getNameAsString();
    }
    return expression instanceof NameExpr name && isField.test(name.getNameAsString()) ? name.getNameAsString() : null;
  }
}
