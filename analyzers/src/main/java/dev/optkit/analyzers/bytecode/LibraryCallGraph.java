package dev.optkit.analyzers.bytecode;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * The call graph over a set of jars and the I/O each of their methods reaches. A call dispatches
 * as the JVM would resolve it (the owner, then its superclasses, then its interfaces' defaults),
 * and a virtual call also to every override in a subtype anywhere in the set (class-hierarchy
 * analysis): over-approximate, so a library method that may do I/O is not missed. Calls on JDK
 * types other than the I/O primitives (a {@code Runnable.run}, an {@code Object.toString}) are not
 * followed into library overrides: every library's toString would otherwise reach every other's
 * I/O. Reach is a fixpoint over reverse edges (no depth limit), under a deadline.
 */
final class LibraryCallGraph {
  static final int READ = 1;
  static final int WRITE = 2;
  static final int UNKNOWN = 4;
  static final int DB = 8;
  static final int API = 16;

  /** What a method reaches: kind and access bits, and the first primitive of each kind found. */
  record Reach(int mask, String dbBasis, String apiBasis) {}

  private record TypeEntry(JarGraph.Type type, int jar, Map<String, Integer> methods) {}

  private final List<JarGraph> jars;
  private final IoPrimitives primitives;
  private final Map<String, TypeEntry> types = new HashMap<>();
  private final Map<String, String> byDottedName = new HashMap<>();
  private final Map<String, List<String>> subtypes = new HashMap<>();
  private final Map<String, List<String>> ancestors = new HashMap<>();
  private final Map<String, int[]> virtualTargets = new HashMap<>();
  private final List<String> methodOwner = new ArrayList<>();
  private final List<JarGraph.Method> methods = new ArrayList<>();
  private int[] mask;
  private String[] dbBasis;
  private String[] apiBasis;
  private boolean complete = true;

  LibraryCallGraph(List<JarGraph> jars, IoPrimitives primitives, long deadlineNanos) {
    this.jars = jars;
    this.primitives = primitives;
    for (int j = 0; j < jars.size(); j++) {
      for (JarGraph.Type type : jars.get(j).types()) {
        if (types.containsKey(type.name())) {
          continue; // the same class in two jars: the first on the class path is the one that loads
        }
        Map<String, Integer> own = new HashMap<>();
        for (JarGraph.Method method : type.methods()) {
          own.putIfAbsent(method.name() + method.descriptor(), methods.size());
          methods.add(method);
          methodOwner.add(type.name());
        }
        types.put(type.name(), new TypeEntry(type, j, own));
        byDottedName.putIfAbsent(IoPrimitives.dotted(type.name()), type.name());
        if (type.superName() != null) {
          subtypes.computeIfAbsent(type.superName(), k -> new ArrayList<>()).add(type.name());
        }
        for (String implemented : type.interfaces()) {
          subtypes.computeIfAbsent(implemented, k -> new ArrayList<>()).add(type.name());
        }
      }
    }
    propagate(deadlineNanos);
  }

  /** Whether the reach was computed to the end (false: the deadline stopped it, answers are partial). */
  boolean complete() {
    return complete;
  }

  int methodCount() {
    return methods.size();
  }

  /** The internal name of a type source names {@code com.acme.Outer.Inner}, if a jar has it. */
  Optional<String> internalName(String dotted) {
    return Optional.ofNullable(byDottedName.get(dotted));
  }

  /**
   * The overloads of a method a call with this many arguments may mean, declared on the type or
   * inherited, each as its name and descriptor; not private, no bridges.
   */
  List<String> overloads(String owner, String name, int arity) {
    Set<String> found = new LinkedHashSet<>();
    for (String type : ancestorsOf(owner)) {
      TypeEntry entry = types.get(type);
      if (entry == null) {
        continue;
      }
      for (JarGraph.Method method : entry.type().methods()) {
        if (method.name().equals(name) && (method.access() & (Opcodes.ACC_PRIVATE | Opcodes.ACC_BRIDGE)) == 0
            && org.objectweb.asm.Type.getArgumentCount(method.descriptor()) == arity) {
          found.add(method.name() + method.descriptor());
        }
      }
    }
    List<String> sorted = new ArrayList<>(found);
    sorted.sort(null);
    return sorted;
  }

  /** What a virtual call of this method on this type reaches: every method it may run, together. */
  Reach reachOf(String owner, String nameAndDescriptor) {
    int bits = 0;
    String db = null;
    String api = null;
    for (int target : targets(owner, nameAndDescriptor, true)) {
      bits |= mask[target];
      db = db == null ? dbBasis[target] : db;
      api = api == null ? apiBasis[target] : api;
    }
    return new Reach(bits, db, api);
  }

  private void propagate(long deadlineNanos) {
    int count = methods.size();
    mask = new int[count];
    dbBasis = new String[count];
    apiBasis = new String[count];
    // reverse edges, as a compressed table: callers of each method
    int[] edgeFrom = new int[1024];
    int[] edgeTo = new int[1024];
    int edges = 0;
    ArrayDeque<Integer> work = new ArrayDeque<>();
    for (int m = 0; m < count; m++) {
      if ((m & 1023) == 0 && System.nanoTime() > deadlineNanos) {
        complete = false;
        return;
      }
      String caller = methodOwner.get(m);
      JarGraph graph = jars.get(types.get(caller).jar());
      for (int index : methods.get(m).calls()) {
        JarGraph.Call call = graph.calls().get(index);
        Optional<IoPrimitives.Primitive> primitive = primitives.of(call, ancestorsOf(call.owner()), caller);
        if (primitive.isPresent()) {
          note(m, primitive.get());
          continue;
        }
        if (!types.containsKey(call.owner())) {
          continue; // a JDK or missing type: not followed (see the class comment)
        }
        for (int target : targets(call.owner(), call.name() + call.descriptor(), call.dispatch() == JarGraph.Call.VIRTUAL)) {
          if (edges == edgeFrom.length) {
            edgeFrom = Arrays.copyOf(edgeFrom, edges * 2);
            edgeTo = Arrays.copyOf(edgeTo, edges * 2);
          }
          edgeFrom[edges] = m;
          edgeTo[edges] = target;
          edges++;
        }
      }
      if (mask[m] != 0) {
        work.add(m);
      }
    }
    int[] start = new int[count + 1];
    for (int e = 0; e < edges; e++) {
      start[edgeTo[e] + 1]++;
    }
    for (int i = 0; i < count; i++) {
      start[i + 1] += start[i];
    }
    int[] callers = new int[edges];
    int[] fill = Arrays.copyOf(start, count);
    for (int e = 0; e < edges; e++) {
      callers[fill[edgeTo[e]]++] = edgeFrom[e];
    }
    long steps = 0;
    while (!work.isEmpty()) {
      if ((++steps & 4095) == 0 && System.nanoTime() > deadlineNanos) {
        complete = false;
        return;
      }
      int callee = work.poll();
      for (int i = start[callee]; i < start[callee + 1]; i++) {
        int caller = callers[i];
        int merged = mask[caller] | mask[callee];
        boolean newBasis = dbBasis[caller] == null && dbBasis[callee] != null
            || apiBasis[caller] == null && apiBasis[callee] != null;
        if (merged != mask[caller] || newBasis) {
          mask[caller] = merged;
          dbBasis[caller] = dbBasis[caller] == null ? dbBasis[callee] : dbBasis[caller];
          apiBasis[caller] = apiBasis[caller] == null ? apiBasis[callee] : apiBasis[caller];
          work.add(caller);
        }
      }
    }
  }

  private void note(int method, IoPrimitives.Primitive primitive) {
    mask[method] |= (primitive.kind() == ClientKind.DB ? DB : API) | switch (primitive.access()) {
      case READ -> READ;
      case WRITE -> WRITE;
      default -> UNKNOWN;
    };
    if (primitive.kind() == ClientKind.DB && dbBasis[method] == null) {
      dbBasis[method] = primitive.basis();
    } else if (primitive.kind() == ClientKind.API && apiBasis[method] == null) {
      apiBasis[method] = primitive.basis();
    }
  }

  /** The methods a call may run: the one resolution finds, and for a virtual call every override below the owner. */
  private int[] targets(String owner, String nameAndDescriptor, boolean virtual) {
    if (!virtual) {
      int resolved = resolve(owner, nameAndDescriptor);
      return resolved < 0 ? new int[0] : new int[] {resolved};
    }
    String key = owner + '.' + nameAndDescriptor;
    int[] known = virtualTargets.get(key);
    if (known != null) {
      return known;
    }
    Set<Integer> found = new LinkedHashSet<>();
    int resolved = resolve(owner, nameAndDescriptor);
    if (resolved >= 0) {
      found.add(resolved);
    }
    ArrayDeque<String> below = new ArrayDeque<>(subtypes.getOrDefault(owner, List.of()));
    Set<String> seen = new java.util.HashSet<>();
    while (!below.isEmpty()) {
      String type = below.poll();
      if (!seen.add(type)) {
        continue;
      }
      Integer override = types.get(type).methods().get(nameAndDescriptor);
      if (override != null && (methods.get(override).access() & Opcodes.ACC_ABSTRACT) == 0) {
        found.add(override);
      }
      below.addAll(subtypes.getOrDefault(type, List.of()));
    }
    int[] result = found.stream().mapToInt(Integer::intValue).toArray();
    virtualTargets.put(key, result);
    return result;
  }

  /** The method the JVM resolves: declared on the owner, a superclass, or (a default) an interface. */
  private int resolve(String owner, String nameAndDescriptor) {
    for (String type : ancestorsOf(owner)) {
      TypeEntry entry = types.get(type);
      Integer method = entry == null ? null : entry.methods().get(nameAndDescriptor);
      if (method != null) {
        return method;
      }
    }
    return -1;
  }

  /** The type, its superclasses, then its interfaces (breadth first), as far as the jars know them. */
  List<String> ancestorsOf(String type) {
    List<String> known = ancestors.get(type);
    if (known != null) {
      return known;
    }
    Set<String> order = new LinkedHashSet<>();
    for (String current = type; current != null && order.add(current);) {
      TypeEntry entry = types.get(current);
      current = entry == null ? null : entry.type().superName();
    }
    ArrayDeque<String> interfaces = new ArrayDeque<>();
    for (String t : List.copyOf(order)) {
      TypeEntry entry = types.get(t);
      if (entry != null) {
        interfaces.addAll(entry.type().interfaces());
      }
    }
    while (!interfaces.isEmpty()) {
      String next = interfaces.poll();
      if (order.add(next)) {
        TypeEntry entry = types.get(next);
        if (entry != null) {
          interfaces.addAll(entry.type().interfaces());
        }
      }
    }
    List<String> result = List.copyOf(order);
    ancestors.put(type, result);
    return result;
  }
}
