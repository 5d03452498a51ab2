package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.Optional;
import java.util.Set;

/**
 * What a simple type name means in one file, and how another file writes that type so it means the
 * same: a type name copied from one file into another (a getter's element type into a loop's header)
 * may name another type there ({@code Entry}: the getter's {@code shop.model.Entry}, the loop's file's
 * imported {@code java.util.Map.Entry}).
 */
final class TypeNamesInFile {
  private static final Set<String> JAVA_LANG = Set.of("String", "Long", "Integer", "Short", "Byte", "Character",
      "Boolean", "Double", "Float", "Object", "Number", "CharSequence");

  private TypeNamesInFile() {}

  /**
   * The qualified name a simple name means in the file, by Java's order: a type the file declares, a single-type
   * import, a type of its package, java.lang, an on-demand import of a package with a project type of that name.
   * Empty where optkit cannot tell (a library type imported on demand).
   */
  static Optional<String> qualified(CompilationUnit file, String simple, ProjectIndex index) {
    String pkg = file.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    for (TypeDeclaration<?> declared : file.findAll(TypeDeclaration.class)) {
      if (declared.getNameAsString().equals(simple)) {
        return declared.getFullyQualifiedName();
      }
    }
    for (ImportDeclaration imported : file.getImports()) {
      if (!imported.isStatic() && !imported.isAsterisk() && imported.getNameAsString().endsWith("." + simple)) {
        return Optional.of(imported.getNameAsString());
      }
    }
    String inPackage = pkg.isEmpty() ? simple : pkg + "." + simple;
    if (index.type(inPackage).isPresent()) {
      return Optional.of(inPackage);
    }
    if (JAVA_LANG.contains(simple)) {
      return Optional.of("java.lang." + simple);
    }
    for (ImportDeclaration imported : file.getImports()) {
      if (!imported.isStatic() && imported.isAsterisk() && index.type(imported.getNameAsString() + "." + simple)
          .isPresent()) {
        return Optional.of(imported.getNameAsString() + "." + simple);
      }
    }
    return Optional.empty();
  }

  /** How the file writes the type: its simple name where that means it there, else its qualified name. */
  static String written(CompilationUnit file, String qualified, ProjectIndex index) {
    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
    return qualified(file, simple, index).filter(qualified::equals).map(q -> simple).orElse(qualified);
  }
}
