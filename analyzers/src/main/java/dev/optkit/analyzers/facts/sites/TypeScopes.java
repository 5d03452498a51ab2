package dev.optkit.analyzers.facts.sites;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.optkit.analyzers.facts.Subtrees;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Which type the scope of a constant's name is ({@code Queries} of {@code Queries.BASE}), when a file can tell. */
public final class TypeScopes {
  private TypeScopes() {}

  /**
   * The qualified type {@code scope} names ({@code OrderQueries}, {@code r.OrderQueries}), read by {@code qualify}
   * from the file's imports and package. Empty where it is no type's name (its last part does not start upper case,
   * as types do) or where a variable could be meant instead: a local or parameter of the method around {@code
   * context}, or any field or variable of its file (hostile review 40's k7).
   */
  public static Optional<String> typeOf(Expression scope, Node context, UnaryOperator<String> qualify) {
    String written = scope.toString();
    String last = written.substring(written.lastIndexOf('.') + 1);
    if (!(scope instanceof NameExpr || scope instanceof FieldAccessExpr) || last.isEmpty()
        || !Character.isUpperCase(last.charAt(0))) {
      return Optional.empty();
    }
    String first = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
    Optional<CallableDeclaration> callable = context instanceof CallableDeclaration<?> declared
        ? Optional.of(declared) : context.findAncestor(CallableDeclaration.class);
    boolean variable = callable.map(method -> Subtrees.all(method, VariableDeclarator.class).stream()
            .anyMatch(v -> v.getNameAsString().equals(first))
        || Subtrees.all(method, Parameter.class).stream().anyMatch(p -> p.getNameAsString().equals(first)))
        .orElse(false)
        || context.findCompilationUnit().map(unit -> Subtrees.all(unit, VariableDeclarator.class).stream()
            .anyMatch(v -> v.getNameAsString().equals(first))).orElse(true);
    return variable ? Optional.empty() : Optional.of(qualify.apply(written));
  }
}
