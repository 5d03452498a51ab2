package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.CallRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who calls whom in the project, every override counted ({@link ProjectIndex#allTargetsOf}), built
 * once over every method and asked both ways.
 */
final class CallGraph {
  private Map<IndexedMethod, List<IndexedMethod>> allCallers;
  private Map<IndexedMethod, List<IndexedMethod>> allCallees;
  private final ProjectIndex index;
  private final List<IndexedMethod> methods;

  CallGraph(ProjectIndex index, List<IndexedMethod> methods) {
    this.index = index;
    this.methods = methods;
  }

  /**
   * Every project method that may call this one, every override counted ({@link #allTargetsOf}),
   * each caller once, in index order. The call graph is built once: the planner, the per-user
   * code, start-up code and cached-code questions all walk it, and each building it again made
   * them the largest single-threaded cost of assess on big projects.
   */
  List<IndexedMethod> callersOf(IndexedMethod callee) {
    buildCallGraph();
    return allCallers.getOrDefault(callee, List.of());
  }

  /** Every project method this one's calls may run, every override counted, each once. */
  List<IndexedMethod> calleesOf(IndexedMethod caller) {
    buildCallGraph();
    return allCallees.getOrDefault(caller, List.of());
  }

  /** The project methods a method's calls may run, each once, in the order its calls name them. */
  private List<IndexedMethod> called(IndexedMethod method, ProfileExclusiveBeans profiles) {
    Set<IndexedMethod> called = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<IndexedMethod> inOrder = new ArrayList<>();
    for (CallRef call : method.fact().allCalls()) {
      for (IndexedMethod target : index.allTargetsOf(call)) {
        if (profiles.impossible(method, call, target)) {
          continue; // an implementation of another profile, which never shares a working context with the caller
        }
        if (called.add(target)) {
          inOrder.add(target);
        }
      }
    }
    return inOrder;
  }

  /** Its own lock, not the index's: the rules' synchronized questions go on while another thread builds it. */
  private final Object callGraphLock = new Object();

  void buildCallGraph() {
    synchronized (callGraphLock) {
      if (allCallers != null) {
        return;
      }
      Map<IndexedMethod, List<IndexedMethod>> callers = new java.util.IdentityHashMap<>();
      Map<IndexedMethod, List<IndexedMethod>> callees = new java.util.IdentityHashMap<>();
      ProfileExclusiveBeans profiles = new ProfileExclusiveBeans(index);
      // each method's callees on every core (the call-target memos are concurrent; once the rules are done, the graph
      // was all that ran), then joined in index order, so the lists are the same as one thread's
      List<List<IndexedMethod>> calledByEach = java.util.stream.IntStream.range(0, methods.size()).parallel()
          .mapToObj(i -> called(methods.get(i), profiles)).toList();
      for (int i = 0; i < methods.size(); i++) {
        IndexedMethod method = methods.get(i);
        for (IndexedMethod target : calledByEach.get(i)) {
          callers.computeIfAbsent(target, k -> new ArrayList<>()).add(method);
          callees.computeIfAbsent(method, k -> new ArrayList<>()).add(target);
        }
      }
      allCallers = callers;
      allCallees = callees;
    }
  }
}
