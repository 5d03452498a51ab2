package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.body.CallableDeclaration;
import dev.optkit.rewriters.edit.TextEdit;
import java.util.List;
import java.util.Set;

/**
 * The loop rewrites kept so far in one file, which a next one must fit beside.
 *
 * @param edits the kept rewrites' edits of the file as it is
 * @param methods the methods whose loop is rewritten (by identity)
 * @param release the Java release the file's module compiles for
 */
public record FileRewrites(List<TextEdit> edits, Set<CallableDeclaration<?>> methods, int release) {}
