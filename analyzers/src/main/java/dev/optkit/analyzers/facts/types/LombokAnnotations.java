package dev.optkit.analyzers.facts.types;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.Optional;

/** Whether a declaration carries one of Lombok's annotations, as the compiler would read its name. */
public final class LombokAnnotations {
  private LombokAnnotations() {}

  /**
   * One of Lombok's annotations (simple names: {@code Getter}, {@code Data}; {@code experimental} ones too), written
   * qualified, or by its simple name imported by name or with {@code lombok.*} ({@code lombok.experimental.*}).
   *
   * @param within a node of the file, for its imports
   */
  public static boolean annotated(NodeWithAnnotations<?> annotated, Node within, String... names) {
    Optional<CompilationUnit> unit = within.findCompilationUnit();
    for (var annotation : annotated.getAnnotations()) {
      String written = annotation.getNameAsString();
      for (String name : names) {
        for (String lombokPackage : new String[] {"lombok", "lombok.experimental"}) {
          String qualified = lombokPackage + "." + name;
          if (written.equals(qualified) || written.equals(name) && unit.isPresent() && unit.get().getImports().stream()
              .anyMatch(i -> !i.isStatic() && (i.getNameAsString().equals(qualified)
                  || i.isAsterisk() && i.getNameAsString().equals(lombokPackage)))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
