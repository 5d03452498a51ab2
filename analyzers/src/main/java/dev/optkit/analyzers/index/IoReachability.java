package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.Confidence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Which I/O does this method perform, directly or through project methods?", over the whole call
 * graph with no depth cap: the graph's strongly connected components are found (Tarjan, iterative,
 * so deep graphs cannot overflow the stack) and each is solved once its callees are, so recursion
 * and cycles are exact rather than cut. Each site is reached once, by its shortest chain of
 * project methods (the one messages print), confidence being that chain's weakest link.
 *
 * <p>A call is not followed when it is deferred (a task handed to an executor), when it is itself a
 * declared client's site, or when its target is already cached, except when called on {@code this}
 * from its own class: that call skips the caching proxy, so its I/O still happens every time.
 */
final class IoReachability {
  private record Key(String path, IoSite site) {}

  private record Edge(IndexedMethod target, Confidence confidence) {}

  private static final Comparator<ReachedIo> ORDER = Comparator
      .comparingInt((ReachedIo r) -> r.via().size())
      .thenComparing(ReachedIo::sitePath)
      .thenComparing(r -> r.site().range())
      .thenComparing(r -> String.join(">", r.via()));

  private final ProjectIndex index;
  private final Map<IndexedMethod, List<ReachedIo>> solved = new IdentityHashMap<>();
  private final Map<IndexedMethod, List<Edge>> edges = new IdentityHashMap<>();

  IoReachability(ProjectIndex index) {
    this.index = index;
  }

  synchronized List<ReachedIo> of(IndexedMethod method) {
    if (!solved.containsKey(method)) {
      solveFrom(method);
    }
    return solved.get(method);
  }

  /** What one call reaches through the project methods it may run. */
  synchronized List<ReachedIo> through(IndexedMethod caller, CallRef call) {
    Map<Key, ReachedIo> best = new LinkedHashMap<>();
    for (Edge edge : edgesOf(caller, List.of(call))) {
      for (ReachedIo inner : of(edge.target())) {
        offer(best, extended(edge, inner));
      }
    }
    return sorted(best);
  }

  private List<Edge> edges(IndexedMethod method) {
    return edges.computeIfAbsent(method, m -> edgesOf(m, m.fact().allCalls()));
  }

  private List<Edge> edgesOf(IndexedMethod caller, List<CallRef> calls) {
    List<Edge> found = new ArrayList<>();
    for (CallRef call : calls) {
      if (call.deferred()) {
        continue;
      }
      boolean site = index.declaredSite(call).isPresent();
      for (IndexedMethod target : index.targetsOf(call)) {
        if (site && !defaultMethod(target)) {
          continue; // the site is the call's I/O
        }
        // a call from its own class skips an annotation's proxy, not a cache its body keeps (piggymetrics' convert()
        // reading getCurrentRates(), which keeps the day's rates in a field)
        boolean selfInvocation = target.fact().ownerType().equals(caller.fact().ownerType())
            && !index.cachedInItsBody(target);
        if (!index.alreadyCached(target) || selfInvocation) {
          found.add(new Edge(target, call.confidence()));
        }
      }
    }
    return found;
  }

  /**
   * A default method of an interface (a repository's {@code getRestaurantDishes()} grouping what an {@code @Query}
   * below it reads): a call of it is a site by its name, and its body is followed too, to the queries it runs (audit
   * 16's U1: a service reading today's dishes through one was cached, the @Query's current_date unseen).
   */
  private boolean defaultMethod(IndexedMethod target) {
    return !target.fact().isAbstract() && !target.fact().isStatic()
        && index.type(target.fact().ownerType()).map(t -> t.kind().equals("interface")).orElse(false);
  }

