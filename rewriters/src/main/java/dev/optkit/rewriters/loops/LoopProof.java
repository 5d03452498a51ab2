package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Reason;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.analyzers.proof.Proof;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What must hold of a loop whose futures are joined inside it before its calls may start ahead of
 * the one being joined. The statements after the start stay in order on the calling thread, so a
 * running total, an early exit or a write among them is kept as it was; what moves is what comes
 * before the start, and the start: for element n+1 they now run before element n's statements after
 * its join. So they must only compute the call's input (local declarations), read nothing those
 * statements could change (final fields, effectively final locals, the element, values they make),
 * write nothing, and the call must be a read; the collection is walked once, ahead, so nothing may change it
 * while the loop runs.
 */
final class LoopProof {
  private static final Set<String> FUTURES = Set.of("CompletableFuture", "Future", "CompletionStage",
      "ListenableFuture");

  /** Exceptions a catch may name around the loop: unchecked, so no checked exception is caught there. */
  private static final Set<String> UNCHECKED = Set.of("RuntimeException", "IllegalArgumentException",
      "IllegalStateException", "NullPointerException", "UncheckedIOException", "CompletionException",
      "CancellationException", "ArithmeticException", "IndexOutOfBoundsException", "UnsupportedOperationException");


  private LoopProof() {}

  /** Where a call's receiver comes from, followed down its chain of calls and field reads. */
  enum Root {
    /** a value made while starting the element: a local, a lambda's parameter, a new object, the call's response */
    MADE,
    /** the element, or a parameter or effectively final local of the method, of a type nobody can change */
    VALUE,
    /** the element, or a parameter or local of the method, of a type whose objects can change */
    SHARED_VALUE,
    /** a static call on a type */
    TYPE,
    /** this object (an unqualified call, {@code this.}, {@code super.}) */
    THIS,
    /** the object a field holds */
    FIELD
  }

  /** Library types safe to use ahead: thread-safe, and unchanged by the calls a loop makes on them. */
  static final Set<String> THREAD_SAFE = ConcurrentCalls.THREAD_SAFE;

  /** Types whose objects nobody can change: a call on one reads nothing a later statement could change. */
  static final Set<String> IMMUTABLE = dev.optkit.analyzers.facts.types.JdkValues.UNMISTAKABLE_SIMPLE_NAMES;

  /** Judges one call among the statements that start an element. */
  interface CallJudge {
    /** Whether the call is the loop's I/O (its result, a response or a future, is made for this element). */
    boolean startsIo(MethodCallExpr call);

    /** Whether the project declares a type of this simple name (its own HashMap beside java.util's: review 76's B). */
    default boolean projectTypeNamed(String simpleName) {
      return true; // unknown: not java.util's for sure
    }

    /**
     * @param call a method call or object creation among the moved statements
     * @param root where its receiver comes from
     * @param field the field's name when {@code root} is {@link Root#FIELD}
     * @return why it may see or make a change the order of elements matters for; empty when it cannot
     */
    Optional<String> whyNot(Expression call, Root root, String field);

    /**
     * Whether a field read is the receiver of a call this judge looks into itself (the blocking call
     * handed to a pool, whose object's state {@link ConcurrentCalls} proves unchanging): then the
     * field need only be final, whatever its type.
     */
    default boolean judgesReceiver(NameExpr use) {
      return false;
    }

    /**
     * Why a call among the statements after the start may change state the caller holds beyond
     * the method's own values (a project method that changes its object: a list in one of its
     * fields may be the one iterated); empty when it cannot.
     */
    default Optional<String> changesHeldState(MethodCallExpr call) {
      return Optional.empty();
    }

    /** Whether objects of a project type, as written, cannot change (a record of immutable components). */
    default boolean immutableType(String type) {
      return false;
    }

    /** The qualified type a call's answer is declared with (a project method's), or empty when it cannot be told. */
    default Optional<String> answerType(MethodCallExpr call) {
      return Optional.empty();
    }

    /**
     * Why the loop's getter ({@code order.getItems()}) may give another collection on a second call;
     * empty when it returns its object's field and nothing else.
     */
    default Optional<String> getterProblem(CallableDeclaration<?> method, ForEachStmt loop) {
      return Optional.of("it iterates " + loop.getIterable() + ", an expression: the rewrite reads the elements ahead "
          + "of the loop's body, and optkit proves that nothing changes them meanwhile only for a parameter or local");
    }
  }

