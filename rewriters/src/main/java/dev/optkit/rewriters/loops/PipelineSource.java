package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a stream pipeline walks and calls, as the loop written for it will: the collection (a local, parameter or
 * field declared as a java.util collection, or a plain getter of a parameter) and its element type, and a method
 * reference's receiver, which the stream evaluates once and the loop at each element.
 */
final class PipelineSource {
  private PipelineSource() {}

  /** The element type of the collection a pipeline walks, or why it walks none optkit reads; both null: unnamed. */
  record Walked(String elementType, String problem) {
    static Walked problem(String why) {
      return new Walked(null, why);
    }

    static Walked of(Optional<String> elementType) {
      return new Walked(elementType.orElse(null), null);
    }
  }

  /**
   * The element type of what the pipeline streams, written so the file can name it: a local, parameter or field
   * declared as a java.util collection ({@code List<Item>}: Item), or a getter of a local or parameter that returns
   * such a field (its type qualified); the reason when it is none of these; neither when it is one whose element
   * type optkit cannot write.
   */
  static Walked sourceElementType(CompilationUnit unit, CallableDeclaration<?> method, Node at,
      Expression source, ProjectIndex index, dev.optkit.rewriters.source.ProjectSources sources) {
    if (source instanceof MethodCallExpr getter) {
      if (!getter.getArguments().isEmpty() || !(getter.getScope().orElse(null) instanceof NameExpr)) {
        return Walked.problem("it streams " + getter + ", which is not a getter of a local or parameter");
      }
      IterableGetter.FieldOrProblem field = IterableGetter.of(method, getter, at, index);
      if (field.problem() != null) {
        return Walked.problem(field.problem());
      }
      // the index keeps field types erased: the element type is the one the getter's own signature writes, or for a
      // generated getter (Lombok's, a record's: job-vacy-backend's) the field's declaration
      Optional<CompilationUnit> getterFile = field.getter() != null
          ? sources.declaration(field.getter()).flatMap(Node::findCompilationUnit)
          : Optional.ofNullable(field.fieldOwner()).map(index::pathOfType).flatMap(sources::unit);
      List<Type> arguments = field.getter() != null
          ? dev.optkit.analyzers.index.ReturnTypeArguments.of(field.getter().fact())
          : getterFile.flatMap(file -> declaredType(file, field.fieldOwner(), field.field()))
              .filter(ClassOrInterfaceType.class::isInstance).map(ClassOrInterfaceType.class::cast)
              .flatMap(ClassOrInterfaceType::getTypeArguments).<List<Type>>map(List::copyOf).orElse(List.of());
      if (arguments.size() != 1 || !(arguments.get(0) instanceof ClassOrInterfaceType written)
          || written.getTypeArguments().isPresent() || written.getScope().isPresent()) {
        return Walked.of(Optional.empty());
      }
      // the name as the getter's own file means it, written so this file means the same (hostile review 52's N6)
      return Walked.of(getterFile.flatMap(file -> TypeNamesInFile.qualified(file, written.getNameAsString(), index))
          .map(qualified -> TypeNamesInFile.written(unit, qualified, index)));
    }
    String name = source instanceof NameExpr n ? n.getNameAsString()
        : source instanceof FieldAccessExpr access && access.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr self
            && self.getTypeName().isEmpty() ? access.getNameAsString() : null;
    Optional<Type> declared = name == null ? Optional.empty()
        : source instanceof NameExpr && VisibleDeclaration.of(at, name).isPresent()
            ? VisibleDeclaration.of(at, name).map(VisibleDeclaration::type)
            : fieldType(at, name);
    String notCollection = "it streams " + source + ", which is not a local, parameter or field declared as a "
        + "java.util collection (List<T>, Set<T>, Collection<T>...), nor a getter of one";
    if (declared.isEmpty() || !(declared.get() instanceof ClassOrInterfaceType type)) {
      return Walked.problem(notCollection);
    }
    String simple = type.getNameAsString();
    boolean qualified = type.getScope().map(s -> s.asString().equals("java.util")).orElse(false);
    if (!ProjectCollections.JAVA_UTIL_COLLECTIONS.contains(simple) || type.getScope().isPresent() && !qualified
        || !qualified && !PipelineNames.javaUtilName(index, unit, simple, "java.util")
        || type.getTypeArguments().map(List::size).orElse(0) != 1) {
      return Walked.problem(notCollection);
    }
    Type argument = type.getTypeArguments().get().get(0);
    if (argument instanceof WildcardType wildcard) {
      return Walked.of(wildcard.getExtendedType().map(Type::toString));
    }
    return Walked.of(Optional.of(argument.toString()));
  }

