package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether one web request may run both a call of a cached method through Spring's proxy and a method of its own
 * class calling it through {@code this}. Only then does open-session-in-view make the two one entity: the proxied
 * call's miss caches the request's managed instance, and the self-call's load answers that very instance from the
 * persistence context, which the caller then changes (audit 16's S29: no request of the project did both).
 *
 * <p>A request runs what its handler reaches, and what runs around every handler: filters and interceptors, and
 * {@code @ModelAttribute}/{@code @InitBinder} methods, counted for every handler. More than {@link #LIMIT} methods
 * reached is no proof: it counts as both.
 */
final class SameRequest {
  private static final int LIMIT = 5000;
  private static final Set<String> AROUND_EVERY_REQUEST = Set.of("javax.servlet.Filter", "jakarta.servlet.Filter",
      "org.springframework.web.filter.OncePerRequestFilter", "org.springframework.web.filter.GenericFilterBean",
      "org.springframework.web.servlet.HandlerInterceptor", "org.springframework.web.context.request.WebRequestInterceptor",
      "org.springframework.web.servlet.handler.HandlerInterceptorAdapter", "org.springframework.web.server.WebFilter");
  private static final Set<String> BESIDE_HANDLERS = Set.of("ModelAttribute", "InitBinder");

  private final ProjectIndex index;
  private final ResultSharing sharing;
  private List<IndexedMethod> around;

  SameRequest(ProjectIndex index, ResultSharing sharing) {
    this.index = index;
    this.sharing = sharing;
  }

  /**
   * Whether some request may reach the method through its proxy and also one of its self-callers. Proven not only
   * when optkit sees every such call run by a handler: a proxied call or self-caller no handler reaches may be run
   * by code it does not see (the framework, a template, another module) in any request.
   */
  boolean mayProxyAndSelfCall(IndexedMethod target) {
    Set<IndexedMethod> selfCallers = new HashSet<>();
    Set<IndexedMethod> proxiedCallers = new HashSet<>();
    for (IndexedMethod caller : index.callersOf(target)) {
      if (dev.optkit.analyzers.source.SourceSet.isTestPath(caller.path())) {
        continue;
      }
      for (CallRef call : caller.fact().calls()) {
        if (index.allTargetsOf(call).contains(target)) {
          (sharing.selfCall(caller, call, target) ? selfCallers : proxiedCallers).add(caller);
        }
      }
    }
    if (selfCallers.isEmpty() || proxiedCallers.isEmpty()) {
      return true; // nothing to tell apart, or the read is requested by code optkit does not see
    }
    if (around == null) {
      around = index.methods().stream().filter(this::aroundRequests).toList();
    }
    Set<IndexedMethod> handled = new HashSet<>();
    for (IndexedMethod entry : index.methods()) {
      if (index.webEntryPoints().whyEntryPoint(entry).isEmpty()) {
        continue;
      }
      Set<IndexedMethod> reached = reach(entry, around);
      if (reached == null) {
        return true;
      }
      handled.addAll(reached);
      if (reached.stream().anyMatch(selfCallers::contains) && reached.stream().anyMatch(proxiedCallers::contains)) {
        return true;
      }
    }
    return !handled.containsAll(selfCallers) || !handled.containsAll(proxiedCallers);
  }

  /** Filters, interceptors and the methods Spring MVC runs beside handlers. */
  private boolean aroundRequests(IndexedMethod method) {
    if (method.fact().annotations().stream().map(ProjectTraits::simpleName).anyMatch(BESIDE_HANDLERS::contains)) {
      return true;
    }
    return index.supertypesOf(method.fact().ownerType()).stream().anyMatch(AROUND_EVERY_REQUEST::contains);
  }

  /** Every method the entry and what runs around it reach, or null past the limit; worked out once per entry. */
  private Set<IndexedMethod> reach(IndexedMethod entry, List<IndexedMethod> around) {
    if (reaches.containsKey(entry)) {
      return reaches.get(entry);
    }
    Set<IndexedMethod> reached = walk(entry, around);
    reaches.put(entry, reached);
    return reached;
  }

  private final java.util.Map<IndexedMethod, Set<IndexedMethod>> reaches = new java.util.HashMap<>();

  private Set<IndexedMethod> walk(IndexedMethod entry, List<IndexedMethod> around) {
    Set<IndexedMethod> reached = new HashSet<>();
    Deque<IndexedMethod> pending = new ArrayDeque<>();
    pending.add(entry);
    pending.addAll(around);
    while (!pending.isEmpty()) {
      IndexedMethod method = pending.poll();
      if (!reached.add(method)) {
        continue;
      }
      if (reached.size() > LIMIT) {
        return null;
      }
      for (CallRef call : method.fact().calls()) {
        pending.addAll(index.allTargetsOf(call));
      }
    }
    return reached;
  }
}
