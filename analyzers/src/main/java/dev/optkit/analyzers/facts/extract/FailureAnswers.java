package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import dev.optkit.analyzers.facts.FailureAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The catch blocks of a method's own body that return a value (not those of a lambda or a class declared inside it,
 * which answer for something else).
 */
final class FailureAnswers {
  private static final int MAX_SHOWN = 60;

  private FailureAnswers() {}

  static List<FailureAnswer> of(CallableDeclaration<?> callable, Function<ReferenceType, String> qualify) {
    List<FailureAnswer> answers = new ArrayList<>();
    for (CatchClause clause : callable.findAll(CatchClause.class)) {
      if (owner(clause) != callable) {
        continue;
      }
      List<String> caught = new ArrayList<>();
      Type type = clause.getParameter().getType();
      if (type instanceof UnionType union) {
        union.getElements().forEach(element -> caught.add(qualify.apply(element)));
      } else if (type instanceof ReferenceType reference) {
        caught.add(qualify.apply(reference));
      }
      for (ReturnStmt ret : clause.getBody().findAll(ReturnStmt.class)) {
        if (ret.getExpression().isPresent() && owner(ret) == callable
            && ret.findAncestor(CatchClause.class).filter(nearest -> nearest == clause).isPresent()) {
          String returned = ret.getExpression().get().toString();
          answers.add(new FailureAnswer(caught, ret.getBegin().map(p -> p.line).orElse(0),
              returned.length() > MAX_SHOWN ? returned.substring(0, MAX_SHOWN - 3) + "..." : returned));
          break;
        }
      }
    }
    return List.copyOf(answers);
  }

  /** The lambda, class or method whose code the node is part of. */
  private static Node owner(Node node) {
    Node at = node.getParentNode().orElse(null);
    while (at != null && !(at instanceof LambdaExpr || at instanceof CallableDeclaration<?>
        || at instanceof TypeDeclaration<?> || at instanceof ObjectCreationExpr creation
            && creation.getAnonymousClassBody().isPresent() && isInBody(node, creation))) {
      at = at.getParentNode().orElse(null);
    }
    return at;
  }

  private static boolean isInBody(Node node, ObjectCreationExpr creation) {
    return creation.getAnonymousClassBody().orElseThrow().stream().anyMatch(member -> member.isAncestorOf(node));
  }
}
