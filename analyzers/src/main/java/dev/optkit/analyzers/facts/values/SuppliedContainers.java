package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a collector's supplier hands it to fill ({@code toCollection(() -> seen)}, {@code toMap(k, v, merge, () ->
 * counts)}, {@code groupingBy(f, () -> groups, downstream)}): a new container ({@code TreeSet::new}, {@code () -> new
 * HashMap<>()}) is the call's own; anything else is filled in place, a field's or a static's a change of state kept
 * between calls (hostile reviews 64's H, 66's T, 69's t_field_supplier_new).
 */
final class SuppliedContainers {
  private SuppliedContainers() {}

  /** Collectors given a supplier of the container they fill, by name and arguments: the supplier's position. */
  static final Map<String, Integer> POSITIONS = Map.of("toCollection/1", 0, "toMap/4", 3, "toConcurrentMap/4", 3,
      "groupingBy/3", 1, "groupingByConcurrent/3", 1);

  /**
   * The values the supplier answers, each to be looked up where it comes from (empty: it makes new containers), or
   * null when optkit cannot tell what it answers.
   */
  static List<Expression> supplied(Expression supplier, Predicate<String> isLocal, List<VariableDeclarator> declarators,
      List<AssignExpr> assignments) {
    if (supplier instanceof NameExpr local && isLocal.test(local.getNameAsString())) {
      // Supplier<List<String>> made = ArrayList::new; toCollection(made): what the local was given
      List<Expression> given = declarators.stream().filter(v -> v.getNameAsString().equals(local.getNameAsString()))
          .flatMap(v -> v.getInitializer().stream()).toList();
      boolean reassigned = assignments.stream().anyMatch(a -> a.getTarget() instanceof NameExpr target
          && target.getNameAsString().equals(local.getNameAsString()));
      return given.size() == 1 && !reassigned ? supplied(given.get(0), isLocal, declarators, assignments) : null;
    }
    if (supplier instanceof NameExpr field) {
      // into = ArrayList::new, a final field: what it was given
      Optional<Expression> given = field.findAncestor(TypeDeclaration.class)
          .flatMap(type -> ((TypeDeclaration<?>) type).getFieldByName(field.getNameAsString()))
          .filter(FieldDeclaration::isFinal)
          .flatMap(declared -> declared.getVariables().stream()
              .filter(v -> v.getNameAsString().equals(field.getNameAsString())).findFirst())
          .flatMap(VariableDeclarator::getInitializer);
      return given.isPresent() && !(given.get() instanceof NameExpr)
          ? supplied(given.get(), name -> false, List.of(), List.of()) : null;
    }
    if (supplier instanceof MethodReferenceExpr reference) {
      return reference.getIdentifier().equals("new") ? List.of() : null;
    }
    if (supplier instanceof LambdaExpr lambda) {
      List<Expression> values = new ArrayList<>();
      for (Expression value : returnedBy(lambda)) {
        if (!(CallEffects.unwrap(value) instanceof ObjectCreationExpr)) {
          values.add(value);
        }
      }
      return values;
    }
    return null;
  }

  /** The values a lambda returns: its expression, or its own return statements' values. */
  static List<Expression> returnedBy(LambdaExpr lambda) {
    List<Expression> returned = new ArrayList<>();
    if (lambda.getBody() instanceof ExpressionStmt expression) {
      returned.add(expression.getExpression());
    } else {
      for (ReturnStmt stop : Subtrees.all(lambda.getBody(), ReturnStmt.class)) {
        if (stop.findAncestor(LambdaExpr.class).orElse(null) == lambda) {
          stop.getExpression().ifPresent(returned::add);
        }
      }
    }
    return returned;
  }
}
