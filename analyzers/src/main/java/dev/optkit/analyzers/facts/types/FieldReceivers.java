package dev.optkit.analyzers.facts.types;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The solver's answer for receivers that name a field of the class they are in
 * ({@code restTemplate.getForObject(...)}, {@code this.client.send(...)}), asked once per class
 * body and field in a file. The solver answers each occurrence afresh, climbing the class and its
 * ancestors again; on spring-framework, two field receivers in three repeat one already solved in
 * the same class. A name is a field there unless the method declares a local, parameter or
 * pattern variable of that name anywhere in its body, and every occurrence in one class body
 * (anonymous classes and enum constant bodies are bodies of their own) then names the same field.
 *
 * <p>Only answers the solver gives the same everywhere are shared: an answer is remembered, and
 * reused, only for a receiver in plain statements (blocks, expression statements, returns,
 * declarations, assignments, ifs, loops, try) on the way up to its class, and only when it is a
 * type. JavaParser's answer for a field inside a {@code switch} depends on the switch (it types
 * the selector first, and takes an enum constant of the field's name), inside a lambda or an
 * anonymous class's arguments on what it infers there, and in a deep expression on the stack left:
 * kept, such an answer changed every other occurrence in the class (hostile review, 2026-11-23).
 */
public final class FieldReceivers {
  private final Map<Node, Map<String, Optional<List<String>>>> answers = new IdentityHashMap<>();

  /**
   * The field a receiver names: a plain name the method does not declare, or {@code this.name};
   * null for any other receiver.
   */
  public static String fieldName(Expression receiver, Predicate<String> declaredInMethod) {
    if (receiver instanceof NameExpr name && !declaredInMethod.test(name.getNameAsString())) {
      return name.getNameAsString();
    }
    if (receiver instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr self
        && self.getTypeName().isEmpty()) {
      return "this." + access.getNameAsString();
    }
    return null;
  }

  /** The receiver's type and ancestors as the resolver gives them, shared within the field's class body. */
  public Optional<List<String>> typeAndAncestors(Expression receiver, String field, ReceiverResolver resolver) {
    Node body = plainClassBody(receiver);
    if (body == null) {
      return resolver.typeAndAncestors(receiver);
    }
    Map<String, Optional<List<String>>> byField = answers.computeIfAbsent(body, b -> new HashMap<>());
    Optional<List<String>> known = byField.get(field);
    if (known != null) {
      return known;
    }
    Optional<List<String>> answer = resolver.typeAndAncestors(receiver);
    if (answer.isPresent()) {
      byField.put(field, answer);
    }
    return answer;
  }

  /** Statements and declarations whose contexts add nothing to a name they do not declare. */
  private static final Set<Class<? extends Node>> PLAIN = Set.of(
      ExpressionStmt.class, BlockStmt.class, ReturnStmt.class, VariableDeclarator.class, VariableDeclarationExpr.class,
      AssignExpr.class, IfStmt.class, WhileStmt.class, DoStmt.class, ForStmt.class, ForEachStmt.class, TryStmt.class,
      ThrowStmt.class, MethodDeclaration.class, ConstructorDeclaration.class);
  /** Deeper than this, a receiver's answer is not shared: the solver may run out of stack on the way. */
  private static final int MAX_DEPTH = 48;

  /**
   * The class body around a receiver reached through plain statements only (and calls the receiver's
   * call is chained to, {@code rest.get(u).getBody()}), or null.
   */
  private static Node plainClassBody(Expression receiver) {
    Node inner = receiver;
    int depth = 0;
    for (Node at = receiver.getParentNode().orElse(null); at != null && depth < MAX_DEPTH;
        inner = at, at = at.getParentNode().orElse(null), depth++) {
      if (at instanceof TypeDeclaration<?>) {
        return at;
      }
      // the members of an anonymous class or an enum constant's body are their only declarations below them
      if ((at instanceof ObjectCreationExpr || at instanceof EnumConstantDeclaration) && inner instanceof BodyDeclaration<?>) {
        return at;
      }
      boolean chained = at instanceof MethodCallExpr call && call.getScope().orElse(null) == inner;
      if (!chained && !PLAIN.contains(at.getClass())) {
        return null;
      }
    }
    return null;
  }
}
