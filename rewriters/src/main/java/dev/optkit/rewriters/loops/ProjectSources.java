package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import dev.optkit.analyzers.parse.LanguageLevels;
import dev.optkit.rewriters.edit.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The project's source files parsed again, once each, for what the index's facts do not keep (a
 * method's body, a field's modifiers). Paths are the index's, relative to the scan root, whose
 * files the scan already read.
 */
final class ProjectSources {
  private final Path scanRoot;
  private final Map<String, Optional<CompilationUnit>> parsed = new HashMap<>();

  ProjectSources(Path scanRoot) {
    this.scanRoot = scanRoot;
  }

  /** The file's tree, or empty when it no longer reads or parses. */
  Optional<CompilationUnit> unit(String path) {
    return parsed.computeIfAbsent(path, p -> {
      try {
        return LanguageLevels.parse(SourceDocument.decode(Files.readAllBytes(scanRoot.resolve(p))).text());
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }
}
