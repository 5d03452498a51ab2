package dev.optkit.rewriters.source;

import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.TypeParameter;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a project type's type variables stand for along its supertypes: {@code OrderRepository
 * extends BaseRepository<Order, Long>} with {@code BaseRepository<T, ID> extends CrudRepository<T, ID>}
 * is a {@code CrudRepository<Order, Long>}; {@code Order extends BaseEntity<Long>} makes
 * {@code BaseEntity}'s {@code ID id} a {@code Long}. Type parameters are read from the project's
 * sources; type arguments from the index.
 */
public final class TypeVariables {
  private static final Map<String, String> BOXES = Map.of("int", "Integer", "long", "Long", "double", "Double",
      "float", "Float", "short", "Short", "byte", "Byte", "char", "Character", "boolean", "Boolean");
  private static final int DEPTH = 8;

  private final ProjectIndex index;
  private final ProjectSources sources;

  public TypeVariables(ProjectIndex index, ProjectSources sources) {
    this.index = index;
    this.sources = sources;
  }

  /**
   * The type arguments of the first supertype {@code wanted} accepts (by qualified name), with the
   * type variables of the project types between substituted; empty when none is found.
   */
  public Optional<List<String>> argumentsOf(String type, Predicate<String> wanted) {
    return argumentsOf(type, Map.of(), wanted, 0);
  }

  private Optional<List<String>> argumentsOf(String type, Map<String, String> bindings, Predicate<String> wanted,
      int depth) {
    Optional<TypeFact> fact = index.type(type);
    if (fact.isEmpty() || depth > DEPTH) {
      return Optional.empty();
    }
    for (Map.Entry<String, List<String>> supertype : fact.get().superTypeArguments().entrySet()) {
      List<String> arguments = supertype.getValue().stream().map(a -> bound(a, bindings)).toList();
      if (wanted.test(supertype.getKey())) {
        return Optional.of(arguments);
      }
      Optional<List<String>> deeper = argumentsOf(supertype.getKey(), bind(supertype.getKey(), arguments), wanted,
          depth + 1);
      if (deeper.isPresent()) {
        return deeper;
      }
    }
    return Optional.empty();
  }

  /** What a generic superclass's type variables stand for, seen from a type whose own variables are bound so. */
  public Map<String, String> superclassBindings(String type, String superclass, Map<String, String> bindings) {
    List<String> arguments = index.type(type).map(t -> t.superTypeArguments().get(superclass)).orElse(null);
    if (arguments == null) {
      return Map.of();
    }
    return bind(superclass, arguments.stream().map(a -> bound(a, bindings)).toList());
  }

  /** A type as written, or what the type variable it names stands for. */
  public static String bound(String written, Map<String, String> bindings) {
    String simple = written.substring(written.lastIndexOf('.') + 1);
    return bindings.getOrDefault(simple, written);
  }

  private Map<String, String> bind(String generic, List<String> arguments) {
    List<String> parameters = parameters(generic);
    Map<String, String> bindings = new HashMap<>();
    if (parameters.size() == arguments.size()) {
      for (int i = 0; i < parameters.size(); i++) {
        bindings.put(parameters.get(i), arguments.get(i));
      }
    }
    return bindings;
  }

  /** The type parameters a project type declares, by name; empty for library types. */
  private List<String> parameters(String type) {
    String path = index.pathOfType(type);
    Optional<TypeFact> fact = index.type(type);
    if (path == null || fact.isEmpty()) {
      return List.of();
    }
    String simple = fact.get().simpleName();
    List<String> names = new ArrayList<>();
    sources.unit(path).flatMap(u -> u.findFirst(TypeDeclaration.class, t -> t.getNameAsString().equals(simple)))
        .filter(t -> t instanceof NodeWithTypeParameters<?>)
        .ifPresent(t -> ((NodeWithTypeParameters<?>) t).getTypeParameters().stream().map(TypeParameter::getNameAsString)
            .forEach(names::add));
    return names;
  }

  /** A type as a type argument: primitives boxed. */
  public static String boxed(String type) {
    return BOXES.getOrDefault(type, type);
  }
}
