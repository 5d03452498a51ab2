package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A lazily initialised field that memoises a result: {@code if (table == null) table = load();
 * return table;}. The load runs once per object, not per call, so the method is cached code (an
 * unbounded memo that never expires) and a loop calling it does not wait on I/O per iteration.
 */
public final class FieldMemos {
  /** The memo guard and the field it fills. */
  public record Memo(IfStmt guard, String field) {}

  private FieldMemos() {
  }

  /**
   * @param guards a body's if statements, in the order {@code findAll} gives
   * @param isField whether a plain name is a field of the class rather than a local or parameter
   */
  public static Optional<Memo> in(java.util.List<IfStmt> guards, Predicate<String> isField) {
    for (IfStmt guard : guards) {
      String field = nullChecked(guard.getCondition(), isField);
      if (field == null) {
        continue;
      }
      // filled from a call (a client, a loader): lazy init of an empty collection is not a memo
      boolean assigns = Subtrees.all(guard.getThenStmt(), AssignExpr.class).stream()
          .anyMatch(assign -> field.equals(fieldName(assign.getTarget(), isField))
              && (assign.getValue() instanceof com.github.javaparser.ast.expr.MethodCallExpr
                  || !Subtrees.all(assign.getValue(), com.github.javaparser.ast.expr.MethodCallExpr.class).isEmpty()));
      if (assigns) {
        return Optional.of(new Memo(guard, field));
      }
    }
    return Optional.empty();
  }

  /** {@code f == null}, {@code null == f}, {@code this.f == null}: the field's name. */
  private static String nullChecked(Expression condition, Predicate<String> isField) {
    if (!(condition instanceof BinaryExpr binary) || binary.getOperator() != BinaryExpr.Operator.EQUALS) {
      return null;
    }
    if (binary.getRight() instanceof NullLiteralExpr) {
      return fieldName(binary.getLeft(), isField);
    }
    return binary.getLeft() instanceof NullLiteralExpr ? fieldName(binary.getRight(), isField) : null;
  }

  private static String fieldName(Expression expression, Predicate<String> isField) {
    if (expression instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return access.getNameAsString();
    }
    return expression instanceof NameExpr name && isField.test(name.getNameAsString()) ? name.getNameAsString() : null;
  }
}