  /**
   * The loop's parts, or (with only {@code refusal} set) why its calls may not start ahead.
   *
   * @param iterable the collection iterated, as written (a parameter or local)
   * @param futureType the future variable's declared type, as written
   * @param start the statement that starts the call and keeps its future
   * @param ahead the statements before the start, and the start's initializer: what runs ahead
   * @param checked the checked exception types the code that starts an element may throw, as written
   */
  record Shape(Reason refusal, String iterable, String futureType, ExpressionStmt start, List<Node> ahead,
      List<String> checked, Parts parts) {
    static Shape refused(Proof proof, String reason) {
      return new Shape(new Reason(proof, reason), null, null, null, List.of(), List.of(), null);
    }
  }

  /**
   * What the wider shapes add to a loop's parts.
   *
   * @param iterator the expression whose iterator() starts the calls ahead ({@code skus},
   *     {@code Arrays.asList(skus)}, {@code order.getSkus()})
   * @param answerInStatement the call when it stands inside the statement that uses its answer
   *     ({@code results.add(f(client.call(x)))}); null when a local keeps it
   * @param filter the {@code if} the call is inside (only the elements passing it are fetched); null when none
   * @param imports what the rewrite's text names that the file may need imported
   */
  record Parts(String iterator, MethodCallExpr answerInStatement, IfStmt filter, Set<String> imports) {}

  /** What starts an element's call: a future the loop joins later, or a blocking call the rewrite hands to a pool. */
  enum Start {
    /** {@code CompletableFuture<T> f = client.sendAsync(...)}, joined by a later statement */
    FUTURE,
    /** {@code T value = client.fetch(...)}: a call that blocks until its answer is there */
    BLOCKING_CALL
  }

  static Shape of(CompilationUnit unit, CallableDeclaration<?> method, ForEachStmt loop, CallJudge judge) {
    return of(unit, method, loop, judge, Start.FUTURE);
  }

