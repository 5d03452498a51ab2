package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.optkit.analyzers.facts.LoopFact;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.rules.LoopClassification;

/**
 * A loop assess reported and migrate may rewrite, found again in its file.
 *
 * @param method the method the loop runs in, as the model holds it
 * @param fact the loop as the model holds it: what assess's finding was made from
 * @param loop the loop's node in the file as it is (a for-each, a counted loop, a {@code forEach} call, a pipeline)
 * @param classification what assess says the loop waits on per element
 */
public record LoopCandidate(Finding finding, IndexedMethod method, LoopFact fact, Node loop,
    LoopClassification classification) {
  /** Whether the per-element call is a remote one, run ahead on a pool by the rewrite. */
  public boolean remote() {
    return classification.remoteCalls();
  }

  /** The type declaring the loop's method: the one that would hold the pool. */
  public TypeDeclaration<?> owner() {
    return loop.findAncestor(TypeDeclaration.class).orElseThrow();
  }
}
