package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The methods of a class that write, by name, counted once per class: a cacheable read lists the
 * first few of its class's other writers (its cache may go stale unless they evict it), and
 * finding them by a pass over the class for each read was quadratic in a generated class of
 * thousands of members.
 */
final class SameClassWriters {
  private static final int SHOWN = 5;

  private final ProjectIndex index;
  private final Map<String, Writers> byType = new HashMap<>();

  SameClassWriters(ProjectIndex index) {
    this.index = index;
  }

  /** One class's writing methods: how many by name (sorted), and which. */
  private record Writers(TreeMap<String, Integer> countByName, Set<IndexedMethod> methods) {}

  /** The names of the other methods of its class that write, distinct, sorted, at most five. */
  List<String> except(IndexedMethod method) {
    Writers writers = byType.computeIfAbsent(method.fact().ownerType(), this::writersOf);
    boolean itself = writers.methods().contains(method);
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : writers.countByName().entrySet()) {
      int others = entry.getValue() - (itself && entry.getKey().equals(method.fact().name()) ? 1 : 0);
      if (others > 0) {
        names.add(entry.getKey());
        if (names.size() == SHOWN) {
          break;
        }
      }
    }
    return names;
  }

  private Writers writersOf(String type) {
    TreeMap<String, Integer> countByName = new TreeMap<>();
    Set<IndexedMethod> methods = Collections.newSetFromMap(new IdentityHashMap<>());
    for (IndexedMethod other : index.methodsOfType(type)) {
      if (index.reachedIo(other).stream().anyMatch(r -> r.site().access() == Access.WRITE)) {
        countByName.merge(other.fact().name(), 1, Integer::sum);
        methods.add(other);
      }
    }
    return new Writers(countByName, methods);
  }
}
