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
  /**
   * Each type's (or anonymous class's) constants, their initializers by name, by the node declaring them: a name means
   * its own class's first. An initializer is read where it is written, so a constant of constants is read as Java
   * scopes each name in it.
   */
  private final Map<Node, Map<String, Expression>> constantsOf = new IdentityHashMap<>();
  /** How deep a constant's text is being read through other constants: a cycle or a long chain stops there. */
  private int depth;
  private static final int MAX_DEPTH = 8;

  /**
   * The file's constants: final fields (an interface's are), and private fields without annotations the file never
   * assigns, with a text initializer, each kept with the class declaring it. Not a field another file may assign, nor
   * one a framework fills in ({@code @Value}).
   *
   * @param types the types the file declares, nested ones too
   */
  public void collectConstants(List<FieldDeclaration> fields, Set<String> assigned, List<? extends Node> types) {
    for (FieldDeclaration field : fields) {
      Node owner = field.getParentNode().orElse(null);
      boolean constant = field.isFinal() || owner instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration
          declared && declared.isInterface() || field.isPrivate() && field.getAnnotations().isEmpty()
          && !generatesSetters(owner);
      for (VariableDeclarator variable : field.getVariables()) {
        if (owner != null && constant && (field.isFinal() || !assigned.contains(variable.getNameAsString()))) {
          variable.getInitializer().filter(initializer -> constantText(initializer) != null)
              .ifPresent(initializer -> constantsOf.computeIfAbsent(owner, o -> new HashMap<>())
                  .put(variable.getNameAsString(), initializer));
        }
      }
    }
  }

  /** A class whose annotations make setters for its fields (Lombok's {@code @Setter}, {@code @Data}). */
  private static boolean generatesSetters(Node owner) {
    return owner instanceof com.github.javaparser.ast.nodeTypes.NodeWithAnnotations<?> annotated
        && annotated.getAnnotations().stream().map(a -> a.getName().getIdentifier())
            .anyMatch(a -> a.equals("Setter") || a.equals("Data"));
  }

  /**
   * A plain name's constant, as Java scopes it: the class around the name declaring it, from the innermost out. Null
   * where a local, a parameter or a loop's or a lambda's variable of that name is in scope (it hides the field), and
   * not past a class that extends or implements anything: a member it inherits comes before an outer class's (a
   * nested class's constant is never its outer class's, nor a sibling's of the same name).
   */
  private Expression constantNamed(Node at, String name) {
    for (Node node = at; node != null; node = node.getParentNode().orElse(null)) {
      if (declaresVariable(node, name)) {
        return null;
      }
      Map<String, Expression> declared = constantsOf.get(node);
      if (declared != null && declared.containsKey(name)) {
        return declared.get(name);
      }
      if (declaresField(node, name) || inherits(node)) {
        return null; // its own field of the name, no constant optkit keeps, hides an outer class's
      }
    }
    return null;
  }

  /** Whether a class (or an anonymous one) declares a field of that name, constant or not. */
  private static boolean declaresField(Node type, String name) {
    List<com.github.javaparser.ast.body.BodyDeclaration<?>> members =
        type instanceof com.github.javaparser.ast.body.TypeDeclaration<?> declared ? declared.getMembers()
            : type instanceof com.github.javaparser.ast.expr.ObjectCreationExpr created
                ? created.getAnonymousClassBody().orElse(new com.github.javaparser.ast.NodeList<>()) : List.of();
    return members.stream().anyMatch(m -> m instanceof FieldDeclaration field
        && field.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name)));
  }

  /**
   * Whether this node declares a variable of that name for what it holds: parameters, locals, loop variables; and,
   * for a method, a constructor, a lambda or an initializer, a pattern variable anywhere in it ({@code instanceof
   * String SQL}, {@code case String SQL ->}, a record pattern's component), whatever its scope.
   */
  private static boolean declaresVariable(Node node, String name) {
    if ((node instanceof com.github.javaparser.ast.body.CallableDeclaration<?>
        || node instanceof com.github.javaparser.ast.expr.LambdaExpr
        || node instanceof com.github.javaparser.ast.body.InitializerDeclaration)
        && dev.optkit.analyzers.facts.Subtrees.all(node, com.github.javaparser.ast.expr.TypePatternExpr.class).stream()
            .anyMatch(pattern -> pattern.getNameAsString().equals(name))) {
      return true;
    }
    if (node instanceof com.github.javaparser.ast.nodeTypes.NodeWithParameters<?> withParameters
        && withParameters.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
      return true;
    }
    if (node instanceof com.github.javaparser.ast.expr.LambdaExpr lambda
        && lambda.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
      return true;
    }
    if (node instanceof com.github.javaparser.ast.stmt.CatchClause caught
        && caught.getParameter().getNameAsString().equals(name)) {
      return true;
    }
    if (node instanceof com.github.javaparser.ast.stmt.BlockStmt || node instanceof com.github.javaparser.ast.stmt.ForStmt
        || node instanceof com.github.javaparser.ast.stmt.ForEachStmt || node instanceof com.github.javaparser.ast.stmt.TryStmt
        || node instanceof com.github.javaparser.ast.stmt.SwitchEntry) {
      // its own declarations, not a nested block's or a nested class's (a block's locals: before or after the use alike)
      for (Node child : node.getChildNodes()) {
        Node declaration = child instanceof com.github.javaparser.ast.stmt.ExpressionStmt statement
            ? statement.getExpression() : child;
        if (declaration instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr variables
            && variables.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))) {
          return true;
        }
        if (declaration instanceof com.github.javaparser.ast.body.Parameter parameter
            && parameter.getNameAsString().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A class (or an anonymous one) extending or implementing a type: its inherited members come first. */
  private static boolean inherits(Node type) {
    if (type instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration declared) {
      return declared.getExtendedTypes().isNonEmpty() || declared.getImplementedTypes().isNonEmpty();
    }
    if (type instanceof com.github.javaparser.ast.body.TypeDeclaration<?>
        && type instanceof com.github.javaparser.ast.nodeTypes.NodeWithImplements<?> implementing) {
      return implementing.getImplementedTypes().isNonEmpty();
    }
    return type instanceof com.github.javaparser.ast.expr.ObjectCreationExpr created
        && created.getAnonymousClassBody().isPresent();
  }

  /** The class a {@code this} means: the nearest class around the node, an anonymous one too. */
  private static Node thisClass(Node at) {
    for (Node node = at.getParentNode().orElse(null); node != null; node = node.getParentNode().orElse(null)) {
      if (node instanceof com.github.javaparser.ast.body.TypeDeclaration<?>
          || node instanceof com.github.javaparser.ast.expr.ObjectCreationExpr created
              && created.getAnonymousClassBody().isPresent()) {
        return node;
      }
    }
    return null;
  }

  /**
   * The class of this file a type name written at a node means, as Java scopes it: the class around it or a member
   * class of one, a local class of a block around it, a top-level class of the file; null where none is, or where a
   * class around it inherits (a member class it inherits may be meant) before one is found.
   */
  private static Node visibleType(Node at, String name) {
    for (Node node = at.getParentNode().orElse(null); node != null; node = node.getParentNode().orElse(null)) {
      if (node instanceof com.github.javaparser.ast.body.TypeDeclaration<?> type) {
        if (type.getNameAsString().equals(name)) {
          return type;
        }
        Optional<Node> member = type.getMembers().stream()
            .filter(m -> m instanceof com.github.javaparser.ast.body.TypeDeclaration<?> nested
                && nested.getNameAsString().equals(name)).map(m -> (Node) m).findFirst();
        if (member.isPresent()) {
          return member.get();
        }
        if (inherits(type)) {
          return null;
        }
      } else if (node instanceof com.github.javaparser.ast.stmt.BlockStmt block) {
        for (com.github.javaparser.ast.stmt.Statement statement : block.getStatements()) {
          if (statement instanceof com.github.javaparser.ast.stmt.LocalClassDeclarationStmt local
              && local.getClassDeclaration().getNameAsString().equals(name)) {
            return local.getClassDeclaration();
          }
          if (statement instanceof com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt local
              && local.getRecordDeclaration().getNameAsString().equals(name)) {
            return local.getRecordDeclaration();
          }
        }
      } else if (node instanceof com.github.javaparser.ast.CompilationUnit unit) {
        return unit.getTypes().stream().filter(t -> t.getNameAsString().equals(name)).map(t -> (Node) t)
            .findFirst().orElse(null);
      }
    }
    return null;
  }

  /**
   * The constant a field access names in this file: {@code this.NAME} in the class {@code this} is, {@code Own.NAME}
   * or {@code Own.Inner.NAME} in the file's class that name means where it is written; null for another class's
   * ({@code OtherQueries.INSERT}, whatever text this file's own INSERT holds: the index finds that one) or a name
   * that class does not declare.
   */
  private Expression ownConstant(FieldAccessExpr access) {
    Expression scope = access.getScope();
    Node type;
    if (scope instanceof com.github.javaparser.ast.expr.ThisExpr self && self.getTypeName().isEmpty()) {
      type = thisClass(access);
    } else {
      List<String> names = new ArrayList<>();
      Expression part = scope;
      while (part instanceof FieldAccessExpr qualified) {
        names.add(0, qualified.getNameAsString());
        part = qualified.getScope();
      }
      if (!(part instanceof NameExpr first) || declaredVariableAround(access, first.getNameAsString())) {
        return null;
      }
      names.add(0, first.getNameAsString());
      type = visibleType(access, names.get(0));
      for (int i = 1; type instanceof com.github.javaparser.ast.body.TypeDeclaration<?> outer && i < names.size(); i++) {
        String inner = names.get(i);
        type = outer.getMembers().stream().filter(m -> m instanceof com.github.javaparser.ast.body.TypeDeclaration<?> t
            && t.getNameAsString().equals(inner)).map(m -> (Node) m).findFirst().orElse(null);
      }
    }
    Map<String, Expression> declared = type == null ? null : constantsOf.get(type);
    return declared == null ? null : declared.get(access.getNameAsString());
  }

  /** A constant's text: its initializer read where it is written, through the constants it names (not past a depth). */
  private String valueOf(Expression initializer) {
    if (depth >= MAX_DEPTH) {
      return constantText(initializer);
    }
    depth++;
    try {
      return text(initializer);
    } finally {
      depth--;
    }
  }

  /**
   * Whether a variable of that name may be in scope at the node, which Java takes before a type of the name: a local
   * or a parameter, a field of a class around it, or one a class around it may inherit (it extends or implements
   * anything).
   */
  private static boolean declaredVariableAround(Node at, String name) {
    for (Node node = at; node != null; node = node.getParentNode().orElse(null)) {
      if (declaresVariable(node, name) || inherits(node) || declaresField(node, name)) {
        return true;
      }
    }
    return false;
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
      Expression constant = constantNamed(name, name.getNameAsString());
      if (constant != null) {
        return valueOf(constant);
      }
    }
    if (expression instanceof FieldAccessExpr access) {
      Expression constant = ownConstant(access);
      if (constant != null) {
        return valueOf(constant);
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
      if (name.equals("concat") && call.getScope().isPresent() && call.getArguments().size() == 1) {
        String scope = text(call.getScope().get());
        String argument = text(call.getArgument(0));
        if (scope == null && argument == null) {
          return null;
        }
        return (scope == null ? placeholder(call.getScope().get()) : scope)
            + (argument == null ? placeholder(call.getArgument(0)) : argument); // a.concat(b) is a + b
      }
      if (name.equals("formatted") && call.getScope().isPresent()) {
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
    Expression own = expression instanceof NameExpr name ? constantNamed(name, name.getNameAsString())
        : expression instanceof FieldAccessExpr access ? ownConstant(access) : null;
    if (own != null && depth < MAX_DEPTH) {
      // this file's constant: its initializer's parts, read where it is written (a constant of other classes' constants)
      depth++;
      try {
        return partsOf(own, declaringType, parts);
      } finally {
        depth--;
      }
    }
    if (expression instanceof NameExpr name && own == null) {
      // a statically imported or inherited constant, or one of an outer class this file cannot tell is meant
      return declaringType.apply(name)
          .map(type -> parts.add(new ComposedText.Constant(type, name.getNameAsString()))).orElse(false);
    }
    if (expression instanceof FieldAccessExpr access && own == null) {
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

  /** How many unknown parts the readers above have written: a text read with none added is known whole. */
  private int placeholders;

  /**
   * The text of an expression when all of it is known, as {@link #text} reads it; null where a part is not (a
   * placeholder bound as a value could stand for a subquery naming tables of its own).
   */
  public String completeText(Expression expression) {
    int before = placeholders;
    String text = text(expression);
    return placeholders == before ? text : null;
  }

  private String placeholder(Expression expression) {
    placeholders++;
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
