package dev.optkit.analyzers.facts.types;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.Optional;

/** Whether a declaration carries one of Lombok's annotations, as the compiler would read its name. */
public final class LombokAnnotations {
  private LombokAnnotations() {}

  /**
   * One of Lombok's annotations (simple names: {@code Getter}, {@code Data}), written qualified, or by its simple name
   * imported by name or with {@code lombok.*}.
   *
   * @param within a node of the file, for its imports
   */
  public static boolean annotated(NodeWithAnnotations<?> annotated, Node within, String... names) {
    Optional<CompilationUnit> unit = within.findCompilationUnit();
    for (var annotation : annotated.getAnnotations()) {
      String written = annotation.getNameAsString();
      for (String name : names) {
        if (written.equals("lombok." + name) || written.equals(name) && unit.isPresent() && unit.get().getImports()
            .stream().anyMatch(i -> !i.isStatic() && (i.getNameAsString().equals("lombok." + name)
                || i.isAsterisk() && i.getNameAsString().equals("lombok")))) {
          return true;
        }
      }
    }
    return false;
  }
}
