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

  /**
   * The qualified type declaring the static field or method a member expression names ({@code Queries.BASE}, {@code
   * Queries.build(a)}, a statically imported or inherited {@code BASE}), as Java's scoping finds it (a variable, an
   * own or inherited field, an inherited member type named like a type come first); empty when the solver cannot
   * tell, or the member is no static one.
   */
  default Optional<String> declaringType(Expression member) {
    return Optional.empty();
  }

  /** A resolver that never answers: everything falls back to imports and names. */
  static ReceiverResolver none() {
    return receiver -> Optional.empty();
  }
}
