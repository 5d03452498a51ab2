package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import dev.optkit.analyzers.facts.FailureAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catch blocks of a method's own body (not those of a lambda or a class declared inside it, which answer for
 * something else) after which the method answers something other than what failed: a catch that returns a value, or
 * one that goes on (logs, and the method returns what follows its try), unless the try is in a loop, which may try
 * again.
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
      boolean returns = false;
      for (ReturnStmt ret : clause.getBody().findAll(ReturnStmt.class)) {
        if (ret.getExpression().isPresent() && owner(ret) == callable
            && ret.findAncestor(CatchClause.class).filter(nearest -> nearest == clause).isPresent()) {
          answers.add(new FailureAnswer(caught, ret.getBegin().map(p -> p.line).orElse(0),
              shown(ret.getExpression().get().toString())));
          returns = true;
          break;
        }
      }
      if (!returns && goesOn(clause) && !inLoop(clause, callable)) {
        answers.add(new FailureAnswer(caught, clause.getBegin().map(p -> p.line).orElse(0), followingAnswer(clause)));
      }
    }
    return List.copyOf(answers);
  }

  /** Whether the catch block may end without throwing or returning: the method goes on after its try. */
  private static boolean goesOn(CatchClause clause) {
    NodeList<Statement> statements = clause.getBody().getStatements();
    if (statements.isEmpty()) {
      return true;
    }
    Statement last = statements.getLast().orElseThrow();
    return !(last instanceof ThrowStmt || last instanceof ReturnStmt);
  }

  /** Whether the try runs in a loop of the method's own code, which may try again after the catch. */
  private static boolean inLoop(CatchClause clause, CallableDeclaration<?> callable) {
    for (Node at = clause.getParentNode().orElse(null); at != null && at != callable; at = at.getParentNode().orElse(null)) {
      if (at instanceof ForStmt || at instanceof ForEachStmt || at instanceof WhileStmt || at instanceof DoStmt) {
        return true;
      }
      if (at instanceof LambdaExpr || at instanceof TypeDeclaration<?>) {
        return false;
      }
    }
    return false;
  }

  /** The value the first return after the catch's try gives, as written, or what the words say of it. */
  private static String followingAnswer(CatchClause clause) {
    Optional<TryStmt> attempt = clause.findAncestor(TryStmt.class);
    Optional<Node> block = attempt.flatMap(Node::getParentNode);
    if (attempt.isPresent() && block.isPresent() && block.get() instanceof BlockStmt statements) {
      int at = statements.getStatements().indexOf(attempt.get());
      for (int i = at + 1; i < statements.getStatements().size(); i++) {
        if (statements.getStatement(i) instanceof ReturnStmt ret && ret.getExpression().isPresent()) {
          return shown(ret.getExpression().get().toString());
        }
      }
    }
    return "what follows its try";
  }

  private static String shown(String expression) {
    return expression.length() > MAX_SHOWN ? expression.substring(0, MAX_SHOWN - 3) + "..." : expression;
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
