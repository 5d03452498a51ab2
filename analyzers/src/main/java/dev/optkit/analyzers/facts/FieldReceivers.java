package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The solver's answer for receivers that name a field of the class they are in
 * ({@code restTemplate.getForObject(...)}, {@code this.client.send(...)}), asked once per class
 * body and field in a file. The solver answers each occurrence afresh, climbing the class and its
 * ancestors again; on spring-framework, two field receivers in three repeat one already solved in
 * the same class. A name is a field there unless the method declares a local, parameter or
 * pattern variable of that name anywhere in its body, and every occurrence in one class body
 * (anonymous classes are bodies of their own) then names the same field. One per file.
 */
final class FieldReceivers {
  private final Map<Node, Map<String, Optional<List<String>>>> answers = new IdentityHashMap<>();

  /**
   * The field a receiver names: a plain name the method does not declare, or {@code this.name};
   * null for any other receiver.
   */
  static String fieldName(Expression receiver, Predicate<String> declaredInMethod) {
    if (receiver instanceof NameExpr name && !declaredInMethod.test(name.getNameAsString())) {
      return name.getNameAsString();
    }
    if (receiver instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr self
        && self.getTypeName().isEmpty()) {
      return "this." + access.getNameAsString();
    }
    return null;
  }

  /** The receiver's type and ancestors as the resolver gives them, remembered for the field's class body. */
  Optional<List<String>> typeAndAncestors(Expression receiver, String field, ReceiverResolver resolver) {
    Map<String, Optional<List<String>>> byField = answers.computeIfAbsent(classBody(receiver), body -> new HashMap<>());
    Optional<List<String>> known = byField.get(field);
    if (known == null) {
      known = resolver.typeAndAncestors(receiver);
      byField.put(field, known);
    }
    return known;
  }

  /**
   * The innermost class body around a node: a class declaration, or the body of an anonymous class
   * or of an enum constant (whose arguments, outside that body, belong to the class around it).
   */
  private static Node classBody(Node node) {
    Node inner = node;
    for (Node at = node.getParentNode().orElse(null); at != null; inner = at, at = at.getParentNode().orElse(null)) {
      if (at instanceof TypeDeclaration<?>) {
        return at;
      }
      // the members of an anonymous class or an enum constant's body are their only declarations below them
      if ((at instanceof ObjectCreationExpr || at instanceof EnumConstantDeclaration) && inner instanceof BodyDeclaration<?>) {
        return at;
      }
    }
    return null;
  }
}
