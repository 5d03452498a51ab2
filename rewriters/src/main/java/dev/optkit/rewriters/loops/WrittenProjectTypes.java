package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The project classes a type name written in a file may mean, narrowed as Java scopes names: a single-type import,
 * then a type the file's enclosing classes declare, then the file's own package, then its on-demand imports. Two
 * modules each declaring an {@code Account} leave one for a file that imports or sits beside it; the name alone,
 * with neither, may mean any of them, and all are answered.
 */
final class WrittenProjectTypes {
  private WrittenProjectTypes() {}

  /**
   * The candidates, sorted by qualified name: one when the file tells which, none when no project class has the name
   * (or the file imports a library's class of that name).
   */
  static List<TypeFact> of(Node use, String written, ProjectIndex index) {
    String bare = dev.optkit.analyzers.facts.types.TypeNames.raw(written);
    if (bare.contains(".")) {
      Optional<TypeFact> exact = index.type(bare);
      if (exact.isPresent()) {
        return List.of(exact.get());
      }
      // OrderRequest.Item: a nested class as written, among the project's of its simple name
      return index.typesNamed(bare.substring(bare.lastIndexOf('.') + 1)).stream()
          .filter(t -> t.qualifiedName().endsWith("." + bare))
          .sorted(java.util.Comparator.comparing(TypeFact::qualifiedName)).toList();
    }
    String simple = bare.substring(bare.lastIndexOf('.') + 1);
    List<TypeFact> named = index.typesNamed(simple).stream()
        .sorted(java.util.Comparator.comparing(TypeFact::qualifiedName)).toList();
    Optional<CompilationUnit> unit = use.findCompilationUnit();
    if (named.size() < 2 || unit.isEmpty()) {
      return named;
    }
    Optional<String> imported = unit.get().getImports().stream().filter(d -> !d.isStatic() && !d.isAsterisk()
        && d.getName().getIdentifier().equals(simple)).map(ImportDeclaration::getNameAsString).findFirst();
    if (imported.isPresent()) { // a library's class of that name is none of the project's
      return named.stream().filter(t -> t.qualifiedName().equals(imported.get())).toList();
    }
    List<Predicate<String>> scopes = new ArrayList<>();
    for (Node at = use; at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof TypeDeclaration<?> enclosing && enclosing.getFullyQualifiedName().isPresent()) {
        scopes.add((enclosing.getFullyQualifiedName().get() + "." + simple)::equals);
      }
    }
    String pkg = unit.get().getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
    scopes.add((pkg + simple)::equals);
    scopes.add(qualified -> unit.get().getImports().stream().anyMatch(i -> !i.isStatic() && i.isAsterisk()
        && qualified.equals(i.getNameAsString() + "." + simple)));
    for (Predicate<String> scope : scopes) {
      List<TypeFact> inScope = named.stream().filter(t -> scope.test(t.qualifiedName())).toList();
      if (!inScope.isEmpty()) {
        return inScope;
      }
    }
    return named;
  }

  /** Why the name tells no one class: none of the project's, or which of them it may be. */
  static String notOne(String written, List<TypeFact> candidates) {
    if (candidates.isEmpty()) {
      return "no class of the project is named " + LoopSites.simple(written);
    }
    return candidates.size() + " classes of the project are named " + LoopSites.simple(written) + " ("
        + String.join(", ", candidates.stream().map(TypeFact::qualifiedName).toList())
        + ") and its file does not tell which one it is";
  }
}
