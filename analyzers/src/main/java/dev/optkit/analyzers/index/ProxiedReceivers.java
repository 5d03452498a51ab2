package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.ClassLiteral;
import dev.optkit.analyzers.facts.Root;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the object a call is made on is a client proxy a remoting library made of the interface called: what a
 * library's proxy factory answered when handed the interface's class literal ({@code service.getPort(Port.class)},
 * {@code target.proxy(Api.class)}, {@code JAXRSClientFactory.create(url, Api.class)}), directly, through a local, or
 * through project methods returning it, up to {@value #MAX_DEPTH} deep, a {@code Class<T>} parameter handed on
 * standing for the caller's literal. Such a call is a request to the service, not a call of the project's
 * implementation of the interface (a blind trial's jUDDI: a node's replication client, reported as the server's
 * query). Only factories by these names count, and only for an interface declaring its requests by annotation
 * ({@code ProjectIndex#madeByRemoting}): a bean lookup ({@code getBean(Api.class)}), a JDK dynamic proxy, GWT's
 * {@code create} or an in-process Camel proxy answers the project's own object, whose code runs in place.
 */
final class ProxiedReceivers {
  /** The proxy factories' method names (JAX-WS, RESTEasy, CXF, MicroProfile, Feign, Hessian, Spring remoting). */
  private static final Set<String> FACTORIES = Set.of("getPort", "proxy", "create", "build", "target", "createProxy");
  private static final int MAX_DEPTH = 4;

  private final ProjectIndex index;
  /** The method making each call whose receiver may be such a proxy: a call's result, of a project interface. */
  private volatile Map<CallRef, IndexedMethod> callers;

  ProxiedReceivers(ProjectIndex index) {
    this.index = index;
  }

  /** Whether what the call is made on may be what another call answered: the calls whose receiver may be a proxy. */
  static boolean onACallsResult(CallRef call) {
    return !call.roots().isEmpty() && call.roots().get(0).any().stream().anyMatch(Root.CallResult.class::isInstance);
  }

  /** Whether every value the call's receiver may be is a proxy of {@code type} a remoting library made. */
  boolean proxied(CallRef call, String type) {
    IndexedMethod caller = callers().get(call);
    if (caller == null) {
      return false;
    }
    for (Root root : call.roots().get(0).any()) {
      if (!(root instanceof Root.CallResult result) || !proxies(caller, result, List.of(), 0).contains(type)) {
        return false;
      }
    }
    return true;
  }

  private Map<CallRef, IndexedMethod> callers() {
    Map<CallRef, IndexedMethod> known = callers;
    if (known == null) {
      synchronized (this) {
        if (callers == null) {
          Map<CallRef, IndexedMethod> found = new IdentityHashMap<>();
          for (IndexedMethod method : index.methods()) {
            for (CallRef call : method.fact().calls()) {
              if (onACallsResult(call)) {
                found.put(call, method);
              }
            }
          }
          callers = found;
        }
        known = callers;
      }
    }
    return known;
  }

  /**
   * The interfaces the call at {@code result} in {@code method} answers a library-made proxy of; empty when it may
   * answer anything else.
   *
   * @param literals the class literals the call of {@code method} was handed, for a {@code Class<T>} parameter of it
   */
  private Set<String> proxies(IndexedMethod method, Root.CallResult result, List<ClassLiteral> literals, int depth) {
    CallRef made = method.fact().calls().stream().filter(c -> c.name().equals(result.name())
        && c.range().line() == result.line() && c.range().column() == result.column()).findFirst().orElse(null);
    if (made == null || depth > MAX_DEPTH) {
      return Set.of();
    }
    List<ClassLiteral> handed = made.classLiterals().isEmpty() && handsClassParameter(method, made) ? literals
        : made.classLiterals();
    List<IndexedMethod> targets = index.targetsOf(made);
    if (targets.isEmpty()) {
      return FACTORIES.contains(made.name()) ? named(handed) : Set.of();
    }
    Set<String> common = null;
    for (IndexedMethod target : targets) {
      Set<String> each = returnedProxies(target, handed, depth + 1);
      common = common == null ? new HashSet<>(each) : common;
      common.retainAll(each);
    }
    return common == null ? Set.of() : common;
  }

  /** The interfaces every value a project method returns is a library-made proxy of. */
  private Set<String> returnedProxies(IndexedMethod method, List<ClassLiteral> literals, int depth) {
    Set<String> common = null;
    for (dev.optkit.analyzers.facts.Roots returned : method.fact().returnRoots()) {
      for (Root root : returned.any()) {
        if (!(root instanceof Root.CallResult result)) {
          return Set.of();
        }
        Set<String> each = proxies(method, result, literals, depth);
        common = common == null ? new HashSet<>(each) : common;
        common.retainAll(each);
      }
    }
    return common == null ? Set.of() : common;
  }

  /** Whether the call is handed a parameter of the method declared as a {@code Class}. */
  private static boolean handsClassParameter(IndexedMethod method, CallRef call) {
    return call.parametersInArguments().stream().anyMatch(p -> p < method.fact().params().size()
        && method.fact().params().get(p).type() != null && method.fact().params().get(p).type().startsWith("Class"));
  }

  private static Set<String> named(List<ClassLiteral> literals) {
    Set<String> names = new HashSet<>();
    literals.stream().filter(literal -> literal.qualified() != null).forEach(literal -> names.add(literal.qualified()));
    return names;
  }
}
