package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import java.util.Set;

/** Names for the rewrite's locals that no name in the method already uses (so nothing is shadowed). */
final class FreshNames {
  private final Set<String> used = new java.util.HashSet<>();

  FreshNames(CallableDeclaration<?> method) {
    method.findAll(com.github.javaparser.ast.expr.SimpleName.class).forEach(n -> used.add(n.getIdentifier()));
    method.findAll(Parameter.class).forEach(p -> used.add(p.getNameAsString()));
  }

  String take(String wanted) {
    String name = wanted;
    for (int i = 2; used.contains(name); i++) {
      name = wanted + i;
    }
    used.add(name);
    return name;
  }
}
