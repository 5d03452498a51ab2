package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where the object a call is made on, or passed to a call, or returned, comes from: the facts the
 * planner needs to tell state shared between requests (fields of this object and of the beans it
 * holds, statics) from objects made or loaded for the call (rows a query mapped, a DTO it built).
 *
 * <p>A value's roots are tokens joined by {@code |}, any of which it may come from:
 * <ul>
 *   <li>{@code this}: this object, a field of it or a part of that;</li>
 *   <li>{@code p<i>}: the method's parameter {@code i} or a part of it;</li>
 *   <li>{@code c<line>:<column>:<name>@<receiver>}: what that call returned, or a part of
 *       it, and the roots of the object it was called on, comma-joined;</li>
 *   <li>{@code new}: an object created here (whose constructor arguments are roots too), a literal,
 *       a value computed here;</li>
 *   <li>{@code static}: a call on a type (no receiver);</li>
 *   <li>{@code ?}: anything else (a static field, a method reference's result): counted as shared.</li>
 * </ul>
 * Syntax and the body's value flow only; the planner resolves calls and parameters across methods.
 */
final class ValueRoots {
  static final ValueRoots NONE = new ValueRoots(e -> Set.of(), (line, column, name) -> null, name -> false, List.of(),
      List.of());
  private static final int MAX_DEPTH = 4;

  private final Function<Expression, Set<String>> originTokens;
  private final CallAt callAt;

  /** Finds a call of the body by where it begins and its name. */
  interface CallAt {
    MethodCallExpr find(int line, int column, String name);
  }
  private final Predicate<String> isLocal;
  private final List<VariableDeclarator> declarators;
  private final List<AssignExpr> assignments;

  ValueRoots(Function<Expression, Set<String>> originTokens,
      CallAt callAt, Predicate<String> isLocal,
      List<VariableDeclarator> declarators, List<AssignExpr> assignments) {
    this.originTokens = originTokens;
    this.callAt = callAt;
    this.isLocal = isLocal;
    this.declarators = declarators;
    this.assignments = assignments;
  }

  /** The receiver's roots: {@code this} for an unqualified call. */
  String ofReceiver(Expression scope) {
    return scope == null ? "this" : of(scope);
  }

  /** The roots of what the call at a position returned ({@code c12:5@this}), or "?" when no call is there. */
  String ofCallAt(int line, int column, String name) {
    Set<String> tokens = new TreeSet<>();
    tokens.add(line == 0 ? "?" : withReceiver("c" + line + ":" + column + ":" + name, 0));
    return String.join("|", tokens);
  }

  String of(Expression expression) {
    Set<String> tokens = new TreeSet<>();
    collect(expression, tokens, 0);
    return String.join("|", tokens);
  }

  private void collect(Expression expression, Set<String> tokens, int depth) {
    Expression value = unwrap(expression);
    if (depth > MAX_DEPTH) {
      tokens.add("?");
    } else if (value instanceof LiteralExpr || value instanceof BinaryExpr || value instanceof ClassExpr
        || value instanceof UnaryExpr) {
      tokens.add("new"); // a literal or a value computed here: no project object's fields
    } else if (value instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()) {
      tokens.add("new"); // new Box(registry): the new object holds what its constructor got
      creation.getArguments().forEach(argument -> collect(argument, tokens, depth + 1));
    } else if (value instanceof ThisExpr || value instanceof SuperExpr) {
      tokens.add("this");
    } else if (typeName(value)) {
      tokens.add("static");
    } else {
      Set<String> origins = originTokens.apply(value);
      if (!origins.isEmpty()) {
        for (String origin : origins) {
          tokens.add(origin.startsWith("c") ? withReceiver(origin, depth) : origin);
        }
      } else if (value instanceof NameExpr name && isLocal.test(name.getNameAsString())) {
        List<Expression> assigned = assignedTo(name.getNameAsString());
        if (assigned.isEmpty()) {
          tokens.add("?");
        }
        for (Expression each : assigned) {
          Expression bare = unwrap(each);
          if (bare instanceof ObjectCreationExpr || bare instanceof LiteralExpr || bare instanceof BinaryExpr) {
            collect(bare, tokens, depth + 1); // Vet vet = new Vet(): made here
          } else {
            tokens.add("?");
          }
        }
      } else {
        tokens.add("?");
      }
    }
  }

  /**
   * {@code c12:5:get@this}: a call's token with its receiver's roots, comma-joined, which decide whether
   * a library call's result is shared ({@code map.get(k)} on a field is; {@code List.of(x)} is not).
   */
  private String withReceiver(String call, int depth) {
    String[] position = call.substring(1).split(":");
    MethodCallExpr found = callAt.find(Integer.parseInt(position[0]), Integer.parseInt(position[1]), position[2]);
    if (found == null) {
      return call + "@?";
    }
    if (!partRead(found)) {
      return call + "@new"; // connection.prepareStatement(sql), client.newCall(r): a library factory makes it
    }
    Set<String> receiver = new TreeSet<>();
    collect(found.getScope().orElseGet(ThisExpr::new), receiver, depth + 1);
    return call + "@" + String.join(",", receiver);
  }

  /** Library reads that hand out a part of their receiver: an element, a view, an accessor's value. */
  private static final Set<String> PART_READS = Set.of("get", "getOrDefault", "values", "keySet", "entrySet",
      "iterator", "listIterator", "subList", "getFirst", "getLast", "peek", "peekFirst", "peekLast", "element",
      "first", "last", "floor", "ceiling", "higher", "lower", "headSet", "tailSet", "headMap", "tailMap",
      "subSet", "subMap", "firstEntry", "lastEntry", "computeIfAbsent", "orElse", "orElseGet", "orElseThrow",
      "join", "getNow", "getValue", "getKey", "stream", "toArray", "asMap", "getIfPresent", "getAll");

  private static boolean partRead(MethodCallExpr call) {
    String name = call.getNameAsString();
    return PART_READS.contains(name) || call.getArguments().isEmpty()
        && (name.matches("(get|is|as)[A-Z].*") || !name.matches("(new|create|build|copy|to)[A-Z]?.*"));
  }

  /** Every value the body gives a local: its initializers and plain assignments. */
  private List<Expression> assignedTo(String local) {
    List<Expression> values = new ArrayList<>();
    for (VariableDeclarator declarator : declarators) {
      if (declarator.getNameAsString().equals(local)) {
        declarator.getInitializer().ifPresent(values::add);
      }
    }
    for (AssignExpr assignment : assignments) {
      if (assignment.getTarget() instanceof NameExpr target && target.getNameAsString().equals(local)) {
        values.add(assignment.getOperator() == AssignExpr.Operator.ASSIGN ? assignment.getValue() : assignment);
      }
    }
    return values;
  }

  /** {@code Collections} in {@code Collections.sort(l)}, or {@code java.util.Collections}: no object at all. */
  private boolean typeName(Expression value) {
    if (value instanceof NameExpr name) {
      String text = name.getNameAsString();
      return Character.isUpperCase(text.charAt(0)) && !isLocal.test(text);
    }
    return value instanceof FieldAccessExpr access && Character.isUpperCase(access.getNameAsString().charAt(0))
        && access.getScope().toString().chars().allMatch(c -> Character.isLowerCase(c) || Character.isDigit(c)
            || c == '.' || c == '_');
  }

  private static Expression unwrap(Expression expression) {
    Expression current = expression;
    while (current instanceof EnclosedExpr || current instanceof CastExpr) {
      current = current instanceof EnclosedExpr enclosed ? enclosed.getInner() : ((CastExpr) current).getExpression();
    }
    return current;
  }
}
