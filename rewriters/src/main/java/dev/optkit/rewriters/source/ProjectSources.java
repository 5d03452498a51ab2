package dev.optkit.rewriters.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.io.Decoded;
import dev.optkit.analyzers.parse.LanguageLevels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The project's source files parsed again, once each, for what the index's facts do not keep (a
 * method's body, a field's modifiers). Paths are the index's, relative to the scan root, whose
 * files the scan already read. Not thread-safe: one migration's planners run one after another.
 */
public final class ProjectSources {
  private final Path scanRoot;
  /**
   * Softly held: a migration of spring-framework's loops and reads parsed thousands of files, and keeping every tree
   * took assess past the launcher's heap (GC overhead limit exceeded). A tree is dropped only when no node of it is
   * held anywhere else (a node holds its whole tree through its parents), so a tree parsed again is never compared
   * with nodes of the one before.
   */
  private final Map<String, java.lang.ref.SoftReference<CompilationUnit>> parsed = new HashMap<>();
  /** Files that no longer read or parse: asked again, they answer empty again without a read. */
  private final java.util.Set<String> unparsed = new java.util.HashSet<>();

  public ProjectSources(Path scanRoot) {
    this.scanRoot = scanRoot;
  }

  /** The file's tree, or empty when it no longer reads or parses. */
  public Optional<CompilationUnit> unit(String path) {
    if (unparsed.contains(path)) {
      return Optional.empty();
    }
    java.lang.ref.SoftReference<CompilationUnit> held = parsed.get(path);
    CompilationUnit unit = held == null ? null : held.get();
    if (unit == null) {
      Optional<CompilationUnit> read;
      try {
        read = LanguageLevels.parse(Decoded.of(Files.readAllBytes(scanRoot.resolve(path))).text());
      } catch (IOException e) {
        read = Optional.empty();
      }
      if (read.isEmpty()) {
        unparsed.add(path);
        return read;
      }
      unit = read.get();
      parsed.put(path, new java.lang.ref.SoftReference<>(unit));
    }
    return Optional.of(unit);
  }

  /** The file's text, or empty when it no longer reads. */
  public Optional<String> text(String path) {
    try {
      return Optional.of(Decoded.of(Files.readAllBytes(scanRoot.resolve(path))).text());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the file's text holds any of the words, read as bytes: an ASCII word is in the text decoded as UTF-8 or
   * ISO-8859-1 exactly when its bytes are in the file (no byte of a UTF-8 multi-byte character is ASCII). True when
   * the file no longer reads, or a word is not ASCII and the decoded text holds it.
   */
  public boolean mentionsAny(String path, java.util.Collection<String> words) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(scanRoot.resolve(path));
    } catch (IOException e) {
      return true;
    }
    String raw = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    for (String word : words) {
      boolean ascii = word.chars().allMatch(c -> c < 0x80);
      if (ascii ? raw.contains(word) : Decoded.of(bytes).text().contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** The declaration of an indexed method (or constructor), found again by the line it begins on. */
  public Optional<CallableDeclaration<?>> declaration(IndexedMethod target) {
    SourceRange range = target.fact().range();
    return unit(target.path()).flatMap(u -> {
      for (CallableDeclaration<?> callable : u.<CallableDeclaration<?>>findAll(castCallable())) {
        if (callable.getBegin().isPresent() && callable.getBegin().get().line == range.line()) {
          return Optional.of(callable);
        }
      }
      return Optional.empty();
    });
  }

  @SuppressWarnings("unchecked")
  private static Class<CallableDeclaration<?>> castCallable() {
    return (Class<CallableDeclaration<?>>) (Class<?>) CallableDeclaration.class;
  }
}
