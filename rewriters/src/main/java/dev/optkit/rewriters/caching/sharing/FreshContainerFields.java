package dev.optkit.rewriters.caching.sharing;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.Optional;
import java.util.function.Function;

/**
 * A holder's container changes that change only containers it made itself: trial 85's {@code DepartmentIterator}
 * copies a department's sub-departments into its own {@code queue = new LinkedList<>()} and polls it, which changes
 * the queue, never the entity or its collection. A field the holder may have been given (the entity's own list,
 * whose change JPA writes back) is none of those.
 */
final class FreshContainerFields {
  private final ProjectIndex index;
  private final Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations;

  FreshContainerFields(ProjectIndex index, Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations) {
    this.index = index;
    this.declarations = declarations;
  }

  /**
   * Whether every call of that name in the method is made on a field of its class that only ever holds a JDK
   * collection the class made: initialised with {@code new LinkedList<>()} and assigned nowhere else in the file.
   */
  boolean onlyOnOwnContainers(IndexedMethod method, String changeName) {
    Optional<CallableDeclaration<?>> declared = declarations.apply(method);
    if (declared.isEmpty()) {
      return false;
    }
    CallableDeclaration<?> body = declared.get();
    ClassOrInterfaceDeclaration owner = body.getParentNode().filter(ClassOrInterfaceDeclaration.class::isInstance)
        .map(ClassOrInterfaceDeclaration.class::cast).orElse(null);
    if (owner == null) {
      return false; // an anonymous class or an enum constant's body: its fields are not read here
    }
    var calls = body.findAll(MethodCallExpr.class, call -> call.getNameAsString().equals(changeName));
    return !calls.isEmpty() && calls.stream().allMatch(call -> call.getScope()
        .map(scope -> ownField(scope, body)).filter(field -> madeHereOnly(owner, field)).isPresent());
  }

  /** {@code this.queue}, or {@code queue} where no parameter or local of the method is so named. */
  private static String ownField(Expression scope, CallableDeclaration<?> body) {
    if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return access.getNameAsString();
    }
    if (scope instanceof NameExpr named) {
      String name = named.getNameAsString();
      boolean shadowed = body.findAll(Parameter.class).stream().anyMatch(p -> p.getNameAsString().equals(name))
          || body.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name));
      return shadowed ? null : name;
    }
    return null;
  }

  /** The class declares the field with a new JDK collection, and nothing in its file assigns a field of that name. */
  private boolean madeHereOnly(ClassOrInterfaceDeclaration owner, String field) {
    Optional<VariableDeclarator> declared = owner.getFields().stream().map(FieldDeclaration::getVariables)
        .flatMap(java.util.List::stream).filter(v -> v.getNameAsString().equals(field)).findFirst();
    if (declared.isEmpty() || !(declared.get().getInitializer().orElse(null) instanceof ObjectCreationExpr made)
        || !JdkNames.newJdkCollection(index, made)) {
      return false;
    }
    return owner.findCompilationUnit().map(unit -> unit.findAll(AssignExpr.class).stream().noneMatch(assign ->
        assign.getTarget() instanceof NameExpr name && name.getNameAsString().equals(field)
            || assign.getTarget() instanceof FieldAccessExpr access && access.getNameAsString().equals(field)))
        .orElse(false);
  }
}
