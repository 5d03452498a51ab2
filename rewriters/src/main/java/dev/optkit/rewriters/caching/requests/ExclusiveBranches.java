package dev.optkit.rewriters.caching.requests;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.optkit.analyzers.facts.SourceRange;
import java.util.Optional;

/**
 * Whether code written before a call can never run on a path that reaches it, in one run of a
 * method: the two arms of an {@code if} or of a conditional, or an arm that returns before the code
 * after its {@code if} ({@code if (name != null) return byName(name); return all();}: {@code all()} runs
 * only when {@code byName} did not). Only {@code return} counts as leaving: a {@code throw} may be
 * caught, and a {@code finally} around it runs on. Nothing inside a lambda or an anonymous class
 * counts, whose {@code return} leaves only itself.
 */
final class ExclusiveBranches {
  private ExclusiveBranches() {}

  /** Whether the code at {@code earlier} never runs in a run of {@code method} that reaches {@code later}. */
  static boolean exclusive(CallableDeclaration<?> method, SourceRange earlier, SourceRange later) {
    Optional<Node> first = at(method, earlier);
    Optional<Node> then = at(method, later);
    if (first.isEmpty() || then.isEmpty()) {
      return false;
    }
    Node b = then.get();
    for (Node n = first.get(); n != method; ) {
      Node parent = n.getParentNode().orElse(null);
      // a lambda's, an anonymous or local class's return leaves only itself
      if (parent == null || parent instanceof LambdaExpr || n instanceof CallableDeclaration<?>
          || parent instanceof ObjectCreationExpr && n instanceof com.github.javaparser.ast.body.BodyDeclaration<?>) {
        return false;
      }
      if (parent instanceof IfStmt choice && (n == choice.getThenStmt() || choice.getElseStmt().orElse(null) == n)) {
        Statement other = n == choice.getThenStmt() ? choice.getElseStmt().orElse(null) : choice.getThenStmt();
        if (other != null && inside(b, other)) {
          return true;
        }
        if (!inside(b, choice) && returns((Statement) n) && !inTry(choice, method)) {
          return true;
        }
      }
      if (parent instanceof ConditionalExpr choice
          && (n == choice.getThenExpr() && inside(b, choice.getElseExpr())
              || n == choice.getElseExpr() && inside(b, choice.getThenExpr()))) {
        return true;
      }
      n = parent;
    }
    return false;
  }

  /**
   * The arm leaves the method on every path: a return, or a block that ends with one and holds no
   * break, continue or try that could leave it another way (an exception it throws leaves the method
   * too, as long as no try around the if catches it).
   */
  private static boolean returns(Statement arm) {
    if (arm instanceof ReturnStmt) {
      return true;
    }
    return arm instanceof BlockStmt block && !block.getStatements().isEmpty()
        && block.getStatements().getLast().orElseThrow() instanceof ReturnStmt
        && block.findAll(com.github.javaparser.ast.stmt.BreakStmt.class).isEmpty()
        && block.findAll(com.github.javaparser.ast.stmt.ContinueStmt.class).isEmpty()
        && block.findAll(TryStmt.class).isEmpty()
        && block.findAll(com.github.javaparser.ast.stmt.YieldStmt.class).isEmpty();
  }

  /** Whether a try encloses the statement: its catch may go on after what the arm threw, its finally after the return. */
  private static boolean inTry(Node statement, Node method) {
    for (Node up = statement.getParentNode().orElse(null); up != null && up != method; up = up.getParentNode().orElse(null)) {
      if (up instanceof TryStmt) {
        return true;
      }
    }
    return false;
  }

  private static boolean inside(Node node, Node container) {
    for (Node up = node; up != null; up = up.getParentNode().orElse(null)) {
      if (up == container) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Node> at(CallableDeclaration<?> method, SourceRange range) {
    return method.findAll(Expression.class).stream().filter(e -> e.getRange().isPresent() && SourceRange.of(e).equals(range))
        .map(e -> (Node) e).findFirst();
  }
}
