package dev.optkit.rewriters.plan;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.optkit.rewriters.caching.rewrite.PlainJavaCacheRewrite;
import dev.optkit.rewriters.edit.Imports;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.edit.TextEdit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The edits collected for one file from every rewrite that touches it, applied together at the end. */
final class FileEdits {
  private final byte[] before;
  private final SourceDocument document;
  private final CompilationUnit unit;
  private final List<MethodDeclaration> methods;
  private final List<TextEdit> edits = new ArrayList<>();
  private final Set<String> imports = new LinkedHashSet<>();
  private final List<String> descriptions = new ArrayList<>();
  private final List<PlainJavaCacheRewrite.Invalidation> invalidations = new ArrayList<>();

  private FileEdits(byte[] before, SourceDocument document, CompilationUnit unit) {
    this.before = before;
    this.document = document;
    this.unit = unit;
    this.methods = unit.findAll(MethodDeclaration.class);
  }

  static Optional<FileEdits> open(Path root, String path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(root.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    SourceDocument document = SourceDocument.decode(bytes);
    Set<String> packageTypes = new java.util.HashSet<>();
    try (var siblings = Files.list(root.resolve(path).getParent())) {
      siblings.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
          .forEach(n -> packageTypes.add(n.substring(0, n.length() - ".java".length())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
    return CachingMigration.parse(document.text()).map(unit -> {
      unit.setData(Imports.PACKAGE_TYPES, packageTypes);
      return new FileEdits(bytes, document, unit);
    });
  }

  void add(PlainJavaCacheRewrite.Result result) {
    edits.addAll(result.edits());
    imports.addAll(result.imports());
    invalidations.addAll(result.invalidations());
  }

  List<PlainJavaCacheRewrite.Invalidation> invalidations() {
    return invalidations;
  }

  String result() {
    List<TextEdit> all = new ArrayList<>(edits);
    all.addAll(Imports.add(document, unit, imports));
    return document.apply(all);
  }

  byte[] before() {
    return before;
  }

  SourceDocument document() {
    return document;
  }

  CompilationUnit unit() {
    return unit;
  }

  List<MethodDeclaration> methods() {
    return methods;
  }

  List<TextEdit> edits() {
    return edits;
  }

  Set<String> imports() {
    return imports;
  }

  List<String> descriptions() {
    return descriptions;
  }
}
