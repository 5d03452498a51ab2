package dev.optkit.analyzers.parse;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.resolution.Navigator;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Solves project types from a map of qualified name to file built once for the whole scan. Unlike
 * JavaParser's directory-probing solver, a miss costs a hash lookup, not a walk over every source
 * root and package: failed look-ups are what makes symbol solving slow on large projects.
 * Not thread-safe: one per worker thread.
 */
final class ProjectTypeSolver implements TypeSolver {
  private final Map<String, Path> typeFiles;
  private final JavaParser parser;
  private final Map<Path, Optional<CompilationUnit>> parsed;
  private final Map<String, SymbolReference<ResolvedReferenceTypeDeclaration>> solved = new HashMap<>();
  private TypeSolver parent;

  ProjectTypeSolver(Map<String, Path> typeFiles, JavaParser parser, int cachedFiles) {
    this.typeFiles = typeFiles;
    this.parser = parser;
    this.parsed = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Path, Optional<CompilationUnit>> eldest) {
        return size() > cachedFiles;
      }
    };
  }

  @Override
  public TypeSolver getParent() {
    return parent;
  }

  @Override
  public void setParent(TypeSolver parent) {
    this.parent = parent;
  }

  @Override
  public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
    SymbolReference<ResolvedReferenceTypeDeclaration> cached = solved.get(name);
    if (cached != null) {
      return cached;
    }
    SymbolReference<ResolvedReferenceTypeDeclaration> result = solveUncached(name);
    if (solved.size() > 20_000) {
      solved.clear();
    }
    solved.put(name, result);
    return result;
  }

  private SymbolReference<ResolvedReferenceTypeDeclaration> solveUncached(String name) {
    String prefix = name;
    while (true) {
      Path file = typeFiles.get(prefix);
      if (file != null) {
        Optional<CompilationUnit> unit = parse(file);
        if (unit.isPresent()) {
          String simplePrefix = prefix.substring(prefix.lastIndexOf('.') + 1);
          String typeName = simplePrefix + name.substring(prefix.length());
          Optional<TypeDeclaration<?>> declaration = Navigator.findType(unit.get(), typeName);
          if (declaration.isPresent()) {
            return SymbolReference.solved(JavaParserFacade.get(this).getTypeDeclaration(declaration.get()));
          }
        }
        return SymbolReference.unsolved();
      }
      int dot = prefix.lastIndexOf('.');
      if (dot < 0) {
        return SymbolReference.unsolved();
      }
      prefix = prefix.substring(0, dot);
    }
  }

  private Optional<CompilationUnit> parse(Path file) {
    return parsed.computeIfAbsent(file, f -> {
      try {
        // decoded as the scan decodes it: a Latin-1 file is no UTF-8 error
        ParseResult<CompilationUnit> result = parser.parse(dev.optkit.analyzers.io.Decoded.of(Files.readAllBytes(f)).text());
        return result.getResult();
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    });
  }

  @Override
  public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveTypeInModule(String qualifiedModuleName, String simpleTypeName) {
    return SymbolReference.unsolved();
  }
}
