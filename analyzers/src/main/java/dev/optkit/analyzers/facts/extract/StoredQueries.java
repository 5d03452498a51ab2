package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.resolution.types.ResolvedType;
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
    if (!(chain.getParentNode().orElse(null) instanceof VariableDeclarator declarator)) {
      return Optional.empty();
    }
    String local = declarator.getNameAsString();
    Optional<Node> body = declarator.findAncestor(com.github.javaparser.ast.stmt.BlockStmt.class).map(b -> (Node) b);
    if (body.isEmpty() || declarator.getBegin().isEmpty()) {
      return Optional.empty();
    }
    List<NameExpr> uses = body.get().findAll(NameExpr.class, name -> name.getNameAsString().equals(local)
        && name.getBegin().isPresent() && name.getBegin().get().isAfter(declarator.getBegin().get()));
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
    uses.sort(Comparator.comparing(name -> name.getBegin().get()));
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

  private static String erasure(ResolvedType type) {
    return type.isReferenceType() ? type.asReferenceType().getQualifiedName() : type.describe();
  }
}
