package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The types a loop's exceptions are named by: what a catch around it names. {@link LoopProof} asks
 * them for the checked types the loop's code may throw (an interrupt while waiting is thrown on as one
 * where it may).
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

  /**
   * The type variables in scope of the method, its own and its classes', each with its bounds as written
   * (none: unbounded).
   */
  static java.util.Map<String, List<String>> typeVariables(com.github.javaparser.ast.body.CallableDeclaration<?> method) {
    java.util.Map<String, List<String>> variables = new java.util.HashMap<>();
    method.getTypeParameters().forEach(t -> variables.putIfAbsent(t.getNameAsString(),
        t.getTypeBound().stream().map(Type::asString).toList()));
    for (com.github.javaparser.ast.Node at = method.getParentNode().orElse(null); at != null;
        at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters<?> generic) {
        generic.getTypeParameters().forEach(t -> variables.putIfAbsent(t.getNameAsString(),
            t.getTypeBound().stream().map(Type::asString).toList()));
      }
    }
    return variables;
  }

  static String simpleName(Type type) {
    return type instanceof ClassOrInterfaceType c ? c.getNameAsString() : type.asString();
  }
}
