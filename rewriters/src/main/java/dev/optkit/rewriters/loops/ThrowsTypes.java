package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The types a loop's exceptions are named by: what a catch around it names, the type variables a
 * {@code throws} may use. {@link LoopProof} asks them to tell whether a failure held back to its
 * element's turn can be thrown again as the type it is.
 */
final class ThrowsTypes {
  private ThrowsTypes() {}

  /** The types a catch clause names, each of a multi-catch's. */
  static List<Type> caught(CatchClause clause) {
    Type type = clause.getParameter().getType();
    List<Type> types = new ArrayList<>();
    if (type.isUnionType()) {
      types.addAll(type.asUnionType().getElements());
    } else {
      types.add(type);
    }
    return types;
  }

  /** The type variables in scope of the method: its own and its classes'. */
  static Set<String> typeVariables(CallableDeclaration<?> method) {
    Set<String> names = new HashSet<>();
    method.getTypeParameters().forEach(t -> names.add(t.getNameAsString()));
    for (Node current = method.getParentNode().orElse(null); current != null; current = current.getParentNode().orElse(null)) {
      if (current instanceof com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters<?> generic) {
        generic.getTypeParameters().forEach(t -> names.add(t.getNameAsString()));
      }
    }
    return names;
  }

  static String simpleName(Type type) {
    return type instanceof ClassOrInterfaceType c ? c.getNameAsString() : type.asString();
  }
}
