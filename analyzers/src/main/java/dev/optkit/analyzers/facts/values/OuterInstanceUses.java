package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.optkit.analyzers.facts.types.JdkValues;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a member class that is not static may reach the object of the class around it: its code names a field or
 * method it does not declare itself, an {@code Outer.this}, another member class of the outer one, or it extends a
 * class (whose inherited names optkit does not list here). Syntax only, so conservative: a name it cannot place
 * counts as the outer object's. A member class that reaches nothing of its outer object is made like a static one
 * (trial 77's query builders: {@code new Where(column, value)} made for each call, said to be shared state).
 */
public final class OuterInstanceUses {
  private OuterInstanceUses() {}

  public static boolean mayUse(ClassOrInterfaceDeclaration inner) {
    if (!inner.getExtendedTypes().isEmpty()) {
      return true;
    }
    Set<String> fields = new HashSet<>();
    inner.getFields().forEach(f -> f.getVariables().forEach(v -> fields.add(v.getNameAsString())));
    Set<String> methods = new HashSet<>();
    inner.getMethods().forEach(m -> methods.add(m.getNameAsString()));
    Set<String> siblings = new HashSet<>();
    if (inner.getParentNode().orElse(null) instanceof TypeDeclaration<?> outer) {
      for (var member : outer.getMembers()) {
        if (member instanceof ClassOrInterfaceDeclaration sibling && !sibling.isStatic() && !sibling.isInterface()) {
          siblings.add(sibling.getNameAsString());
        }
      }
    }
    for (NameExpr name : Subtrees.all(inner, NameExpr.class)) {
      String text = name.getNameAsString();
      // String.valueOf(x), Order.DESC: a type as a scope; a bare upper-case name is a value, maybe the outer
      // object's field (review 79's c01: TABLE, changed by the DAO's useArchive()), unless a constant of text
      boolean typeName = Character.isUpperCase(text.charAt(0))
          && (scopeOfAccess(name) || constantOfValue(inner, text));
      // a local or parameter in scope where it is used, or the inner class's own field (not one of the same name
      // declared in another of its methods)
      boolean own = dev.optkit.analyzers.facts.values.NameScopes.declaredInScope(text, name) || fields.contains(text);
      if (!own && !typeName) {
        return true; // jdbc, an outer field
      }
    }
    ClassOrInterfaceDeclaration outerClass = inner.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration c
        ? c : null;
    for (MethodCallExpr call : Subtrees.all(inner, MethodCallExpr.class)) {
      if (call.getScope().isEmpty() && !methods.contains(call.getNameAsString())
          && !selfContainedOuterCall(outerClass, call.getNameAsString(), new HashSet<>())) {
        return true; // an outer method reaching its object (or one inherited from an interface's default)
      }
    }
    for (ThisExpr self : Subtrees.all(inner, ThisExpr.class)) {
      if (self.getTypeName().filter(t -> !t.getIdentifier().equals(inner.getNameAsString())).isPresent()) {
        return true; // Outer.this
      }
    }
    if (!Subtrees.all(inner, SuperExpr.class).stream().allMatch(s -> s.getTypeName().isEmpty())) {
      return true;
    }
    for (MethodReferenceExpr reference : Subtrees.all(inner, MethodReferenceExpr.class)) {
      if (reference.getScope() instanceof ThisExpr self && self.getTypeName().isPresent()) {
        return true;
      }
    }
    for (ObjectCreationExpr creation : Subtrees.all(inner, ObjectCreationExpr.class)) {
      if (siblings.contains(creation.getType().getNameAsString()) || creation.getAnonymousClassBody().isPresent()) {
        return true; // another inner class of the outer one, made with the outer object; an anonymous class's body
      }
    }
    return false;
  }

  /** {@code Character} in {@code Character.isUpperCase(c)}, {@code Order} in {@code Order.DESC}: a type's name. */
  private static boolean scopeOfAccess(NameExpr name) {
    return name.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().orElse(null) == name
        || name.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.FieldAccessExpr access
            && access.getScope() == name;
  }

  /**
   * A {@code static final} field of a value type (text, a number, a boolean) with that name in the class or a class
   * around it: a constant, not the outer object's state.
   */
  private static boolean constantOfValue(com.github.javaparser.ast.Node at, String name) {
    for (com.github.javaparser.ast.Node up = at; up != null; up = up.getParentNode().orElse(null)) {
      if (up instanceof TypeDeclaration<?> type) {
        for (var field : type.getFields()) {
          if (field.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))) {
            String written = field.getElementType().asString();
            return field.isStatic() && field.isFinal() && !field.getElementType().isArrayType()
                && (JdkValues.immutable(written) || JdkValues.immutable("java.lang." + written));
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether every method of that name the outer class declares reaches nothing of its object: no {@code this} or
   * {@code super}, no name but its own parameters and locals (and type names), no call without a receiver but of
   * another such method (trial 77's filmorate: its builders call the DAO's {@code toDbNotation(fieldName)}, which
   * rewrites its argument alone).
   */
  public static boolean selfContainedOuterCall(ClassOrInterfaceDeclaration outer, String name,
      Set<com.github.javaparser.ast.body.MethodDeclaration> visiting) {
    if (outer == null) {
      return false;
    }
    List<com.github.javaparser.ast.body.MethodDeclaration> declared = outer.getMethodsByName(name);
    if (declared.isEmpty() || visiting.size() > 16) {
      return false;
    }
    for (com.github.javaparser.ast.body.MethodDeclaration method : declared) {
      if (!visiting.add(method)) {
        continue; // its body is being checked already
      }
      boolean overridable = !method.isPrivate() && !method.isStatic() && !method.isFinal() && !outer.isFinal();
      if (overridable || method.getBody().isEmpty() || !Subtrees.all(method, ThisExpr.class).isEmpty()
          || !Subtrees.all(method, SuperExpr.class).isEmpty() || !Subtrees.all(method, ObjectCreationExpr.class).stream()
              .allMatch(c -> c.getAnonymousClassBody().isEmpty() && c.getScope().isEmpty()
                  && outer.getMembers().stream().noneMatch(m -> m instanceof ClassOrInterfaceDeclaration sibling
                      && !sibling.isStatic() && sibling.getNameAsString().equals(c.getType().getNameAsString())))) {
        return false;
      }
      for (NameExpr use : Subtrees.all(method, NameExpr.class)) {
        String text = use.getNameAsString();
        boolean typeName = Character.isUpperCase(text.charAt(0)) && (scopeOfAccess(use) || constantOfValue(outer, text));
        if (!typeName && !dev.optkit.analyzers.facts.values.NameScopes.declaredInScope(text, use)) {
          return false; // a field of the outer object
        }
      }
      for (MethodCallExpr call : Subtrees.all(method, MethodCallExpr.class)) {
        if (call.getScope().isEmpty() && !selfContainedOuterCall(outer, call.getNameAsString(), visiting)) {
          return false;
        }
      }
    }
    return true;
  }
}
