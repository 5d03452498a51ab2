package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.List;
import java.util.TreeSet;

/**
 * The fields of other objects and classes a type's code assigns: {@code PetMappers.suffix = s} in a controller,
 * {@code dao.prefix = p}. A field its own class never assigns after construction is still state that changes when
 * another class does (hostile review 37's a8: a row mapper appending a static another class sets, cached). Each
 * entry is {@code static:T#f} (the scope names a type), {@code instance:T#f} (a variable of type T) or
 * {@code instance:*#f} (a receiver of a type the declarations do not give: any class's field of that name).
 */
final class ForeignFieldWrites {
  private ForeignFieldWrites() {}

  static List<String> of(TypeDeclaration<?> type, TypeNames names) {
    TreeSet<String> found = new TreeSet<>();
    for (AssignExpr assign : type.findAll(AssignExpr.class)) {
      note(assign.getTarget(), names, found);
    }
    for (UnaryExpr step : type.findAll(UnaryExpr.class)) {
      if (step.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT || step.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT
          || step.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT
          || step.getOperator() == UnaryExpr.Operator.POSTFIX_DECREMENT) {
        note(step.getExpression(), names, found);
      }
    }
    return List.copyOf(found);
  }

  private static void note(Expression target, TypeNames names, TreeSet<String> found) {
    if (!(target instanceof FieldAccessExpr access)) {
      return;
    }
    Expression scope = access.getScope();
    String field = access.getNameAsString();
    if (scope instanceof ThisExpr || scope instanceof SuperExpr) {
      return; // its own field: the class's own analysis sees it
    }
    if (scope instanceof NameExpr name && Character.isUpperCase(name.getNameAsString().charAt(0))
        && LocalTypes.declaredType(name) == null) {
      found.add("static:" + names.qualify(name.getNameAsString()).name() + "#" + field);
      return;
    }
    if (scope instanceof FieldAccessExpr qualified && startsLowerAndEndsUpper(qualified)) {
      found.add("static:" + qualified + "#" + field); // shop.PetMappers.suffix = s
      return;
    }
    String owner = "*";
    if (scope instanceof NameExpr variable) {
      com.github.javaparser.ast.type.Type declared = LocalTypes.declaredType(variable);
      if (declared != null && !declared.isVarType()) {
        owner = names.qualify(declared).name();
      }
    }
    found.add("instance:" + owner + "#" + field);
  }

  private static boolean startsLowerAndEndsUpper(FieldAccessExpr qualified) {
    Node first = qualified;
    while (first instanceof FieldAccessExpr step) {
      first = step.getScope();
    }
    return first instanceof NameExpr root && Character.isLowerCase(root.getNameAsString().charAt(0))
        && LocalTypes.declaredType(root) == null && Character.isUpperCase(qualified.getNameAsString().charAt(0));
  }
}
