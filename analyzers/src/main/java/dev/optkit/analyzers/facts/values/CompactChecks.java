package dev.optkit.analyzers.facts.values;

import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import java.util.Set;

/**
 * A record's compact constructor that only checks what it is given, or keeps an unmodifiable copy of it
 * ({@code BoxId { Objects.requireNonNull(value, "id"); }}, {@code if (name.isBlank()) throw new
 * IllegalArgumentException("name");}, {@code tags = List.copyOf(tags);}): no code of the record's runs on the values it
 * keeps beyond reading them (trial 81's F1: a value object's null check made every record holding a loaded row's id
 * "a component its own code may change"). Anything else, a project method's call included, is code that may.
 */
public final class CompactChecks {
  /** Precondition helpers that read their arguments and throw, by their class's simple name. */
  private static final Set<String> CHECKERS = Set.of("Objects", "Assert", "Preconditions", "Validate");
  private static final Set<String> CHECKS = Set.of("requireNonNull", "notNull", "hasText", "hasLength", "isTrue",
      "state", "notEmpty", "checkNotNull", "checkArgument", "checkState", "notBlank", "noNullElements");
  /** What a condition may ask of a component without running its code: JDK reads of strings and collections. */
  private static final Set<String> READS = Set.of("isBlank", "isEmpty", "length", "size", "isNaN");
  private static final Set<String> JDK_EXCEPTIONS = Set.of("IllegalArgumentException", "IllegalStateException",
      "NullPointerException", "IndexOutOfBoundsException", "UnsupportedOperationException");
  private static final Set<String> COPIES = Set.of("List", "Set", "Map");

  private CompactChecks() {}

  public static boolean onlyChecks(CompactConstructorDeclaration compact) {
    return compact.getBody().getStatements().stream().allMatch(CompactChecks::check);
  }

  private static boolean check(Statement statement) {
    if (statement instanceof ExpressionStmt expression) {
      Expression done = expression.getExpression();
      if (done instanceof MethodCallExpr call) {
        return checkCall(call);
      }
      // tags = List.copyOf(tags): an unmodifiable copy kept instead of what was given
      return done instanceof AssignExpr assign && assign.getOperator() == AssignExpr.Operator.ASSIGN
          && assign.getTarget() instanceof NameExpr && assign.getValue() instanceof MethodCallExpr copy
          && copy.getNameAsString().equals("copyOf") && copy.getScope().orElse(null) instanceof NameExpr type
          && COPIES.contains(type.getNameAsString()) && copy.getArguments().size() == 1
          && copy.getArgument(0) instanceof NameExpr;
    }
    if (statement instanceof IfStmt choice) {
      return plain(choice.getCondition()) && throwsJdkException(choice.getThenStmt())
          && choice.getElseStmt().map(CompactChecks::check).orElse(true);
    }
    return statement instanceof BlockStmt block && block.getStatements().stream().allMatch(CompactChecks::check);
  }

  private static boolean checkCall(MethodCallExpr call) {
    return CHECKS.contains(call.getNameAsString()) && call.getScope().orElse(null) instanceof NameExpr checker
        && CHECKERS.contains(checker.getNameAsString()) && call.getArguments().stream().allMatch(CompactChecks::plain);
  }

  private static boolean throwsJdkException(Statement statement) {
    Statement only = statement instanceof BlockStmt block && block.getStatements().size() == 1
        ? block.getStatement(0) : statement;
    return only instanceof ThrowStmt thrown && thrown.getExpression() instanceof ObjectCreationExpr made
        && made.getAnonymousClassBody().isEmpty() && JDK_EXCEPTIONS.contains(made.getType().getNameAsString())
        && made.getArguments().stream().allMatch(CompactChecks::plain);
  }

  /** Names, literals and operators on them, and JDK reads of a name ({@code name.isBlank()}): no code runs. */
  private static boolean plain(Expression expression) {
    if (expression instanceof NameExpr || expression instanceof LiteralExpr) {
      return true;
    }
    if (expression instanceof EnclosedExpr enclosed) {
      return plain(enclosed.getInner());
    }
    if (expression instanceof UnaryExpr unary) {
      return plain(unary.getExpression());
    }
    if (expression instanceof BinaryExpr binary) {
      return plain(binary.getLeft()) && plain(binary.getRight());
    }
    return expression instanceof MethodCallExpr call && READS.contains(call.getNameAsString())
        && call.getArguments().isEmpty() && call.getScope().orElse(null) instanceof NameExpr;
  }
}
