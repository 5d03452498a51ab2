package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
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
  /** The interceptor types of the usual HTTP clients, by simple name. */
  private static final Set<String> INTERCEPTORS = Set.of("RequestInterceptor", "ClientHttpRequestInterceptor",
      "ExchangeFilterFunction", "Interceptor", "HttpRequestInterceptor", "ClientRequestFilter");

  private HttpInterceptors() {}

  /** Why the project's interceptors keep remote calls on the caller's thread, if one reads its context. */
  static Optional<String> problem(ProjectIndex index) {
    for (IndexedMethod method : index.methods()) {
      if (!interceptorCode(index, method)) {
        continue;
      }
      Optional<String> perUser = index.perUserCode().whyPerUser(method);
      if (perUser.isPresent()) {
        return Optional.of("the project's HTTP interceptor code " + method.fact().displayName() + "() reads the caller's "
            + "context (" + perUser.get().replace(dev.optkit.analyzers.index.PerUserCode.CACHED_ANSWER, "")
            + "): the client runs it on the thread that makes the call, and on a pool thread that context is not there");
      }
    }
    return Optional.empty();
  }

  /** A method of a class implementing an interceptor type, or one returning an interceptor (a lambda @Bean). */
  private static boolean interceptorCode(ProjectIndex index, IndexedMethod method) {
    String returned = simple(method.fact().returnType());
    if (INTERCEPTORS.contains(returned)) {
      return true;
    }
    Optional<TypeFact> owner = index.type(method.fact().ownerType());
    return owner.isPresent() && java.util.stream.Stream.concat(owner.get().superTypes().stream(),
        owner.get().interfaces().stream()).map(HttpInterceptors::simple).anyMatch(INTERCEPTORS::contains);
  }

  private static String simple(String type) {
    String bare = type == null ? "" : type.replaceAll("<.*", "");
    return bare.substring(bare.lastIndexOf('.') + 1);
  }
}
