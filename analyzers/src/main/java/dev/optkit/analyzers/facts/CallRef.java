package dev.optkit.analyzers.facts;

import dev.optkit.analyzers.findings.Confidence;

/**
 * A call from a method body that might reach another method of the project: the call graph is
 * built from these once every file's facts are known.
 *
 * @param receiverType the qualified static type of the receiver, or the enclosing type for
 *     unqualified calls; null when neither syntax nor the solver could tell
 * @param confidence how the receiver type was established
 * @param sqlArgument the position of an argument that is SQL text known at compile time, or -1
 * @param sql that argument's text (constants resolved), or null
 */
public record CallRef(
    String receiverType,
    String name,
    int argumentCount,
    Confidence confidence,
    boolean deferred,
    SourceRange range,
    String snippet,
    int sqlArgument,
    String sql) {

  public CallRef(String receiverType, String name, int argumentCount, Confidence confidence, boolean deferred,
      SourceRange range, String snippet) {
    this(receiverType, name, argumentCount, confidence, deferred, range, snippet, -1, null);
  }
}
