package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.source.ProjectSources;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which threads a class's rewritten loops run their blocking calls on: virtual threads where the
 * module compiles for Java 21 or later and no call can pin one, platform threads otherwise.
 *
 * <p>A virtual thread that blocks while it holds a monitor ({@code synchronized}) stays mounted on
 * its carrier on Java 21 to 23; the carriers are as many as the cores, so a few such calls at once
 * stall every virtual thread of the JVM. Java 24 unmounts it (JEP 491). A module compiled for 24 or
 * later therefore always gets virtual threads. One compiled for 21 to 23 may run on 21 to 23, so it
 * gets them only when every call's path is in sight and holds no monitor: the project methods it
 * runs have no {@code synchronized}, and the libraries it reaches are the JDK's own HTTP clients,
 * which lock with {@code ReentrantLock} since Java 18 (JDK-8229867) and were written for virtual
 * threads. Any other library's code is not read, so a monitor it may hold around I/O is assumed.
 */
final class LoopThreads {
  /** Catalogue ids of clients that hold no monitor around their I/O on Java 21 to 23. */
  private static final Set<String> PIN_FREE_CLIENTS = Set.of("jdk-httpclient", "jdk-urlconnection");
  private static final int DEPTH = 4;

  /** The choice for one class: {@code whyPlatform} is empty when its calls run on virtual threads. */
  record Choice(int release, Optional<String> whyPlatform) {
    boolean virtual() {
      return whyPlatform.isEmpty();
    }

    /** The pool's line in the plan. */
    String describe() {
      return virtual() ? "its calls run on virtual threads (Java " + release + "), at most the loop's limit at once"
          : "its calls run on platform threads, at most " + LoopCallPool.MAX_THREADS + " at once: "
              + whyPlatform.get();
    }

    /** The choice for a class whose loops gave these choices: virtual only when every loop's may be. */
    Choice and(Choice other) {
      return whyPlatform.isPresent() ? this : other;
    }
  }

  private final ProjectIndex index;
  private final ProjectSources sources;

  LoopThreads(ProjectIndex index, ProjectSources sources) {
    this.index = index;
    this.sources = sources;
  }

  /**
   * The threads for one loop's blocking call.
   *
   * @param release the Java release the module compiles for
   * @param caller the method whose loop makes the call
   * @param call the call each element's turn waits for
   */
  Choice choose(int release, IndexedMethod caller, Expression call) {
    if (release < 21) {
      return new Choice(release, Optional.of("the module compiles for Java " + release + ", which has no virtual threads"));
    }
    if (release >= 24) {
      return new Choice(release, Optional.empty());
    }
    return new Choice(release, pins(caller, call).map(why -> why + ": on Java 21 to 23 a virtual thread blocked "
        + "while it holds a monitor keeps its carrier (JEP 491 lifts that in Java 24)"));
  }

  /** What on the call's path may hold a monitor around I/O; empty when nothing can. */
  private Optional<String> pins(IndexedMethod caller, Expression call) {
    if (!(call instanceof MethodCallExpr method)) {
      return Optional.of("optkit cannot see the path of " + call);
    }
    SourceRange range = FactRanges.of(method);
    Optional<IoSite> site = index.sitesOf(caller).stream().filter(s -> s.range().equals(range)).findFirst();
    if (site.isPresent()) {
      return library(site.get());
    }
    Optional<CallRef> ref = caller.fact().calls().stream().filter(c -> c.range().equals(range)).findFirst();
    if (ref.isEmpty() || index.allTargetsOf(ref.get()).isEmpty()) {
      return Optional.of(method.getNameAsString() + "() is not project code optkit can follow");
    }
    Set<IndexedMethod> seen = new HashSet<>();
    for (IndexedMethod target : index.allTargetsOf(ref.get())) {
      Optional<String> why = pins(target, DEPTH, seen);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  private Optional<String> pins(IndexedMethod target, int depth, Set<IndexedMethod> seen) {
    if (!seen.add(target)) {
      return Optional.empty();
    }
    String name = target.fact().displayName() + "()";
    if (depth == 0) {
      return Optional.of(name + " is more calls deep than optkit follows");
    }
    Optional<CallableDeclaration<?>> declaration = sources.declaration(target);
    if (declaration.isEmpty()) {
      return Optional.of("optkit cannot read " + name + "'s source again");
    }
    if (declaration.get().hasModifier(Modifier.Keyword.SYNCHRONIZED)
        || !declaration.get().findAll(SynchronizedStmt.class).isEmpty()) {
      return Optional.of(name + " holds a monitor (synchronized)");
    }
    for (IoSite site : index.sitesOf(target)) {
      Optional<String> why = library(site);
      if (why.isPresent()) {
        return why;
      }
    }
    for (CallRef call : target.fact().allCalls()) {
      for (IndexedMethod callee : index.allTargetsOf(call)) {
        Optional<String> why = pins(callee, depth - 1, seen);
        if (why.isPresent()) {
          return Optional.of(name + " calls " + why.get());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> library(IoSite site) {
    return PIN_FREE_CLIENTS.contains(site.clientId()) ? Optional.empty()
        : Optional.of(site.provider() + " " + site.method() + "() is library code optkit does not read, which may "
            + "hold a monitor around its I/O");
  }
}
