package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.edit.Imports;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the names a stream pipeline writes mean in its file: a collector that is java.util.stream's own
 * ({@code Collectors.toList()}, not the class's or a static import's {@code toList()}), {@code Objects::nonNull}
 * and {@code Optional::isPresent} of java.util, the element type of the {@code List<R>} or {@code Set<R>} it fills.
 */
final class PipelineNames {
  private PipelineNames() {}

  /** {@code Objects::nonNull} (java.util's), or {@code x -> x != null}. */
  static boolean nonNull(ProjectIndex index, CompilationUnit unit, Expression predicate) {
    if (predicate instanceof MethodReferenceExpr reference) {
      return reference.getIdentifier().equals("nonNull") && reference.getScope().toString().equals("Objects")
          && javaUtilName(index, unit, "Objects", "java.util") && !variableNamed(index, reference, "Objects")
          || reference.getScope().toString().equals("java.util.Objects") && reference.getIdentifier().equals("nonNull")
              && !variableNamed(index, reference, "java");
    }
    return predicate instanceof LambdaExpr lambda && lambda.getParameters().size() == 1
        && lambda.getBody() instanceof ExpressionStmt body
        && body.getExpression() instanceof com.github.javaparser.ast.expr.BinaryExpr compare
        && compare.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.NOT_EQUALS
        && (compare.getLeft() instanceof NameExpr left && left.getNameAsString().equals(lambda.getParameter(0)
            .getNameAsString()) && compare.getRight() instanceof com.github.javaparser.ast.expr.NullLiteralExpr
            || compare.getRight() instanceof NameExpr right && right.getNameAsString().equals(lambda.getParameter(0)
                .getNameAsString()) && compare.getLeft() instanceof com.github.javaparser.ast.expr.NullLiteralExpr);
  }

  /** {@code Optional::name} (java.util's). */
  static boolean optionals(ProjectIndex index, CompilationUnit unit, Expression expression, String name) {
    return expression instanceof MethodReferenceExpr reference && reference.getIdentifier().equals(name)
        && (reference.getScope().toString().equals("java.util.Optional")
            || reference.getScope().toString().equals("Optional") && javaUtilName(index, unit, "Optional", "java.util"));
  }

