package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The associations a JPA entity maps, from its field annotations: which kind, whether they are
 * fetched eagerly (explicitly, or by JPA's default: to-one eager, to-many lazy), the entity at the
 * other end, and whether Hibernate batches or sub-selects their loading ({@code @BatchSize},
 * {@code @Fetch(SUBSELECT)}), which turns one query per owner into one per batch.
 */
final class EntityAssociations {
  private static final Set<String> ENTITY = Set.of("Entity", "MappedSuperclass");
  private static final Map<String, Boolean> EAGER_BY_DEFAULT = Map.of(
      "OneToMany", false, "ManyToMany", false, "ElementCollection", false, "ManyToOne", true, "OneToOne", true);

  private EntityAssociations() {
  }

  /** @param qualify a type as written to its qualified name */
  static List<TypeFact.Association> of(TypeDeclaration<?> type, Function<Type, String> qualify) {
    if (type.getAnnotations().stream().noneMatch(a -> ENTITY.contains(a.getName().getIdentifier()))) {
      return List.of();
    }
    List<TypeFact.Association> found = new ArrayList<>();
    for (FieldDeclaration field : type.getFields()) {
      for (AnnotationExpr annotation : field.getAnnotations()) {
        String mapping = annotation.getName().getIdentifier();
        if (!EAGER_BY_DEFAULT.containsKey(mapping)) {
          continue;
        }
        boolean eager = EAGER_BY_DEFAULT.get(mapping);
        if (annotation instanceof NormalAnnotationExpr normal) {
          for (var pair : normal.getPairs()) {
            if (pair.getNameAsString().equals("fetch")) {
              String value = pair.getValue().toString();
              eager = value.endsWith("EAGER") || !value.endsWith("LAZY") && eager;
            }
          }
        }
        boolean batched = field.getAnnotations().stream().anyMatch(a -> a.getName().getIdentifier().equals("BatchSize")
            || a.getName().getIdentifier().equals("Fetch") && a.toString().contains("SUBSELECT"));
        for (VariableDeclarator variable : field.getVariables()) {
          found.add(new TypeFact.Association(variable.getNameAsString(), mapping, eager,
              qualify.apply(elementType(variable.getType())), batched));
        }
      }
    }
    return List.copyOf(found);
  }

  private static final Set<String> PROPERTY_MAPPINGS = Set.of("Id", "EmbeddedId", "OneToMany", "ManyToMany",
      "ManyToOne", "OneToOne", "ElementCollection", "Embedded", "Column", "Basic", "Transient", "JoinColumn");

  /**
   * An entity whose mapping {@link #of} cannot see whole: annotations on its getters (property
   * access), {@code @Access}, or embedded objects (whose own associations it does not follow).
   */
  static boolean mappingUnread(TypeDeclaration<?> type) {
    if (type.getAnnotations().stream().noneMatch(a -> ENTITY.contains(a.getName().getIdentifier())
        || a.getName().getIdentifier().equals("Embeddable"))) {
      return false;
    }
    if (type.getAnnotations().stream().anyMatch(a -> a.getName().getIdentifier().equals("Access"))) {
      return true;
    }
    boolean onGetters = type.getMethods().stream().anyMatch(m -> m.getAnnotations().stream()
        .anyMatch(a -> PROPERTY_MAPPINGS.contains(a.getName().getIdentifier())));
    boolean embeds = type.getFields().stream().anyMatch(f -> f.getAnnotations().stream()
        .anyMatch(a -> a.getName().getIdentifier().equals("Embedded") || a.getName().getIdentifier().equals("EmbeddedId")
            || a.getName().getIdentifier().equals("Access")));
    return onGetters || embeds;
  }

  /** {@code List<Visit>} maps to {@code Visit}; a plain {@code Owner} to itself. */
  private static Type elementType(Type type) {
    if (type instanceof ClassOrInterfaceType declared && declared.getTypeArguments().isPresent()
        && !declared.getTypeArguments().get().isEmpty()) {
      var arguments = declared.getTypeArguments().get();
      return arguments.get(arguments.size() - 1); // Map<K, V>: the value
    }
    return type;
  }
}
