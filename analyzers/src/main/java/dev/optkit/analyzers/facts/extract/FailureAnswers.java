package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import dev.optkit.analyzers.facts.FailureAnswer;
import dev.optkit.analyzers.facts.CallAt;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catch blocks of a method's own body (not those of a lambda or a class declared inside it, which answer for
 * something else, except a lambda's catch that returns a value, which the method may answer through) after which the
 * method answers something other than what failed: a catch that returns a value; or one that goes on (logs) where the
 * try returns the answer or fills what the method returns later (a retry loop that gives up with a stand-in, a loop
 * that skips its failed items), unless what follows the retry loop throws. A catch around a side step (the try
 * touches nothing the method returns) or inside a finally block answers nothing.
 */
final class FailureAnswers {
  private static final int MAX_SHOWN = 60;

  private FailureAnswers() {}

  static List<FailureAnswer> of(CallableDeclaration<?> callable, Function<ReferenceType, String> qualify) {
    List<FailureAnswer> answers = new ArrayList<>();
    boolean finallyReturns = callable.findAll(TryStmt.class).stream()
        .flatMap(attempt -> attempt.getFinallyBlock().stream())
        .anyMatch(block -> block.findAll(ReturnStmt.class).stream().anyMatch(ret -> owner(ret) == callable));
    for (CatchClause clause : callable.findAll(CatchClause.class)) {
      Node owner = owner(clause);
      // a lambda's or an anonymous class's catch, at any depth inside the method: what it answers may be the method's
      // (a stream's element, a supplier's result), or what it skips may be missing from it (a list a forEach fills)
      boolean inLambda = owner != callable && nestedFunction(owner, callable);
      if (owner != callable && !inLambda) {
        continue;
      }
      List<String> caught = new ArrayList<>();
      Type type = clause.getParameter().getType();
      if (type instanceof UnionType union) {
        union.getElements().forEach(element -> caught.add(qualify.apply(element)));
      } else if (type instanceof ReferenceType reference) {
        caught.add(qualify.apply(reference));
      }
      List<ReturnStmt> returns = clause.getBody().findAll(ReturnStmt.class).stream()
          .filter(ret -> ret.getExpression().isPresent() && owner(ret) == owner
              && ret.findAncestor(CatchClause.class).filter(nearest -> nearest == clause).isPresent())
          .toList();
      Optional<YieldStmt> yielded = clause.getBody().findAll(YieldStmt.class).stream()
          .filter(yield -> owner(yield) == owner
              && yield.findAncestor(CatchClause.class).filter(nearest -> nearest == clause).isPresent())
          .findFirst();
      if (returns.isEmpty() && yielded.isPresent()) {
        // a switch expression's value answered from the catch: a stand-in wherever the switch's value goes
        answers.add(new FailureAnswer(caught, yielded.get().getBegin().map(p -> p.line).orElse(0),
            shown(yielded.get().getExpression().toString()), false));
        continue;
      }
      if (!returns.isEmpty()) {
        ReturnStmt first = returns.get(0);
        boolean noValue = !inLambda && !finallyReturns
            && returns.stream().allMatch(ret -> noValue(ret.getExpression().get()))
            && (!goesOn(clause) || continuesToNoValue(clause, callable));
        answers.add(new FailureAnswer(caught, first.getBegin().map(p -> p.line).orElse(0),
            shown(first.getExpression().get().toString()), noValue));
        continue;
      }
      if (inLambda && goesOn(clause) && !inFinally(clause, callable) && answersThroughTry(clause, callable)) {
        // rows.forEach(r -> { try { out.add(load(r)); } catch (...) { log } }): the answer misses what failed
        answers.add(new FailureAnswer(caught, clause.getBegin().map(p -> p.line).orElse(0), "what its "
            + "lambda or inner class goes on to after a caught failure", false));
        continue;
      }
      if (!inLambda && goesOn(clause) && !inFinally(clause, callable) && answersThroughTry(clause, callable)) {
        Optional<Statement> loop = outermostLoop(clause, callable);
        Optional<Statement> after = loop.flatMap(FailureAnswers::next);
        if (after.isPresent() && after.get() instanceof ThrowStmt) {
          continue; // a retry loop that gives up by throwing answers nothing
        }
        answers.add(new FailureAnswer(caught, clause.getBegin().map(p -> p.line).orElse(0),
            loop.map(FailureAnswers::followingReturn).orElseGet(() -> followingAnswer(clause)),
            !finallyReturns && continuesToNoValue(clause, callable)));
      }
    }
    return List.copyOf(answers);
  }

