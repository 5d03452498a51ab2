package dev.optkit.analyzers.index;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.MethodFact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project's own query wrappers ({@code runner.update(sql, args)}): a call that passes one SQL
 * text is a query site of its own, and a wrapper every call of which does so runs nothing but what
 * those call sites say. Its questions lock the index, as they did when they were its methods.
 */
final class QueryWrappers {
  private final ProjectIndex index;
  private final List<IndexedMethod> methods;

  QueryWrappers(ProjectIndex index, List<IndexedMethod> methods) {
    this.index = index;
    this.methods = methods;
  }

  /**
   * A call of a project query wrapper ({@code runner.update("UPDATE ...", id)}) with SQL text at the
   * wrapper's SQL parameter is a query of its own: the call site reports it, with that SQL for its
   * tables and read or write, and reachability stops there instead of reaching the wrapper's own
   * JDBC call, whose SQL is whatever it is given.
   */
  Optional<IoSite> queryWrapperSite(CallRef call) {
    if (call.sql() == null) {
      return Optional.empty();
    }
    for (IndexedMethod target : index.targetsOf(call)) {
      MethodFact wrapper = target.fact();
      if (!wrapper.isQueryWrapper() || wrapper.sqlParameter() != call.sqlArgument()) {
        continue;
      }
      Access access = dev.optkit.analyzers.facts.SqlStatements.access(call.sql());
      if (access == Access.UNKNOWN) {
        access = wrapper.ioSites().stream().map(IoSite::access).filter(a -> a != Access.UNKNOWN).findFirst()
            .orElse(Access.UNKNOWN);
      }
      return Optional.of(new IoSite(ClientKind.DB, ProjectIndex.QUERY_WRAPPER, "query wrapper " + simpleName(wrapper.ownerType()),
          access, call.confidence(), wrapper.ownerType(), call.name(), null, null, null, call.sql(), false, false,
          call.deferred(), call.range(), call.snippet()));
    }
    return Optional.empty();
  }

  /**
   * Whether every call of this query wrapper in the project passes it SQL text: its own JDBC call
   * then runs nothing but what those call sites say, and they stand for its reads and writes.
   */
  boolean coveredByCallSites(IndexedMethod wrapper) {
    synchronized (index) {
      if (!wrapper.fact().isQueryWrapper()) {
        return false;
      }
      return wrapperCoverage.computeIfAbsent(wrapper, w -> {
        boolean called = false;
        for (CallRef call : callsNamed(w.fact().name())) {
          if (index.targetsOf(call).contains(w)) {
            if (queryWrapperSite(call).isEmpty()) {
              return false; // SQL built at run time, or passed on from a parameter
            }
            called = true;
          }
        }
        return called;
      });
    }
  }

  private final Map<IndexedMethod, Boolean> wrapperCoverage = new java.util.HashMap<>();
  /** The project's calls of query wrappers' names, by name, built at the first question: each wrapper scanned them all. */
  private Map<String, List<CallRef>> callsByName;

  private List<CallRef> callsNamed(String name) {
    synchronized (index) {
      if (callsByName == null) {
        // only the names of query wrappers are asked for: the calls of other names are never listed
        callsByName = new HashMap<>();
        for (IndexedMethod method : methods) {
          if (method.fact().isQueryWrapper()) {
            callsByName.putIfAbsent(method.fact().name(), new ArrayList<>());
          }
        }
        for (IndexedMethod method : methods) {
          for (CallRef call : method.fact().calls()) {
            List<CallRef> named = callsByName.get(call.name());
            if (named != null) {
              named.add(call);
            }
          }
        }
      }
      return callsByName.getOrDefault(name, List.of());
    }
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
