package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
import java.util.Optional;

/**
 * The declaration a simple name means at a point of a method, by Java's scoping: the nearest local
 * declared before it in an enclosing block (or a for's, a catch's, a try's, a lambda's), else a
 * parameter of the method. Empty when neither is visible, or when a class body (anonymous or local)
 * stands between, where the name may be one of that class's fields: a field, or a name optkit cannot
 * place. A sibling block's local of the same name is not the one meant (hostile review 39's c6c, c59).
 */
record VisibleDeclaration(Node declaration, Type type, boolean parameter) {
  static Optional<VisibleDeclaration> of(Node at, String name) {
    Node child = at;
    for (Node parent = at.getParentNode().orElse(null); parent != null;
        child = parent, parent = parent.getParentNode().orElse(null)) {
      Optional<VisibleDeclaration> found = declaredIn(parent, child, name);
      if (found.isPresent()) {
        return found;
      }
      if (parent instanceof CallableDeclaration<?> || parent instanceof TypeDeclaration<?>
          || parent instanceof LocalClassDeclarationStmt
          || parent instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()
              && child != creation.getScope().orElse(null) && !creation.getArguments().contains(child)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<VisibleDeclaration> declaredIn(Node parent, Node child, String name) {
    if (parent instanceof BlockStmt block) {
      Optional<VisibleDeclaration> nearest = Optional.empty();
      for (Statement statement : block.getStatements()) {
        if (statement == child) {
          break;
        }
        if (statement instanceof ExpressionStmt expression && expression.getExpression() instanceof VariableDeclarationExpr
            declaration) {
          Optional<VisibleDeclaration> here = variable(declaration, name);
          nearest = here.isPresent() ? here : nearest;
        }
      }
      return nearest;
    }
    if (parent instanceof ForStmt loop && !loop.getInitialization().contains(child)) {
      for (Expression init : loop.getInitialization()) {
        if (init instanceof VariableDeclarationExpr declaration && variable(declaration, name).isPresent()) {
          return variable(declaration, name);
        }
      }
    }
    if (parent instanceof ForEachStmt loop && child == loop.getBody()) {
      return variable(loop.getVariable(), name);
    }
    if (parent instanceof CatchClause clause && clause.getParameter().getNameAsString().equals(name)) {
      return Optional.of(new VisibleDeclaration(clause.getParameter(), clause.getParameter().getType(), false));
    }
    if (parent instanceof TryStmt attempt && child != null && !attempt.getResources().contains(child)) {
      for (Expression resource : attempt.getResources()) {
        if (resource instanceof VariableDeclarationExpr declaration && variable(declaration, name).isPresent()) {
          return variable(declaration, name);
        }
      }
    }
    if (parent instanceof LambdaExpr lambda) {
      for (Parameter parameter : lambda.getParameters()) {
        if (parameter.getNameAsString().equals(name)) {
          return Optional.of(new VisibleDeclaration(parameter, parameter.getType(), false));
        }
      }
    }
    if (parent instanceof CallableDeclaration<?> method) {
      for (Parameter parameter : method.getParameters()) {
        if (parameter.getNameAsString().equals(name)) {
          return Optional.of(new VisibleDeclaration(parameter, parameter.getType(), true));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<VisibleDeclaration> variable(VariableDeclarationExpr declaration, String name) {
    for (VariableDeclarator variable : declaration.getVariables()) {
      if (variable.getNameAsString().equals(name)) {
        return Optional.of(new VisibleDeclaration(variable, variable.getType(), false));
      }
    }
    return Optional.empty();
  }

  /** The local's initializer, when it is a local declared with one. */
  Optional<Expression> initializer() {
    return declaration instanceof VariableDeclarator variable ? variable.getInitializer() : Optional.empty();
  }

  /** Whether it is a parameter declared as varargs. */
  boolean varArgs() {
    return declaration instanceof Parameter p && p.isVarArgs();
  }
}
