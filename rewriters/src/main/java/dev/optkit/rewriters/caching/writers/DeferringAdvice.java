package dev.optkit.rewriters.caching.writers;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.rewriters.caching.WholeProject;
import java.util.List;
import java.util.Optional;

/**
 * Advice of the project's that may run the method it wraps after it returns: an {@code @Around} advice (or a method
 * interceptor's {@code invoke}) calling {@code proceed()} in a lambda, a task or a class body, or handing the join point
 * on without calling it (hostile review 89's A1: {@code CompletableFuture.runAsync(() -> call.proceed())} around a
 * writer, whose eviction Spring runs when the advice returns, before the write). Which methods a pointcut matches is
 * not read: any such advice counts for every writer.
 */
final class DeferringAdvice {
  private final WholeProject whole;
  private Optional<String> found;

  DeferringAdvice(WholeProject whole) {
    this.whole = whole;
  }

  /** The first advice, by name, that may proceed after it returns; empty when the project has none. */
  Optional<String> first() {
    if (found == null) {
      found = whole.index().methods().stream().filter(DeferringAdvice::advice)
          .filter(method -> !proceedsInPlace(method)).map(method -> method.fact().displayName() + "()").sorted()
          .findFirst();
    }
    return found;
  }

  private static boolean advice(IndexedMethod method) {
    return method.fact().annotations().stream().anyMatch(a -> a.substring(a.lastIndexOf('.') + 1).equals("Around"))
        || method.fact().name().equals("invoke") && method.fact().params().size() == 1
            && method.fact().params().get(0).type().endsWith("MethodInvocation");
  }

  /** Whether the advice calls proceed() in its own body, and nowhere in code that may run later. */
  private boolean proceedsInPlace(IndexedMethod method) {
    var declaration = whole.declaration(method).orElse(null);
    if (declaration == null) {
      return false;
    }
    List<MethodCallExpr> proceeds = declaration.findAll(MethodCallExpr.class).stream()
        .filter(call -> call.getNameAsString().equals("proceed")).toList();
    boolean referenced = declaration.findAll(MethodReferenceExpr.class).stream()
        .anyMatch(reference -> reference.getIdentifier().equals("proceed"));
    return !proceeds.isEmpty() && !referenced && proceeds.stream().noneMatch(call -> inLaterCode(call, declaration));
  }

  private static boolean inLaterCode(Node call, Node declaration) {
    for (Node at = call.getParentNode().orElse(null); at != null && at != declaration; at = at.getParentNode().orElse(null)) {
      if (at instanceof LambdaExpr || at instanceof LocalClassDeclarationStmt
          || at instanceof ObjectCreationExpr made && made.getAnonymousClassBody().isPresent()) {
        return true;
      }
    }
    return false;
  }
}
