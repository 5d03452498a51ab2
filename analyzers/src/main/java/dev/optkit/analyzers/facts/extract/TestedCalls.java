package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.optkit.analyzers.facts.CallAt;
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

  static List<CallAt> of(CallableDeclaration<?> callable) {
    List<CallAt> tested = new ArrayList<>();
    for (MethodCallExpr call : callable.findAll(MethodCallExpr.class)) {
      if (call.getBegin().isPresent() && (tested(call) || testedThroughLocal(call, callable))) {
        tested.add(new CallAt(call.getNameAsString(), call.getBegin().get().line, call.getBegin().get().column));
      }
    }
    return List.copyOf(tested);
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

  /** {@code int open = loans.openLoans(m); if (open >= 3) ...}: a local the call's result is kept in, tested. */
  private static boolean testedThroughLocal(MethodCallExpr call, CallableDeclaration<?> callable) {
    String local = call.getParentNode().orElse(null) instanceof VariableDeclarator declared
        && declared.getInitializer().filter(init -> init == call).isPresent() ? declared.getNameAsString()
        : call.getParentNode().orElse(null) instanceof AssignExpr assigned && assigned.getValue() == call
            && assigned.getTarget() instanceof NameExpr target ? target.getNameAsString() : null;
    return local != null && callable.findAll(NameExpr.class).stream()
        .anyMatch(use -> use.getNameAsString().equals(local) && tested(use));
  }
}
