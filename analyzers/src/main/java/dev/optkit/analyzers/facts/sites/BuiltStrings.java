package dev.optkit.analyzers.facts.sites;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Text assembled in a {@code StringBuilder} (or {@code StringBuffer}) local and read with {@code
 * toString()}: {@code sb = new StringBuilder("SELECT name FROM people"); if (x) sb.append(" WHERE
 * x = ?"); jdbc.query(sb.toString(), ...)}. The parts are taken in source order, each append a
 * literal or constant where it is one, a {@code ?} where it is a value; appends on branches all
 * count, so the text is the union of what the branches may build, which names every table any of
 * them reads.
 */
final class BuiltStrings {
  private static final Set<String> BUILDERS = Set.of("StringBuilder", "StringBuffer", "java.lang.StringBuilder",
      "java.lang.StringBuffer");

  private BuiltStrings() {}

  /**
   * @param toString a {@code sb.toString()} call
   * @param text the literal or constant text of an expression, or null when it is a value
   * @return the assembled text, or null when the receiver is no local builder or nothing in it is text
   */
  static String of(MethodCallExpr toString, Function<Expression, String> text) {
    if (!toString.getNameAsString().equals("toString") || !toString.getArguments().isEmpty()
        || !(toString.getScope().orElse(null) instanceof NameExpr builder)) {
      return null;
    }
    Node body = enclosingBody(toString);
    if (body == null) {
      return null;
    }
    String name = builder.getNameAsString();
    VariableDeclarator declared = Subtrees.all(body, VariableDeclarator.class).stream()
        .filter(v -> v.getNameAsString().equals(name) && v.getInitializer().orElse(null) instanceof ObjectCreationExpr
            creation && BUILDERS.contains(creation.getType().getNameWithScope()))
        .findFirst().orElse(null);
    if (declared == null) {
      return null;
    }
    List<Expression> parts = new ArrayList<>();
    ObjectCreationExpr creation = (ObjectCreationExpr) declared.getInitializer().orElseThrow();
    if (creation.getArguments().size() == 1 && text.apply(creation.getArgument(0)) != null) {
      parts.add(creation.getArgument(0)); // new StringBuilder("SELECT ..."), not a capacity
    }
    for (MethodCallExpr append : Subtrees.all(body, MethodCallExpr.class)) {
      if (append.getNameAsString().equals("append") && append.getArguments().size() == 1 && rootedAt(append, name)
          && before(append.getArgument(0), toString)) {
        parts.add(append.getArgument(0));
      }
    }
    parts.sort(Comparator.comparing(p -> p.getBegin().orElseThrow()));
    StringBuilder assembled = new StringBuilder();
    boolean anyText = false;
    for (Expression part : parts) {
      String literal = text.apply(part);
      anyText |= literal != null;
      assembled.append(literal != null ? literal : "?");
    }
    return anyText ? assembled.toString() : null;
  }

  /** {@code sb.append(a)} or {@code sb.append(a).append(b)}: a chain that starts at the builder. */
  private static boolean rootedAt(MethodCallExpr call, String builder) {
    Expression at = call.getScope().orElse(null);
    while (at instanceof MethodCallExpr inner && inner.getNameAsString().equals("append")) {
      at = inner.getScope().orElse(null);
    }
    return at instanceof NameExpr root && root.getNameAsString().equals(builder);
  }

  private static boolean before(Node part, Node use) {
    return part.getBegin().isPresent() && use.getBegin().isPresent() && part.getBegin().get().isBefore(use.getBegin().get());
  }

  private static Node enclosingBody(Node node) {
    for (Node at = node.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof CallableDeclaration<?> || at instanceof LambdaExpr) {
        return at;
      }
    }
    return null;
  }
}
