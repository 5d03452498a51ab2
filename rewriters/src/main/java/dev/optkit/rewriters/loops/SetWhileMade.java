package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;

/**
 * A field that is as good as final: private, and assigned by no code of its class but its
 * constructors and initializers (an injected {@code @Autowired} or {@code @Value} field is set once,
 * before any call). Nothing a loop runs can change it, as nothing can change a final one.
 */
final class SetWhileMade {
  private SetWhileMade() {}

  /** Whether the field (of this name) is final, or private and assigned only while its object is made. */
  static boolean only(FieldDeclaration field, String name) {
    if (field.isFinal()) {
      return true;
    }
    Node owner = field.getParentNode().orElse(null);
    if (!field.isPrivate() || owner == null) {
      return false;
    }
    // a local of the same name counts too, which only ever refuses more
    for (AssignExpr assign : owner.findAll(AssignExpr.class)) {
      Expression target = assign.getTarget();
      boolean named = target instanceof NameExpr n && n.getNameAsString().equals(name)
          || target instanceof FieldAccessExpr f && f.getNameAsString().equals(name);
      boolean whileMade = madeBy(assign, owner);
      if (named && !whileMade) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the assignment runs while an object of {@code owner} is made: in its own constructor or
   * instance initializer, not in a lambda or a class body (anonymous, local, nested) in between, whose
   * code may run at any time later.
   */
  private static boolean madeBy(AssignExpr assign, Node owner) {
    for (Node up = assign.getParentNode().orElse(null); up != null; up = up.getParentNode().orElse(null)) {
      if (up instanceof com.github.javaparser.ast.expr.LambdaExpr
          || up instanceof com.github.javaparser.ast.expr.ObjectCreationExpr created && created.getAnonymousClassBody().isPresent()
          || up instanceof com.github.javaparser.ast.body.TypeDeclaration<?> && up != owner
          || up instanceof com.github.javaparser.ast.body.MethodDeclaration) {
        return false;
      }
      if (up instanceof ConstructorDeclaration || up instanceof InitializerDeclaration initializer && !initializer.isStatic()) {
        return up.getParentNode().orElse(null) == owner;
      }
    }
    return false;
  }
}
