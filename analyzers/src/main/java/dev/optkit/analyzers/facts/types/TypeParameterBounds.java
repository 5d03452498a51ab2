package dev.optkit.analyzers.facts.types;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a type variable stands for where its declaration is all there is to go by: its bound
 * ({@code R extends JpaRepository<E, Long>} is a {@code JpaRepository}; of an intersection, {@link #chosen}). A repository held as {@code R},
 * in a field, a local or a getter's result, writes what the bound's repository writes whatever a
 * subclass binds {@code R} to (Technic47/Shop_data_model's services wrote through one unseen).
 */
public final class TypeParameterBounds {
  private TypeParameterBounds() {}

  /**
   * The first bound of the type variable a type as written names, declared by the innermost method,
   * constructor or type around the node; empty when the type names no type variable or it has no bound.
   */
  public static Optional<ClassOrInterfaceType> boundAt(Node at, Type written) {
    Optional<ClassOrInterfaceType> bound = Optional.empty();
    // R extends B, B extends JpaRepository<E, Long>: a bound that is itself a variable stands for its own bound
    for (int depth = 0; depth < MAX_CHAIN; depth++) {
      Type current = bound.isPresent() ? bound.get() : written;
      Optional<ClassOrInterfaceType> next = directBound(at, current);
      if (next.isEmpty()) {
        return bound;
      }
      bound = next;
    }
    return bound;
  }

  /** Variables bounded by variables followed at most: a longer chain is a cycle in hostile sources. */
  private static final int MAX_CHAIN = 8;

  private static Optional<ClassOrInterfaceType> directBound(Node at, Type written) {
    if (!(written instanceof ClassOrInterfaceType type) || type.getScope().isPresent() || type.getTypeArguments().isPresent()) {
      return Optional.empty();
    }
    String simple = type.getNameAsString();
    for (Node node = at; node != null; node = node.getParentNode().orElse(null)) {
      if (node instanceof NodeWithTypeParameters<?> generic) {
        for (TypeParameter parameter : generic.getTypeParameters()) {
          if (parameter.getNameAsString().equals(simple)) {
            return parameter.getTypeBound().isEmpty() ? Optional.empty() : Optional.of(chosen(parameter));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The bound that stands for an intersection ({@code R extends Audited & JpaRepository<E, Long>}): the first
   * bound with type arguments, else the last. Java puts a class bound first and interfaces after it, and a marker
   * interface or {@code Object} first made the repository invisible: its writes were lost (hostile review 30, e1).
   */
  public static ClassOrInterfaceType chosen(TypeParameter parameter) {
    var bounds = parameter.getTypeBound();
    return bounds.stream().filter(b -> b.getTypeArguments().isPresent()).findFirst()
        .orElse(bounds.get(bounds.size() - 1));
  }

  /** A type's own type parameters in declaration order, each with its first bound qualified ("" for none). */
  public static Map<String, String> declaredBy(Node type, TypeNames names) {
    Map<String, String> bounds = new LinkedHashMap<>();
    if (type instanceof NodeWithTypeParameters<?> generic) {
      for (TypeParameter parameter : generic.getTypeParameters()) {
        Optional<ClassOrInterfaceType> bound = boundAt(parameter, new ClassOrInterfaceType(null, parameter.getNameAsString()));
        bounds.put(parameter.getNameAsString(), bound.map(b -> names.qualify(b).name()).orElse(""));
      }
    }
    return bounds;
  }
}
