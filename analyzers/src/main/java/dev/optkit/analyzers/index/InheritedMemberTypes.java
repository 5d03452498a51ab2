package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.ReceivedFrom;
import dev.optkit.analyzers.facts.TypeFact;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a field or a getter's result a class inherits holds, seen from that class: the type as its
 * superclass declares it, with the superclasses' type variables replaced by what the class binds them
 * to ({@code ProductService extends AbstractService<Product, ProductRepository>} makes the inherited
 * {@code R repository} a {@code ProductRepository}), else by their first bound ({@code R extends
 * JpaRepository<E, Long>} in {@code AbstractService} itself, or in {@code CrudService<T, Q extends
 * JpaRepository<T, Long>> extends AbstractService<T, Q>}). Null where no project superclass declares it.
 */
final class InheritedMemberTypes {
  /**
   * Superclass links followed at most; cycles are cut by the classes seen. Hostile review 30's e18 put the field
   * 19 superclasses up, beyond the 16 this was: its write was lost.
   */
  private static final int DEPTH = 1024;

  private final ProjectIndex index;

  InheritedMemberTypes(ProjectIndex index) {
    this.index = index;
  }

  /**
   * The type of a field looked up in classes, innermost first ({@code FieldScopes} in the facts): the first that
   * has it, by itself or a superclass, wins; a known type is one the source file knew, an owner with type arguments
   * an anonymous class's superclass ({@code new AbstractService<Order, OrderRepository>() { ... }}).
   */
  String fieldTypeIn(List<ReceivedFrom.Owner> owners, String field) {
    for (ReceivedFrom.Owner owner : owners) {
      if (owner instanceof ReceivedFrom.Owner.Known known) {
        return known.type();
      }
      ReceivedFrom.Owner.Inheriting inheriting = (ReceivedFrom.Owner.Inheriting) owner;
      String type = fieldType(inheriting.type(), field, inheriting.arguments().isEmpty()
          ? ownBounds(inheriting.type()) : written(inheriting.type(), inheriting.arguments()));
      if (type != null) {
        return type;
      }
    }
    return null;
  }

  /** A class's type variables bound to the arguments written ({@code new AbstractService<Order, OrderRepository>()}). */
  private Map<String, String> written(String type, List<String> arguments) {
    Map<String, String> parameters = index.type(type).map(TypeFact::typeParameters).orElse(Map.of());
    if (parameters.size() != arguments.size()) {
      return ownBounds(type);
    }
    Map<String, String> bound = new HashMap<>();
    Iterator<String> argument = arguments.iterator();
    for (String parameter : parameters.keySet()) {
      bound.put(parameter, argument.next());
    }
    return bound;
  }

  /** The type of the field a class or its nearest project superclass declares with that name, or null. */
  String fieldType(String owner, String field) {
    return fieldType(owner, field, ownBounds(owner));
  }

  private String fieldType(String owner, String field, Map<String, String> start) {
    Map<String, String> bindings = start;
    String type = owner;
    Set<String> seen = new HashSet<>();
    for (int depth = 0; depth < DEPTH && type != null && seen.add(type); depth++) {
      Optional<TypeFact> fact = index.type(type);
      if (fact.isEmpty()) {
        return null;
      }
      String written = fact.get().fieldTypes().get(field);
      if (written != null && depth > 0 && fact.get().privateFields().contains(field)) {
        return null; // not inherited: the name is another variable there (e16: a static import of that name)
      }
      if (written != null) {
        return substituted(written, bindings);
      }
      String superclass = superclass(fact.get());
      bindings = superclass == null ? Map.of() : bindingsOf(fact.get(), superclass, bindings);
      type = superclass;
    }
    return null;
  }

  /**
   * A type a member of {@code declaring} writes ({@code R getRepository()}), seen from {@code from}, a class
   * that is or extends it; from the declaring class itself (bounds only) when {@code from} does not extend it.
   */
  String seenFrom(String from, String declaring, String written) {
    Map<String, String> bindings = ownBounds(from);
    String type = from;
    Set<String> seen = new HashSet<>();
    for (int depth = 0; depth < DEPTH && type != null && seen.add(type); depth++) {
      if (type.equals(declaring)) {
        return substituted(written, bindings);
      }
      Optional<TypeFact> fact = index.type(type);
      String superclass = fact.map(InheritedMemberTypes::superclass).orElse(null);
      bindings = superclass == null ? Map.of() : bindingsOf(fact.get(), superclass, bindings);
      type = superclass;
    }
    return substituted(written, ownBounds(declaring));
  }

  /** A class's own type variables with a bound, each standing for it. */
  private Map<String, String> ownBounds(String type) {
    Map<String, String> bounds = new HashMap<>();
    index.type(type).ifPresent(fact -> fact.typeParameters().forEach((name, bound) -> {
      if (!bound.isEmpty()) {
        bounds.put(name, bound);
      }
    }));
    return bounds;
  }

  /** What the superclass's type variables stand for, given what the class's own stand for. */
  private Map<String, String> bindingsOf(TypeFact type, String superclass, Map<String, String> bindings) {
    Map<String, String> bound = ownBounds(superclass);
    List<String> arguments = type.superTypeArguments().get(superclass);
    Map<String, String> parameters = index.type(superclass).map(TypeFact::typeParameters).orElse(Map.of());
    if (arguments == null || arguments.size() != parameters.size()) {
      return bound; // raw, or not what the index read: each variable is its bound
    }
    Iterator<String> argument = arguments.iterator();
    for (String parameter : parameters.keySet()) {
      String value = substituted(argument.next(), bindings);
      if (!isTypeVariable(value, type)) {
        bound.put(parameter, value);
      }
    }
    return bound;
  }

  /** An argument left naming a variable of the class, unbound (CrudService's {@code T}): the superclass's bound stands. */
  private static boolean isTypeVariable(String value, TypeFact type) {
    return type.typeParameters().containsKey(value.substring(value.lastIndexOf('.') + 1));
  }

  private static String substituted(String written, Map<String, String> bindings) {
    return bindings.getOrDefault(written.substring(written.lastIndexOf('.') + 1), written);
  }

  /** A class's superclass when the project declares it; null for interfaces and library superclasses. */
  private static String superclass(TypeFact type) {
    if (!type.kind().equals("class") || type.superTypes().isEmpty()) {
      return null;
    }
    String first = type.superTypes().get(0);
    return type.interfaces().contains(first) ? null : first;
  }
}
