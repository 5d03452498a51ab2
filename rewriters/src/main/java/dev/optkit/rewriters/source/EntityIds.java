package dev.optkit.rewriters.source;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.Optional;
import java.util.Set;

/**
 * The getter of an entity's identifier, as its source declares it: the field annotated {@code @Id}
 * (Spring Data's, JPA's under jakarta or javax) in the entity or a superclass of the project's, and
 * the method that returns it ({@code getId()} declared, or made by Lombok's {@code @Getter} or
 * {@code @Data}; a record's accessor).
 */
public final class EntityIds {
  private static final Set<String> ID_ANNOTATIONS = Set.of("Id", "org.springframework.data.annotation.Id",
      "jakarta.persistence.Id", "javax.persistence.Id");
  private static final Set<String> LOMBOK_GETTERS = Set.of("Getter", "lombok.Getter", "Data", "lombok.Data",
      "Value", "lombok.Value");

  private final ProjectIndex index;
  private final ProjectSources sources;
  private final TypeVariables typeVariables;

  public EntityIds(ProjectIndex index, ProjectSources sources, TypeVariables typeVariables) {
    this.index = index;
    this.sources = sources;
    this.typeVariables = typeVariables;
  }

  /** The getter of an entity's id, and the id field's type as written, boxed ({@code Long}). */
  public record Id(String getter, String type) {}

  /** The id's getter ({@code getId}) and type, or empty when optkit cannot find them. */
  public Optional<Id> of(String entity) {
    String current = entity;
    // what the type variables of the class being read stand for (BaseEntity<ID>'s ID, seen from Order)
    java.util.Map<String, String> bindings = java.util.Map.of();
    for (int depth = 0; depth < 6 && current != null; depth++) {
      Optional<TypeFact> fact = index.type(current);
      String path = index.pathOfType(current);
      if (fact.isEmpty() || path == null) {
        return Optional.empty();
      }
      String simple = fact.get().simpleName();
      Optional<TypeDeclaration<?>> declared = sources.unit(path).flatMap(u -> u.findFirst(TypeDeclaration.class,
          t -> t.getNameAsString().equals(simple)).map(t -> (TypeDeclaration<?>) t));
      if (declared.isEmpty()) {
        return Optional.empty();
      }
      java.util.Map<String, String> bound = bindings;
      if (declared.get() instanceof RecordDeclaration record) {
        return record.getParameters().stream().filter(p -> p.getAnnotations().stream()
            .anyMatch(a -> ID_ANNOTATIONS.contains(a.getNameAsString())))
            .map(p -> new Id(p.getNameAsString(), TypeVariables.boxed(TypeVariables.bound(p.getType().asString(), bound))))
            .findFirst();
      }
      for (FieldDeclaration field : declared.get().getFields()) {
        if (field.getVariables().size() != 1 || field.getAnnotations().stream()
            .noneMatch(a -> ID_ANNOTATIONS.contains(a.getNameAsString()))) {
          continue;
        }
        String name = field.getVariable(0).getNameAsString();
        String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String fieldType = TypeVariables.boxed(TypeVariables.bound(field.getVariable(0).getType().asString(), bindings));
        var getters = declared.get().getMethodsByName(getter).stream()
            .filter(m -> m.getParameters().isEmpty() && !m.isStatic()).toList();
        // a getter of its own must be public and return the field's type; Lombok's only when nothing renames or hides it
        // and return the field itself: getId() { return mergedInto != null ? mergedInto : id; } would put a row
        // under another key than the one it was loaded by
        boolean declaredGetter = getters.size() == 1 && getters.get(0).isPublic()
            && TypeVariables.boxed(TypeVariables.bound(getters.get(0).getType().asString(), bindings)).equals(fieldType)
            && returnsField(getters.get(0), name);
        boolean lombok = getters.isEmpty()
            && (field.getAnnotations().stream().anyMatch(a -> LOMBOK_GETTERS.contains(a.getNameAsString())
                && a.isMarkerAnnotationExpr())
            || declared.get().getAnnotations().stream().anyMatch(a -> LOMBOK_GETTERS.contains(a.getNameAsString())
                && a.isMarkerAnnotationExpr()) && field.getAnnotations().stream()
                .noneMatch(a -> a.getNameAsString().endsWith("Getter")))
            && declared.get().getAnnotations().stream().noneMatch(a -> a.getNameAsString().endsWith("Accessors"))
            && field.getAnnotations().stream().noneMatch(a -> a.getNameAsString().endsWith("Accessors"));
        return declaredGetter || lombok
            ? Optional.of(new Id(getter, fieldType)) : Optional.empty();
      }
      String next = declared.get() instanceof ClassOrInterfaceDeclaration type && !type.getExtendedTypes().isEmpty()
          ? superclass(fact.get()) : null;
      if (next != null) {
        bindings = typeVariables.superclassBindings(current, next, bindings);
      }
      current = next;
    }
    return Optional.empty();
  }

  /** {@code return id;} or {@code return this.id;}, and nothing else. */
  private static boolean returnsField(com.github.javaparser.ast.body.MethodDeclaration getter, String field) {
    var statements = getter.getBody().map(b -> b.getStatements()).orElse(null);
    if (statements == null || statements.size() != 1
        || !(statements.get(0) instanceof com.github.javaparser.ast.stmt.ReturnStmt returned)) {
      return false;
    }
    var value = returned.getExpression().orElse(null);
    return value instanceof com.github.javaparser.ast.expr.NameExpr name && name.getNameAsString().equals(field)
        || value instanceof com.github.javaparser.ast.expr.FieldAccessExpr access
            && access.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr && access.getNameAsString().equals(field);
  }

  /** The project superclass a class extends, qualified, or null. */
  private String superclass(TypeFact type) {
    return type.superTypes().stream().filter(s -> index.type(s).filter(t -> t.kind().equals("class")).isPresent())
        .findFirst().orElse(null);
  }
}
