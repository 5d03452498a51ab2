package dev.optkit.analyzers.facts.loops;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.optkit.analyzers.facts.Subtrees;
import java.util.Optional;

/**
 * A call in a loop that runs only where a map filled before the loop, with a key for every element the loop walks,
 * has no usable answer for the element: a fallback per key the batch did not answer (asked again, null, no row), not
 * a call per element. The loops migrate batches take this shape ({@code loaded.containsKey(id) ?
 * Optional.ofNullable(loaded.remove(id)) : orders.findById(id)}, after a loop over the same ids put each into
 * {@code loaded} and one query per chunk filled it), as does a prefetch written by hand; assess read the fallback as
 * N+1 again after {@code migrate --apply}.
 *
 * <p>Read: the call sits in the branch a {@code M.containsKey(k)} among the conditions of a {@code ?:} or an {@code if}
 * leads away from (the else branch, or the then branch of its negation); {@code M} is a local variable of the method;
 * before the loop, in the same block, a for-each over the same variable the loop walks puts its element into
 * {@code M}.
 */
public final class PrefetchedKeys {
  private PrefetchedKeys() {}

  public static boolean onlyOnAMiss(Node call, Node loop) {
    if (!(loop instanceof ForEachStmt forEach) || !(forEach.getIterable() instanceof NameExpr walked)) {
      return false;
    }
    Node child = call;
    for (Node parent = call.getParentNode().orElse(null); parent != null && parent != loop;
        child = parent, parent = parent.getParentNode().orElse(null)) {
      Optional<String> map = missBranchOf(parent, child);
      if (map.isPresent() && filledBefore(map.get(), walked.getNameAsString(), forEach)) {
        return true;
      }
    }
    return false;
  }

  /** The map whose containsKey leads to {@code branch} of {@code node} when it is false. */
  private static Optional<String> missBranchOf(Node node, Node branch) {
    if (node instanceof ConditionalExpr conditional && conditional.getElseExpr() == branch) {
      return containsKeyAmongConjuncts(conditional.getCondition());
    }
    if (node instanceof IfStmt guard) {
      if (guard.getElseStmt().filter(e -> e == branch).isPresent()) {
        return containsKeyAmongConjuncts(guard.getCondition());
      }
      if (guard.getThenStmt() == branch && unwrapped(guard.getCondition()) instanceof UnaryExpr not
          && not.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
        return containsKey(unwrapped(not.getExpression()));
      }
    }
    return Optional.empty();
  }

  /** {@code M.containsKey(k)}, or one of the operands of an {@code &&} chain that is. */
  private static Optional<String> containsKeyAmongConjuncts(Expression condition) {
    Expression bare = unwrapped(condition);
    if (bare instanceof BinaryExpr and && and.getOperator() == BinaryExpr.Operator.AND) {
      return containsKeyAmongConjuncts(and.getLeft()).or(() -> containsKeyAmongConjuncts(and.getRight()));
    }
    return containsKey(bare);
  }

  private static Optional<String> containsKey(Expression expression) {
    return expression instanceof MethodCallExpr call && call.getNameAsString().equals("containsKey")
        && call.getArguments().size() == 1 && call.getScope().orElse(null) instanceof NameExpr map
        ? Optional.of(map.getNameAsString()) : Optional.empty();
  }

  private static Expression unwrapped(Expression expression) {
    Expression bare = expression;
    while (bare instanceof EnclosedExpr enclosed) {
      bare = enclosed.getInner();
    }
    return bare;
  }

  /**
   * Whether a statement before the loop in its block is a for-each over {@code walked} that puts its element into
   * {@code map}, a local variable declared in that block before it, and nothing after that fill and before the loop
   * empties the map or assigns it another.
   */
  private static boolean filledBefore(String map, String walked, ForEachStmt loop) {
    if (!(loop.getParentNode().orElse(null) instanceof BlockStmt block)) {
      return false;
    }
    boolean declared = false;
    boolean filled = false;
    for (Statement statement : block.getStatements()) {
      if (statement == loop) {
        return filled;
      }
      if (statement instanceof ExpressionStmt expression && expression.getExpression() instanceof VariableDeclarationExpr local
          && local.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(map))) {
        declared = true;
        filled = false;
        continue;
      }
      if (filled && emptiesOrReplaces(statement, map)) {
        filled = false;
      }
      if (declared && statement instanceof ForEachStmt fill && fill.getIterable() instanceof NameExpr over
          && over.getNameAsString().equals(walked) && !emptiesOrReplaces(fill.getBody(), map)) {
        String element = fill.getVariable().getVariables().get(0).getNameAsString();
        filled |= Subtrees.all(fill.getBody(), MethodCallExpr.class).stream()
            .anyMatch(put -> put.getNameAsString().equals("put") && put.getArguments().size() == 2
                && put.getScope().orElse(null) instanceof NameExpr target && target.getNameAsString().equals(map)
                && put.getArgument(0) instanceof NameExpr key && key.getNameAsString().equals(element));
      }
    }
    return false;
  }

  /** Whether the code clears the map or assigns the variable another. */
  private static boolean emptiesOrReplaces(Node code, String map) {
    return Subtrees.all(code, MethodCallExpr.class).stream().anyMatch(call -> call.getNameAsString().equals("clear")
        && call.getScope().orElse(null) instanceof NameExpr target && target.getNameAsString().equals(map))
        || Subtrees.all(code, AssignExpr.class).stream()
            .anyMatch(assign -> assign.getTarget() instanceof NameExpr target && target.getNameAsString().equals(map));
  }
}
