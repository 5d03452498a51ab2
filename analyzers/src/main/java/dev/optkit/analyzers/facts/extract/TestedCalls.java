package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.optkit.analyzers.facts.CallAt;
import dev.optkit.analyzers.facts.TestedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The calls whose result a method tests: what decides a branch ({@code if (loans.openLoans(m) >= 3)}, {@code return
 * balance(m).compareTo(fee) < 0}), directly or through a local it is kept in first. A result compared, negated, or
 * the condition of an {@code if}, a loop, a conditional or an assert is tested; one used as data (a rate multiplied, an
 * id saved) is not.
 */
final class TestedCalls {
  private static final Set<BinaryExpr.Operator> TESTS = Set.of(BinaryExpr.Operator.LESS, BinaryExpr.Operator.GREATER,
      BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.GREATER_EQUALS, BinaryExpr.Operator.EQUALS,
      BinaryExpr.Operator.NOT_EQUALS, BinaryExpr.Operator.AND, BinaryExpr.Operator.OR);
  /** Calls on a result that test it: its answer is the test's ({@code count(m).equals(0L)}). */
  private static final Set<String> TESTING_CALLS = Set.of("equals", "compareTo", "isEmpty", "isPresent", "signum",
      "booleanValue");

  private TestedCalls() {}

  static List<TestedCall> of(CallableDeclaration<?> callable) {
    List<TestedCall> tested = new ArrayList<>();
    java.util.Map<String, List<NameExpr>> namesUsed = null; // the method's names by identifier, read once
    for (MethodCallExpr call : callable.findAll(MethodCallExpr.class)) {
      if (call.getBegin().isEmpty()) {
        continue;
      }
      boolean direct = tested(call);
      String local = direct ? null : localKeeping(call);
      if (local != null && namesUsed == null) {
        namesUsed = callable.findAll(NameExpr.class).stream()
            .collect(java.util.stream.Collectors.groupingBy(NameExpr::getNameAsString));
      }
      List<Expression> uses = direct ? List.of(call) : local == null ? List.of()
          : namesUsed.getOrDefault(local, List.of()).stream().filter(TestedCalls::tested)
              .map(Expression.class::cast).toList();
      if (!uses.isEmpty()) {
        tested.add(new TestedCall(new CallAt(call.getNameAsString(), call.getBegin().get().line,
            call.getBegin().get().column), uses.stream().anyMatch(TestedCalls::throwsOnIt)));
      }
    }
    return List.copyOf(tested);
  }

  /** Assertion calls that throw when the condition they are given fails (Spring's, Guava's, Commons Lang's). */
  private static final Set<String> ASSERTING = Set.of("isTrue", "isFalse", "state", "checkArgument", "checkState",
      "validState");

  /**
   * Whether the test of this use decides a throw: it is in the condition of an {@code if} one of whose branches throws
   * (a throw of the branch itself, not of a lambda or class written in it), or in the condition an assertion call is
   * given.
   */
  private static boolean throwsOnIt(Expression use) {
    Node at = use;
    for (Node parent = at.getParentNode().orElse(null); parent != null; at = parent,
        parent = parent.getParentNode().orElse(null)) {
      Node inside = at;
      if (parent instanceof IfStmt branch) {
        return branch.getCondition() == inside && (throwsIn(branch.getThenStmt())
            || branch.getElseStmt().filter(TestedCalls::throwsIn).isPresent());
      }
      if (parent instanceof MethodCallExpr asserting && ASSERTING.contains(asserting.getNameAsString())
          && asserting.getArguments().stream().anyMatch(argument -> argument == inside)) {
        return true;
      }
      if (parent instanceof Statement || parent instanceof LambdaExpr || parent instanceof BodyDeclaration) {
        return false;
      }
    }
    return false;
  }

  /** Whether the statement throws, in itself or a block or branch of it, not in a lambda or class written inside. */
  private static boolean throwsIn(Statement statement) {
    for (ThrowStmt thrown : statement.findAll(ThrowStmt.class)) {
      Node parent = thrown.getParentNode().orElse(null);
      while (parent != null && parent != statement && !(parent instanceof LambdaExpr)
          && !(parent instanceof BodyDeclaration)) {
        parent = parent.getParentNode().orElse(null);
      }
      if (parent == statement) {
        return true;
      }
    }
    return false;
  }

  /** Whether the value of the expression decides a branch where it is written. */
  private static boolean tested(Expression value) {
    Node at = value;
    Node parent = at.getParentNode().orElse(null);
    while (parent != null) {
      Node current = at;
      boolean passedOn = parent instanceof EnclosedExpr || parent instanceof CastExpr
          || parent instanceof MethodCallExpr testing && testing.getScope().filter(scope -> scope == current).isPresent()
              && TESTING_CALLS.contains(testing.getNameAsString());
      if (!passedOn) {
        break;
      }
      at = parent;
      parent = at.getParentNode().orElse(null);
    }
    if (parent instanceof BinaryExpr binary) {
      return TESTS.contains(binary.getOperator());
    }
    if (parent instanceof UnaryExpr unary) {
      return unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT;
    }
    Node node = at;
    return parent instanceof IfStmt branch && branch.getCondition() == node
        || parent instanceof WhileStmt loop && loop.getCondition() == node
        || parent instanceof DoStmt loop && loop.getCondition() == node
        || parent instanceof ForStmt loop && loop.getCompare().filter(compare -> compare == node).isPresent()
        || parent instanceof ConditionalExpr conditional && conditional.getCondition() == node
        || parent instanceof AssertStmt check && check.getCheck() == node;
  }

  /**
   * {@code int open = loans.openLoans(m); if (open >= 3) ...}: the local the call's result is kept in (declared with it
   * or assigned it), whose tested uses are the call's; null when it is kept in none.
   */
  private static String localKeeping(MethodCallExpr call) {
    return call.getParentNode().orElse(null) instanceof VariableDeclarator declared
        && declared.getInitializer().filter(init -> init == call).isPresent() ? declared.getNameAsString()
        : call.getParentNode().orElse(null) instanceof AssignExpr assigned && assigned.getValue() == call
            && assigned.getTarget() instanceof NameExpr target ? target.getNameAsString() : null;
  }
}
