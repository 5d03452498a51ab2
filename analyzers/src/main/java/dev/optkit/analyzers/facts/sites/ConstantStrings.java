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
import com.github.javaparser.ast.Node;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
  /** Each type's (or anonymous class's) constants, by the node declaring them: a name means its own class's first. */
  private final Map<Node, Map<String, String>> constantsOf = new IdentityHashMap<>();
  /** The types this file declares, by simple name; null for a name two of them take. */
  private final Map<String, Node> ownTypes = new HashMap<>();

  /**
   * The file's constants: final fields, and fields never assigned, with a text initializer, each kept with the class
   * declaring it.
   *
   * @param types the types the file declares, nested ones too
   */
  public void collectConstants(List<FieldDeclaration> fields, Set<String> assigned, List<? extends Node> types) {
    for (Node type : types) {
      String name = ((com.github.javaparser.ast.nodeTypes.NodeWithSimpleName<?>) type).getNameAsString();
      ownTypes.put(name, ownTypes.containsKey(name) ? null : type); // two types of one simple name: neither is meant
    }
    for (FieldDeclaration field : fields) {
      Node owner = field.getParentNode().orElse(null);
      for (VariableDeclarator variable : field.getVariables()) {
        if (owner != null && (field.isFinal() || !assigned.contains(variable.getNameAsString()))) {
          variable.getInitializer().map(this::constantText).ifPresent(v -> constantsOf
              .computeIfAbsent(owner, o -> new HashMap<>()).put(variable.getNameAsString(), v));
        }
      }
    }
  }

  /**
   * A plain name's constant, as Java scopes it: the class around the name declaring it, from the innermost out. Not
   * past a class that extends or implements a type this file does not declare: a member it inherits may be the one
   * meant (a nested class's constant is never its outer class's, nor a sibling's of the same name).
   */
  private String constantNamed(Node at, String name) {
    for (Node node = at; node != null; node = node.getParentNode().orElse(null)) {
      Map<String, String> declared = constantsOf.get(node);
      if (declared != null && declared.containsKey(name)) {
        return declared.get(name);
      }
      if (inheritsFromElsewhere(node)) {
        return null;
      }
    }
    return null;
  }

  private boolean inheritsFromElsewhere(Node type) {
    List<com.github.javaparser.ast.type.ClassOrInterfaceType> supertypes = new ArrayList<>();
    if (type instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration declared) {
      supertypes.addAll(declared.getExtendedTypes());
      supertypes.addAll(declared.getImplementedTypes());
    } else if (type instanceof com.github.javaparser.ast.body.TypeDeclaration<?>
        && type instanceof com.github.javaparser.ast.nodeTypes.NodeWithImplements<?> implementing) {
      supertypes.addAll(implementing.getImplementedTypes());
    } else if (type instanceof com.github.javaparser.ast.expr.ObjectCreationExpr created
        && created.getAnonymousClassBody().isPresent()) {
      supertypes.add(created.getType()); // an anonymous class inherits its type's members
    }
    return supertypes.stream().anyMatch(supertype -> ownTypes.get(supertype.getNameAsString()) == null);
  }

  /**
   * The constant a field access names in this file: {@code this.NAME} in the class around it, {@code Own.NAME} in the
   * file's type {@code Own}; null for another class's ({@code OtherQueries.INSERT}, whatever text this file's own
   * INSERT holds: the index finds that one) or a name this file's types do not declare.
   */
  private String ownConstant(FieldAccessExpr access) {
    Expression scope = access.getScope();
    if (scope instanceof com.github.javaparser.ast.expr.ThisExpr) {
      Node type = access.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).orElse(null);
      Map<String, String> declared = type == null ? null : constantsOf.get(type);
      return declared == null ? null : declared.get(access.getNameAsString());
    }
    if (!(scope instanceof NameExpr || scope instanceof FieldAccessExpr)) {
      return null;
    }
    String written = scope.toString();
    Node type = ownTypes.get(written.substring(written.lastIndexOf('.') + 1));
    Map<String, String> declared = type == null ? null : constantsOf.get(type);
    return declared == null ? null : declared.get(access.getNameAsString());
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
    if (expression instanceof NameExpr name) {
      String constant = constantNamed(name, name.getNameAsString());
      if (constant != null) {
        return constant;
      }
    }
    if (expression instanceof FieldAccessExpr access) {
      String constant = ownConstant(access);
      if (constant != null) {
        return constant;
      }
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
   * A plain name is this file's constant where it declares it in the class around the name, else the constant the
   * symbol solver finds (statically imported, inherited). Empty when it names none, or when a part is neither (a
   * variable, an instance's field or method).
   *
   * @param declaringType the type declaring the static field or method a member expression names, as the symbol
   *     solver finds it ({@link dev.optkit.analyzers.facts.types.ReceiverResolver#declaringType}); empty where it
   *     cannot tell
   */
  public Optional<ComposedText> composed(Expression expression, Function<Expression, Optional<String>> declaringType) {
    List<ComposedText.Part> parts = new ArrayList<>();
    return partsOf(expression, declaringType, parts) ? ComposedText.of(parts) : Optional.empty();
  }

  private boolean partsOf(Expression expression, Function<Expression, Optional<String>> declaringType,
      List<ComposedText.Part> parts) {
    if (expression instanceof EnclosedExpr enclosed) {
      return partsOf(enclosed.getInner(), declaringType, parts);
    }
    if (expression instanceof BinaryExpr binary) {
      return binary.getOperator() == BinaryExpr.Operator.PLUS && partsOf(binary.getLeft(), declaringType, parts)
          && partsOf(binary.getRight(), declaringType, parts);
    }
    if (expression instanceof NameExpr name && constantNamed(name, name.getNameAsString()) == null) {
      // a statically imported or inherited constant, or one of an outer class this file cannot tell is meant
      return declaringType.apply(name)
          .map(type -> parts.add(new ComposedText.Constant(type, name.getNameAsString()))).orElse(false);
    }
    if (expression instanceof FieldAccessExpr access && ownConstant(access) == null) {
      return typeScope(access.getScope()) && declaringType.apply(access)
          .map(type -> parts.add(new ComposedText.Constant(type, access.getNameAsString()))).orElse(false);
    }
    if (expression instanceof MethodCallExpr builder) {
      return builder.getScope().filter(ConstantStrings::typeScope).isPresent() && builder.getTypeArguments().isEmpty()
          && declaringType.apply(builder).map(type -> parts.add(new ComposedText.Constant(type,
              dev.optkit.analyzers.facts.MethodFact.SqlConstant.builderName(builder.getNameAsString(),
                  builder.getArguments().size())))).orElse(false);
    }
    boolean told = expression instanceof StringLiteralExpr || expression instanceof TextBlockLiteralExpr
        || expression instanceof NameExpr || expression instanceof FieldAccessExpr;
    String text = told ? text(expression) : null;
    return text != null && parts.add(new ComposedText.Literal(text));
  }

  /**
   * A scope written as a type's name ({@code Queries}, {@code shop.Queries}), not a call's or an instance's, and no
   * variable's: never a name a local, a parameter or a field anywhere in the file takes
   * (hostile review 40's k7; the solver has taken such a local for the type where the local's own type was unknown).
   */
  private static boolean typeScope(Expression scope) {
    if (!(scope instanceof NameExpr || scope instanceof FieldAccessExpr)) {
      return false;
    }
    String written = scope.toString();
    String first = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
    boolean variable = scope.findCompilationUnit().map(unit -> dev.optkit.analyzers.facts.Subtrees.all(unit,
            VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(first))
        || dev.optkit.analyzers.facts.Subtrees.all(unit, com.github.javaparser.ast.body.Parameter.class).stream()
            .anyMatch(p -> p.getNameAsString().equals(first))).orElse(true);
    return !variable;
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
