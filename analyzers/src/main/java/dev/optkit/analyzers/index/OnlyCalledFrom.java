package dev.optkit.analyzers.index;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The methods that run only inside some entry methods: the entries, and every method that has
 * callers, all of them already in the set, computed once over the whole call graph (cycles need
 * no depth cap). A method without callers the index can see is never added: a framework or another
 * module may call it.
 */
final class OnlyCalledFrom {
  private OnlyCalledFrom() {
  }

  /**
   * @param entries the entry methods, with why each is one
   * @param via how a reached method is explained: {@code via + " " + caller + "()"}
   */
  static Map<IndexedMethod, String> closure(ProjectIndex index, Map<IndexedMethod, String> entries, String via) {
    Map<IndexedMethod, String> found = new IdentityHashMap<>(entries);
    // in index order, never the map's: a method reached from two entries is explained by the first one
    // walked, and an identity map's order follows identity hashes, which differ from run to run
    Deque<IndexedMethod> queue = new ArrayDeque<>();
    for (IndexedMethod method : index.methods()) {
      if (entries.containsKey(method)) {
        queue.add(method);
      }
    }
    while (!queue.isEmpty()) {
      IndexedMethod done = queue.poll();
      for (IndexedMethod callee : index.calleesOf(done)) {
        if (!found.containsKey(callee) && index.callersOf(callee).stream().allMatch(found::containsKey)) {
          found.put(callee, via + " " + done.fact().displayName() + "()");
          queue.add(callee);
        }
      }
    }
    return found;
  }
}
