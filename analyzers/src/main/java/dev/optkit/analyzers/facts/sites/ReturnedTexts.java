package dev.optkit.analyzers.facts.sites;

import dev.optkit.analyzers.facts.Subtrees;

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
 * assigned again, the parameters' values as unknown parts ({@code {}}). A clause a {@code ?:} adds or not ({@code
 * (search ? "where " : "")}) must stand between blanks, and the text is given with every clause and without any, as
 * two statements, so that the tables of both count (a clause may make its neighbour an alias: hostile review 50's
 * T2); {@code trim}, {@code strip} and case changes keep their receiver's words; a {@code substring(0, i)} counts
 * only beside its uncut text in a {@code ?:}, cut where a literal {@code indexOf} finds starts words (T1). Empty for
 * anything else: a method of several returns, a return inside a lambda or an inner class, an overridable method, a
 * choice of two texts (an update or a select), a clause glued to a word ({@code "days" + (archived ? "_archive" :
 * "")}: hostile review 49).
 */
public final class ReturnedTexts {
  /** Locals read through locals: a bound on the hops, not on the expression's size. */
  private static final int MAX_HOPS = 12;
  private static final int MAX_LENGTH = 20_000;
  /** String methods whose answer is their receiver's words (a substring may cut one: only in a ?: at a word). */
  private static final Set<String> PARTS_OF_RECEIVER = Set.of("trim", "strip", "stripLeading",
      "stripTrailing", "toLowerCase", "toUpperCase", "intern");

  private final ConstantStrings strings;

  public ReturnedTexts(ConstantStrings strings) {
    this.strings = strings;
  }

  /** The text the static method returns, when it is one return of a String read as above. */
  public Optional<String> of(MethodDeclaration method) {
    if (!method.isStatic() || !isString(method.getType().asString()) || method.getBody().isEmpty()) {
      return Optional.empty();
    }
    BlockStmt body = method.getBody().get();
    List<ReturnStmt> returns = Subtrees.all(body, ReturnStmt.class).stream().filter(r -> ownedBy(r, method)).toList();
    if (returns.size() != 1 || returns.get(0).getExpression().isEmpty()) {
      return Optional.empty();
    }
    Map<String, Expression> locals = finalLocals(method, body);
    String marked = text(returns.get(0).getExpression().get(), locals, 0);
    if (marked == null || withClausesBetweenBlanks(marked) == null) {
      return Optional.empty();
    }
    // with its clauses and without them, as two statements: a clause may make its neighbour an alias
    // ("from " + (archived ? "days_archive " : "") + "days": hostile review 50's T2), and the tables of both count
    String all = plainText(marked);
    String none = withoutClauses(marked);
    String text = all.equals(none) ? all : all.strip() + ";\n" + none.strip();
    return text.length() > MAX_LENGTH ? Optional.empty() : Optional.of(text);
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
      // (last == -1 ? query : query.substring(0, last)) with last = query.lastIndexOf("and "): one text, cut or not,
      // when every place it may be cut is a word's start (hostile review 50's T1: a cut at "_" renamed a table)
      String cut = cutAtWord(choice.getThenExpr(), choice.getElseExpr(), locals);
      if (cut != null) {
        String whole = text(new NameExpr(cut), locals, hops);
        String marker = cutMarker(choice.getThenExpr(), choice.getElseExpr(), locals);
        return whole == null || marker == null || !startsWordsOnly(plainText(whole), marker) ? null : whole;
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

  /** The local both sides read when one is the local itself and the other its {@code substring(0, i)}; else null. */
  private static String cutAtWord(Expression one, Expression other, Map<String, Expression> locals) {
    Expression a = unwrapped(one);
    Expression b = unwrapped(other);
    Expression local = a instanceof NameExpr ? a : b;
    Expression cut = local == a ? b : a;
    if (!(local instanceof NameExpr name) || !(cut instanceof MethodCallExpr call)
        || !call.getNameAsString().equals("substring") || call.getArguments().size() != 2
        || !(call.getScope().orElse(null) instanceof NameExpr scope) || !scope.getNameAsString().equals(name.getNameAsString())
        || !call.getArgument(0).toString().equals("0")) {
      return null;
    }
    return name.getNameAsString();
  }

  /** The literal the cut's end is found by ({@code query.lastIndexOf("and ")}, directly or through a final local). */
  private static String cutMarker(Expression one, Expression other, Map<String, Expression> locals) {
    Expression cut = unwrapped(one) instanceof MethodCallExpr ? unwrapped(one) : unwrapped(other);
    Expression end = ((MethodCallExpr) cut).getArgument(1);
    if (end instanceof NameExpr index && locals.get(index.getNameAsString()) != null) {
      end = locals.get(index.getNameAsString());
    }
    if (end instanceof MethodCallExpr find && (find.getNameAsString().equals("lastIndexOf")
        || find.getNameAsString().equals("indexOf")) && find.getArguments().size() == 1
        && find.getArgument(0) instanceof com.github.javaparser.ast.expr.StringLiteralExpr literal
        && !literal.asString().isEmpty()) {
      return literal.asString();
    }
    return null;
  }

  /** Whether every place the marker stands in the text starts a word: after a blank, or at the start. */
  private static boolean startsWordsOnly(String text, String marker) {
    if (Character.isWhitespace(marker.charAt(0))) {
      return true;
    }
    for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      if (at > 0 && !Character.isWhitespace(text.charAt(at - 1))) {
        return false;
      }
    }
    return true;
  }

  private static Expression unwrapped(Expression expression) {
    Expression at = expression;
    while (at instanceof EnclosedExpr enclosed) {
      at = enclosed.getInner();
    }
    return at;
  }

  /** The text without the marks of optional clauses, every clause kept. */
  private static String plainText(String text) {
    return text.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
  }

  /** The text with every optional clause left out (nested ones with their clause). */
  private static String withoutClauses(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == OPEN) {
        depth++;
      } else if (c == CLOSE) {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
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
    for (VariableDeclarator variable : Subtrees.all(body, VariableDeclarator.class)) {
      String name = variable.getNameAsString();
      locals.put(name, locals.containsKey(name) ? null : variable.getInitializer().orElse(null));
    }
    for (AssignExpr assigned : Subtrees.all(body, AssignExpr.class)) {
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
