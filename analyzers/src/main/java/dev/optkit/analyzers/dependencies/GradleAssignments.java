package dev.optkit.analyzers.dependencies;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;

/** Strings the script assigns: {@code def v = '1'}, {@code ext.v = '1'}, {@code ext { v = '1' }}. */
final class GradleAssignments extends CodeVisitorSupport {
  private final Map<String, String> strings;
  private final Map<String, Integer> assigned = new HashMap<>();

  GradleAssignments(Map<String, String> strings) {
    this.strings = strings;
  }

  @Override
  public void visitDeclarationExpression(DeclarationExpression declaration) {
    if (declaration.getLeftExpression() instanceof VariableExpression variable) {
      assign(variable.getName(), declaration.getRightExpression());
    }
    declaration.getRightExpression().visit(this); // not as a binary expression too: one assignment, counted once
  }

  @Override
  public void visitBinaryExpression(BinaryExpression binary) {
    if (binary.getOperation().getText().equals("=")) {
      Expression left = binary.getLeftExpression();
      if (left instanceof VariableExpression variable) {
        assign(variable.getName(), binary.getRightExpression());
      } else if (left instanceof PropertyExpression property) {
        assign(property.getPropertyAsString(), binary.getRightExpression());
      }
    }
    super.visitBinaryExpression(binary);
  }

  /**
   * A name assigned twice (a branch, a loop) or to what is not a literal has no one value: it is left out, and
   * hides a gradle.properties value of the name. A literal map ({@code libraries = [guava: 'g:a:v']}) gives its
   * string entries as {@code libraries.guava}.
   */
  private void assign(String name, Expression value) {
    if (name == null) {
      return;
    }
    int times = assigned.merge(name, 1, Integer::sum);
    if (times == 1 && value instanceof ConstantExpression constant && constant.getValue() instanceof String text) {
      strings.put(name, text);
      return;
    }
    strings.remove(name);
    ambiguous.add(name);
    if (times == 1 && value instanceof MapExpression map) {
      ambiguous.remove(name);
      for (MapEntryExpression entry : map.getMapEntryExpressions()) {
        if (entry.getKeyExpression() instanceof ConstantExpression key && key.getValue() instanceof String field
            && entry.getValueExpression() instanceof ConstantExpression element
            && element.getValue() instanceof String text) {
          strings.put(name + "." + field, text);
        }
      }
    }
  }

  final java.util.Set<String> ambiguous = new java.util.HashSet<>();
}