  /**
   * {@code Collectors.toList()} or {@code toSet()}, or either imported statically from Collectors (and no method
   * of the class taking that name).
   */
  static Optional<StreamPipelineView.Collected> collector(ProjectIndex index, CompilationUnit unit, Node at,
      Expression collector) {
    if (!(collector instanceof MethodCallExpr call) || !call.getArguments().isEmpty()) {
      return Optional.empty();
    }
    Optional<StreamPipelineView.Collected> kind = java.util.Arrays.stream(StreamPipelineView.Collected.values())
        .filter(c -> c.collector.equals(call.getNameAsString())).findFirst();
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    if (call.getScope().isEmpty()) {
      String name = call.getNameAsString();
      // toList() means Collectors' only when nothing nearer takes the name: a method of the file's classes or of
      // their project supertypes, or another single static import (hostile review 51's a1, a2, a4)
      boolean declared = unit.findAll(com.github.javaparser.ast.body.MethodDeclaration.class).stream()
          .anyMatch(m -> m.getNameAsString().equals(name));
      boolean inherited = at.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).stream()
          .flatMap(t -> enclosing((com.github.javaparser.ast.body.TypeDeclaration<?>) t).stream())
          .flatMap(type -> index.supertypesOf(type).stream())
          .anyMatch(type -> !index.methods(type, name).isEmpty());
      boolean otherImport = unit.getImports().stream().anyMatch(i -> i.isStatic() && !i.isAsterisk()
          && i.getNameAsString().endsWith("." + name)
          && !i.getNameAsString().equals("java.util.stream.Collectors." + name));
      boolean imported = unit.getImports().stream().anyMatch(i -> i.isStatic() && (i.isAsterisk()
          ? i.getNameAsString().equals("java.util.stream.Collectors")
          : i.getNameAsString().equals("java.util.stream.Collectors." + name)));
      return declared || inherited || otherImport || !imported ? Optional.empty() : kind;
    }
    Expression scope = call.getScope().get();
    return scope.toString().equals("java.util.stream.Collectors")
        || scope instanceof NameExpr name && name.getNameAsString().equals("Collectors")
            && javaUtilName(index, unit, "Collectors", "java.util.stream") ? kind : Optional.empty();
  }

  /** The qualified names of a type and the types it is nested in. */
  /**
   * Whether a variable of that name is visible where the node stands, which a reference's scope would then name instead
   * of a type (hostile review 58: a parameter or an inherited field named Objects, whose nonNull was the project's):
   * a local, a parameter, a field of an enclosing class, or one the project declares in their supertypes.
   */
  static boolean variableNamed(ProjectIndex index, Node at, String name) {
    if (VisibleDeclaration.of(at, name).isPresent()) {
      return true;
    }
    for (Node node = at; node != null; node = node.getParentNode().orElse(null)) {
      if (node instanceof com.github.javaparser.ast.body.TypeDeclaration<?> type) {
        if (type.getFields().stream().anyMatch(f -> f.getVariables().stream().anyMatch(v -> v.getNameAsString()
            .equals(name)))) {
          return true;
        }
        if (type.getFullyQualifiedName().stream().flatMap(q -> index.supertypesOf(q).stream())
            .anyMatch(s -> index.type(s).map(f -> f.fieldTypes().containsKey(name)).orElse(false))) {
          return true;
        }
      }
      if (node instanceof com.github.javaparser.ast.expr.ObjectCreationExpr creation
          && creation.getAnonymousClassBody().isPresent()) {
        return true; // an anonymous class inherits fields of a class optkit may not see
      }
    }
    return false;
  }

  static List<String> enclosing(com.github.javaparser.ast.body.TypeDeclaration<?> type) {
    List<String> names = new ArrayList<>();
    for (Node at = type; at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.body.TypeDeclaration<?> declared) {
        declared.getFullyQualifiedName().ifPresent(names::add);
      }
    }
    return names;
  }

  /** Whether a simple name the file writes means the type of that name in the package (imported, not shadowed). */
  static boolean javaUtilName(ProjectIndex index, CompilationUnit unit, String simple, String pkg) {
    boolean shadowed = unit.findAll(com.github.javaparser.ast.body.TypeDeclaration.class).stream()
        .anyMatch(t -> t.getNameAsString().equals(simple))
        || unit.containsData(Imports.PACKAGE_TYPES) && unit.getData(Imports.PACKAGE_TYPES).contains(simple)
        || unit.getImports().stream().anyMatch(i -> !i.isStatic() && !i.isAsterisk()
            && i.getNameAsString().endsWith("." + simple) && !i.getNameAsString().equals(pkg + "." + simple));
    boolean imported = unit.getImports().stream().anyMatch(i -> !i.isStatic()
        && (i.isAsterisk() ? i.getNameAsString().equals(pkg) : i.getNameAsString().equals(pkg + "." + simple)));
    // a project type of the name could be a member type the class inherits (hostile review 51's a3)
    return !shadowed && imported && index.typesNamed(simple).isEmpty();
  }

  /** R of a {@code List<R>} or {@code Set<R>} (in a return type also {@code <? extends R>}), java.util's. */
  static Optional<String> element(ProjectIndex index, CompilationUnit unit, Type type, boolean returned,
      StreamPipelineView.Collected collected) {
    if (!(type instanceof ClassOrInterfaceType list) || !list.getNameAsString().equals(collected.type)
        || list.getTypeArguments().map(List::size).orElse(0) != 1) {
      return Optional.empty();
    }
    boolean qualified = list.getScope().map(s -> s.asString().equals("java.util")).orElse(false);
    if (list.getScope().isPresent() && !qualified || !qualified && !javaUtilName(index, unit, collected.type, "java.util")) {
      return Optional.empty();
    }
    Type argument = list.getTypeArguments().get().get(0);
    if (argument instanceof WildcardType wildcard) {
      return returned ? wildcard.getExtendedType().map(Type::toString) : Optional.empty();
    }
    return Optional.of(argument.toString());
  }
}
