package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.optkit.rewriters.edit.Imports;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code results.add(client.call(x))}, {@code results.add(f(client.call(x)))} and {@code byId.put(x,
 * client.call(x))}: the answer used where it is made, read as {@code T answer = client.call(x);
 * results.add(f(answer));}. That reading is the same program only when nothing of the statement runs
 * before the call but reading names and values (the map's key is such a name: the statement's other
 * parts are evaluated after it, on the caller's thread, in the element's turn, as before), the list or
 * map is a local the method made (no other code sees it fill), and optkit can name T: the project
 * method's declared answer, or the list's element type (the map's value type) when the answer is added
 * as it is.
 */
final class AnswerInStatement {
  /** java.util collections whose add(E) takes the answer as it is. */
  private static final Set<String> COLLECTIONS = Set.of("Collection", "List", "ArrayList", "LinkedList", "Set",
      "HashSet", "LinkedHashSet", "SortedSet", "NavigableSet", "TreeSet", "Deque", "ArrayDeque");
  /** java.util maps whose put(K, V) takes the answer as it is, as the value. */
  private static final Set<String> MAPS = Set.of("Map", "HashMap", "LinkedHashMap", "SortedMap", "NavigableMap",
      "TreeMap");

  /**
   * @param call the blocking call inside the statement
   * @param type the answer's type as the rewrite writes it
   * @param imported the qualified name to import for it, or null
   */
  record Found(ExpressionStmt statement, MethodCallExpr call, String type, String imported, String refusal) {
    static Found refused(String why) {
      return new Found(null, null, null, null, why);
    }
  }

  private AnswerInStatement() {}

  /**
   * Whether the statement is {@code list.add(...)} holding a call that waits on I/O, or {@code map.put(key, ...)}
   * holding it in the value (not in the key).
   */
  static boolean is(Statement statement, LoopProof.CallJudge judge) {
    return statement instanceof ExpressionStmt expression && expression.getExpression() instanceof MethodCallExpr add
        && (add.getNameAsString().equals("add") && add.getArguments().size() == 1
            || put(add) && add.getArguments().get(0).findAll(MethodCallExpr.class).stream().noneMatch(judge::startsIo))
        && value(add).findAll(MethodCallExpr.class).stream().anyMatch(judge::startsIo);
  }

  private static boolean put(MethodCallExpr call) {
    return call.getNameAsString().equals("put") && call.getArguments().size() == 2;
  }

  /** What the statement adds: add's argument, put's value. */
  private static Expression value(MethodCallExpr add) {
    return add.getArguments().get(put(add) ? 1 : 0);
  }

  static Found of(CompilationUnit unit, CallableDeclaration<?> method, ForEachStmt loop, ExpressionStmt statement,
      LoopProof.CallJudge judge, String element, String elementType) {
    MethodCallExpr add = (MethodCallExpr) statement.getExpression();
    boolean put = put(add);
    Expression argument = value(add);
    List<MethodCallExpr> io = argument.findAll(MethodCallExpr.class).stream().filter(judge::startsIo).toList();
    // the outermost call only: a call in its arguments runs inside it, ahead too
    List<MethodCallExpr> outer = io.stream().filter(c -> io.stream().noneMatch(o -> o != c && LoopProof.isInside(c, o))).toList();
    if (outer.size() > 1) {
      return Found.refused("it makes " + outer.size() + " blocking calls per element, and optkit runs one per element ahead");
    }
    MethodCallExpr call = outer.get(0);
    String list = add.getScope().orElse(null) instanceof NameExpr name ? name.getNameAsString() : null;
    // the declaration in scope at the loop: one in a block around it (review 76's C: an earlier if's local of the name)
    Optional<VariableDeclarator> local = list == null ? Optional.empty() : method.findAll(VariableDeclarator.class).stream()
        .filter(v -> v.getNameAsString().equals(list) && !LoopProof.isInside(v, loop)
            && v.getBegin().get().isBefore(loop.getBegin().get())
            && v.findAncestor(com.github.javaparser.ast.stmt.BlockStmt.class).filter(block -> block.isAncestorOf(loop)).isPresent())
        .findFirst();
    Optional<String> notPlain = local.isEmpty() ? Optional.empty()
        : notPlainLocal(unit, method, local.get(), list, put, judge);
    if (local.isEmpty() || notPlain.isPresent()) {
      String kind = put ? "map" : "list";
      String keep = "; keep the answer in a local ('T answer = client.call(...);') to have it run ahead";
      if (notPlain.isPresent()) {
        // review 76: a ConcurrentHashMap the method made was said to be no local map the method made
        return Found.refused("it " + (put ? "puts" : "adds") + " its answer " + (put ? "in " : "to ") + list + ", "
            + notPlain.get() + ": optkit keeps the " + (put ? "put" : "add") + " in the element's turn only on a "
            + "java.util " + (put ? "HashMap, LinkedHashMap or TreeMap" : "list or set") + " the method makes before "
            + "the loop with nothing but its type, and never assigns again" + keep);
      }
      return Found.refused("it " + (put ? "puts" : "adds") + " its answer " + (put ? "in " : "to ")
          + add.getScope().map(Expression::toString).orElse("this") + ", which is not a local " + kind + " the method "
          + "made (" + (put ? "new HashMap<>()" : "new ArrayList<>()") + " before the loop): a " + kind + " others hold "
          + "would see the answers the rewrite keeps for it" + keep);
    }
    // the loop walks a view of what it fills (byId.keySet(), all.subList(..)): the original fails when the body adds,
    // the rewrite walks ahead of the adds (review 76's D, D2)
    if (walksFilled(method, loop.getIterable(), list, 0)) {
      return Found.refused("it walks " + loop.getIterable() + ", which shows the " + (put ? "map" : "list") + " the loop "
          + "fills: the original fails or sees the new entries as it walks, and the rewrite walks ahead of them");
    }
    // put(key, value): the key is evaluated before the value's call, and must only read a name or a value
    Optional<String> before = runsBefore(put ? add : argument, call, method, loop, element, elementType);
    if (before.isPresent()) {
      return Found.refused("the statement runs " + before.get() + " before its call, and the rewrite takes each answer "
          + "first: an exception or a change made there would come after the call instead of before it");
    }
    Optional<String> own = judge.answerType(call).flatMap(q -> nameable(unit, q));
    if (own.isPresent()) {
      String qualified = judge.answerType(call).get();
      boolean importIt = qualified.contains(".") && !qualified.startsWith("java.lang.") && Imports.canUseSimpleName(unit, qualified);
      return new Found(statement, call, own.get(), importIt ? qualified : null, null);
    }
    Optional<String> listElement = elementType(local.get().getType(), put ? 1 : 0);
    if (argument == call && listElement.isPresent()) {
      return new Found(statement, call, listElement.get(), null, null); // add(E): the answer as an E is what add took
    }
    return Found.refused("optkit cannot name the type of " + call.getNameAsString() + "()'s answer, which the rewrite "
        + "declares; keep it in a local of its own ('T answer = " + call.getNameAsString() + "(...);')");
  }

  /** What keeps a local list or map from being one the rewrite may fill in turn, said as it is; empty when nothing. */
  private static Optional<String> notPlainLocal(CompilationUnit unit, CallableDeclaration<?> method,
      VariableDeclarator local, String name, boolean put, LoopProof.CallJudge judge) {
    Expression initializer = local.getInitializer().orElse(null);
    if (!(initializer instanceof ObjectCreationExpr creation)) {
      return Optional.of(initializer == null ? "declared without a value" : "given " + LoopProof.firstLine(initializer)
          + ", which optkit cannot show is a new " + (put ? "map" : "list"));
    }
    String made = creation.getType().getNameAsString();
    if (creation.getAnonymousClassBody().isPresent()) {
      return Optional.of("made as an anonymous subclass of " + made + ", whose methods may do more");
    }
    if (!(put ? MAPS : COLLECTIONS).contains(made)) {
      return Optional.of("a " + made);
    }
    if (!javaUtil(unit, creation.getType(), judge)) {
      return Optional.of("a " + made + " of the project's (or one optkit cannot place), not java.util's");
    }
    if (!plainConstruction(creation)) {
      return Optional.of("made with " + creation.getArguments() + " (a comparator or a source optkit does not read)");
    }
    if (LoopProof.assignedIn(method, name)) {
      return Optional.of("which the method assigns again");
    }
    return Optional.empty();
  }

  /**
   * The answer put in a map by a statement that is not a put of its own ({@code String old = byId.put(id,
   * client.call(id))}, {@code byId.putIfAbsent(id, client.call(id))}): said as it is, instead of "neither kept nor put"
   * (review 76).
   */
  static Optional<String> otherMapUse(List<Statement> statements, LoopProof.CallJudge judge) {
    for (Statement statement : statements) {
      for (MethodCallExpr use : statement.findAll(MethodCallExpr.class)) {
        String name = use.getNameAsString();
        boolean mapCall = Set.of("put", "putIfAbsent", "merge", "compute", "computeIfAbsent", "computeIfPresent",
            "replace").contains(name) && use.getArguments().size() >= 2;
        if (mapCall && use.getArguments().stream().anyMatch(a -> a.findAll(MethodCallExpr.class).stream()
            .anyMatch(judge::startsIo) || a instanceof MethodCallExpr c && judge.startsIo(c))) {
          boolean plainPut = name.equals("put") && statement instanceof ExpressionStmt expression
              && expression.getExpression() == use;
          if (!plainPut) {
            return Optional.of("it hands its call's answer to " + use.getScope().map(s -> s + ".").orElse("")
                + name + "(..)" + (name.equals("put") ? " and uses what put answers ('" + LoopProof.firstLine(statement)
                    + "')" : "") + ": optkit runs a call ahead only when its answer is kept in a local of its own ('T "
                + "answer = client.call(...);'), added to a local list, or put with a put statement of its own "
                + "('byId.put(id, client.call(...));')");
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * What the statement evaluates before the call, when it is more than reading a name or a value: Java
   * evaluates a call's receiver, then its arguments left to right, and an operator's left operand first.
   */
  private static Optional<String> runsBefore(Expression at, MethodCallExpr call, CallableDeclaration<?> method,
      ForEachStmt loop, String element, String elementType) {
    if (at == call) {
      return Optional.empty();
    }
    if (at instanceof EnclosedExpr enclosed) {
      return runsBefore(enclosed.getInner(), call, method, loop, element, elementType);
    }
    if (at instanceof CastExpr cast) {
      return runsBefore(cast.getExpression(), call, method, loop, element, elementType);
    }
    List<Expression> parts;
    if (at instanceof MethodCallExpr outer) {
      parts = new java.util.ArrayList<>();
      outer.getScope().ifPresent(parts::add);
      parts.addAll(outer.getArguments());
    } else if (at instanceof ObjectCreationExpr creation && creation.getScope().isEmpty()
        && creation.getAnonymousClassBody().isEmpty()) {
      parts = creation.getArguments();
    } else if (at instanceof BinaryExpr binary && binary.getOperator() != BinaryExpr.Operator.AND
        && binary.getOperator() != BinaryExpr.Operator.OR) {
      parts = List.of(binary.getLeft(), binary.getRight());
    } else {
      return Optional.of(LoopProof.firstLine(at));
    }
    for (Expression part : parts) {
      if (LoopProof.isInside(call, part)) {
        return runsBefore(part, call, method, loop, element, elementType);
      }
      boolean operand = at instanceof BinaryExpr;
      if (!harmless(part, operand, method, loop, element, elementType)) {
        return Optional.of(part.toString());
      }
    }
    return Optional.of(LoopProof.firstLine(at)); // cannot be: the call is inside the statement
  }

  /**
   * Evaluated before the call, it neither changes anything nor throws: a literal, {@code this}, a
   * name (a variable's value, or a type the call is static on). An operand of an operator is also
   * turned into text or unboxed, which runs its toString() or throws on null: only a literal or an
   * immutable value of a type optkit knows is harmless there.
   */
  private static boolean harmless(Expression part, boolean operand, CallableDeclaration<?> method, ForEachStmt loop,
      String element, String elementType) {
    if (part instanceof LiteralExpr && !part.isNullLiteralExpr()) {
      return true;
    }
    if (part instanceof BinaryExpr text && text.getOperator() == BinaryExpr.Operator.PLUS) {
      // "x" + 1, sku + "=": text made of literals and names of known values (review 76: said to be able to throw)
      return harmless(text.getLeft(), true, method, loop, element, elementType)
          && harmless(text.getRight(), true, method, loop, element, elementType);
    }
    if (!operand) {
      // a local's or the class's own field's value; another class's static named through a static import may run
      // that class's initialiser first (review 76's A: a config read before any request, in the original only)
      return part instanceof ThisExpr || part instanceof NameExpr name
          && (dev.optkit.analyzers.facts.values.NameScopes.declaredInScope(name.getNameAsString(), name)
              || dev.optkit.analyzers.facts.values.NameScopes.ownFieldAround(name.getNameAsString(), name));
    }
    if (part instanceof BinaryExpr text && text.getOperator() == BinaryExpr.Operator.PLUS) {
      return harmless(text.getLeft(), true, method, loop, element, elementType)
          && harmless(text.getRight(), true, method, loop, element, elementType); // sku + "="
    }
    if (!(part instanceof NameExpr name)) {
      return false;
    }
    String type = name.getNameAsString().equals(element) ? elementType
        : method.findAll(com.github.javaparser.ast.body.Parameter.class).stream()
            .filter(p -> p.getNameAsString().equals(name.getNameAsString())).map(p -> p.getType().asString())
            .findFirst().orElse("");
    return type.equals("String") || type.equals("java.lang.String") || type.equals(type.toLowerCase(java.util.Locale.ROOT))
        && !type.isEmpty() && !type.contains(".");
  }

  /** Whether the walked expression names the filled collection, itself or through locals given it (to a few levels). */
  private static boolean walksFilled(CallableDeclaration<?> method, Expression walked, String filled, int depth) {
    List<NameExpr> names = new java.util.ArrayList<>(walked.findAll(NameExpr.class));
    if (walked instanceof NameExpr name) {
      names.add(name);
    }
    for (NameExpr name : names) {
      if (name.getNameAsString().equals(filled)) {
        return true;
      }
      if (depth < 4) {
        for (VariableDeclarator local : method.findAll(VariableDeclarator.class)) {
          if (local.getNameAsString().equals(name.getNameAsString()) && local.getInitializer().isPresent()
              && walksFilled(method, local.getInitializer().get(), filled, depth + 1)) {
            return true;
          }
        }
        for (com.github.javaparser.ast.expr.AssignExpr assignment : method.findAll(com.github.javaparser.ast.expr.AssignExpr.class)) {
          if (assignment.getTarget() instanceof NameExpr target && target.getNameAsString().equals(name.getNameAsString())
              && walksFilled(method, assignment.getValue(), filled, depth + 1)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether the created class is java.util's: written so, or imported by its own name (a class of the file's package
   * named HashMap beats an on-demand import: review 76's B, a project HashMap whose put sends a request).
   */
  private static boolean javaUtil(CompilationUnit unit, ClassOrInterfaceType created, LoopProof.CallJudge judge) {
    if (created.getScope().isPresent()) {
      return created.getScope().get().asString().equals("java.util");
    }
    String name = created.getNameAsString();
    boolean importedElsewhere = unit.getImports().stream().anyMatch(i -> !i.isStatic() && !i.isAsterisk()
        && i.getName().getIdentifier().equals(name) && !i.getNameAsString().equals("java.util." + name));
    return !importedElsewhere && !judge.projectTypeNamed(name);
  }

  /**
   * Made with no code of the caller's running in it later: no arguments, or a capacity. A comparator given to a TreeMap
   * runs at each put, in the element's turn, after later calls were started (review 76's F).
   */
  private static boolean plainConstruction(ObjectCreationExpr creation) {
    return creation.getArguments().stream().allMatch(argument -> argument instanceof LiteralExpr
        || argument instanceof MethodCallExpr size && size.getNameAsString().equals("size") && size.getArguments().isEmpty()
            && size.getScope().filter(NameExpr.class::isInstance).isPresent());
  }

  /** A qualified type as the rewrite can write it: a primitive, or a class without type arguments. */
  private static Optional<String> nameable(CompilationUnit unit, String qualified) {
    if (qualified.matches("(boolean|byte|short|int|long|char|float|double)(\\[\\])*")) {
      return Optional.of(qualified);
    }
    if (!qualified.matches("([a-z_$][\\w$]*\\.)+[A-Z][\\w$.]*")) {
      return Optional.empty(); // a type variable, a generic or array type: written as it is, it could mean another
    }
    if (qualified.startsWith("java.lang.") && qualified.indexOf('.', "java.lang.".length()) < 0) {
      return Optional.of(qualified.substring("java.lang.".length()));
    }
    return Optional.of(Imports.reference(unit, qualified));
  }

  /**
   * {@code String} of {@code List<String>}, {@code Price} of {@code Map<String, Price>} (at 1); empty for a raw type or a
   * wildcard.
   */
  private static Optional<String> elementType(Type declared, int at) {
    if (declared instanceof ClassOrInterfaceType type
        && type.getTypeArguments().filter(a -> a.size() == (at == 0 ? 1 : 2)).isPresent()) {
      Type argument = type.getTypeArguments().get().get(at);
      return argument.isWildcardType() ? Optional.empty() : Optional.of(argument.asString());
    }
    return Optional.empty();
  }

  /** Whether a node is the statement's call or inside it: what runs ahead, on the pool. */
  static boolean inCall(Node node, MethodCallExpr call) {
    return LoopProof.isInside(node, call);
  }
}
