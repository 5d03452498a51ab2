package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The text a static query builder returns ({@code QueryGeneratorUtil.courseQueryGenerator(search, unitCount)} in
 * trial 46's planning-api): its one {@code return}'s expression, read through the method's locals that are never
 * assigned again. Every part a run may build counts: a clause a {@code ?:} adds or not ({@code (search ? "where " :
 * "")}), the whole of what a {@code substring}, {@code trim} or case change cuts down, so the text names every table
 * any run reads; the parameters' values are unknown parts ({@code {}}). Empty for anything else: a method of several returns,
 * a return inside a lambda or an inner class, an overridable method, a choice of two texts (an update or a select),
 * a clause glued to a word ({@code "days" + (archived ? "_archive" : "")}: hostile review 49).
 */
final class ReturnedTexts {
  /** Locals read through locals: a bound on the hops, not on the expression's size. */
  private static final int MAX_HOPS = 12;
  private static final int MAX_LENGTH = 20_000;
  /** String methods whose answer is part of their receiver's text, or all of it. */
  private static final Set<String> PARTS_OF_RECEIVER = Set.of("substring", "trim", "strip", "stripLeading",
      "stripTrailing", "toLowerCase", "toUpperCase", "intern");

  private final ConstantStrings strings;

  ReturnedTexts(ConstantStrings strings) {
    this.strings = strings;
  }

  /** The text the static method returns, when it is one return of a String read as above. */
  Optional<String> of(MethodDeclaration method) {
    if (!method.isStatic() || !isString(method.getType().asString()) || method.getBody().isEmpty()) {
      return Optional.empty();
    }
    BlockStmt body = method.getBody().get();
    List<ReturnStmt> returns = body.findAll(ReturnStmt.class).stream().filter(r -> ownedBy(r, method)).toList();
    if (returns.size() != 1 || returns.get(0).getExpression().isEmpty()) {
      return Optional.empty();
    }
    Map<String, Expression> locals = finalLocals(method, body);
    String text = text(returns.get(0).getExpression().get(), locals, 0);
    text = text == null ? null : withClausesBetweenBlanks(text);
    return text == null || text.length() > MAX_LENGTH ? Optional.empty() : Optional.of(text);
  }

  private String text(Expression expression, Map<String, Expression> locals, int hops) {
    if (hops > MAX_HOPS) {
      return null;
    }
    if (expression instanceof EnclosedExpr enclosed) {
      return text(enclosed.getInner(), locals, hops);
    }
    if (expression instanceof NameExpr name) {
      Expression initial = locals.get(name.getNameAsString());
      return initial != null ? text(initial, locals, hops + 1)
          : locals.containsKey(name.getNameAsString()) ? null : strings.text(name);
    }
    if (expression instanceof ConditionalExpr choice) {
      // (last == -1 ? query : query.substring(0, last)): one text, cut or not
      String cut = sameText(choice.getThenExpr(), choice.getElseExpr());
      if (cut != null) {
        return text(choice.getThenExpr() instanceof NameExpr ? choice.getThenExpr() : choice.getElseExpr(), locals, hops);
      }
      String then = text(choice.getThenExpr(), locals, hops);
      String otherwise = text(choice.getElseExpr(), locals, hops);
      if (then == null || otherwise == null) {
        return null;
      }
      if (then.equals(otherwise)) {
        return then;
      }
      // (search ? "where title like :search " : ""): a clause some runs add, kept whole between marks whose
      // neighbours must be blanks (hostile review 49's S1: "days" + (archived ? "_archive" : "") names another table)
      // and any other choice of two texts, an update or a select (S2), is no one text
      String clause = otherwise.isEmpty() ? then : then.isEmpty() ? otherwise : null;
      return clause == null ? null : OPEN + clause + CLOSE;
    }
    if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
      String left = text(binary.getLeft(), locals, hops);
      String right = text(binary.getRight(), locals, hops);
      if (left != null && left.length() > MAX_LENGTH || right != null && right.length() > MAX_LENGTH) {
        return null;
      }
      return left == null && right == null ? null : orUnknown(left) + orUnknown(right);
    }
    if (expression instanceof MethodCallExpr call && PARTS_OF_RECEIVER.contains(call.getNameAsString())
        && call.getScope().isPresent()) {
      return text(call.getScope().get(), locals, hops);
    }
    return strings.text(expression);
  }

  private static final char OPEN = '\u0001';
  private static final char CLOSE = '\u0002';

  /** The name both sides read when one is the local itself and the other a cut of it; null otherwise. */
  private static String sameText(Expression one, Expression other) {
    String a = cutOf(one);
    String b = cutOf(other);
    return a != null && a.equals(b) && (one instanceof NameExpr || other instanceof NameExpr) ? a : null;
  }

  private static String cutOf(Expression expression) {
    Expression at = expression;
    while (at instanceof EnclosedExpr enclosed) {
      at = enclosed.getInner();
    }
    if (at instanceof MethodCallExpr call && PARTS_OF_RECEIVER.contains(call.getNameAsString())
        && call.getScope().orElse(null) instanceof NameExpr name) {
      return name.getNameAsString();
    }
    return at instanceof NameExpr name ? name.getNameAsString() : null;
  }

  /**
   * The text with its optional clauses kept, when each stands between blanks (or at an end) on both sides, so that
   * keeping it adds words and changes none; null when one does not.
   */
  private static String withClausesBetweenBlanks(String text) {
    StringBuilder plain = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == OPEN || c == CLOSE) {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        char after = i + 1 == text.length() ? ' ' : text.charAt(i + 1);
        boolean blank = Character.isWhitespace(before) || Character.isWhitespace(after)
            || before == OPEN || before == CLOSE || after == OPEN || after == CLOSE;
        if (!blank) {
          return null;
        }
        continue;
      }
      plain.append(c);
    }
    return plain.toString();
  }

  private static String orUnknown(String text) {
    return text == null ? "{}" : text;
  }

  /**
   * The method's locals by name, each with its initializer when it is declared once and never assigned again, or
   * with null (a value, not text) otherwise; the parameters are values too.
   */
  private static Map<String, Expression> finalLocals(MethodDeclaration method, BlockStmt body) {
    Map<String, Expression> locals = new HashMap<>();
    for (Parameter parameter : method.getParameters()) {
      locals.put(parameter.getNameAsString(), null);
    }
    for (VariableDeclarator variable : body.findAll(VariableDeclarator.class)) {
      String name = variable.getNameAsString();
      locals.put(name, locals.containsKey(name) ? null : variable.getInitializer().orElse(null));
    }
    for (AssignExpr assigned : body.findAll(AssignExpr.class)) {
      if (assigned.getTarget() instanceof NameExpr target) {
        locals.put(target.getNameAsString(), null);
      }
    }
    return locals;
  }

  /** Whether the return is the method's own, not a lambda's or an inner class's. */
  private static boolean ownedBy(ReturnStmt statement, MethodDeclaration method) {
    Node at = statement.getParentNode().orElse(null);
    while (at != null && at != method) {
      if (at instanceof LambdaExpr || at instanceof ObjectCreationExpr || at instanceof CallableDeclaration<?>) {
        return false;
      }
      at = at.getParentNode().orElse(null);
    }
    return at == method;
  }

  private static boolean isString(String type) {
    return type.equals("String") || type.equals("java.lang.String");
  }
}
