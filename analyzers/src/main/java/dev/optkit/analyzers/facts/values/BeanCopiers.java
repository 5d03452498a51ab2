package dev.optkit.analyzers.facts.values;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Optional;

/**
 * Bean property copiers, told apart by the class the file imports, since the two families take their arguments in
 * opposite orders: Spring's {@code BeanUtils.copyProperties(source, target)} and Commons BeanUtils'
 * {@code BeanUtils.copyProperties(dest, orig)} / {@code PropertyUtils.copyProperties(dest, orig)}. Neither keeps
 * the source; each reads the source's getters of the properties the target can set and calls those setters.
 *
 * @param source the argument read
 * @param target the argument written
 * @param spring Spring's copier, whose properties are the target's writable ones
 */
public record BeanCopiers(int source, int target, boolean spring) {
  private static final BeanCopiers SPRING = new BeanCopiers(0, 1, true);
  private static final BeanCopiers COMMONS = new BeanCopiers(1, 0, false);
  private static final List<String> SPRING_CLASSES = List.of("org.springframework.beans.BeanUtils");
  private static final List<String> COMMONS_CLASSES = List.of("org.apache.commons.beanutils.BeanUtils",
      "org.apache.commons.beanutils.PropertyUtils", "org.apache.commons.beanutils2.BeanUtils",
      "org.apache.commons.beanutils2.PropertyUtils");

  /**
   * The copier a {@code copyProperties} call runs, by the file's imports; empty when it is no bean copier's call or
   * the class is not known for sure (then either argument may be the one written).
   */
  public static Optional<BeanCopiers> of(MethodCallExpr call) {
    if (!call.getNameAsString().equals("copyProperties") || call.getArguments().size() < 2) {
      return Optional.empty();
    }
    Optional<Expression> scope = call.getScope();
    String written = scope.map(Expression::toString).orElse(null);
    if (written != null && written.contains(".")) { // org.springframework.beans.BeanUtils.copyProperties(a, b)
      return classNamed(written);
    }
    CompilationUnit unit = call.findCompilationUnit().orElse(null);
    if (unit == null) {
      return Optional.empty();
    }
    Optional<BeanCopiers> found = Optional.empty();
    int matches = 0;
    for (ImportDeclaration imported : unit.getImports()) {
      String name = imported.getNameAsString();
      boolean matching = written != null ? !imported.isStatic() && !imported.isAsterisk() && name.endsWith("." + written)
          : imported.isStatic() && (imported.isAsterisk() || name.endsWith(".copyProperties"));
      if (matching) {
        matches++;
        found = classNamed(imported.isStatic() && !imported.isAsterisk() ? name.substring(0, name.lastIndexOf('.')) : name);
      }
    }
    return matches == 1 ? found : Optional.empty();
  }

  /**
   * The arguments a {@code copyProperties} call may write: the target of a copier known by its import; both first
   * arguments of {@code BeanUtils.copyProperties} or {@code PropertyUtils.copyProperties} from a class not known for
   * sure; none for any other call (a project method of that name is followed through the call graph).
   *
   * @param helperType the simple name of the class the call is made on, null for a call without one
   */
  static List<Integer> writtenArguments(MethodCallExpr call, String helperType) {
    if (!call.getNameAsString().equals("copyProperties") || call.getArguments().size() < 2) {
      return List.of();
    }
    Optional<BeanCopiers> copier = of(call);
    if (copier.isPresent()) {
      return List.of(copier.get().target());
    }
    return "BeanUtils".equals(helperType) || "PropertyUtils".equals(helperType) ? List.of(0, 1) : List.of();
  }

  private static Optional<BeanCopiers> classNamed(String qualified) {
    return SPRING_CLASSES.contains(qualified) ? Optional.of(SPRING)
        : COMMONS_CLASSES.contains(qualified) ? Optional.of(COMMONS) : Optional.empty();
  }
}
