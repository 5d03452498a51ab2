package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import java.util.Optional;

/**
 * {@code for (x : xs) { if (filter(x)) { ... T t = client.call(x); ... } }}: only the elements
 * passing the filter are fetched. The rewrite evaluates the filter once per element, ahead, where
 * it decides whether to start the element's call, and the element's turn takes the answer only
 * when one was started: so the filter, as the code before a call, runs ahead of the earlier
 * elements' statements after their answers, and must read nothing they could change (the element,
 * values of the method assigned once, unchanging fields: {@link AheadReads}) and wait on no I/O.
 * The if must be the loop's only statement, without else, its block holding the call.
 */
final class CallFilter {
  private CallFilter() {}

  /** The filter around the loop's call, or null when the loop's body is not one. */
  static IfStmt of(BlockStmt body, LoopProof.CallJudge judge) {
    if (body.getStatements().size() != 1 || !(body.getStatement(0) instanceof IfStmt filter)) {
      return null;
    }
    boolean shape = filter.getElseStmt().isEmpty() && filter.getThenStmt() instanceof BlockStmt block
        && block.findAll(MethodCallExpr.class).stream().anyMatch(judge::startsIo);
    return shape ? filter : null;
  }

  /** Why the filter may not be evaluated ahead: it waits on I/O itself. */
  static Optional<String> problem(IfStmt filter, LoopProof.CallJudge judge) {
    return filter.getCondition().findAll(MethodCallExpr.class).stream().filter(judge::startsIo).findFirst()
        .map(call -> "its filter '" + filter.getCondition() + "' waits on I/O (" + call.getNameAsString() + "()): "
            + "evaluated ahead for the next elements, it would run before the earlier elements' statements, and it "
            + "would not be fetched with bounded concurrency");
  }
}
