package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.optkit.analyzers.facts.loops.LoopShapes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Building a statement is not running it: a query a chain creates and keeps in a local
 * ({@code TypedQuery<Tag> q = em.createNamedQuery("byName", Tag.class)}) runs at the last later call on the local that
 * answers something else than the query ({@code q.getSingleResult()}); the calls answering the query itself
 * ({@code q.setParameter(...)}) only set it up, and a getter read before the run ({@code q.getMaxResults()}) is not it. Decided by the symbol solver's types, never by method names: where a
 * type cannot be resolved, or the local goes anywhere but a call's receiver (returned, handed on), there is no run
 * known here and the creation stays the site; handed to a method of the same object before the run (a helper setting
 * it up), the run stays the later call here.
 */
final class StoredQueries {
  private StoredQueries() {}

  /**
   * The call that runs the query the chain leaves in a local, when the method shows it.
   *
   * @param entry the client's call that makes the query ({@code createNamedQuery})
   * @param chain the outermost call of its chain, the local's initializer
   */
  static Optional<MethodCallExpr> runOf(MethodCallExpr entry, MethodCallExpr chain) {
    Node given = chain.getParentNode().orElse(null);
    VariableDeclarator declarator;
    if (given instanceof VariableDeclarator declared) {
      declarator = declared;
    } else if (given instanceof AssignExpr assign && assign.getOperator() == AssignExpr.Operator.ASSIGN
        && assign.getValue() == chain && assign.getTarget() instanceof NameExpr target
        && assign.getParentNode().orElse(null) instanceof ExpressionStmt) {
      // a local given the query later, in a branch or again after its first run (TypedQuery<T> q = null;
      // if (..) q = em.createNamedQuery(..); else q = ..; return q.getResultList(): a trial's JACQ DAOs)
      declarator = dev.optkit.analyzers.facts.values.NameScopes.declaratorAround(target.getNameAsString(), assign)
          .orElse(null);
      if (declarator == null) {
        return Optional.empty(); // a field or a parameter: where it runs is not told here
      }
    } else {
      return Optional.empty();
    }
    String local = declarator.getNameAsString();
    Optional<Node> body = declarator.findAncestor(com.github.javaparser.ast.stmt.BlockStmt.class).map(b -> (Node) b);
    if (body.isEmpty() || given.getEnd().isEmpty()) {
      return Optional.empty();
    }
    List<NameExpr> uses = new java.util.ArrayList<>(body.get().findAll(NameExpr.class, name ->
        name.getNameAsString().equals(local) && name.getBegin().isPresent()
            && name.getBegin().get().isAfter(given.getEnd().get()) && !exclusive(given, name)));
    uses.sort(Comparator.comparing(name -> name.getBegin().get()));
    for (int i = 0; i < uses.size(); i++) {
      NameExpr use = uses.get(i);
      if (use.getParentNode().orElse(null) instanceof AssignExpr again && again.getTarget() == use) {
        if (again.getOperator() == AssignExpr.Operator.ASSIGN && alwaysAfter(given, again)) {
          uses = uses.subList(0, i); // given anew on every path: the uses after it are of the new value
          break;
        }
        Optional<BlockStmt> leaving = again.findAncestor(BlockStmt.class).filter(block -> !LoopShapes.isInside(given, block)
            && !(block.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.TryStmt)
            && endsAbruptly(block.getStatements(), false));
        if (leaving.isEmpty()) {
          return Optional.empty(); // given again on some paths only: which value a later use holds is not told
        }
        // given again in a block that returns or throws: the uses in it are the new value's, those after it this one's
        List<NameExpr> kept = new java.util.ArrayList<>(uses.subList(0, i));
        uses.subList(i, uses.size()).stream().filter(later -> !LoopShapes.isInside(later, leaving.get())).forEach(kept::add);
        uses = kept;
        i--;
      }
    }
    if (uses.isEmpty()) {
      return Optional.empty();
    }
    String kept;
    try {
      kept = erasure(declarator.getType().resolve());
      // the query object itself, as its maker answers it and its setters hand it on: a chain that already ran
      // (List rows = em.createQuery(..).getResultList()) keeps its answer, not the query
      if (!erasure(entry.calculateResolvedType()).equals(kept) || !erasure(chain.calculateResolvedType()).equals(kept)) {
        return Optional.empty();
      }
      // a method answering its type parameter (<T> T find(Class<T>, Object)) answers the caller's own object, the
      // row it loaded: not a query the library made (a setter called on the loaded entity is no run of it)
      if (entry.resolve().getReturnType().isTypeVariable()) {
        return Optional.empty();
      }
    } catch (RuntimeException | StackOverflowError unresolved) {
      return Optional.empty();
    }
    MethodCallExpr run = null;
    NameExpr lastHandOff = null;
    for (NameExpr use : uses) {
      if (use.getParentNode().orElse(null) instanceof MethodCallExpr own && own.getArguments().contains(use)
          && (own.getScope().isEmpty() || own.getScope().get() instanceof com.github.javaparser.ast.expr.ThisExpr)) {
        // handed to a method of this object (addResultTransformer(type, query)) before a later call on the local runs
        // it: set up there, run here (a trial's HibernateCallback had each query reported at its making and its run)
        lastHandOff = use;
        continue;
      }
      if (!(use.getParentNode().orElse(null) instanceof MethodCallExpr call)
          || call.getScope().orElse(null) != use) {
        return Optional.empty(); // returned, handed on, reassigned: where it runs is not here
      }
      // q.setParameter("id", id).getResultList(): the setters answer the query on, the chain's first call answering
      // something else runs it (a trial's JPA DAOs had each such query reported at its making)
      MethodCallExpr link = call;
      String answered;
      try {
        answered = erasure(link.calculateResolvedType());
        while (answered.equals(kept) && link.getParentNode().orElse(null) instanceof MethodCallExpr outer
            && outer.getScope().orElse(null) == link) {
          link = outer;
          answered = erasure(link.calculateResolvedType());
        }
      } catch (RuntimeException | StackOverflowError unresolved) {
        return Optional.empty();
      }
      if (!answered.equals(kept)) {
        run = link; // the last: a getter read before (getMaxResults) is not the run the loop below makes
      }
    }
    if (run != null && lastHandOff != null && !lastHandOff.getBegin().get().isBefore(run.getBegin().get())) {
      return Optional.empty(); // handed over after its last run here: the method it went to may run it again
    }
    return Optional.ofNullable(run);
  }

