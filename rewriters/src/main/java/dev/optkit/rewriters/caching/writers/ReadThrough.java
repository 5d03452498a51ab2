package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.CallWalk;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a cached method reads through: the project methods it may call, at any depth, and their types with what they
 * extend and implement. A test that puts a stand-in for one of those types in the application context (a Mockito mock,
 * a hand-written fake) decides the cached answer: {@link MockedBeanStubs}, {@link HandWrittenFakes}.
 */
final class ReadThrough {
  /** @param types the types read through, the cached method's own and its supertypes left out */
  record Reach(Set<String> types, Set<IndexedMethod> methods) {}

  private static final int MAX_DEPTH = 8;

  private final ProjectIndex index;
  private final Map<IndexedMethod, Reach> reaches = new IdentityHashMap<>();

  ReadThrough(ProjectIndex index) {
    this.index = index;
  }

  Reach of(IndexedMethod cached) {
    return reaches.computeIfAbsent(cached, this::reach);
  }

  private Reach reach(IndexedMethod cached) {
    Set<String> types = new HashSet<>();
    Set<IndexedMethod> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    CallWalk.over(index, CallWalk.Edges.CALL_TARGETS).maxDepth(MAX_DEPTH).from(cached).forEach(step -> {
      IndexedMethod method = step.method();
      seen.add(method);
      types.addAll(index.supertypesOf(method.fact().ownerType()));
      types.add(method.fact().ownerType());
      if (step.depth() < MAX_DEPTH) {
        for (CallRef call : method.fact().calls()) {
          if (call.receiverType() != null) {
            types.add(call.receiverType()); // a client interface the project declares without implementing it
          }
        }
        // the library clients it calls (a RestTemplate, a JdbcTemplate): a test's mock of one answers for them
        method.fact().ioSites().stream().map(site -> site.receiverType()).filter(java.util.Objects::nonNull)
            .map(dev.optkit.analyzers.facts.types.TypeNames::raw).forEach(types::add);
      }
    });
    // a stand-in for the cached method's own bean replaces the bean, cache and all: it answers, no cache does
    types.removeAll(index.supertypesOf(cached.fact().ownerType()));
    types.remove(cached.fact().ownerType());
    return new Reach(Set.copyOf(types), java.util.Collections.unmodifiableSet(seen));
  }
}
