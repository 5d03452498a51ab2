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
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
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
      List<NameExpr> localUses = local == null ? List.of() : namesUsed.getOrDefault(local, List.of());
      List<Expression> uses = direct ? List.of(call) : localUses.stream().filter(TestedCalls::tested)
          .map(Expression.class::cast).toList();
      if (!uses.isEmpty()) {
        boolean onlyTested = direct || uses.size() == localUses.size();
        tested.add(new TestedCall(new CallAt(call.getNameAsString(), call.getBegin().get().line,
            call.getBegin().get().column), uses.stream().anyMatch(TestedCalls::throwsOnIt), onlyTested));
      }
    }
    return List.copyOf(tested);
  }

  /** Assertion calls that throw when the condition they are given fails (Spring's, Guava's, Commons Lang's). */
  private static final Set<String> ASSERTING = Set.of("isTrue", "isFalse", "state", "checkArgument", "checkState",
      "validState");

  /**
   * Whether the test of this use decides a throw: the condition it is part of opens a branch that throws at its top
   * ({@code if (open >= 3) throw ...}, braced or not, or a call of a helper of the class that always throws), is the
   * condition an assertion call is given, chooses a throwing helper in a conditional ({@code ok ? n : fail()}), or is
   * kept in a boolean local that does one of these ({@code boolean reached = open >= 3; if (reached) ...}). A throw
   * nested deeper in the branch (in a try, an {@code else if} on another condition, a lambda) is not the test's.
   */
  private static boolean throwsOnIt(Expression use) {
    return throwsOnIt(use, 0);
  }

  private static boolean throwsOnIt(Expression use, int depth) {
    Node at = use;
    for (Node parent = at.getParentNode().orElse(null); parent != null; at = parent,
        parent = parent.getParentNode().orElse(null)) {
      Node inside = at;
      if (parent instanceof IfStmt branch) {
        return branch.getCondition() == inside && (throwsAtTop(branch.getThenStmt())
            || branch.getElseStmt().filter(TestedCalls::throwsAtTop).isPresent());
      }
      if (parent instanceof ConditionalExpr conditional) {
        return conditional.getCondition() == inside && (alwaysThrows(conditional.getThenExpr())
            || alwaysThrows(conditional.getElseExpr()));
      }
      if (parent instanceof MethodCallExpr call && call.getArguments().stream().anyMatch(argument -> argument == inside)) {
        return ASSERTING.contains(call.getNameAsString());
      }
      if (parent instanceof VariableDeclarator local && local.getInitializer().filter(init -> init == inside).isPresent()
          && depth < 2) {
        CallableDeclaration<?> callable = local.findAncestor(CallableDeclaration.class).orElse(null);
        return callable != null && callable.findAll(NameExpr.class).stream()
            .filter(name -> name.getNameAsString().equals(local.getNameAsString()))
            .anyMatch(name -> throwsOnIt(name, depth + 1));
      }
      if (parent instanceof Statement || parent instanceof LambdaExpr || parent instanceof BodyDeclaration) {
        return false;
      }
    }
    return false;
  }

  /** Whether the branch throws at its top: it is a throw, a call of a throwing helper, or a block holding one. */
  private static boolean throwsAtTop(Statement branch) {
    if (branch instanceof BlockStmt block) {
      return block.getStatements().stream().anyMatch(TestedCalls::throwsItself);
    }
    return throwsItself(branch);
  }

  private static boolean throwsItself(Statement statement) {
    return statement instanceof ThrowStmt
        || statement instanceof ExpressionStmt expression && alwaysThrows(expression.getExpression());
  }

  /**
   * Whether the expression is a call of a method of the same class (by name and number of arguments, every overload
   * of it) whose body ends in a throw and returns nowhere: a helper such as {@code refuse("limit")} or {@code fail()}.
   */
  private static boolean alwaysThrows(Expression expression) {
    if (!(expression instanceof MethodCallExpr call)
        || call.getScope().filter(scope -> !(scope instanceof com.github.javaparser.ast.expr.ThisExpr)).isPresent()) {
      return false;
    }
    com.github.javaparser.ast.body.TypeDeclaration<?> owner =
        call.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).orElse(null);
    if (owner == null) {
      return false;
    }
    List<com.github.javaparser.ast.body.MethodDeclaration> named = owner.getMethodsByName(call.getNameAsString())
        .stream().filter(method -> method.getParameters().size() == call.getArguments().size()).toList();
    return !named.isEmpty() && named.stream().allMatch(method -> method.getBody()
        .filter(body -> !body.getStatements().isEmpty() && body.getStatements().getLast().orElseThrow() instanceof ThrowStmt
            && body.findAll(com.github.javaparser.ast.stmt.ReturnStmt.class).isEmpty()).isPresent());
  }

  /** Whether the value of the expression decides a branch where it is written. */
  private static boolean tested(Expression value) {
    Node at = value;
    Node parent = at.getParentNode().orElse(null);
    boolean testedByACall = false;
    while (parent != null) {
      Node current = at;
      boolean testing = parent instanceof MethodCallExpr call && call.getScope().filter(scope -> scope == current)
          .isPresent() && TESTING_CALLS.contains(call.getNameAsString());
      if (!(testing || parent instanceof EnclosedExpr || parent instanceof CastExpr)) {
        break;
      }
      testedByACall |= testing;
      at = parent;
      parent = at.getParentNode().orElse(null);
    }
    if (testedByACall) {
      // the answer is a test's outcome wherever it goes ({@code return users.findByEmail(e).isPresent();})
      return true;
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