  /**
   * The calls whose result the method returns as it is: the whole value of a return statement of its own body (not of
   * a lambda or a class inside it), parentheses and casts aside.
   */
  static List<CallAt> returnedCalls(CallableDeclaration<?> callable) {
    List<CallAt> calls = new ArrayList<>();
    for (ReturnStmt ret : callable.findAll(ReturnStmt.class)) {
      if (ret.getExpression().isEmpty() || owner(ret) != callable) {
        continue;
      }
      wholeCalls(ret.getExpression().get(), calls);
    }
    return List.copyOf(calls);
  }

  /**
   * The calls a returned value is as a whole: the value itself, what {@code Optional.ofNullable} wraps (its null is an
   * empty Optional, no value either way), each branch of a conditional that is a call ({@code c ? null : read(x)});
   * nothing when the value is made from a call another way.
   */
  private static void wholeCalls(Expression returned, List<CallAt> calls) {
    Expression value = bare(returned);
    if (value instanceof ConditionalExpr conditional) {
      for (Expression branch : List.of(conditional.getThenExpr(), conditional.getElseExpr())) {
        if (!noValue(branch)) {
          wholeCalls(branch, calls);
        }
      }
      return;
    }
    if (value instanceof MethodCallExpr wrap && wrap.getNameAsString().equals("ofNullable") && wrap.getArguments().size() == 1
        && wrap.getScope().map(Expression::toString).filter(scope -> scope.equals("Optional")
            || scope.equals("java.util.Optional")).isPresent()) {
      value = bare(wrap.getArgument(0));
    }
    if (value instanceof MethodCallExpr call && call.getBegin().isPresent()) {
      calls.add(new CallAt(call.getNameAsString(), call.getBegin().get().line, call.getBegin().get().column));
    }
  }

  /** Whether an answer is no value: {@code null}, or {@code Optional.empty()} (which Spring's {@code #result} reads as null). */
  private static boolean noValue(Expression answer) {
    Expression value = bare(answer);
    if (value instanceof NullLiteralExpr) {
      return true;
    }
    return value instanceof MethodCallExpr call && call.getNameAsString().equals("empty") && call.getArguments().isEmpty()
        && call.getScope().map(Expression::toString).filter(scope -> scope.equals("Optional")
            || scope.equals("java.util.Optional")).isPresent();
  }

  private static Expression bare(Expression expression) {
    Expression value = expression;
    while (value instanceof EnclosedExpr || value instanceof CastExpr) {
      value = value instanceof EnclosedExpr enclosed ? enclosed.getInner() : ((CastExpr) value).getExpression();
    }
    return value;
  }

  /**
   * Whether the statement right after the catch's try (or after the outermost loop around it, which a retry leaves once
   * it gives up) returns no value: nothing else runs between the failure and the method's answer.
   */
  private static boolean continuesToNoValue(CatchClause clause, CallableDeclaration<?> callable) {
    Optional<Statement> loop = outermostLoop(clause, callable);
    Optional<Statement> after = loop.isPresent() ? next(loop.get())
        : clause.findAncestor(TryStmt.class).flatMap(FailureAnswers::next);
    return after.isPresent() && after.get() instanceof ReturnStmt ret && ret.getExpression().isPresent()
        && noValue(ret.getExpression().get());
  }

  /** Whether the catch block may end without throwing, returning or yielding: the method goes on after its try. */
  private static boolean goesOn(CatchClause clause) {
    return !StoredQueries.endsAbruptly(clause.getBody().getStatements(), false);
  }

  /**
   * Whether the code a node belongs to is a lambda or an anonymous class's method inside the method, at any depth:
   * each owner on the way up is a lambda, an anonymous class's method or the anonymous class itself.
   */
  private static boolean nestedFunction(Node owner, CallableDeclaration<?> callable) {
    Node at = owner;
    for (int depth = 0; at != null && at != callable && depth < 32; depth++) {
      boolean function = at instanceof LambdaExpr || at instanceof ObjectCreationExpr
          || at instanceof CallableDeclaration<?> declared && declared.getParentNode().orElse(null) instanceof ObjectCreationExpr;
      if (!function) {
        return false;
      }
      at = owner(at);
    }
    return at == callable;
  }