  /** The type a class of the file declares a field (or a record component) of that name with. */
  private static Optional<Type> declaredType(CompilationUnit file, String owner, String field) {
    for (com.github.javaparser.ast.body.TypeDeclaration<?> type
        : file.findAll(com.github.javaparser.ast.body.TypeDeclaration.class)) {
      if (!type.getFullyQualifiedName().filter(owner::equals).isPresent()) {
        continue;
      }
      Optional<Type> declared = type.getFieldByName(field).flatMap(f -> f.getVariables().stream()
          .filter(v -> v.getNameAsString().equals(field)).findFirst()).map(v -> v.getType());
      if (declared.isEmpty() && type instanceof com.github.javaparser.ast.body.RecordDeclaration record) {
        declared = record.getParameterByName(field).map(com.github.javaparser.ast.body.Parameter::getType);
      }
      return declared;
    }
    return Optional.empty();
  }

  /** The declared type of a field of the class the node is in. */
  static Optional<Type> fieldType(Node at, String name) {
    return at.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
        .flatMap(type -> ((com.github.javaparser.ast.body.TypeDeclaration<?>) type).getFields().stream()
            .flatMap(f -> f.getVariables().stream()).filter(v -> v.getNameAsString().equals(name))
            .map(VariableDeclarator::getType).findFirst());
  }

  /**
   * Why a method reference is not one the loop may call anew for each element: the stream evaluates its receiver
   * once, before the first element, and the loop at each; only {@code this} and a final field of the class (which
   * nothing changes after construction) are the same at each.
   */
  static Optional<String> receiverProblem(MethodReferenceExpr reference, Statement statement) {
    if (reference.getTypeArguments().isPresent() || reference.getIdentifier().equals("new")) {
      return Optional.of("its method reference " + reference + " is not a call optkit writes out");
    }
    Expression receiver = reference.getScope();
    if (receiver instanceof com.github.javaparser.ast.expr.ThisExpr self && self.getTypeName().isEmpty()) {
      return Optional.empty();
    }
    // pricing::fetch parses as a type's reference when no local is named pricing (JavaParser cannot tell)
    String name = receiver instanceof NameExpr n ? n.getNameAsString()
        : receiver instanceof com.github.javaparser.ast.expr.TypeExpr written
            && written.getType() instanceof ClassOrInterfaceType plain && plain.getScope().isEmpty()
            && plain.getTypeArguments().isEmpty() ? plain.getNameAsString()
        : receiver instanceof com.github.javaparser.ast.expr.FieldAccessExpr access
            && access.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr self && self.getTypeName().isEmpty()
            ? access.getNameAsString() : null;
    if (name != null && (receiver instanceof com.github.javaparser.ast.expr.FieldAccessExpr
        || VisibleDeclaration.of(statement, name).isEmpty()) && finalField(statement, name)) {
      return Optional.empty();
    }
    return Optional.of("its method reference " + reference + " is not on this or a final field of the class: the "
        + "stream evaluates its receiver once, before the first element, and the loop would at each element");
  }

  /**
   * Whether the class the statement is in declares a final field of that name. In an anonymous class the name may be
   * one of its own fields, or one it inherits: none is read (hostile review 52's N1: its field was not final).
   */
  static boolean finalField(Statement statement, String name) {
    for (Node at = statement.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
        return false;
      }
      if (at instanceof com.github.javaparser.ast.body.TypeDeclaration<?> type) {
        return type.getFields().stream()
            .anyMatch(f -> f.isFinal() && f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name)));
      }
    }
    return false;
  }
}
