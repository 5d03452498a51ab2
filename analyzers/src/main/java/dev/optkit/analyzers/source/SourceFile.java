package dev.optkit.analyzers.source;

import java.nio.file.Path;

/**
 * One Java file of a scan.
 *
 * @param relativePath the path reported to users: relative to the scanned root, forward slashes
 * @param primaryType the qualified name of the type the file is named after (from its package line)
 */
public record SourceFile(Path absolutePath, String relativePath, String primaryType) {}
