package dev.optkit.analyzers.facts.values;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import java.util.Optional;

/**
 * A constructor's {@code super(...)} or {@code this(...)}: the arguments go to another constructor, which may keep
 * them in fields of the object being made ({@code private SortedResponse(List<ProductView> rows) { super(200, "ok",
 * rows); }}, hostile review 32's f9). Named by the simple name of the class whose constructor runs, as a
 * {@code new X(...)} hand-off is.
 *
 * @param type the simple name of the superclass ({@code super}) or of the class itself ({@code this})
 */
record ConstructorDelegation(String type, ExplicitConstructorInvocationStmt call) {
  /** The delegation a constructor body starts with; empty for any other body, or a {@code super(...)} of Object. */
  static Optional<ConstructorDelegation> of(Node body) {
    if (!(body instanceof BlockStmt block) || !(block.getParentNode().orElse(null) instanceof ConstructorDeclaration
        constructor) || block.getStatements().isEmpty()
        || !(block.getStatement(0) instanceof ExplicitConstructorInvocationStmt call)) {
      return Optional.empty();
    }
    if (call.isThis()) {
      return Optional.of(new ConstructorDelegation(constructor.getNameAsString(), call));
    }
    if (!(constructor.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration owner)
        || owner.getExtendedTypes().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ConstructorDelegation(owner.getExtendedTypes(0).getNameAsString(), call));
  }
}
