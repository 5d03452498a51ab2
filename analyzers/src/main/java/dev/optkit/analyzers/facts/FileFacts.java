package dev.optkit.analyzers.facts;

import java.util.List;

/** Everything extracted from one source file; the file's tree can be dropped once this exists. */
public record FileFacts(
    String path,
    String packageName,
    int lines,
    List<TypeFact> types,
    List<MethodFact> methods,
    List<ExistingCacheFact> existingCaches,
    List<Suppression> suppressions) {

  /** A {@code @SuppressWarnings("optkit:...")} or {@code // optkit:ignore} found in the file. */
  public record Suppression(String ruleId, SourceRange range, String reason) {}
}
