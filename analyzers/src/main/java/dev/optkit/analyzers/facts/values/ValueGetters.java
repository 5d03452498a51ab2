package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.optkit.analyzers.facts.types.LombokAnnotations;
import com.github.javaparser.resolution.declarations.ResolvedFieldDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.optkit.analyzers.facts.types.JdkValues;
import java.util.Optional;

/**
 * A method reference on a type mapped over elements whose result is an immutable JDK value ({@code map(Menu::getId)}):
 * the mapped stream holds values read from the elements, no part of them (eladmin's MenuController.childMenu returns
 * the ids of the menus it collected, said to return the menus). The solver answers for getters the sources or jars
 * declare; a getter Lombok writes ({@code @Getter} or {@code @Data} on the class or the field, no method of that name
 * in the sources) returns its field. Anything the solver cannot type is no value.
 */
final class ValueGetters {
  private ValueGetters() {}

  static boolean returnsValue(MethodReferenceExpr reference) {
    return Subtrees.answer(reference, RETURNS_VALUE);
  }

  /** One question, one key: the solver types a reference once per extraction, however many analyses ask. */
  private static final java.util.function.Function<MethodReferenceExpr, Boolean> RETURNS_VALUE =
      ValueGetters::solvedReturnsValue;

  private static boolean solvedReturnsValue(MethodReferenceExpr reference) {
    if (!(reference.getScope() instanceof TypeExpr type) || reference.getIdentifier().equals("new")) {
      return false;
    }
    try {
      ResolvedMethodDeclaration method = reference.resolve();
      return JdkValues.immutable(method.getReturnType().describe());
    } catch (RuntimeException | StackOverflowError unresolved) {
      return lombokGetterOfValue(type, reference.getIdentifier());
    }
  }

  private static boolean lombokGetterOfValue(TypeExpr type, String getter) {
    String property = getter.startsWith("get") && getter.length() > 3 ? getter.substring(3)
        : getter.startsWith("is") && getter.length() > 2 ? getter.substring(2) : null;
    if (property == null) {
      return false;
    }
    String field = Character.toLowerCase(property.charAt(0)) + property.substring(1);
    try {
      ResolvedType resolved = type.getType().resolve();
      if (!resolved.isReferenceType()) {
        return false;
      }
      Optional<ResolvedReferenceTypeDeclaration> declaration = resolved.asReferenceType().getTypeDeclaration();
      if (declaration.isEmpty() || declaresMethod(declaration.get(), getter)) {
        return false;
      }
      for (ResolvedFieldDeclaration candidate : declaration.get().getAllFields()) {
        if (candidate.getName().equals(field) && !candidate.isStatic()) {
          Optional<TypeDeclaration<?>> owner = ast(candidate.declaringType());
          return owner.isPresent() && !declaresMethod(candidate.declaringType(), getter)
              && JdkValues.immutable(candidate.getType().describe())
              && (LombokAnnotations.annotated(owner.get(), owner.get(), "Getter", "Data", "Value")
                  || candidate.toAst().filter(f -> f instanceof NodeWithAnnotations<?>)
                      .map(f -> LombokAnnotations.annotated((NodeWithAnnotations<?>) f, owner.get(),
                          "Getter")).orElse(false));
        }
      }
      return false;
    } catch (RuntimeException | StackOverflowError unresolved) {
      return false;
    }
  }

  /** A method of that name written in the type's source (which the solver then failed to resolve), or unknown. */
  private static boolean declaresMethod(com.github.javaparser.resolution.declarations.ResolvedTypeDeclaration type,
      String name) {
    Optional<TypeDeclaration<?>> source = ast(type);
    return source.isEmpty() || !source.get().getMethodsByName(name).isEmpty();
  }

  private static Optional<TypeDeclaration<?>> ast(
      com.github.javaparser.resolution.declarations.ResolvedTypeDeclaration type) {
    return type.toAst().filter(n -> n instanceof TypeDeclaration<?>).map(n -> (TypeDeclaration<?>) n);
  }
}
