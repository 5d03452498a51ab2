package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.optkit.rewriters.edit.TextEdit;
import java.util.Optional;

/**
 * A loop's rewrite before migrate keeps it.
 *
 * @param done what the rewrite of the loop's shape made
 * @param edit the rewrite as an edit of the file as it is; empty when a view's rewrite does not map back onto it
 * @param read how a loop read as a for-each was read ({@code the stream pipeline as ...}); null for a for-each
 * @param method the loop's method in the file as it is
 * @param top the top-level type the loop is in, which would declare the helper that throws a failure again
 */
public record RewrittenLoop(LoopCandidate candidate, FuturesJoinedInLoopRewrite.Rewritten done, Optional<TextEdit> edit,
    String read, CallableDeclaration<?> method, TypeDeclaration<?> top) {}
