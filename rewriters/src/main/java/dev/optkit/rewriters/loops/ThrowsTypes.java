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

  static String simpleName(Type type) {
    return type instanceof ClassOrInterfaceType c ? c.getNameAsString() : type.asString();
  }
}
