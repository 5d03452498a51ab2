package dev.optkit.rewriters.caching;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.IndexedMethod;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/** A parsed call's record in its method's facts: the same name at the same line and column. */
public final class KeptCalls {
  private KeptCalls() {}

  /** The call among these records; empty when none is at its position, or the parsed call has none. */
  public static Optional<CallRef> among(Collection<CallRef> calls, MethodCallExpr call) {
    return among(calls.stream(), call);
  }

  /** The call among the method's calls and opaque calls (the facts drop calls on the JDK's types). */
  public static Optional<CallRef> anyOf(IndexedMethod method, MethodCallExpr call) {
    return among(Stream.concat(method.fact().calls().stream(), method.fact().opaqueCalls().stream()), call);
  }

  private static Optional<CallRef> among(Stream<CallRef> calls, MethodCallExpr call) {
    var begin = call.getBegin().orElse(null);
    if (begin == null) {
      return Optional.empty();
    }
    return calls.filter(kept -> kept.name().equals(call.getNameAsString()) && kept.range().line() == begin.line
        && kept.range().column() == begin.column).findFirst();
  }
}
