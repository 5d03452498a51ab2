package dev.optkit.analyzers.index;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.catalog.DeclaredClientSignature;
import dev.optkit.analyzers.facts.TypeFact;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which project interfaces are clients a library implements at run time: those the catalogue's
 * declared clients match (Feign, Spring Data, MyBatis mappers, also by XML), and those no project
 * class implements whose methods carry query or HTTP declaration annotations.
 */
final class DeclaredClients {
  private final Map<String, Optional<DeclaredClientSignature>> declaredClients = new HashMap<>();
  /** Method annotations that declare a query, whatever library they come from (by simple name). */
  private static final Set<String> SQL_DECLARATIONS = Set.of(
      "Query", "NativeQuery", "Select", "Insert", "Update", "Delete", "SqlQuery", "SqlUpdate", "SqlBatch", "SqlCall");
  /** Method annotations that declare an HTTP request on a client interface (not Spring MVC's server mappings). */
  private static final Set<String> HTTP_DECLARATIONS = Set.of(
      "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "Get", "Post", "Put", "Delete", "Patch", "Head",
      "Options", "RequestLine");

  private final ProjectIndex index;
  private final TypeHierarchy types;

  DeclaredClients(ProjectIndex index, TypeHierarchy types) {
    this.index = index;
    this.types = types;
  }

  /** The declared-client signature a project type matches (Feign, Spring Data...), if any. */
  Optional<DeclaredClientSignature> declaredClient(String type) {
    Optional<DeclaredClientSignature> cached = declaredClients.get(type);
    if (cached != null) {
      return cached;
    }
    Optional<DeclaredClientSignature> result = Optional.empty();
    TypeFact fact = types.get(type);
    if (fact != null && fact.isInterface() && index.xmlMappers.isMapper(type)) {
      result = index.catalog.declaredClients().stream().filter(d -> d.id().equals("mybatis-mapper")).findFirst();
    } else if (fact != null && fact.isInterface()) {
      List<String> ancestry = types.supertypesOf(type);
      for (DeclaredClientSignature signature : index.catalog.declaredClients()) {
        if (matches(signature, ancestry)) {
          result = Optional.of(signature);
          break;
        }
      }
      if (result.isEmpty()) {
        result = declaredByAnnotations(type, ancestry);
      }
    } else if (fact == null) {
      // the library's own interface (JpaRepository), the bound of a field typed by a type variable
      // (AbstractService<E, R extends JpaRepository<E, Long>>): whichever repository stands for it
      for (DeclaredClientSignature signature : index.catalog.declaredClients()) {
        if (matches(signature, List.of(type))) {
          result = Optional.of(signature);
          break;
        }
      }
    }
    declaredClients.put(type, result);
    return result;
  }

  /**
   * The generic rule beside the catalogue: an interface no project class implements whose methods
   * carry query or HTTP declaration annotations is a client of a library optkit has never heard of
   * (the library implements it at run time). An interface the project implements is its own
   * server side (a JAX-RS resource interface, a generated API) and is left alone.
   */
  private Optional<DeclaredClientSignature> declaredByAnnotations(String type, List<String> ancestry) {
    if (types.hasSubtypes(type)) {
      return Optional.empty();
    }
    for (String ancestor : ancestry) {
      for (IndexedMethod method : index.methodsOfType(ancestor)) {
        for (String annotation : method.fact().annotations()) {
          String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
          if (SQL_DECLARATIONS.contains(simple)) {
            return Optional.of(new DeclaredClientSignature("declared-query-interface", ClientKind.DB,
                "declared queries (@" + simple + ")", List.of(), List.of(annotation), List.of()));
          }
          if (HTTP_DECLARATIONS.contains(simple)) {
            return Optional.of(new DeclaredClientSignature("declared-http-interface", ClientKind.API,
                "declared HTTP client (@" + simple + ")", List.of(), List.of(annotation), List.of()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private boolean matches(DeclaredClientSignature signature, List<String> ancestry) {
    for (String ancestor : ancestry) {
      if (signature.superTypes().contains(ancestor)) {
        return true;
      }
      TypeFact fact = types.get(ancestor);
      if (fact == null) {
        continue;
      }
      if (fact.annotations().stream().anyMatch(signature.typeAnnotations()::contains)) {
        return true;
      }
      for (IndexedMethod method : index.methodsOfType(ancestor)) {
        if (method.fact().annotations().stream().anyMatch(signature.methodAnnotations()::contains)) {
          return true;
        }
      }
    }
    return false;
  }
}
