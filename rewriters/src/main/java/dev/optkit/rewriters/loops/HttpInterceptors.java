package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The project's interceptors of its HTTP clients: the client runs them on the thread that makes the
 * call, which for a loop handed to a pool is a pool thread. One that reads the caller's context (a
 * Feign RequestInterceptor copying the request's Authorization header from RequestContextHolder, a
 * RestTemplate interceptor reading the SecurityContext) would send the pooled calls without it: the
 * downstream answers them as another caller, or refuses them.
 */
final class HttpInterceptors {
  /** The interceptor types of the usual HTTP clients (Hibernate's or MyBatis' Interceptor is none: review 53's W1). */
  private static final Set<String> INTERCEPTORS = Set.of("feign.RequestInterceptor",
      "org.springframework.http.client.ClientHttpRequestInterceptor",
      "org.springframework.web.reactive.function.client.ExchangeFilterFunction", "okhttp3.Interceptor",
      "org.apache.http.HttpRequestInterceptor", "org.apache.hc.core5.http.HttpRequestInterceptor",
      "jakarta.ws.rs.client.ClientRequestFilter", "javax.ws.rs.client.ClientRequestFilter");

  private HttpInterceptors() {}

  /** Why the project's interceptors keep remote calls on the caller's thread, if one reads its context. */
  static Optional<String> problem(ProjectIndex index, dev.optkit.rewriters.source.ProjectSources sources) {
    java.util.Map<String, Boolean> registering = new java.util.HashMap<>();
    for (IndexedMethod method : index.methods()) {
      if (!interceptorCode(index, method) && !registersInline(sources, method, registering)) {
        continue;
      }
      Optional<String> perUser = index.perUserCode().whyPerUser(method)
          .map(why -> why.replace(dev.optkit.analyzers.index.PerUserCode.CACHED_ANSWER, ""))
          .or(() -> threadBound(index, sources, method, 3, new java.util.HashSet<>()));
      if (perUser.isPresent()) {
        return Optional.of("the project's HTTP interceptor code " + method.fact().displayName() + "() reads the caller's "
            + "context (" + perUser.get() + "): the HTTP client it is registered with runs it on the thread that makes "
            + "the call, and on a pool thread that context is not there (optkit does not tell which client that is)");
      }
    }
    return Optional.empty();
  }

  /**
   * A method of a class implementing an interceptor type, directly or through project supertypes (review 53's U3),
   * or one returning an interceptor (a lambda @Bean).
   */
  private static boolean interceptorCode(ProjectIndex index, IndexedMethod method) {
    if (INTERCEPTORS.contains(TypeNames.raw(method.fact().returnType()))) {
      return true;
    }
    List<String> ancestry = new ArrayList<>(index.supertypesOf(method.fact().ownerType()));
    for (String type : List.copyOf(ancestry)) {
      index.type(TypeNames.raw(type)).ifPresent(t -> {
        ancestry.addAll(t.superTypes());
        ancestry.addAll(t.interfaces());
      });
    }
    index.type(method.fact().ownerType()).ifPresent(t -> {
      ancestry.addAll(t.superTypes());
      ancestry.addAll(t.interfaces());
    });
    return ancestry.stream().map(TypeNames::raw).anyMatch(INTERCEPTORS::contains);
  }

  /** Calls that register an interceptor on a client or its builder (Feign, RestTemplate and its builder, OkHttp). */
  private static final Set<String> REGISTRATIONS = Set.of("requestInterceptor", "requestInterceptors",
      "additionalInterceptors", "interceptors", "addInterceptor", "addNetworkInterceptor");

  /**
   * Whether the method registers an interceptor written inline, a lambda, a method reference or an anonymous class
   * ({@code rest.getInterceptors().add((request, body, execution) -> ...)}, {@code Feign.builder()
   * .requestInterceptor(t -> ...)}: hostile review 53's U2), whose code is then the method's own.
   */
  private static boolean registersInline(dev.optkit.rewriters.source.ProjectSources sources, IndexedMethod method,
      java.util.Map<String, Boolean> registering) {
    // only files that name a registration are parsed
    boolean named = registering.computeIfAbsent(method.path(), path -> sources.text(path)
        .map(text -> text.contains("getInterceptors()") || REGISTRATIONS.stream().anyMatch(r -> text.contains(r + "(")))
        .orElse(false));
    if (!named) {
      return false;
    }
    return sources.declaration(method).stream()
        .flatMap(declaration -> declaration.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class).stream())
        .filter(call -> REGISTRATIONS.contains(call.getNameAsString()) || call.getNameAsString().equals("add")
            && call.getScope().filter(scope -> scope instanceof com.github.javaparser.ast.expr.MethodCallExpr getter
                && getter.getNameAsString().equals("getInterceptors")).isPresent())
        .flatMap(call -> call.getArguments().stream())
        .anyMatch(argument -> argument instanceof com.github.javaparser.ast.expr.LambdaExpr
            || argument instanceof com.github.javaparser.ast.expr.MethodReferenceExpr
            || argument instanceof com.github.javaparser.ast.expr.ObjectCreationExpr creation
                && creation.getAnonymousClassBody().isPresent());
  }

  /**
   * State bound to the calling thread the method's source names (a tenant ThreadLocal, MDC, the locale: review 53's
   * U1), or a project method it calls does, a few levels down.
   */
  private static Optional<String> threadBound(ProjectIndex index, dev.optkit.rewriters.source.ProjectSources sources,
      IndexedMethod method, int depth, java.util.Set<IndexedMethod> seen) {
    if (depth == 0 || !seen.add(method)) {
      return Optional.empty();
    }
    Optional<String> here = sources.declaration(method).flatMap(declaration -> declaration
        .findAll(com.github.javaparser.ast.Node.class).stream()
        .map(n -> n instanceof com.github.javaparser.ast.expr.NameExpr name ? boundName(name)
            : n instanceof com.github.javaparser.ast.type.ClassOrInterfaceType type ? type.getNameAsString()
            : n instanceof com.github.javaparser.ast.expr.FieldAccessExpr access ? access.getNameAsString() : null)
        .filter(java.util.Objects::nonNull).filter(ConcurrentCalls.THREAD_BOUND::contains).findFirst())
        .map(name -> method.fact().displayName() + "() uses " + name + ", state bound to the calling thread");
    if (here.isPresent()) {
      return here;
    }
    for (IndexedMethod callee : index.calleesOf(method)) {
      Optional<String> below = threadBound(index, sources, callee, depth - 1, seen);
      if (below.isPresent()) {
        return below;
      }
    }
    return Optional.empty();
  }

  /** A name's own text, or the type of the field of its class it names ({@code CURRENT}: a ThreadLocal). */
  private static String boundName(com.github.javaparser.ast.expr.NameExpr name) {
    String field = name.getNameAsString();
    return name.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
        .flatMap(type -> ((com.github.javaparser.ast.body.TypeDeclaration<?>) type).getFieldByName(field))
        .map(declared -> TypeNames.raw(declared.getElementType().asString()))
        .map(type -> type.substring(type.lastIndexOf('.') + 1))
        .filter(ConcurrentCalls.THREAD_BOUND::contains).orElse(field);
  }

}
