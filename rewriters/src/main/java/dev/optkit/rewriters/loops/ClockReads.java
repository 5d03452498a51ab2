package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.Node;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.TimeAndRandom;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayDeque;
import java.util.HashSet;
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

  static Optional<String> problem(ProjectIndex index, IndexedMethod method, Node loop, Finding finding) {
    for (var call : loop.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class)) {
      // the call alone, not what it is handed: System.currentTimeMillis(, LocalDateTime.now(
      String called = call.getScope().map(scope -> scope + ".").orElse("") + call.getNameAsString() + "(";
      if (TimeAndRandom.readsWallClock(called)) {
        return Optional.of(reason(called + (call.getArguments().isEmpty() ? ")" : "...)"), "its body"));
      }
    }
    for (var creation : loop.findAll(com.github.javaparser.ast.expr.ObjectCreationExpr.class)) {
      String made = "new " + creation.getType().getNameAsString() + "()";
      if (creation.getArguments().isEmpty() && TimeAndRandom.readsWallClock(made)) {
        return Optional.of(reason(made, "its body"));
      }
    }
    Set<IndexedMethod> seen = new HashSet<>();
    ArrayDeque<IndexedMethod> next = new ArrayDeque<>();
    ArrayDeque<Integer> depths = new ArrayDeque<>();
    for (CallRef call : method.fact().allCalls()) {
      if (call.range().line() >= finding.line() && call.range().endLine() <= finding.endLine()) {
        for (IndexedMethod target : index.allTargetsOf(call)) {
          if (seen.add(target)) {
            next.add(target);
            depths.add(1);
          }
        }
      }
    }
    while (!next.isEmpty()) {
      IndexedMethod at = next.poll();
      int depth = depths.poll();
      Optional<String> use = at.fact().timeOrRandomUses().stream().filter(TimeAndRandom::readsWallClock).findFirst();
      if (use.isPresent()) {
        return Optional.of(reason(use.get(), at.fact().displayName() + "(), which its body calls,"));
      }
      if (depth < DEPTH) {
        for (CallRef call : at.fact().allCalls()) {
          for (IndexedMethod target : index.allTargetsOf(call)) {
            if (seen.add(target)) {
              next.add(target);
              depths.add(depth + 1);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String reason(String use, String where) {
    return where + " reads the clock (" + use + "): rewritten, its elements come faster one after another, so times "
        + "that differed by a round trip could come out equal (a name or key made of them would repeat); rewrite it "
        + "by hand if they need not differ";
  }
}
