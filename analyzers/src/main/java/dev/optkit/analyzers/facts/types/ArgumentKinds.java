package dev.optkit.analyzers.facts.types;

import dev.optkit.analyzers.facts.Subtrees;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.optkit.analyzers.facts.ArgumentKind;
import dev.optkit.analyzers.facts.ParamFact;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The kind of value each argument of a call certainly is, so that overloads of one arity taking
 * a text and a number ({@code byKey(long)}, {@code byKey(String)}) are told apart, and a method a call
 * cannot run is not taken for its callee ({@code findById(id)} with a {@code Long id} runs the inherited
 * {@code findById(ID)}, never the project's {@code findById(int)}): a {@link ArgumentKind} each, a {@code String},
 * a primitive, its box, or not known.
 * Known only from the source itself: a literal, a concatenation with a string literal, a cast, or a
 * name the method declares once and in scope at the call (a parameter or local; a field may be shadowed,
 * so it is not read).
 * Kinds exclude a method only where Java converts neither way, so a wrong guess can only be {@code UNKNOWN}.
 */
public final class ArgumentKinds {
  private ArgumentKinds() {}

  /**
   * The kinds of a call's arguments, one each, or an empty list when none is known.
   *
   * @param declaredOnce where a name is declared when the method declares it exactly once, else null
   */
  public static List<ArgumentKind> of(MethodCallExpr call, CallableDeclaration<?> callable,
      Function<String, Node> declaredOnce) {
    if (call.getArguments().isEmpty() || insideNestedClass(call, callable)) {
      return List.of();
    }
    List<ArgumentKind> kinds = new java.util.ArrayList<>();
    for (Expression argument : call.getArguments()) {
      kinds.add(kind(argument, call, declaredOnce));
    }
    return kinds.stream().allMatch(k -> k == ArgumentKind.UNKNOWN) ? List.of() : List.copyOf(kinds);
  }

  /**
   * Every name a method declares (parameters, locals, lambda and catch parameters, pattern
   * variables, in nested classes too) with its type, or none for a name declared more than once.
   */
  public static Map<String, Node> declaredNames(List<Parameter> parameters, List<VariableDeclarator> variables,
      List<TypePatternExpr> patterns) {
    Map<String, Node> names = new HashMap<>();
    Set<String> twice = new HashSet<>();
    java.util.function.BiConsumer<String, Node> declare = (name, node) -> {
      if (twice.contains(name) || names.remove(name) != null) {
        twice.add(name);
      } else {
        names.put(name, node);
      }
    };
    parameters.forEach(p -> declare.accept(p.getNameAsString(), p));
    variables.forEach(v -> declare.accept(v.getNameAsString(), v));
    patterns.forEach(p -> declare.accept(p.getNameAsString(), p));
    return names;
  }

  /**
   * The declared type of the name at the call, when its one declaration is in scope there: a
   * parameter of the method, or of a lambda or catch around the call; a local declared before the
   * call in a block (or loop, or try) around it. Anywhere else the name is a field's (a local of a
   * later block does not shadow it there), or a pattern variable's, whose scope follows the flow: not told.
   */
  private static Type inScope(Node declaration, MethodCallExpr call) {
    if (declaration instanceof Parameter parameter) {
      Node owner = parameter.getParentNode().orElse(null);
      return owner instanceof CallableDeclaration<?> || owner != null && Subtrees.isAncestor(owner, call) ? parameter.getType() : null;
    }
    if (declaration instanceof VariableDeclarator variable && variable.getParentNode().isPresent()) {
      Node holder = variable.getParentNode().get().getParentNode().orElse(null);
      Node scope = holder instanceof com.github.javaparser.ast.stmt.ExpressionStmt statement
          ? statement.getParentNode().orElse(null) : holder;
      boolean before = variable.getBegin().isPresent() && call.getBegin().isPresent()
          && variable.getBegin().get().isBefore(call.getBegin().get());
      return scope != null && Subtrees.isAncestor(scope, call) && before && !Subtrees.isAncestor(variable, call) ? variable.getType() : null;
    }
    return null;
  }

  /**
   * Whether a method with these parameters may be what a call with these argument kinds runs, by Java's
   * method invocation conversions (JLS 5.3): identity, widening of a primitive, boxing (a box then widens
   * only to its supertypes, which are no kind here), unboxing then widening. An argument or a parameter of
   * no known kind excludes nothing.
   */
  public static boolean accepts(List<ParamFact> params, List<ArgumentKind> kinds) {
    for (int i = 0; i < kinds.size() && i < params.size(); i++) {
      ParamFact param = params.get(i);
      if (param.varArgs()) {
        return true; // an array or elements: not told here
      }
      ArgumentKind argument = kinds.get(i);
      ArgumentKind parameter = kindOf(param.qualifiedType() != null ? param.qualifiedType() : param.type());
      if (argument != ArgumentKind.UNKNOWN && parameter != ArgumentKind.UNKNOWN && !converts(argument, parameter)) {
        return false;
      }
    }
    return true;
  }

  /** Whether an argument of one kind is passed to a parameter of the other (both known). */
  static boolean converts(ArgumentKind argument, ArgumentKind parameter) {
    if (argument == ArgumentKind.TEXT || parameter == ArgumentKind.TEXT) {
      return argument == parameter;
    }
    ArgumentKind from = argument.unboxed();
    ArgumentKind to = parameter.unboxed();
    if (parameter.boxed()) {
      return from == to; // boxing gives the argument's own box, never another
    }
    return from == to || WIDER.getOrDefault(from, Set.of()).contains(to); // a box unboxes, then widens
  }

  /** JLS 5.1.2: the primitive types each primitive widens to. */
  private static final Map<ArgumentKind, Set<ArgumentKind>> WIDER = Map.of(
      ArgumentKind.BYTE, Set.of(ArgumentKind.SHORT, ArgumentKind.INT, ArgumentKind.FLOAT, ArgumentKind.LONG,
          ArgumentKind.DOUBLE),
      ArgumentKind.SHORT, Set.of(ArgumentKind.INT, ArgumentKind.FLOAT, ArgumentKind.LONG, ArgumentKind.DOUBLE),
      ArgumentKind.CHAR, Set.of(ArgumentKind.INT, ArgumentKind.FLOAT, ArgumentKind.LONG, ArgumentKind.DOUBLE),
      ArgumentKind.INT, Set.of(ArgumentKind.FLOAT, ArgumentKind.LONG, ArgumentKind.DOUBLE),
      ArgumentKind.LONG, Set.of(ArgumentKind.FLOAT, ArgumentKind.DOUBLE),
      ArgumentKind.FLOAT, Set.of(ArgumentKind.DOUBLE));

  private static final Map<String, ArgumentKind> TYPE_KINDS = Map.ofEntries(
      Map.entry("String", ArgumentKind.TEXT), Map.entry("java.lang.String", ArgumentKind.TEXT),
      Map.entry("boolean", ArgumentKind.BOOLEAN), Map.entry("byte", ArgumentKind.BYTE),
      Map.entry("short", ArgumentKind.SHORT), Map.entry("char", ArgumentKind.CHAR), Map.entry("int", ArgumentKind.INT),
      Map.entry("long", ArgumentKind.LONG), Map.entry("float", ArgumentKind.FLOAT),
      Map.entry("double", ArgumentKind.DOUBLE),
      Map.entry("Boolean", ArgumentKind.BOXED_BOOLEAN), Map.entry("Byte", ArgumentKind.BOXED_BYTE),
      Map.entry("Short", ArgumentKind.BOXED_SHORT), Map.entry("Character", ArgumentKind.BOXED_CHAR),
      Map.entry("Integer", ArgumentKind.BOXED_INT), Map.entry("Long", ArgumentKind.BOXED_LONG),
      Map.entry("Float", ArgumentKind.BOXED_FLOAT), Map.entry("Double", ArgumentKind.BOXED_DOUBLE),
      Map.entry("java.lang.Boolean", ArgumentKind.BOXED_BOOLEAN), Map.entry("java.lang.Byte", ArgumentKind.BOXED_BYTE),
      Map.entry("java.lang.Short", ArgumentKind.BOXED_SHORT),
      Map.entry("java.lang.Character", ArgumentKind.BOXED_CHAR),
      Map.entry("java.lang.Integer", ArgumentKind.BOXED_INT), Map.entry("java.lang.Long", ArgumentKind.BOXED_LONG),
      Map.entry("java.lang.Float", ArgumentKind.BOXED_FLOAT), Map.entry("java.lang.Double", ArgumentKind.BOXED_DOUBLE));

  private static ArgumentKind kindOf(String type) {
    return type == null ? ArgumentKind.UNKNOWN : TYPE_KINDS.getOrDefault(type.strip(), ArgumentKind.UNKNOWN);
  }

  private static ArgumentKind kindOf(Type type) {
    if (type instanceof PrimitiveType primitive) {
      return kindOf(primitive.asString());
    }
    if (type instanceof ClassOrInterfaceType written && written.getTypeArguments().isEmpty()) {
      return kindOf(written.asString());
    }
    return ArgumentKind.UNKNOWN;
  }

  private static ArgumentKind kind(Expression expression, MethodCallExpr call, Function<String, Node> declaredOnce) {
    if (expression instanceof EnclosedExpr enclosed) {
      return kind(enclosed.getInner(), call, declaredOnce);
    }
    if (expression instanceof StringLiteralExpr || expression instanceof TextBlockLiteralExpr) {
      return ArgumentKind.TEXT;
    }
    if (expression instanceof IntegerLiteralExpr) {
      return ArgumentKind.INT;
    }
    if (expression instanceof LongLiteralExpr) {
      return ArgumentKind.LONG;
    }
    if (expression instanceof DoubleLiteralExpr literal) {
      String text = literal.getValue();
      return text.endsWith("f") || text.endsWith("F") ? ArgumentKind.FLOAT : ArgumentKind.DOUBLE;
    }
    if (expression instanceof BooleanLiteralExpr) {
      return ArgumentKind.BOOLEAN;
    }
    if (expression instanceof CharLiteralExpr) {
      return ArgumentKind.CHAR;
    }
    if (expression instanceof CastExpr cast) {
      return kindOf(cast.getType());
    }
    if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS
        && (kind(binary.getLeft(), call, declaredOnce) == ArgumentKind.TEXT || kind(binary.getRight(), call, declaredOnce) == ArgumentKind.TEXT)) {
      return ArgumentKind.TEXT; // "%" + text + "%"
    }
    if (expression instanceof NameExpr name) {
      Node declaration = declaredOnce.apply(name.getNameAsString());
      Type declared = declaration == null ? null : inScope(declaration, call);
      return declared == null ? ArgumentKind.UNKNOWN : kindOf(declared);
    }
    return ArgumentKind.UNKNOWN;
  }

  /** A call in an anonymous or local class of the method, whose own members may shadow the method's names. */
  private static boolean insideNestedClass(MethodCallExpr call, CallableDeclaration<?> callable) {
    for (Node at = call.getParentNode().orElse(null); at != null && at != callable; at = at.getParentNode().orElse(null)) {
      if (at instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()
          || at instanceof LocalClassDeclarationStmt || at instanceof CallableDeclaration<?>) {
        return true;
      }
    }
    return false;
  }
}
