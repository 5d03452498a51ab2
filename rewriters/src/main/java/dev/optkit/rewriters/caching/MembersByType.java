package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.DataFootprint;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.index.ReachedIo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the planner asks about the other members of a cached method's class, indexed once per class
 * the first time it is asked: the method at a finding's line, the methods that call one through
 * {@code this}, and the methods that write through the class's own calls. Each question used to walk
 * every method of the class, once per cached method: quadratic in a class with thousands of
 * members (a generated client of 1 MB did not finish in 20 minutes).
 */
final class MembersByType {
  private final ProjectIndex index;
  private final Map<String, Members> byType = new HashMap<>();

  MembersByType(ProjectIndex index) {
    this.index = index;
  }

  /** A method of the class writing through one of the calls it reaches, and the first such write's reach. */
  record OwnWrite(IndexedMethod method, ReachedIo reached, DataFootprint footprint) {}

  /** One class's members, indexed. */
  private static final class Members {
    /** The first method declared at {@code path:line}, as a finding names it. */
    final Map<String, IndexedMethod> byPlace = new HashMap<>();
    /** Calls made on the class itself ({@code this}, or unqualified), by the name called, in member order. */
    final Map<String, List<Map.Entry<IndexedMethod, CallRef>>> selfCalls = new HashMap<>();
    /** Every write each non-constructor method reaches, in member order, then reach order. */
    final FootprintIndex<OwnWrite> writes = new FootprintIndex<>();
  }

  private Members of(String type) {
    Members members = byType.get(type);
    if (members == null) {
      members = index(type);
      byType.put(type, members);
    }
    return members;
  }

  private Members index(String type) {
    Members members = new Members();
    for (IndexedMethod method : index.methodsOfType(type)) {
      members.byPlace.putIfAbsent(place(method.path(), method.fact().range().line()), method);
      for (CallRef call : method.fact().calls()) {
        if (type.equals(call.receiverType())) {
          members.selfCalls.computeIfAbsent(call.name(), k -> new ArrayList<>()).add(Map.entry(method, call));
        }
      }
      if (method.fact().isConstructor()) {
        continue;
      }
      for (ReachedIo reached : index.reachedIo(method)) {
        if (reached.site().access() != Access.READ) {
          DataFootprint footprint = index.footprints().of(reached.site());
          members.writes.add(new OwnWrite(method, reached, footprint), footprint);
        }
      }
    }
    return members;
  }

  private static String place(String path, int line) {
    return path + ":" + line;
  }

  /** The method of the class declared in that file at that line: the one a finding names. */
  Optional<IndexedMethod> at(String type, String path, int line) {
    return Optional.ofNullable(of(type).byPlace.get(place(path, line)));
  }

  /** The other methods that call it through {@code this} ({@link #selfCalls}), as {@code name()}, distinct and sorted. */
  List<String> selfCallers(IndexedMethod target) {
    return selfCalls(target).stream().map(call -> call.getKey().fact().name() + "()").distinct().sorted().toList();
  }

  /**
   * The calls of {@code target} made on the object itself, with the methods making them: from its class, and from
   * its superclasses and subclasses, whose methods run on the same object ({@code this.write()} in a subclass of a
   * service bypasses the proxy as much as in the service). In member order, one class after another.
   */
  List<Map.Entry<IndexedMethod, CallRef>> selfCalls(IndexedMethod target) {
    String owner = target.fact().ownerType();
    Set<String> family = new java.util.LinkedHashSet<>(index.supertypesOf(owner));
    family.add(owner);
    family.addAll(new java.util.TreeSet<>(index.subtypesOf(owner)));
    List<Map.Entry<IndexedMethod, CallRef>> calls = new ArrayList<>();
    for (String type : family) {
      for (Map.Entry<IndexedMethod, CallRef> call : of(type).selfCalls.getOrDefault(target.fact().name(), List.of())) {
        if (call.getKey() != target && index.targetsOf(call.getValue()).contains(target)) {
          calls.add(call);
        }
      }
    }
    return calls;
  }

  /**
   * For each method of the class but {@code target} and the constructors, in member order: its
   * first reach that writes data one of these reads reads.
   */
  List<OwnWrite> writesOverlapping(IndexedMethod target, List<DataFootprint> reads) {
    List<OwnWrite> first = new ArrayList<>();
    Set<IndexedMethod> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (OwnWrite write : of(target.fact().ownerType()).writes.overlapping(reads)) {
      if (write.method() != target && seen.add(write.method())) {
        first.add(write);
      }
    }
    return first;
  }
}