  static Shape of(CompilationUnit unit, CallableDeclaration<?> method, ForEachStmt loop, CallJudge judge, Start kind) {
    if (!(loop.getBody() instanceof BlockStmt body)) {
      return Shape.refused(Proof.LOOP_SHAPE, "its body is a single statement with no future kept in a variable");
    }
    if (loop.getParentNode().orElse(null) instanceof LabeledStmt) {
      return Shape.refused(Proof.LOOP_SHAPE, "it is a labelled loop");
    }
    if (loop.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.SwitchEntry) {
      // hostile review 54's F2: a case group's statements share the switch's scope with the later cases
      return Shape.refused(Proof.LOOP_SHAPE, "it stands among a switch case's statements, where the locals the rewrite declares "
          + "would be in scope of the later cases too");
    }
    if (!(loop.getParentNode().orElse(null) instanceof BlockStmt)) {
      return Shape.refused(Proof.LOOP_SHAPE, "it is the single statement of an if or a loop without braces, where the rewrite's "
          + "statements cannot go");
    }
    if (loop.findAncestor(LambdaExpr.class).filter(l -> isInside(l, method)).isPresent()) {
      return Shape.refused(Proof.LOOP_SHAPE, "it runs inside a lambda, whose exceptions and captures optkit would have to change");
    }
    // the checked exceptions javac lets the loop's code throw (the method's throws, catches around the loop): a
    // failure held back to its element's turn is thrown again as it was (RethrowAsIs), whatever its type; an
    // interrupt while waiting is thrown on as one where the code may throw it
    List<String> checked = new ArrayList<>();
    java.util.Map<String, List<String>> variables = ThrowsTypes.typeVariables(method);
    for (var thrown : method.getThrownExceptions()) {
      List<String> bounds = thrown instanceof ClassOrInterfaceType type ? variables.get(type.getNameAsString()) : null;
      boolean anyThrowable = List.of("Throwable", "java.lang.Throwable").contains(thrown.asString())
          || bounds != null && (bounds.isEmpty() || bounds.stream().anyMatch(b -> b.equals("Throwable")
              || b.equals("java.lang.Throwable")));
      if (anyThrowable && kind == Start.BLOCKING_CALL) {
        // hostile review 70's F2: the call is handed to the pool as a Callable, which may throw an Exception only
        return Shape.refused(Proof.LOOP_EXCEPTIONS, method.getNameAsString() + "() declares 'throws " + thrown + "', which may be any "
            + "Throwable: the call, run on the pool as a Callable, may throw Exceptions only");
      }
      if (bounds == null) {
        checked.add(thrown.asString()); // a type variable: instanceof cannot test for it, and needs not
      }
    }
    for (TryStmt enclosing : ancestors(loop, method, TryStmt.class)) {
      if (!isInside(loop, enclosing.getTryBlock())) {
        continue;
      }
      for (CatchClause clause : enclosing.getCatchClauses()) {
        for (Type caught : ThrowsTypes.caught(clause)) {
          if (!UNCHECKED.contains(ThrowsTypes.simpleName(caught)) && !checked.contains(caught.asString())) {
            checked.add(caught.asString());
          }
        }
      }
    }
    VariableDeclarator elementVariable = loop.getVariableDeclarator();
    Type elementType = elementVariable.getType();
    if (elementType.isVarType()) {
      return Shape.refused(Proof.LOOP_SHAPE, "its element is declared with 'var', and the rewrite must name the element type");
    }
    IteratedCollection.Iterated iterated = IteratedCollection.iterated(unit, method, loop, judge,
        kind == Start.BLOCKING_CALL);
    if (iterated.refusal() != null) {
      return Shape.refused(Proof.LOOP_COLLECTION, iterated.refusal());
    }
    String iterable = iterated.name();
    Set<String> imports = new HashSet<>(iterated.imports());
    List<Statement> statements = body.getStatements();
    IfStmt filter = kind == Start.BLOCKING_CALL ? CallFilter.of(body, judge) : null;
    if (filter != null) {
      Optional<String> io = CallFilter.problem(filter, judge);
      if (io.isPresent()) {
        return Shape.refused(Proof.LOOP_OTHER_IO, io.get());
      }
      statements = ((BlockStmt) filter.getThenStmt()).getStatements();
    }
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      if (startDeclaration(statements.get(i), kind, judge).isPresent()) {
        starts.add(i);
      }
    }
    for (int i = 0; i < statements.size() && starts.isEmpty() && kind == Start.BLOCKING_CALL; i++) {
      // an answer used where it is made is the start only where no local keeps one (else: a second call, refused below)
      if (AnswerInStatement.is(statements.get(i), judge)) {
        starts.add(i);
        break;
      }
    }
    if (starts.isEmpty() && kind == Start.BLOCKING_CALL) {
      for (Statement statement : statements) {
        boolean nested = !(statement instanceof ExpressionStmt) && statement.findAll(MethodCallExpr.class).stream()
            .anyMatch(judge::startsIo);
        if (nested) {
          return Shape.refused(Proof.LOOP_SHAPE, "its call is inside '" + firstLine(statement).replaceAll("\\s*\\{.*", "") + "', and optkit "
              + "hands to a pool only a call whose answer a statement of the loop's body keeps ('T answer = "
              + "client.call(...);'), adds to a local list or puts in a local map, or one inside a filter that is the "
              + "loop's only statement");
        }
      }
    }
    if (starts.isEmpty() && kind == Start.BLOCKING_CALL) {
      Optional<String> mapUse = AnswerInStatement.otherMapUse(statements, judge);
      if (mapUse.isPresent()) {
        return Shape.refused(Proof.LOOP_SHAPE, mapUse.get());
      }
    }
    if (starts.isEmpty()) {
      return Shape.refused(Proof.LOOP_SHAPE, kind == Start.FUTURE ? "its future is not kept in a variable of its own (the call is started "
          + "and joined in one expression)" : "its call's answer is neither kept in a local variable of its own ("
          + "'T answer = client.call(...);') nor added to a local list ('results.add(client.call(...));') or put in a "
          + "local map ('byId.put(id, client.call(...));'), the shapes optkit hands to a pool");
    }
    if (starts.size() > 1) {
      return Shape.refused(Proof.LOOP_SHAPE, kind == Start.FUTURE ? "it starts " + starts.size() + " futures per element"
          : "it makes " + starts.size() + " blocking calls per element, and optkit runs one per element ahead");
    }
    int startIndex = starts.get(0);
    ExpressionStmt start = (ExpressionStmt) statements.get(startIndex);
    Optional<VariableDeclarator> declared = startDeclaration(start, kind, judge);
    AnswerInStatement.Found inStatement = null;
    if (declared.isEmpty()) {
      inStatement = AnswerInStatement.of(unit, method, loop, start, judge, elementVariable.getNameAsString(),
          elementType.asString());
      if (inStatement.refusal() != null) {
        return Shape.refused(Proof.LOOP_SHAPE, inStatement.refusal());
      }
      if (inStatement.imported() != null) {
        imports.add(inStatement.imported());
      }
    }
    // what runs ahead: the declared call's initializer, or the call inside the statement
    Expression startCall = declared.isPresent() ? declared.get().getInitializer().get() : inStatement.call();
    List<Statement> before = statements.subList(0, startIndex);
    List<Statement> after = statements.subList(startIndex + 1, statements.size());
    // the rest of a statement holding its call stays in the element's turn, as the statements after it do
    MethodCallExpr inCall = inStatement == null ? null : inStatement.call();
    List<Node> rest = new ArrayList<>(after);
    if (inCall != null) {
      rest.add(0, start);
    }
    String futureName = declared.map(VariableDeclarator::getNameAsString).orElse("");
    boolean joined = after.stream().flatMap(s -> s.findAll(MethodCallExpr.class).stream())
        .anyMatch(c -> (c.getNameAsString().equals("join") || c.getNameAsString().equals("get"))
            && c.getScope().orElse(null) instanceof NameExpr scope && scope.getNameAsString().equals(futureName));
    if (kind == Start.FUTURE && !joined) {
      return Shape.refused(Proof.LOOP_SHAPE, "its future " + futureName + " is not joined by the statements after it");
    }
    if (kind == Start.BLOCKING_CALL) {
      Optional<String> other = inCall == null ? Optional.empty() : start.findAll(MethodCallExpr.class).stream()
          .filter(c -> !isInside(c, inCall) && judge.startsIo(c)).findFirst()
          .map(c -> "its statement makes another call that waits on I/O (" + c.getNameAsString() + "()): the calls ahead "
              + "would run before it, out of order");
      other = other.or(() -> AfterTheCall.otherIo(after, judge));
      if (other.isPresent()) {
        return Shape.refused(Proof.LOOP_OTHER_IO, other.get());
      }
      Optional<String> early = AfterTheCall.leavesEarly(after, loop);
      if (early.isPresent()) {
        return Shape.refused(Proof.LOOP_EARLY_EXIT, early.get());
      }
    }
    for (Statement statement : before) {
      if (!(statement instanceof ExpressionStmt expression && expression.getExpression() instanceof VariableDeclarationExpr)) {
        return Shape.refused(Proof.LOOP_AHEAD_STATE, "the statement '" + firstLine(statement) + "' comes before the call: it would run ahead "
            + "of the earlier elements' statements after their joins");
      }
    }
    List<Node> ahead = new ArrayList<>();
    if (filter != null) {
      ahead.add(filter.getCondition());
    }
    ahead.addAll(before);
    ahead.add(startCall);
    // the locals the statements before the start declare; a lambda's own parameters and locals count only inside it
    Set<String> madeAhead = new HashSet<>();
    before.forEach(s -> ((VariableDeclarationExpr) ((ExpressionStmt) s).getExpression()).getVariables()
        .forEach(v -> madeAhead.add(v.getNameAsString())));
    String element = elementVariable.getNameAsString();
    if (kind == Start.BLOCKING_CALL) {
      // the call runs in a lambda, which captures only effectively final locals
      for (String local : madeAhead) {
        if (assignedIn(method, local)) {
          return Shape.refused(Proof.LOOP_AHEAD_STATE, "the code before its call assigns " + local + " again, and the call the rewrite "
              + "hands to a pool can only capture a value assigned once");
        }
      }
    }
    AheadReads.Names names = new AheadReads.Names(method, loop, element, madeAhead, elementType.asString(), kind == Start.BLOCKING_CALL);
    Optional<String> alias = IteratedCollection.aliasProblem(method, loop, iterated.aliased());
    if (alias.isPresent()) {
      return Shape.refused(Proof.LOOP_COLLECTION, alias.get());
    }
    if (elementType.isPrimitiveType() && !IteratedCollection.declaredElementType(method, loop, iterable)
        .equals(boxed(elementType.asString()))) {
      return Shape.refused(Proof.LOOP_AHEAD_STATE, "its element is " + (elementType.asString().matches("[aeiou].*") ? "an " : "a ") + elementType
          + " taken from " + iterable + ", whose element type optkit "
          + "cannot match to it (the rewrite takes the elements through an iterator it must type)");
    }
    // the filter runs ahead on the caller's thread, not on the pool: it is held to what the code before a call is
    AheadReads.Names filterNames = new AheadReads.Names(method, loop, element, Set.of(), elementType.asString(), false);
    for (Node node : ahead) {
      Optional<String> problem = AheadReads.problem(node, filter != null && node == filter.getCondition() ? filterNames
          : names, judge);
      if (problem.isPresent()) {
        return Shape.refused(Proof.LOOP_AHEAD_STATE, problem.get());
      }
    }
    for (Node statement : rest) {
      for (NameExpr name : statement.findAll(NameExpr.class)) {
        if (madeAhead.contains(name.getNameAsString()) && (inCall == null || !isInside(name, inCall))) {
          return Shape.refused(Proof.LOOP_AHEAD_STATE, "the statements after the call use " + name + ", made before it for the same element");
        }
      }
    }
    // last: a more precise reason of the call's own comes first
    if (!madeInMethod(method, loop, iterable)) {
      Optional<String> held = IteratedCollection.changedThroughHolder(after, iterable, judge);
      if (held.isPresent()) {
        return Shape.refused(Proof.LOOP_COLLECTION, held.get());
      }
    }
    String answerType = declared.isPresent() ? declared.get().getType().asString() : inStatement.type();
    return new Shape(null, iterable, answerType, start, List.copyOf(ahead), List.copyOf(checked),
        new Parts(iterated.iterator(), inCall, filter, Set.copyOf(imports)));
  }

  /** Whether the iterated collection is a local the method fills itself ({@code new ArrayList<>(...)}), held nowhere else. */
  private static boolean madeInMethod(CallableDeclaration<?> method, ForEachStmt loop, String iterable) {
    return method.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(iterable)
        && !isInside(v, loop) && v.getInitializer().filter(i -> i instanceof ObjectCreationExpr
            || i instanceof com.github.javaparser.ast.expr.ArrayCreationExpr
            || i instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr).isPresent());
  }

  private static Optional<VariableDeclarator> startDeclaration(Statement statement, Start kind, CallJudge judge) {
    if (kind == Start.FUTURE) {
      return futureDeclaration(statement);
    }
    if (statement instanceof ExpressionStmt expression && expression.getExpression() instanceof VariableDeclarationExpr declaration
        && declaration.getVariables().size() == 1) {
      VariableDeclarator variable = declaration.getVariable(0);
      if (variable.getInitializer().orElse(null) instanceof MethodCallExpr call && judge.startsIo(call)
          && !variable.getType().isVarType()) {
        return Optional.of(variable);
      }
    }
    return Optional.empty();
  }

  private static Optional<VariableDeclarator> futureDeclaration(Statement statement) {
    if (statement instanceof ExpressionStmt expression && expression.getExpression() instanceof VariableDeclarationExpr declaration
        && declaration.getVariables().size() == 1) {
      VariableDeclarator variable = declaration.getVariable(0);
      if (variable.getInitializer().isPresent() && variable.getType() instanceof ClassOrInterfaceType type
          && FUTURES.contains(type.getNameAsString())) {
        return Optional.of(variable);
      }
    }
    return Optional.empty();
  }

  private static <T extends Node> List<T> ancestors(Node node, Node boundary, Class<T> kind) {
    List<T> found = new ArrayList<>();
    for (Node current = node.getParentNode().orElse(null); current != null && current != boundary;
        current = current.getParentNode().orElse(null)) {
      if (kind.isInstance(current)) {
        found.add(kind.cast(current));
      }
    }
    return found;
  }

  static List<TypeDeclaration<?>> ancestorTypes(Node node) {
    List<TypeDeclaration<?>> types = new ArrayList<>();
    for (Node current = node.getParentNode().orElse(null); current != null; current = current.getParentNode().orElse(null)) {
      if (current instanceof TypeDeclaration<?> type) {
        types.add(type);
      }
    }
    return types;
  }

  static boolean isInside(Node node, Node container) {
    for (Node current = node; current != null; current = current.getParentNode().orElse(null)) {
      if (current == container) {
        return true;
      }
    }
    return false;
  }

  /** Whether the method assigns the name anywhere (=, +=, ++, --). */
  static boolean assignedIn(CallableDeclaration<?> method, String name) {
    return method.findAll(AssignExpr.class).stream().anyMatch(a -> nameOf(a.getTarget()).equals(name))
        || method.findAll(UnaryExpr.class).stream().anyMatch(u -> changes(u) && nameOf(u.getExpression()).equals(name));
  }

  static boolean changes(UnaryExpr unary) {
    return unary.getOperator().isPostfix() || unary.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
        || unary.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT;
  }

  private static String nameOf(Expression target) {
    if (target instanceof NameExpr name) {
      return name.getNameAsString();
    }
    if (target instanceof FieldAccessExpr access) {
      return access.getNameAsString();
    }
    return target.toString();
  }

  static String firstLine(Node node) {
    String text = node.toString();
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end) + " ...";
  }

  /** A type as a type argument: primitives boxed. */
  static String boxed(String type) {
    return dev.optkit.rewriters.source.TypeVariables.boxed(type);
  }

  /** Says what a target that is no local variable is when it is an array's element or an object's field. */
  static String elementOf(com.github.javaparser.ast.expr.Expression target) {
    return target instanceof com.github.javaparser.ast.expr.ArrayAccessExpr ? " variable (an element of an array)"
        : target instanceof com.github.javaparser.ast.expr.FieldAccessExpr ? " variable (a field)" : "";
  }
}
