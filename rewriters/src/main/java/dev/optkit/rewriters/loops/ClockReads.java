package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.Node;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.extract.TimeAndRandom;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.CallWalk;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A loop that reads the wall clock, in its body or in project code its body calls: every rewrite makes the
 * loop's elements come faster one after another, so readings that differed by a round trip come out equal
 * (real24's D1: export files named by the current second overwrote each other, 12 files became 2). The
 * original's order is kept, but what the times are used for (names, keys, ordering) need not survive that;
 * optkit leaves such a loop to be rewritten by hand.
 */
final class ClockReads {
  private static final int DEPTH = 8;

  private ClockReads() {}

  /** Calls and method references that read a clock whatever they are made on. */
  private static final Set<String> CLOCK_CALLS = Set.of("now", "currentTimeMillis", "nanoTime");
  /** Calls that read a clock when made on one (a Clock's millis(), the runtime bean's uptime), getters elsewhere. */
  private static final java.util.Map<String, String> CLOCK_CALLS_ON = java.util.Map.of("millis", "clock",
      "instant", "clock", "getUptime", "runtimemxbean", "getStartTime", "runtimemxbean", "getInstance", "calendar");

  /**
   * Whether a call or reference of this name on this scope reads a clock: {@code event.instant()} or {@code
   * booking.getStartTime()} are getters, and a refusal saying they read the clock would be untrue.
   */
  private static boolean readsClock(String name, String scope) {
    String on = CLOCK_CALLS_ON.get(name);
    return CLOCK_CALLS.contains(name) || on != null && scope.toLowerCase(java.util.Locale.ROOT).contains(on);
  }

  /** Made with the time they were made at. */
  private static final Set<String> CLOCK_OBJECTS = Set.of("Date", "GregorianCalendar", "Random", "SecureRandom");

  static Optional<String> problem(ProjectIndex index, IndexedMethod method, Node loop, Finding finding) {
    // the whole method: a clock read ahead of the loop may be a Supplier or reference the loop calls (t5, t5b)
    Node body = loop.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).map(Node.class::cast)
        .orElse(loop);
    for (var call : body.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class)) {
      if (readsClock(call.getNameAsString(), call.getScope().map(Object::toString).orElse(""))
          && !afterTheLoopOnce(call, loop, body)) {
        return Optional.of(reason(call.toString(), "its method"));
      }
    }
    for (var reference : body.findAll(com.github.javaparser.ast.expr.MethodReferenceExpr.class)) {
      if (readsClock(reference.getIdentifier(), reference.getScope().toString()) && !afterTheLoopOnce(reference, loop, body)) {
        return Optional.of(reason(reference.toString(), "its method"));
      }
    }
    for (var creation : body.findAll(com.github.javaparser.ast.expr.ObjectCreationExpr.class)) {
      if (CLOCK_OBJECTS.contains(creation.getType().getNameAsString()) && creation.getArguments().isEmpty()
          && !afterTheLoopOnce(creation, loop, body)) {
        return Optional.of(reason(creation.toString(), "its method"));
      }
    }
    List<IndexedMethod> called = new ArrayList<>();
    for (CallRef call : method.fact().allCalls()) {
      if (call.range().line() >= finding.line() && call.range().endLine() <= finding.endLine()) {
        Optional<String> made = madeReadingOutside(index, call);
        if (made.isPresent()) {
          return made;
        }
        called.addAll(index.allTargetsOf(call));
      }
    }
    // what the loop's calls run (one call deep), then what those call, up to DEPTH calls deep
    Iterator<CallWalk.Step> steps = CallWalk.over(index, CallWalk.Edges.CALL_AND_CONSTRUCTOR_TARGETS).maxDepth(DEPTH - 1)
        .from(called).iterator();
    while (steps.hasNext()) {
      CallWalk.Step step = steps.next();
      IndexedMethod at = step.method();
      Optional<String> use = at.fact().timeOrRandomUses().stream().filter(TimeAndRandom::changesFromReadToRead).findFirst();
      if (use.isPresent()) {
        return Optional.of(reason(use.get(), at.fact().displayName() + "(), which its body calls,"));
      }
      if (step.depth() + 1 < DEPTH) {
        for (CallRef call : at.fact().allCalls()) {
          Optional<String> made = madeReadingOutside(index, call);
          if (made.isPresent()) {
            return made;
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a clock read runs after the loop has ended, and only then: it starts after the loop's last line, and the
   * loop sits in no other loop or lambda of the method (whose next round would run the loop after the read). The
   * loop's elements cannot see such a reading (SigmaBack's syncPaymentsToSheet: LocalDate.now() after its loop).
   */
  private static boolean afterTheLoopOnce(Node read, Node loop, Node method) {
    int loopEnd = loop.getEnd().map(p -> p.line).orElse(Integer.MAX_VALUE);
    int readStart = read.getBegin().map(p -> p.line).orElse(0);
    if (readStart <= loopEnd) {
      return false;
    }
    for (Node up = loop.getParentNode().orElse(null); up != null && up != method; up = up.getParentNode().orElse(null)) {
      if (up instanceof com.github.javaparser.ast.stmt.ForStmt || up instanceof com.github.javaparser.ast.stmt.ForEachStmt
          || up instanceof com.github.javaparser.ast.stmt.WhileStmt || up instanceof com.github.javaparser.ast.stmt.DoStmt
          || up instanceof com.github.javaparser.ast.expr.LambdaExpr) {
        return false;
      }
    }
    return true;
  }

  /** A project object made whose field initialisers or initialiser blocks call out (a clock among them: t7). */
  private static Optional<String> madeReadingOutside(ProjectIndex index, CallRef call) {
    if (call.receiverType() == null
        || !call.name().equals(call.receiverType().substring(call.receiverType().lastIndexOf('.') + 1))) {
      return Optional.empty(); // not a constructor call
    }
    return index.type(call.receiverType()).filter(type -> type.constructionReadsOutside())
        .map(type -> "its body makes a " + call.name() + ", whose construction calls code optkit does not follow (a "
            + "clock or a random source among what it may read): rewritten, its elements come faster one after "
            + "another, and what it reads could differ; rewrite it by hand if that cannot matter");
  }

  private static String reason(String use, String where) {
    return where + " reads the clock or a random source (" + use + "): rewritten, its elements come faster one after another, so times "
        + "that differed by a round trip could come out equal (a name or key made of them would repeat); rewrite it "
        + "by hand if they need not differ";
  }
}
