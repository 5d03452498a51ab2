package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes of one method body that the extraction and the result-mutation analysis ask about,
 * gathered in one walk: each kind in
 * the order {@code findAll} gives (pre-order). Every question used to walk the body again, and
 * those walks were a tenth of a worker's time. "Own" nodes belong to this method, not to a class
 * declared inside it: local classes are analysed as methods of their own, while an anonymous
 * class's body is the method's own.
 */
public final class BodyNodes {
  public final List<AssignExpr> assignments = new ArrayList<>();
  public final List<VariableDeclarator> variables = new ArrayList<>();
  public final List<Parameter> parameters = new ArrayList<>();
  /** Loop statements and every method call (a stream pipeline may be a loop), in walk order. */
  public final List<Node> loopCandidates = new ArrayList<>();
  public final List<MethodCallExpr> calls = new ArrayList<>();
  public final List<MethodCallExpr> ownCalls = new ArrayList<>();
  public final List<MethodReferenceExpr> ownReferences = new ArrayList<>();
  /** Own plain names and field accesses: what may read a field. */
  public final List<Node> ownReads = new ArrayList<>();
  public final List<ObjectCreationExpr> creations = new ArrayList<>();
  public final List<TypePatternExpr> typePatterns = new ArrayList<>();
  public final List<IfStmt> ifs = new ArrayList<>();
  public final List<UnaryExpr> unaries = new ArrayList<>();
  public final List<ReturnStmt> returns = new ArrayList<>();

  private BodyNodes() {
  }

  public static BodyNodes of(Node body) {
    return of(body, node -> {});
  }

  /** @param alsoVisit told of every node of the body too, in the same order */
  public static BodyNodes of(Node body, java.util.function.Consumer<Node> alsoVisit) {
    BodyNodes found = new BodyNodes();
    PreOrder.walkMarkingOwn(body, (node, own) -> {
      alsoVisit.accept(node);
      found.note(node, own);
    });
    return found;
  }

  private void note(Node node, boolean owned) {
    if (node instanceof MethodCallExpr call) {
      loopCandidates.add(call);
      calls.add(call);
      if (owned) {
        ownCalls.add(call);
      }
    } else if (node instanceof NameExpr || node instanceof FieldAccessExpr) {
      if (owned) {
        ownReads.add(node);
      }
    } else if (node instanceof AssignExpr assign) {
      assignments.add(assign);
    } else if (node instanceof VariableDeclarator variable) {
      variables.add(variable);
    } else if (node instanceof Parameter parameter) {
      parameters.add(parameter);
    } else if (node instanceof ForStmt || node instanceof ForEachStmt || node instanceof WhileStmt
        || node instanceof DoStmt) {
      loopCandidates.add(node);
    } else if (node instanceof MethodReferenceExpr reference) {
      if (owned) {
        ownReferences.add(reference);
      }
    } else if (node instanceof ObjectCreationExpr creation) {
      creations.add(creation);
    } else if (node instanceof TypePatternExpr pattern) {
      typePatterns.add(pattern);
    } else if (node instanceof IfStmt guard) {
      ifs.add(guard);
    } else if (node instanceof UnaryExpr unary) {
      unaries.add(unary);
    } else if (node instanceof ReturnStmt returned) {
      returns.add(returned);
    }
  }
}
