package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.types.TypeNames;
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
          .findFirst()
          // advice whose body optkit does not read: a @Bean making an advisor or interceptor (a lambda's), an XML
          // <aop:around> (hostile review 91's D3, D4)
          .or(() -> whole.index().methods().stream().filter(method -> method.fact().returnType() != null)
              .filter(method -> {
                String type = TypeNames.raw(method.fact().returnType());
                String simple = type.substring(type.lastIndexOf('.') + 1);
                return simple.endsWith("Advisor") || simple.equals("MethodInterceptor") || simple.equals("Advice");
              }).map(method -> method.fact().displayName() + "()").sorted().findFirst())
          .or(() -> xmlAdvice() ? Optional.of("an <aop:config> of its XML") : Optional.empty());
    }
    return found;
  }

  private Boolean xmlAdvice;

  /**
   * Whether an XML file of the project's sources names Spring's AOP namespace, whose {@code <aop:around>} may wrap any
   * method with code optkit does not read. Links are not followed; files over a megabyte and folders past a bound
   * count as naming it.
   */
  boolean xmlAdvice() {
    if (xmlAdvice == null) {
      xmlAdvice = whole.scanRoot() != null && XmlNamespaces.anyNames(whole.scanRoot(), AOP_NAMESPACE);
    }
    return xmlAdvice;
  }

  private static final String AOP_NAMESPACE = "http://www.springframework.org/schema/aop";

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
    // the join point handed to other code (a Runnable's constructor, a field, a helper) may proceed later: review 91's
    // D1, D2; its own calls (getArgs(), getSignature()) are no hand-off
    boolean handedOn = declaration.getParameters().stream().map(parameter -> parameter.getNameAsString())
        .anyMatch(name -> declaration.findAll(com.github.javaparser.ast.expr.NameExpr.class).stream()
            .filter(use -> use.getNameAsString().equals(name))
            .anyMatch(use -> !(use.getParentNode().orElse(null) instanceof MethodCallExpr call
                && call.getScope().orElse(null) == use)));
    return !proceeds.isEmpty() && !referenced && !(handedOn && proceedsElsewhere())
        && proceeds.stream().noneMatch(call -> inLaterCode(call, declaration));
  }

  private Boolean proceedsElsewhere;

  /**
   * Whether a project method other than an advice calls {@code proceed()}: only such code can proceed with a join point
   * an advice hands on (eladmin's LogAspect hands it to a log service that reads its signature, which is safe).
   */
  private boolean proceedsElsewhere() {
    if (proceedsElsewhere == null) {
      proceedsElsewhere = whole.index().methods().stream().filter(method -> !advice(method))
          .anyMatch(method -> method.fact().calls().stream().anyMatch(call -> call.name().equals("proceed"))
              || method.fact().opaqueCalls().stream().anyMatch(call -> call.name().equals("proceed")));
    }
    return proceedsElsewhere;
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
