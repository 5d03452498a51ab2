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
 * declared clients match (Feign, Spring Data, MyBatis mappers, also by XML), those no project
 * class implements whose methods carry query or HTTP declaration annotations, and those the project
 * implements by delegation to its query helpers whose annotated methods carry the query.
 */
final class DeclaredClients {
  /**
   * The ids of the generic rule's clients ({@link #declaredByAnnotations}): only a method carrying its query or request
   * is one; another (a library interface's getHandle() the client inherits, close()) is not.
   */
  static final java.util.Set<String> BY_ANNOTATIONS = java.util.Set.of("declared-query-interface",
      "declared-http-interface");

  /**
   * Whether a method of a client the generic rule knows declares its query or request by one of the annotations that
   * rule reads (its text read or not: {@code @SqlQuery} with a classpath locator, or a constant from another jar).
   */
  static boolean declaresByAnnotation(dev.optkit.analyzers.facts.MethodFact method) {
    return method != null && method.annotations().stream().map(a -> a.substring(a.lastIndexOf('.') + 1))
        .anyMatch(simple -> SQL_DECLARATIONS.contains(simple) || HTTP_DECLARATIONS.contains(simple));
  }

  /** The id prefix of interfaces the project implements by delegation to its query helpers. */
  static final String DELEGATED = "delegated-";
  private final Map<String, Optional<DeclaredClientSignature>> declaredClients = new HashMap<>();
  /** Method annotations that declare a query, whatever library they come from (by simple name). */
  private static final Set<String> SQL_DECLARATIONS = Set.of(
      "Query", "NativeQuery", "Select", "Insert", "Update", "Delete", "SqlQuery", "SqlUpdate", "SqlBatch", "SqlCall");
  /** Method annotations that declare an HTTP request on a client interface (not Spring MVC's server mappings). */
  private static final Set<String> HTTP_DECLARATIONS = Set.of(
      "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "Get", "Post", "Put", "Delete", "Patch", "Head",
      "Options", "RequestLine", "WebMethod");

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
    // asked again while deciding (an implementation's call targets weigh declared clients): not one yet
    declaredClients.put(type, result);
    TypeFact fact = types.get(type);
    if (fact != null && fact.isInterface() && index.xmlMappers.isMapper(type)) {
      result = index.catalog.declaredClients().stream().filter(d -> d.id().equals("mybatis-mapper")).findFirst();
    } else if (fact != null && (fact.isInterface() || abstractClass(type))) {
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
   * The client an interface is by its annotations alone, as if no project class implemented it: asked for a call whose
   * caller is never deployed with the interface's implementations ({@code ProjectIndex#implementedOnlyApart}).
   */
  Optional<DeclaredClientSignature> unimplemented(String type) {
    return unimplemented.computeIfAbsent(type, this::computeUnimplemented);
  }

  /** By type: asked of every call made on what a call answered ({@code ProjectIndex#madeByRemoting}). */
  private final Map<String, Optional<DeclaredClientSignature>> unimplemented =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Optional<DeclaredClientSignature> computeUnimplemented(String type) {
    TypeFact fact = types.get(type);
    if (fact == null || !fact.isInterface()) {
      return Optional.empty();
    }
    Optional<DeclaredClientSignature> annotated = annotated(types.supertypesOf(type));
    if (annotated.isPresent()) {
      return annotated;
    }
    // no request declared, yet the project implements it only in other applications: the object the caller holds is a
    // proxy a remoting library made of it (Dubbo's @Reference, Hessian, RMI, a blind trial's 159 calls). Not for a
    // functional interface, which a lambda of the caller's own may implement where no class shows it
    // counted by signature (overloads of one arity are two), Object's own methods redeclared not among them
    long abstractMethods = types.supertypesOf(type).stream().flatMap(t -> index.methodsOfType(t).stream())
        .filter(m -> m.fact().isAbstract() && !m.fact().isStatic()
            && !ObjectMethods.is(m.fact().name(), m.fact().params().size()))
        .map(m -> m.fact().name() + m.fact().params().stream().map(p -> String.valueOf(p.type())).toList())
        .distinct().count();
    return abstractMethods < 2 ? Optional.empty() : Optional.of(REMOTE_SERVICE);
  }

  /** The id of an interface only other applications of the build implement ({@link #unimplemented}). */
  static final String REMOTE_SERVICE_ID = "remote-service-interface";
  private static final DeclaredClientSignature REMOTE_SERVICE = new DeclaredClientSignature(REMOTE_SERVICE_ID,
      ClientKind.API, "remote service (implemented by another application)", List.of(), List.of(), List.of());

  /**
   * A class declaring an abstract method, which only a subclass or a library's run-time subclass implements (Jdbi 2's
   * SqlObjects: {@code dbi.onDemand(TableDao.class)} of an abstract class whose abstract methods carry their SQL).
   */
  private boolean abstractClass(String type) {
    return index.methodsOfType(type).stream().anyMatch(method -> method.fact().isAbstract()
        && !method.fact().isConstructor());
  }

  /**
   * The generic rule beside the catalogue: an interface no project class implements whose methods
   * carry query or HTTP declaration annotations is a client of a library optkit has never heard of
   * (the library implements it at run time). An interface the project implements is its own
   * server side (a JAX-RS resource interface, a generated API) and is left alone.
   */
  private Optional<DeclaredClientSignature> declaredByAnnotations(String type, List<String> ancestry) {
    if (types.hasSubtypes(type)) {
      List<String> subs = types.subtypesOf(type).stream().filter(sub -> !sub.equals(type)).sorted().toList();
      if (!subs.isEmpty() && subs.stream().allMatch(sub -> types.get(sub) != null && types.get(sub).isInterface())) {
        // a base of client interfaces no class implements, one per API version (a trial's GitLabApiProxy, its V3 and V4
        // proxies declaring the requests): a client as they are; which of its methods are requests, DeclaredSites asks
        for (String sub : subs) {
          Optional<DeclaredClientSignature> client = declaredClient(sub);
          if (client.isPresent() && BY_ANNOTATIONS.contains(client.get().id())) {
            return client;
          }
        }
        return Optional.empty();
      }
      return delegatedQueries(type, ancestry);
    }
    return annotated(ancestry);
  }

  /** A query or HTTP client by the first declaration annotation on a method of the ancestry, if any. */
  private Optional<DeclaredClientSignature> annotated(List<String> ancestry) {
    for (String ancestor : ancestry) {
      for (IndexedMethod method : index.methodsOfType(ancestor)) {
        for (String annotation : method.fact().annotations()) {
          String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
          if (SQL_DECLARATIONS.contains(simple)) {
            return Optional.of(new DeclaredClientSignature("declared-query-interface", ClientKind.DB,
                "declared queries", List.of(), List.of(annotation), List.of()));
          }
          if (HTTP_DECLARATIONS.contains(simple)) {
            return Optional.of(new DeclaredClientSignature("declared-http-interface", ClientKind.API,
                "declared HTTP client", List.of(), List.of(annotation), List.of()));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * An interface whose methods carry their query in an annotation ({@code @Sql("SELECT ...")}, a
   * project's own annotation as well as a library's) and which the project implements itself by
   * delegation: every implementation of every such method runs a query of that kind, in its own body
   * or through the project's query helper it calls ({@code one(sqlOf("name"), id)}). A call of it is
   * then that query, with the annotation's text. An interface the project implements otherwise (a
   * server-side resource, an in-memory fixture) is left alone.
   */
  private Optional<DeclaredClientSignature> delegatedQueries(String type, List<String> ancestry) {
    ClientKind kind = null;
    String annotationName = null;
    List<IndexedMethod> annotated = new java.util.ArrayList<>();
    for (String ancestor : ancestry) {
      for (IndexedMethod method : index.methodsOfType(ancestor)) {
        if (!method.fact().isAbstract()) {
          continue;
        }
        for (Map.Entry<String, String> value : method.fact().annotationValues().entrySet()) {
          String simple = value.getKey().substring(value.getKey().lastIndexOf('.') + 1);
          ClientKind declared = dev.optkit.analyzers.facts.sites.SqlStatements.looksLikeSql(value.getValue()) ? ClientKind.DB
              : HTTP_DECLARATIONS.contains(simple) ? ClientKind.API : null;
          if (declared == null) {
            continue;
          }
          if (kind != null && kind != declared) {
            return Optional.empty();
          }
          kind = declared;
          annotationName = simple;
          annotated.add(method);
          break;
        }
      }
    }
    if (kind == null) {
      return Optional.empty();
    }
    List<String> implementations = types.subtypesOf(type).stream().sorted().toList();
    for (IndexedMethod method : annotated) {
      boolean implemented = false;
      for (String implementation : implementations) {
        for (IndexedMethod candidate : index.methods(implementation, method.fact().name())) {
          if (candidate.fact().isAbstract() || candidate.fact().params().size() != method.fact().params().size()) {
            continue;
          }
          if (!delegates(candidate, kind)) {
            return Optional.empty();
          }
          implemented = true;
        }
      }
      if (!implemented) {
        return Optional.empty();
      }
    }
    return Optional.of(new DeclaredClientSignature(DELEGATED + (kind == ClientKind.DB ? "query" : "http") + "-interface",
        kind, "declared " + (kind == ClientKind.DB ? "queries" : "HTTP client") + " (@" + annotationName
            + ", implemented by the project)", List.of(), List.of(), List.of()));
  }

  /**
   * Whether an implementation runs I/O of this kind itself or hands it to a method of the project that
   * does (a query helper). The called method is looked up in the receiver's type and its supertypes
   * only, not through the call targets: declared clients are asked while call targets are computed,
   * and asking for call targets there would compute them inside their own computation.
   */
  private boolean delegates(IndexedMethod implementation, ClientKind kind) {
    if (runsIo(implementation.fact(), kind)) {
      return true;
    }
    for (dev.optkit.analyzers.facts.CallRef call : implementation.fact().calls()) {
      if (call.receiverType() == null) {
        continue;
      }
      for (String owner : types.supertypesOf(call.receiverType())) {
        for (IndexedMethod target : index.methods(owner, call.name())) {
          if (runsIo(target.fact(), kind)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean runsIo(dev.optkit.analyzers.facts.MethodFact method, ClientKind kind) {
    return method.ioSites().stream().anyMatch(site -> site.kind() == kind);
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
