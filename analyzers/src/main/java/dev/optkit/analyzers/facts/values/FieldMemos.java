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
   * @param kind what the field is: the value itself, a map the guard's block puts a loaded value into, or a store of
   *     the project's own it is read from and written back to
   */
  public record Memo(IfStmt guard, String field, String refreshedWhen, Kind kind) {
    /** What a memo's field holds, as its {@code ExistingCache} mechanism names it. */
    public enum Kind {
      FIELD("field-memo"), MAP("map-memo"), STORE("store-memo");

      private final String mechanism;

      Kind(String mechanism) {
        this.mechanism = mechanism;
      }

      public String mechanism() {
        return mechanism;
      }
    }
  }

  private FieldMemos() {
  }

  /**
   * @param guards a body's if statements, in the order {@code findAll} gives
   * @param isField whether a plain name is a field of the class rather than a local or parameter
   */
  public static Optional<Memo> in(List<IfStmt> guards, Predicate<String> isField) {
    return in(guards, isField, made -> false);
  }

  /**
   * @param projectMade whether a construction makes a class of the project, whose constructor may do I/O: a field
   *     assigned one under a null check holds it once ({@code if (dataHandler == null) dataHandler = new
   *     AnsiDataHandler();}, a blind trial's wiki, whose loops calling the getter were said to write per iteration); a
   *     JDK collection made empty is no load
   */
  public static Optional<Memo> in(List<IfStmt> guards, Predicate<String> isField,
      Predicate<com.github.javaparser.ast.expr.ObjectCreationExpr> projectMade) {
    for (IfStmt guard : guards) {
      Optional<Memo> memo = memo(guard, isField, projectMade).or(() -> returnedFirst(guard, isField, projectMade));
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
  private static Optional<Memo> returnedFirst(IfStmt guard, Predicate<String> isField,
      Predicate<com.github.javaparser.ast.expr.ObjectCreationExpr> projectMade) {
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
      if (loaded(statements.get(i), isField, projectMade).contains(field)) {
        return Optional.of(new Memo(guard, field, null, Memo.Kind.FIELD));
      }
    }
    return Optional.empty();
  }

  /**
   * The fields the code assigns what a call returned, itself or through a method of its class it calls without
   * arguments, every method of that name and arity doing it (one level: {@code reload()} assigning {@code table =
   * load()}); a name the called method declares as its own local or parameter is none.
   */
  private static Set<String> loaded(com.github.javaparser.ast.Node code, Predicate<String> isField,
      Predicate<com.github.javaparser.ast.expr.ObjectCreationExpr> projectMade) {
    Set<String> loaded = new LinkedHashSet<>();
    for (AssignExpr assign : Subtrees.all(code, AssignExpr.class)) {
      String target = fieldName(assign.getTarget(), isField);
      if (target != null && (fromCall(assign.getValue())
          || assign.getValue() instanceof com.github.javaparser.ast.expr.ObjectCreationExpr made
              && made.getAnonymousClassBody().isEmpty() && projectMade.test(made))) {
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
    return answeredFirst(body, isField, node -> false);
  }

  /**
   * {@link #answeredFirst(com.github.javaparser.ast.Node, Predicate)}, where the map may be a store of the class's own
   * read and filled under one key: {@code List<String> c = CACHE.retrieveFromCache(KEY); if (c != null) { return c; }
   * ... CACHE.addToCache(KEY, result);} (a blind trial's wiki kept its lookups in a cache class of its own, and loops
   * calling them were reported as a query per iteration). The read and the fill name the same field and the same key,
   * the value last; a read the method's I/O sites hold ({@code isSite}) is no store in memory.
   */
  public static Optional<Memo> answeredFirst(com.github.javaparser.ast.Node body, Predicate<String> isField,
      Predicate<com.github.javaparser.ast.Node> isSite) {
    java.util.Map<String, MethodCallExpr> readFrom = new java.util.HashMap<>(); // local -> the read of a field
    for (com.github.javaparser.ast.body.VariableDeclarator local
        : Subtrees.all(body, com.github.javaparser.ast.body.VariableDeclarator.class)) {
      Expression init = local.getInitializer().orElse(null);
      while (init instanceof com.github.javaparser.ast.expr.CastExpr || init instanceof EnclosedExpr) {
        init = init instanceof com.github.javaparser.ast.expr.CastExpr cast ? cast.getExpression()
            : ((EnclosedExpr) init).getInner();
      }
      if (init instanceof MethodCallExpr get && get.getArguments().size() >= 1 && !isSite.test(get)
          && get.getScope().map(scope -> fieldName(scope, isField)).isPresent()) {
        readFrom.put(local.getNameAsString(), get);
      }
    }
    if (readFrom.isEmpty()) {
      return Optional.empty();
    }
    List<MethodCallExpr> fills = new ArrayList<>();
    for (MethodCallExpr put : Subtrees.all(body, MethodCallExpr.class)) {
      Expression value = put.getArguments().isEmpty() ? null : put.getArgument(put.getArguments().size() - 1);
      // filled with what a call returned, directly or through a local
      if (put.getArguments().size() >= 2 && put.getScope().map(scope -> fieldName(scope, isField)).isPresent()
          && (fromCall(value) || value instanceof NameExpr)) {
        fills.add(put);
      }
    }
    for (IfStmt guard : Subtrees.all(body, IfStmt.class)) {
      boolean answers = !Subtrees.all(guard.getThenStmt(), com.github.javaparser.ast.stmt.ReturnStmt.class).isEmpty();
      for (NameExpr name : Subtrees.all(guard.getCondition(), NameExpr.class)) {
        MethodCallExpr read = readFrom.get(name.getNameAsString());
        if (!answers || read == null) {
          continue;
        }
        String map = fieldName(read.getScope().get(), isField);
        boolean filled = fills.stream().anyMatch(put -> map.equals(fieldName(put.getScope().get(), isField))
            && (read.getNameAsString().equals("get") && put.getNameAsString().equals("put")
                && put.getArguments().size() == 2
                || sameKey(read, put)));
        if (filled) {
          boolean mapShape = read.getNameAsString().equals("get") && read.getArguments().size() == 1;
          return Optional.of(new Memo(guard, map, "!(" + guard.getCondition() + ")",
              mapShape ? Memo.Kind.MAP : Memo.Kind.STORE));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the fill names the read's arguments, in order, before its value: the same key of the same store. */
  private static boolean sameKey(MethodCallExpr read, MethodCallExpr fill) {
    if (fill.getArguments().size() != read.getArguments().size() + 1) {
      return false;
    }
    for (int i = 0; i < read.getArguments().size(); i++) {
      if (!read.getArgument(i).equals(fill.getArgument(i))) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Memo> memo(IfStmt guard, Predicate<String> isField,
      Predicate<com.github.javaparser.ast.expr.ObjectCreationExpr> projectMade) {
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
    Set<String> loaded = loaded(guard.getThenStmt(), isField, projectMade);
    Set<String> assigned = new LinkedHashSet<>(loaded);
    for (AssignExpr assign : Subtrees.all(guard.getThenStmt(), AssignExpr.class)) {
      String target = fieldName(assign.getTarget(), isField);
      if (target != null) {
        assigned.add(target);
      }
    }
    String refresh = others.isEmpty() ? null : String.join(" || ", others.stream().map(Expression::toString).toList());
    if (nullChecked != null && loaded.contains(nullChecked)) {
      return Optional.of(new Memo(guard, nullChecked, refresh, Memo.Kind.FIELD));
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
        return Optional.of(new Memo(guard, loaded.iterator().next(), refresh, Memo.Kind.FIELD));
      }
    }
    return mapMemo(guard, conditions, isField);
  }

  /**
   * {@code if (r == null) { r = load(k); rates.put(k, r); }} or {@code if (!rates.containsKey(k)) rates.put(k, load(k));};
   * or a store of the class's own read first and filled under the guard: {@code v = cache.get(region, k); if (v == null)
   * { v = load(k); cache.add(region, k, v); }}.
   */
  private static Optional<Memo> mapMemo(IfStmt guard, List<Expression> conditions, Predicate<String> isField) {
    if (conditions.size() != 1) {
      return Optional.empty();
    }
    Expression condition = conditions.get(0);
    for (MethodCallExpr put : Subtrees.all(guard.getThenStmt(), MethodCallExpr.class)) {
      boolean mapPut = put.getNameAsString().equals("put") && put.getArguments().size() == 2;
      if (!mapPut && !(STORE_WRITES.contains(put.getNameAsString()) && put.getArguments().size() >= 2)
          || put.getScope().isEmpty()) {
        continue;
      }
      String map = fieldName(put.getScope().get(), isField);
      if (map == null) {
        continue;
      }
      Expression value = put.getArgument(put.getArguments().size() - 1);
      if (!mapPut && !(value instanceof NameExpr local && readFrom(guard, local.getNameAsString(), map, isField))) {
        continue; // a store of the project's own (cache.add(region, key, value)): the local must be its read
      }
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
        return Optional.of(new Memo(guard, map, null, mapPut ? Memo.Kind.MAP : Memo.Kind.STORE));
      }
    }
    return filledThroughHelper(guard, condition, isField);
  }

  /** How many of the class's own methods deep a store's fill is looked for below the guard's load. */
  private static final int FILL_DEPTH = 3;

  /**
   * {@code pc = (T) cache.get(region, key); if (pc == null) { pc = load(userId); }}, where a method of the class the
   * load runs fills the store itself ({@code load} calling {@code load(user, false)}, which does {@code cache.add(region,
   * key, pc)}): a blind trial's forum, whose permission reads went through three such methods.
   */
  private static Optional<Memo> filledThroughHelper(IfStmt guard, Expression condition, Predicate<String> isField) {
    if (!(condition instanceof BinaryExpr binary) || binary.getOperator() != BinaryExpr.Operator.EQUALS) {
      return Optional.empty();
    }
    Expression checked = binary.getRight() instanceof NullLiteralExpr ? binary.getLeft()
        : binary.getLeft() instanceof NullLiteralExpr ? binary.getRight() : null;
    com.github.javaparser.ast.body.TypeDeclaration<?> type = guard.findAncestor(
        com.github.javaparser.ast.body.TypeDeclaration.class).orElse(null);
    if (!(checked instanceof NameExpr local) || type == null) {
      return Optional.empty();
    }
    for (AssignExpr assign : Subtrees.all(guard.getThenStmt(), AssignExpr.class)) {
      if (!(assign.getTarget() instanceof NameExpr target) || !target.equals(local)
          || !(assign.getValue() instanceof MethodCallExpr load) || !ownCall(load, type)) {
        continue;
      }
      for (String field : storesRead(guard, local.getNameAsString(), isField)) {
        if (fills(type, load.getNameAsString(), field, FILL_DEPTH, new java.util.HashSet<>())) {
          return Optional.of(new Memo(guard, field, null, Memo.Kind.STORE));
        }
      }
    }
    return Optional.empty();
  }

  /** A call of the class's own method: unqualified, on {@code this}, or on the class's name. */
  private static boolean ownCall(MethodCallExpr call, com.github.javaparser.ast.body.TypeDeclaration<?> type) {
    return call.getScope().map(scope -> scope instanceof ThisExpr
        || scope instanceof NameExpr name && name.getNameAsString().equals(type.getNameAsString())).orElse(true);
  }

  /** Whether a method of the class of that name, or one of the class's own it calls, writes into the store field. */
  private static boolean fills(com.github.javaparser.ast.body.TypeDeclaration<?> type, String name, String field,
      int depth, Set<String> seen) {
    if (depth == 0 || !seen.add(name)) {
      return false;
    }
    for (com.github.javaparser.ast.body.MethodDeclaration helper : type.getMethodsByName(name)) {
      if (helper.getBody().isEmpty()) {
        continue;
      }
      Set<String> own = new java.util.HashSet<>();
      Subtrees.all(helper, com.github.javaparser.ast.body.VariableDeclarator.class).forEach(v -> own.add(v.getNameAsString()));
      helper.getParameters().forEach(p -> own.add(p.getNameAsString()));
      for (MethodCallExpr call : Subtrees.all(helper.getBody().get(), MethodCallExpr.class)) {
        boolean writes = STORE_WRITES.contains(call.getNameAsString()) && call.getArguments().size() >= 2
            && call.getScope().map(scope -> field.equals(fieldName(scope, n -> !own.contains(n)))).orElse(false);
        if (writes || ownCall(call, type) && fills(type, call.getNameAsString(), field, depth - 1, seen)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Calls that write a value into a store of the class's own under a key, the value last. */
  private static final Set<String> STORE_WRITES = Set.of("put", "add", "set", "putIfAbsent", "store");

  /**
   * Whether the local the guard checks was read from that field before it ({@code Set<Integer> allowed = (Set<Integer>)
   * cache.get("security", key);}): a get of a store of the class's own, which the guard's block fills (a blind trial's
   * forum kept its permissions in a cache interface of its own, and its loops were reported as a query per iteration).
   */
  private static boolean readFrom(IfStmt guard, String local, String field, Predicate<String> isField) {
    return storesRead(guard, local, isField).contains(field);
  }

  /** The fields the local was read from by a get before the guard ({@link #readFrom}). */
  private static Set<String> storesRead(IfStmt guard, String local, Predicate<String> isField) {
    Set<String> fields = new LinkedHashSet<>();
    com.github.javaparser.ast.Node body = guard.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class)
        .map(com.github.javaparser.ast.Node.class::cast).orElse(null);
    if (body == null) {
      return fields;
    }
    for (com.github.javaparser.ast.body.VariableDeclarator declared
        : Subtrees.all(body, com.github.javaparser.ast.body.VariableDeclarator.class)) {
      Expression read = declared.getNameAsString().equals(local) ? declared.getInitializer().orElse(null) : null;
      while (read instanceof com.github.javaparser.ast.expr.CastExpr || read instanceof EnclosedExpr) {
        read = read instanceof com.github.javaparser.ast.expr.CastExpr cast ? cast.getExpression()
            : ((EnclosedExpr) read).getInner();
      }
      if (read instanceof MethodCallExpr get && get.getNameAsString().startsWith("get") && get.getScope().isPresent()
          && fieldName(get.getScope().get(), isField) != null) {
        fields.add(fieldName(get.getScope().get(), isField));
      }
    }
    return fields;
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