  /** The outermost loop of the method's own code the try runs in. */
  private static Optional<Statement> outermostLoop(CatchClause clause, CallableDeclaration<?> callable) {
    Statement found = null;
    for (Node at = clause.getParentNode().orElse(null); at != null && at != callable; at = at.getParentNode().orElse(null)) {
      if (at instanceof ForStmt || at instanceof ForEachStmt || at instanceof WhileStmt || at instanceof DoStmt) {
        found = (Statement) at;
      }
      if (at instanceof LambdaExpr || at instanceof TypeDeclaration<?>) {
        break;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The statement after this one in its block, if any. */
  private static Optional<Statement> next(Statement statement) {
    if (statement.getParentNode().orElse(null) instanceof BlockStmt block) {
      int at = block.getStatements().indexOf(statement);
      if (at >= 0 && at + 1 < block.getStatements().size()) {
        return Optional.of(block.getStatement(at + 1));
      }
    }
    return Optional.empty();
  }

  /** The value the first return after a statement gives, as written, or what the words say of it. */
  private static String followingReturn(Statement statement) {
    for (Optional<Statement> at = next(statement); at.isPresent(); at = next(at.get())) {
      if (at.get() instanceof ReturnStmt ret && ret.getExpression().isPresent()) {
        return shown(ret.getExpression().get().toString());
      }
    }
    return "what follows its loop";
  }

  /** Whether the try is cleanup in a finally block: the answer was made before it. */
  private static boolean inFinally(CatchClause clause, CallableDeclaration<?> callable) {
    TryStmt own = clause.findAncestor(TryStmt.class).orElse(null);
    for (Node at = own == null ? null : own.getParentNode().orElse(null); at != null && at != callable;
        at = at.getParentNode().orElse(null)) {
      if (at instanceof BlockStmt block && block.getParentNode().orElse(null) instanceof TryStmt outer
          && outer.getFinallyBlock().filter(f -> f == block).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the answer passes through the try: it returns a value, or it names something a return of the method after
   * the try gives back (the list a loop fills, the local it assigns). A try around a side step names neither.
   */
  private static boolean answersThroughTry(CatchClause clause, CallableDeclaration<?> callable) {
    TryStmt attempt = clause.findAncestor(TryStmt.class).orElse(null);
    if (attempt == null) {
      return false;
    }
    if (attempt.getTryBlock().findAll(ReturnStmt.class).stream()
        .anyMatch(ret -> ret.getExpression().isPresent() && owner(ret) == callable)) {
      return true;
    }
    int after = attempt.getEnd().map(p -> p.line).orElse(0);
    java.util.Set<String> returned = new java.util.HashSet<>();
    for (ReturnStmt ret : callable.findAll(ReturnStmt.class)) {
      if (owner(ret) == callable && ret.getExpression().isPresent()
          && ret.getBegin().map(p -> p.line).orElse(0) >= after) {
        ret.getExpression().get().findAll(com.github.javaparser.ast.expr.NameExpr.class)
            .forEach(name -> returned.add(name.getNameAsString()));
      }
    }
    return attempt.getTryBlock().findAll(com.github.javaparser.ast.expr.NameExpr.class).stream()
        .anyMatch(name -> returned.contains(name.getNameAsString()));
  }

  /** The value the first return after the catch's try gives, as written, or what the words say of it. */
  private static String followingAnswer(CatchClause clause) {
    Optional<TryStmt> attempt = clause.findAncestor(TryStmt.class);
    Optional<Node> block = attempt.flatMap(Node::getParentNode);
    if (attempt.isPresent() && block.isPresent() && block.get() instanceof BlockStmt statements) {
      int at = statements.getStatements().indexOf(attempt.get());
      for (int i = at + 1; i < statements.getStatements().size(); i++) {
        if (statements.getStatement(i) instanceof ReturnStmt ret && ret.getExpression().isPresent()) {
          return shown(ret.getExpression().get().toString());
        }
      }
    }
    return "what follows its try";
  }

  private static String shown(String expression) {
    return expression.length() > MAX_SHOWN ? expression.substring(0, MAX_SHOWN - 3) + "..." : expression;
  }

  /** The lambda, class or method whose code the node is part of. */
  private static Node owner(Node node) {
    Node at = node.getParentNode().orElse(null);
    while (at != null && !(at instanceof LambdaExpr || at instanceof CallableDeclaration<?>
        || at instanceof TypeDeclaration<?> || at instanceof ObjectCreationExpr creation
            && creation.getAnonymousClassBody().isPresent() && isInBody(node, creation))) {
      at = at.getParentNode().orElse(null);
    }
    return at;
  }

  private static boolean isInBody(Node node, ObjectCreationExpr creation) {
    return creation.getAnonymousClassBody().orElseThrow().stream().anyMatch(member -> member.isAncestorOf(node));
  }
}
