package dev.optkit.rewriters.caching.sharing;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a method's {@code add}/{@code addAll} calls only put values into lists it made itself
 * ({@code List<Booking> all = new ArrayList<>(); all.addAll(repository.find(...))}). An ArrayList,
 * LinkedList or ArrayDeque appends without calling the elements' {@code equals} or {@code hashCode},
 * unlike a set or a map's keys, so an entity put there has none of its associations read.
 */
public final class ListInserts {
  /** Calls that append to a list and compare nothing. */
  static final Set<String> APPENDING = Set.of("add", "addAll", "offer", "push", "addLast", "addFirst");
  private static final Set<String> PLAIN_LISTS = Set.of("ArrayList", "LinkedList", "ArrayDeque", "Vector",
      "CopyOnWriteArrayList", "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque");

  private ListInserts() {}

  /**
   * True when every call of that name in the method (and every method reference {@code x::name}) is
   * made on a local the method sets, once, to a new plain list; false when any is not, or the method's
   * source cannot be read.
   */
  public static boolean onlyIntoOwnLists(Optional<CallableDeclaration<?>> declaration, String name) {
    if (declaration.isEmpty() || !APPENDING.contains(name)) {
      return false;
    }
    CallableDeclaration<?> method = declaration.get();
    List<Expression> receivers = new java.util.ArrayList<>();
    method.findAll(MethodCallExpr.class, call -> call.getNameAsString().equals(name))
        .forEach(call -> receivers.add(call.getScope().orElse(null)));
    method.findAll(MethodReferenceExpr.class, reference -> reference.getIdentifier().equals(name))
        .forEach(reference -> receivers.add(reference.getScope()));
    return !receivers.isEmpty() && receivers.stream().allMatch(receiver -> ownPlainList(method, receiver));
  }

  private static boolean ownPlainList(CallableDeclaration<?> method, Expression receiver) {
    // all::add parses as a type's method reference: the name is a local's when the method declares one
    String name = receiver instanceof NameExpr named ? named.getNameAsString()
        : receiver instanceof com.github.javaparser.ast.expr.TypeExpr type && type.getType().isClassOrInterfaceType()
            && type.getType().asClassOrInterfaceType().getScope().isEmpty()
            ? type.getType().asClassOrInterfaceType().getNameAsString() : null;
    if (name == null) {
      return false;
    }
    List<VariableDeclarator> declared = method.findAll(VariableDeclarator.class,
        v -> v.getNameAsString().equals(name));
    boolean reassigned = method.findAll(AssignExpr.class).stream()
        .anyMatch(assign -> assign.getTarget() instanceof NameExpr target && target.getNameAsString().equals(name));
    return declared.size() == 1 && !reassigned && declared.get(0).getInitializer()
        .filter(ObjectCreationExpr.class::isInstance).map(ObjectCreationExpr.class::cast)
        .map(made -> PLAIN_LISTS.contains(made.getType().getName().asString())
            || PLAIN_LISTS.contains(made.getType().getNameWithScope()))
        .orElse(false);
  }
}
