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
 * {@code findById(ID)}, never the project's {@code findById(int)}): {@code t} a {@code String}; a primitive
 * type by its letter, lower case ({@code y} byte, {@code s} short, {@code c} char, {@code i} int,
 * {@code l} long, {@code f} float, {@code d} double, {@code b} boolean) and its box upper case
 * ({@code I} an {@code Integer}); {@code ?} not known.
 * Known only from the source itself: a literal, a concatenation with a string literal, a cast, or a
 * name the method declares once and in scope at the call (a parameter or local; a field may be shadowed,
 * so it is not read).
 * Kinds exclude a method only where Java converts neither way, so a wrong guess can only be "?".
 */
public final class ArgumentKinds {
  private ArgumentKinds() {}

  /**
   * The kinds of a call's arguments, one character each, or null when none is known.
   *
   * @param declaredOnce where a name is declared when the method declares it exactly once, else null
   */
  public static String of(MethodCallExpr call, CallableDeclaration<?> callable, Function<String, Node> declaredOnce) {
    if (call.getArguments().isEmpty() || insideNestedClass(call, callable)) {
      return null;
    }
    StringBuilder kinds = new StringBuilder();
    for (Expression argument : call.getArguments()) {
      kinds.append(kind(argument, call, declaredOnce));
    }
    return kinds.chars().allMatch(c -> c == '?') ? null : kinds.toString();
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
  public static boolean accepts(List<ParamFact> params, String kinds) {
    if (kinds == null) {
      return true;
    }
    for (int i = 0; i < kinds.length() && i < params.size(); i++) {
      ParamFact param = params.get(i);
      if (param.varArgs()) {
        return true; // an array or elements: not told here
      }
      char argument = kinds.charAt(i);
      char parameter = kindOf(param.qualifiedType() != null ? param.qualifiedType() : param.type());
      if (argument != '?' && parameter != '?' && !converts(argument, parameter)) {
        return false;
      }
    }
    return true;
  }

  /** Whether an argument of one kind is passed to a parameter of the other (both known). */
  static boolean converts(char argument, char parameter) {
    if (argument == 't' || parameter == 't') {
      return argument == parameter;
    }
    char from = Character.toLowerCase(argument);
    char to = Character.toLowerCase(parameter);
    if (Character.isUpperCase(parameter)) {
      return from == to; // boxing gives the argument's own box, never another
    }
    return from == to || WIDER.getOrDefault(from, "").indexOf(to) >= 0; // a box unboxes, then widens
  }

  /** JLS 5.1.2: the primitive types each primitive widens to. */
  private static final Map<Character, String> WIDER = Map.of(
      'y', "sifld", 's', "ifld", 'c', "ifld", 'i', "fld", 'l', "fd", 'f', "d");

  private static final Map<String, Character> TYPE_KINDS = Map.ofEntries(
      Map.entry("String", 't'), Map.entry("java.lang.String", 't'),
      Map.entry("boolean", 'b'), Map.entry("byte", 'y'), Map.entry("short", 's'), Map.entry("char", 'c'),
      Map.entry("int", 'i'), Map.entry("long", 'l'), Map.entry("float", 'f'), Map.entry("double", 'd'),
      Map.entry("Boolean", 'B'), Map.entry("Byte", 'Y'), Map.entry("Short", 'S'), Map.entry("Character", 'C'),
      Map.entry("Integer", 'I'), Map.entry("Long", 'L'), Map.entry("Float", 'F'), Map.entry("Double", 'D'),
      Map.entry("java.lang.Boolean", 'B'), Map.entry("java.lang.Byte", 'Y'), Map.entry("java.lang.Short", 'S'),
      Map.entry("java.lang.Character", 'C'), Map.entry("java.lang.Integer", 'I'), Map.entry("java.lang.Long", 'L'),
      Map.entry("java.lang.Float", 'F'), Map.entry("java.lang.Double", 'D'));

  private static char kindOf(String type) {
    return type == null ? '?' : TYPE_KINDS.getOrDefault(type.strip(), '?');
  }

  private static char kindOf(Type type) {
    if (type instanceof PrimitiveType primitive) {
      return kindOf(primitive.asString());
    }
    if (type instanceof ClassOrInterfaceType written && written.getTypeArguments().isEmpty()) {
      return kindOf(written.asString());
    }
    return '?';
  }

  private static char kind(Expression expression, MethodCallExpr call, Function<String, Node> declaredOnce) {
    if (expression instanceof EnclosedExpr enclosed) {
      return kind(enclosed.getInner(), call, declaredOnce);
    }
    if (expression instanceof StringLiteralExpr || expression instanceof TextBlockLiteralExpr) {
      return 't';
    }
    if (expression instanceof IntegerLiteralExpr) {
      return 'i';
    }
    if (expression instanceof LongLiteralExpr) {
      return 'l';
    }
    if (expression instanceof DoubleLiteralExpr literal) {
      String text = literal.getValue();
      return text.endsWith("f") || text.endsWith("F") ? 'f' : 'd';
    }
    if (expression instanceof BooleanLiteralExpr) {
      return 'b';
    }
    if (expression instanceof CharLiteralExpr) {
      return 'c';
    }
    if (expression instanceof CastExpr cast) {
      return kindOf(cast.getType());
    }
    if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS
        && (kind(binary.getLeft(), call, declaredOnce) == 't' || kind(binary.getRight(), call, declaredOnce) == 't')) {
      return 't'; // "%" + text + "%"
    }
    if (expression instanceof NameExpr name) {
      Node declaration = declaredOnce.apply(name.getNameAsString());
      Type declared = declaration == null ? null : inScope(declaration, call);
      return declared == null ? '?' : kindOf(declared);
    }
    return '?';
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
