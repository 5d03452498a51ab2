package dev.optkit.rewriters.edit;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.ImportDeclaration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adds single-type imports where a sorted import list has them: each before the first existing
 * import that sorts after it, so a file whose imports are ordered stays ordered. Imports present or
 * clashing are skipped.
 */
public final class Imports {
  /** Simple names of the other types in the file's package (its directory), which an import would shadow. */
  public static final DataKey<Set<String>> PACKAGE_TYPES = new DataKey<>() {};

  private Imports() {}

  /**
   * The edit adding the imports a rewrite needs, or empty when all are there. A qualified name
   * whose simple name is already taken by another import or a type of the file is not imported:
   * the caller must then write it qualified ({@link #canUseSimpleName}).
   */
  public static List<TextEdit> add(SourceDocument document, CompilationUnit unit, Collection<String> qualifiedNames) {
    Set<String> missing = new TreeSet<>();
    for (String name : qualifiedNames) {
      if (canUseSimpleName(unit, name) && !isImported(unit, name) && !inSamePackage(unit, name)
          && !name.startsWith("java.lang.") ) {
        missing.add(name);
      }
    }
    if (missing.isEmpty()) {
      return List.of();
    }
    String separator = document.lineSeparator();
    List<ImportDeclaration> existing = unit.getImports().stream().filter(i -> !i.isStatic()).toList();
    if (!existing.isEmpty()) {
      // one insertion point per group of new imports: before the first existing one sorting after them
      java.util.Map<Integer, List<String>> byOffset = new java.util.TreeMap<>();
      for (String name : missing) {
        ImportDeclaration next = existing.stream().filter(i -> i.getNameAsString().compareTo(name) > 0).findFirst()
            .orElse(null);
        int offset;
        if (next != null) {
          offset = document.lineStart(next.getRange().orElseThrow().begin.line);
        } else {
          int end = existing.get(existing.size() - 1).getRange().orElseThrow().end.line;
          offset = end < lineCount(document) ? document.lineStart(end + 1) : document.text().length();
        }
        byOffset.computeIfAbsent(offset, k -> new ArrayList<>()).add("import " + name + ";" + separator);
      }
      List<TextEdit> edits = new ArrayList<>();
      byOffset.forEach((offset, lines) -> edits.add(TextEdit.insert(offset, String.join("", lines))));
      return edits;
    }
    List<String> lines = new ArrayList<>();
    for (String name : missing) {
      lines.add("import " + name + ";");
    }
    if (unit.getImports().isNonEmpty()) { // static imports only: ours go after them
      ImportDeclaration last = unit.getImports().get(unit.getImports().size() - 1);
      int end = last.getRange().orElseThrow().end.line;
      int offset = end < lineCount(document) ? document.lineStart(end + 1) : document.text().length();
      return List.of(TextEdit.insert(offset, separator + String.join(separator, lines) + separator));
    }
    if (unit.getPackageDeclaration().isPresent()) {
      int end = unit.getPackageDeclaration().get().getRange().orElseThrow().end.line;
      int offset = document.lineStart(end + 1);
      return List.of(TextEdit.insert(offset, separator + String.join(separator, lines) + separator));
    }
    return List.of(TextEdit.insert(0, String.join(separator, lines) + separator + separator));
  }

  private static int lineCount(SourceDocument document) {
    return document.text().split("\r\n|\r|\n", -1).length;
  }

  public static boolean canUseSimpleName(CompilationUnit unit, String qualifiedName) {
    String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    if (isImported(unit, qualifiedName) && !isImportedOnDemandOnly(unit, qualifiedName)) {
      return true;
    }
    if (!inSamePackage(unit, qualifiedName)) {
      if (unit.containsData(PACKAGE_TYPES) && unit.getData(PACKAGE_TYPES).contains(simple)) {
        return false;
      }
      for (ImportDeclaration declaration : unit.getImports()) {
        // a single-type import would shadow the same name from a wildcard: write it qualified instead
        if (declaration.isAsterisk() && !declaration.isStatic() && !declaration.getNameAsString().startsWith("java.")
            && !declaration.getNameAsString().equals(packageOf(qualifiedName))) {
          return false;
        }
      }
    }
    for (ImportDeclaration declaration : unit.getImports()) {
      if (!declaration.isAsterisk() && !declaration.isStatic() && declaration.getName().getIdentifier().equals(simple)
          && !declaration.getNameAsString().equals(qualifiedName)) {
        return false;
      }
    }
    return !DeclaredNames.of(unit).declaresType(simple) || inSamePackage(unit, qualifiedName);
  }

  private static boolean isImported(CompilationUnit unit, String qualifiedName) {
    String pkg = packageOf(qualifiedName);
    for (ImportDeclaration declaration : unit.getImports()) {
      if (declaration.isStatic()) {
        continue;
      }
      if (declaration.getNameAsString().equals(qualifiedName) || declaration.isAsterisk() && declaration.getNameAsString().equals(pkg)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isImportedOnDemandOnly(CompilationUnit unit, String qualifiedName) {
    return unit.getImports().stream().noneMatch(d -> !d.isStatic() && !d.isAsterisk() && d.getNameAsString().equals(qualifiedName));
  }

  /** The package a qualified name is in, "" for the default package (a type optkit adds beside a file without one). */
  private static String packageOf(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    return dot < 0 ? "" : qualifiedName.substring(0, dot);
  }

  private static boolean inSamePackage(CompilationUnit unit, String qualifiedName) {
    String pkg = packageOf(qualifiedName);
    return unit.getPackageDeclaration().map(p -> p.getNameAsString().equals(pkg)).orElse(pkg.isEmpty());
  }

  /** The name to write in code: simple when importable, qualified otherwise. */
  public static String reference(CompilationUnit unit, String qualifiedName) {
    return canUseSimpleName(unit, qualifiedName) ? qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1) : qualifiedName;
  }
}
