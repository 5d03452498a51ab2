package dev.optkit.analyzers.facts.types;

import com.github.javaparser.ast.expr.Expression;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the static type of a call's receiver with the symbol solver. Asked only for calls the
 * syntactic filter marked as candidates, because resolution costs several parses' worth of time.
 */
public interface ReceiverResolver {

  /** The receiver's qualified type followed by its ancestors, or empty when the solver cannot tell. */
  Optional<List<String>> typeAndAncestors(Expression receiver);

  /** A resolver that never answers: everything falls back to imports and names. */
  static ReceiverResolver none() {
    return receiver -> Optional.empty();
  }
}
