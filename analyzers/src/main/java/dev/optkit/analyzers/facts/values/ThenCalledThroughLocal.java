package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;

/**
 * The one argumentless method called on a local that holds a call's answer, when that and comparisons
 * with null are all the method does with the local: MapStruct's generated
 * {@code Book book = orderItem.getBook(); if (book == null) return null; Long id = book.getId();} uses the
 * association only for its id, as {@code orderItem.getBook().getId()} would.
 */
final class ThenCalledThroughLocal {
  private ThenCalledThroughLocal() {}

  /**
   * {@code request.getRequester().getId()}: the one argumentless call made on the call's answer, else null;
   * also through a local that holds the answer and is only compared with null or so called, as MapStruct
   * writes it ({@code Book book = orderItem.getBook(); if (book == null) ...; Long id = book.getId();}).
   */
  static String onCall(MethodCallExpr call) {
    if (!call.getArguments().isEmpty()) {
      return null;
    }
    if (call.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.VariableDeclarator local
        && local.getInitializer().orElse(null) == call) {
      return of(local);
    }
    return call.getParentNode().filter(MethodCallExpr.class::isInstance).map(MethodCallExpr.class::cast)
        .filter(next -> next.getScope().orElse(null) == call && next.getArguments().isEmpty())
        .map(MethodCallExpr::getNameAsString).orElse(null);
  }

  /** The method name, or null when the local is used any other way, reassigned, or never so called. */
  static String of(VariableDeclarator local) {
    Node body = local.findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(null);
    if (body == null) {
      return null;
    }
    String name = local.getNameAsString();
    String called = null;
    for (NameExpr use : body.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
      Node parent = use.getParentNode().orElse(null);
      if (parent instanceof BinaryExpr comparison && isNullComparison(comparison)) {
        continue;
      }
      if (parent instanceof MethodCallExpr next && next.getScope().orElse(null) == use && next.getArguments().isEmpty()
          && (called == null || called.equals(next.getNameAsString()))) {
        called = next.getNameAsString();
        continue;
      }
      return null; // handed on, assigned, returned, captured by anything else: more than its id may be read
    }
    boolean reassigned = Subtrees.all(body, AssignExpr.class).stream()
        .anyMatch(a -> a.getTarget() instanceof NameExpr target && target.getNameAsString().equals(name))
        || Subtrees.all(body, UnaryExpr.class).stream()
            .anyMatch(u -> u.getExpression() instanceof NameExpr target && target.getNameAsString().equals(name));
    return reassigned ? null : called;
  }

  private static boolean isNullComparison(BinaryExpr comparison) {
    return (comparison.getOperator() == BinaryExpr.Operator.EQUALS
        || comparison.getOperator() == BinaryExpr.Operator.NOT_EQUALS)
        && (comparison.getLeft() instanceof NullLiteralExpr || comparison.getRight() instanceof NullLiteralExpr);
  }
}