  /**
   * Whether two nodes lie in the two branches of one {@code if} (or conditional): no path runs both, so a use in the
   * other branch never sees what this one gave.
   */
  static boolean exclusive(Node a, Node b) {
    for (Node child = a, parent = a.getParentNode().orElse(null); parent != null;
        child = parent, parent = parent.getParentNode().orElse(null)) {
      if (parent instanceof com.github.javaparser.ast.stmt.IfStmt branch && branch.getElseStmt().isPresent()) {
        Node other = child == branch.getThenStmt() ? branch.getElseStmt().get()
            : child == branch.getElseStmt().get() ? branch.getThenStmt() : null;
        if (other != null && LoopShapes.isInside(b, other)) {
          return true;
        }
      }
      if (child instanceof com.github.javaparser.ast.stmt.SwitchEntry entry && !LoopShapes.isInside(b, entry)
          && LoopShapes.isInside(b, parent) && endsAbruptly(entry.getStatements(), true)) {
        return true; // another case of the switch, which this one does not fall through to
      }
      if (child instanceof com.github.javaparser.ast.stmt.Statement && parent instanceof BlockStmt block
          && !(block.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.TryStmt)
          && !LoopShapes.isInside(b, block) && endsAbruptly(block.getStatements(), false)) {
        return true; // a block that returns or throws: nothing after it runs on this path
      }
    }
    return false;
  }

  /**
   * Whether a statement list ends by leaving: a return, a throw or a yield as its last statement; in a switch's case
   * ({@code breakLeaves}), a break as well. Also what a catch block that does not go on is ({@code FailureAnswers}).
   */
  static boolean endsAbruptly(java.util.List<com.github.javaparser.ast.stmt.Statement> statements, boolean breakLeaves) {
    if (statements.isEmpty()) {
      return false;
    }
    com.github.javaparser.ast.stmt.Statement last = statements.get(statements.size() - 1);
    return last instanceof com.github.javaparser.ast.stmt.ReturnStmt || last instanceof com.github.javaparser.ast.stmt.ThrowStmt
        || last instanceof com.github.javaparser.ast.stmt.YieldStmt
        || breakLeaves && last instanceof com.github.javaparser.ast.stmt.BreakStmt;
  }

  /**
   * Whether every path from one statement's node runs the later assignment: the assignment is a statement of a block
   * around the node (or of its own block), after the statement holding it, with no loop between the block and the node.
   */
  private static boolean alwaysAfter(Node given, AssignExpr later) {
    if (!(later.getParentNode().orElse(null) instanceof ExpressionStmt statement)
        || !(statement.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.BlockStmt block)) {
      return false;
    }
    for (Node at = given; at != null && at != block; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.stmt.ForStmt || at instanceof com.github.javaparser.ast.stmt.ForEachStmt
          || at instanceof com.github.javaparser.ast.stmt.WhileStmt || at instanceof com.github.javaparser.ast.stmt.DoStmt
          || at instanceof com.github.javaparser.ast.expr.LambdaExpr
          || at instanceof com.github.javaparser.ast.body.CallableDeclaration<?>) {
        return false;
      }
    }
    return LoopShapes.isInside(given, block);
  }

  private static String erasure(ResolvedType type) {
    return type.isReferenceType() ? type.asReferenceType().getQualifiedName() : type.describe();
  }
}
