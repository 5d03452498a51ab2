package dev.optkit.rewriters.loops;

import static dev.optkit.rewriters.loops.LoopProof.firstLine;
import static dev.optkit.rewriters.loops.LoopProof.isInside;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.optkit.rewriters.loops.LoopProof.CallJudge;
import java.util.List;
import java.util.Optional;

/**
 * The statements after a blocking call handed to a pool: they stay on the caller's thread, in
 * order, while the next elements' calls already run, so they may neither wait on I/O again nor
 * leave the loop early.
 */
final class AfterTheCall {
  private AfterTheCall() {}

  /**
   * I/O among the statements after the call: they stay in order on the caller's thread, but a second
   * wait per element would keep the loop as slow as it was, and a write there would come after the
   * next elements' calls started (which a read ahead of a write may not).
   */
  static Optional<String> otherIo(List<Statement> after, CallJudge judge) {
    for (Statement statement : after) {
      for (MethodCallExpr call : statement.findAll(MethodCallExpr.class)) {
        if (judge.startsIo(call)) {
          return Optional.of("the statements after its call make another call that waits on I/O ("
              + call.getNameAsString() + "()): the calls ahead would run before it, out of order");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A {@code break}, {@code return} or {@code throw} among the statements after the call (a lambda's
   * or an anonymous class's own are theirs): the loop may stop at an
   * element whose answer says so, and the calls run ahead for the elements after it would have been
   * made for nothing (a paid API bills them, a rate limit counts them).
   */
  static Optional<String> leavesEarly(List<Statement> after, ForEachStmt loop) {
    for (Statement statement : after) {
      for (Statement exit : statement.findAll(Statement.class)) {
        boolean ownCode = exit.findAncestor(LambdaExpr.class).filter(l -> isInside(l, loop)).isEmpty()
            && exit.findAncestor(com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class)
                .filter(c -> isInside(c, loop)).isEmpty()
            && exit.findAncestor(ObjectCreationExpr.class).filter(c -> isInside(c, loop)
                && c.getAnonymousClassBody().isPresent()).isEmpty();
        boolean leaves = ownCode && (exit instanceof com.github.javaparser.ast.stmt.ReturnStmt
            || exit instanceof com.github.javaparser.ast.stmt.ThrowStmt
            || exit instanceof com.github.javaparser.ast.stmt.BreakStmt brk && breaksOut(brk, loop));
        if (leaves) {
          return Optional.of("it may leave the loop early ('" + firstLine(exit) + "'): the calls run ahead for the "
              + "elements after that would be made for nothing (a paid API bills them)");
        }
      }
    }
    return Optional.empty();
  }

  /** A break that leaves this loop: unlabelled and not inside a nested loop or switch, or labelled outside it. */
  static boolean breaksOut(com.github.javaparser.ast.stmt.BreakStmt brk, ForEachStmt loop) {
    if (brk.getLabel().isPresent()) {
      return true;
    }
    for (Node at = brk.getParentNode().orElse(null); at != null && at != loop; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.stmt.ForStmt || at instanceof com.github.javaparser.ast.stmt.WhileStmt
          || at instanceof com.github.javaparser.ast.stmt.DoStmt || at instanceof ForEachStmt
          || at instanceof com.github.javaparser.ast.stmt.SwitchStmt) {
        return false;
      }
    }
    return true;
  }
}
