package dev.optkit.analyzers.facts.sites;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.optkit.analyzers.facts.ComposedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;

/**
 * The text of a file's string expressions, as far as the file tells it: literals, the file's own
 * constants, concatenations and the few calls that pass text on; unknown parts as {name}. What SQL
 * and URLs are read from.
 */
public final class ConstantStrings {
  private final Map<String, String> constants = new HashMap<>();
  /** The simple names of the types this file declares: {@code Own.NAME} is this file's constant, {@code Other.NAME} not. */
  private final Set<String> ownTypes = new java.util.HashSet<>();

  /**
   * The file's constants: final fields, and fields never assigned, with a text initializer.
   *
   * @param types the simple names of the types the file declares
   */
  public void collectConstants(List<FieldDeclaration> fields, Set<String> assigned, Set<String> types) {
    ownTypes.addAll(types);
    for (FieldDeclaration field : fields) {
      for (VariableDeclarator variable : field.getVariables()) {
        if (field.isFinal() || !assigned.contains(variable.getNameAsString())) {
          variable.getInitializer().map(this::constantText).ifPresent(v -> constants.put(variable.getNameAsString(), v));
        }
      }
    }
  }

  /**
   * Whether a field access's scope is this object or a type of this file: {@code OtherQueries.INSERT} is another
   * class's constant, whatever text this file's own INSERT holds (the index finds that one).
   */
  private boolean ownScope(Expression scope) {
    if (scope instanceof com.github.javaparser.ast.expr.ThisExpr) {
      return true;
    }
    String written = scope.toString();
    return ownTypes.contains(written.substring(written.lastIndexOf('.') + 1));
  }

  /** The literal value of a constant-like expression, with unknown parts as {name}. */
  String constantText(Expression expression) {
    if (expression instanceof StringLiteralExpr literal) {
      return literal.asString();
    }
    if (expression instanceof TextBlockLiteralExpr block) {
      return block.asString();
    }
    if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
      String left = constantText(binary.getLeft());
      String right = constantText(binary.getRight());
      if (left == null && right == null) {
        return null;
      }
      return (left == null ? placeholder(binary.getLeft()) : left) + (right == null ? placeholder(binary.getRight()) : right);
    }
    if (expression instanceof EnclosedExpr enclosed) {
      return constantText(enclosed.getInner());
    }
    return null;
  }

  /** Text of an expression for URLs and SQL: literals, constants, concatenations; unknown parts as {name}. */
  public String text(Expression expression) {
    if (expression instanceof NameExpr name && constants.containsKey(name.getNameAsString())) {
      return constants.get(name.getNameAsString());
    }
    if (expression instanceof FieldAccessExpr access && constants.containsKey(access.getNameAsString())
        && ownScope(access.getScope())) {
      return constants.get(access.getNameAsString());
    }
    if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
      String left = text(binary.getLeft());
      String right = text(binary.getRight());
      if (left == null && right == null) {
        return null;
      }
      return (left == null ? placeholder(binary.getLeft()) : left) + (right == null ? placeholder(binary.getRight()) : right);
    }
    if (expression instanceof MethodCallExpr call) {
      String name = call.getNameAsString();
      if (name.equals("toString")) {
        return BuiltStrings.of(call, this::text); // SQL assembled in a StringBuilder
      }
      if ((name.equals("formatted") || name.equals("concat")) && call.getScope().isPresent()) {
        return text(call.getScope().get());
      }
      if ((name.equals("format") || name.equals("create") || name.equals("fromUriString") || name.equals("valueOf"))
          && call.getArguments().isNonEmpty()) {
        return text(call.getArgument(0));
      }
      return null;
    }
    return constantText(expression);
  }

  /**
   * The parts of a text that names other types' constants: {@code Queries.BASE + " and t.id = ?"}, {@code
   * Queries.FIND}, a static builder's {@code Queries.build(a, b)}, joined with literals and this file's constants.
   * Empty when it names none, or when a part is neither (a variable, a call, a statically imported name).
   *
   * @param typeOf the qualified type a scope names ({@link TypeScopes}), empty where it may be no type
   */
  public Optional<ComposedText> composed(Expression expression, Function<Expression, Optional<String>> typeOf) {
    List<ComposedText.Part> parts = new ArrayList<>();
    return partsOf(expression, typeOf, parts) ? ComposedText.of(parts) : Optional.empty();
  }

  private boolean partsOf(Expression expression, Function<Expression, Optional<String>> typeOf,
      List<ComposedText.Part> parts) {
    if (expression instanceof EnclosedExpr enclosed) {
      return partsOf(enclosed.getInner(), typeOf, parts);
    }
    if (expression instanceof BinaryExpr binary) {
      return binary.getOperator() == BinaryExpr.Operator.PLUS && partsOf(binary.getLeft(), typeOf, parts)
          && partsOf(binary.getRight(), typeOf, parts);
    }
    if (expression instanceof FieldAccessExpr access
        && !(constants.containsKey(access.getNameAsString()) && ownScope(access.getScope()))) {
      return typeOf.apply(access.getScope())
          .map(type -> parts.add(new ComposedText.Constant(type, access.getNameAsString()))).orElse(false);
    }
    if (expression instanceof MethodCallExpr builder) {
      return builder.getScope().isPresent() && builder.getTypeArguments().isEmpty()
          && typeOf.apply(builder.getScope().get()).map(type -> parts.add(new ComposedText.Constant(type,
              dev.optkit.analyzers.facts.MethodFact.SqlConstant.builderName(builder.getNameAsString(),
                  builder.getArguments().size())))).orElse(false);
    }
    boolean told = expression instanceof StringLiteralExpr || expression instanceof TextBlockLiteralExpr
        || expression instanceof NameExpr name && constants.containsKey(name.getNameAsString())
        || expression instanceof FieldAccessExpr;
    String text = told ? text(expression) : null;
    return text != null && parts.add(new ComposedText.Literal(text));
  }

  private String placeholder(Expression expression) {
    if (expression instanceof NameExpr name) {
      return "{" + name.getNameAsString() + "}";
    }
    if (expression instanceof FieldAccessExpr access) {
      return "{" + access.getNameAsString() + "}";
    }
    if (expression instanceof MethodCallExpr call) {
      return "{" + call.getNameAsString() + "()}";
    }
    return "{}";
  }
}