  /** Tarjan's algorithm from one method, iteratively; every component it completes is solved at once. */
  private void solveFrom(IndexedMethod root) {
    Map<IndexedMethod, Integer> order = new IdentityHashMap<>();
    Map<IndexedMethod, Integer> low = new IdentityHashMap<>();
    Deque<IndexedMethod> stack = new ArrayDeque<>();
    java.util.Set<IndexedMethod> onStack = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object[]> work = new ArrayDeque<>(); // {method, next edge index}
    int counter = 0;
    order.put(root, counter);
    low.put(root, counter++);
    stack.push(root);
    onStack.add(root);
    work.push(new Object[] {root, 0});
    while (!work.isEmpty()) {
      Object[] frame = work.peek();
      IndexedMethod method = (IndexedMethod) frame[0];
      List<Edge> out = edges(method);
      int next = (int) frame[1];
      if (next < out.size()) {
        frame[1] = next + 1;
        IndexedMethod target = out.get(next).target();
        if (solved.containsKey(target)) {
          continue;
        }
        if (!order.containsKey(target)) {
          order.put(target, counter);
          low.put(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push(new Object[] {target, 0});
        } else if (onStack.contains(target)) {
          low.put(method, Math.min(low.get(method), order.get(target)));
        }
        continue;
      }
      work.pop();
      if (!work.isEmpty()) {
        IndexedMethod parent = (IndexedMethod) work.peek()[0];
        low.put(parent, Math.min(low.get(parent), low.get(method)));
      }
      if (low.get(method).equals(order.get(method))) {
        List<IndexedMethod> component = new ArrayList<>();
        IndexedMethod member;
        do {
          member = stack.pop();
          onStack.remove(member);
          component.add(member);
        } while (member != method);
        solve(component);
      }
    }
  }

  /** A component whose callees outside it are solved: its own sites, then theirs, then its inner calls to a fixpoint. */
  private void solve(List<IndexedMethod> component) {
    java.util.Set<IndexedMethod> members = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    members.addAll(component);
    Map<IndexedMethod, Map<Key, ReachedIo>> best = new IdentityHashMap<>();
    for (IndexedMethod method : component) {
      Map<Key, ReachedIo> reached = new LinkedHashMap<>();
      for (IoSite site : index.sitesOf(method)) {
        if (!site.deferred()) {
          offer(reached, new ReachedIo(site, method.path(), List.of(), site.confidence()));
        }
      }
      // a repository interface's query method, reached through an interface it redeclares
      index.implementedByLibrary(method)
          .ifPresent(site -> offer(reached, new ReachedIo(site, method.path(), List.of(), site.confidence())));
      for (Edge edge : edges(method)) {
        if (!members.contains(edge.target())) {
          for (ReachedIo inner : solved.get(edge.target())) {
            offer(reached, extended(edge, inner));
          }
        }
      }
      best.put(method, reached);
    }
    boolean changed = component.size() > 1 || edges(component.get(0)).stream().anyMatch(e -> e.target() == component.get(0));
    while (changed) {
      changed = false;
      for (IndexedMethod method : component) {
        for (Edge edge : edges(method)) {
          if (members.contains(edge.target())) {
            for (ReachedIo inner : List.copyOf(best.get(edge.target()).values())) {
              changed |= offer(best.get(method), extended(edge, inner));
            }
          }
        }
      }
    }
    for (IndexedMethod method : component) {
      solved.put(method, sorted(best.get(method)));
    }
  }

  private static ReachedIo extended(Edge edge, ReachedIo inner) {
    List<String> via = new ArrayList<>(inner.via().size() + 1);
    via.add(edge.target().fact().displayName());
    via.addAll(inner.via());
    return new ReachedIo(inner.site(), inner.sitePath(), List.copyOf(via), inner.confidence().min(edge.confidence()));
  }

  /** Keeps the shorter chain to a site (then the more confident, then the first in a fixed order); true when it changed. */
  private static boolean offer(Map<Key, ReachedIo> best, ReachedIo candidate) {
    Key key = new Key(candidate.sitePath(), candidate.site());
    ReachedIo current = best.get(key);
    if (current == null || better(candidate, current)) {
      best.put(key, candidate);
      return true;
    }
    return false;
  }

  private static boolean better(ReachedIo candidate, ReachedIo current) {
    if (candidate.via().size() != current.via().size()) {
      return candidate.via().size() < current.via().size();
    }
    int confidence = candidate.confidence().compareTo(current.confidence());
    if (confidence != 0) {
      return candidate.confidence().min(current.confidence()) == current.confidence();
    }
    return String.join(">", candidate.via()).compareTo(String.join(">", current.via())) < 0;
  }

  private static List<ReachedIo> sorted(Map<Key, ReachedIo> best) {
    List<ReachedIo> list = new ArrayList<>(best.values());
    list.sort(ORDER);
    return List.copyOf(list);
  }
}
