package dev.optkit.analyzers.index;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.Confidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project's own query helpers: a method that hands one of its String parameters, as it got it,
 * to a client as the SQL it runs ({@code runner.update(sql, args)}) or the URL it calls
 * ({@code http.getJson(url)}), directly or through further helpers ({@code queryOne(sql, ...)} calling
 * {@code query(sql, ...)} calling JdbcTemplate). A call that passes such a helper SQL or URL text is a
 * site of that query of its own, and a helper every call of which does so runs nothing but what those
 * call sites say. Its questions lock the index, as they did when they were its methods.
 */
final class QueryWrappers {
  /** The client id of calls of the project's own HTTP helpers (that of query helpers is the index's). */
  static final String HTTP_HELPER = "project-http-helper";

  /**
   * What a helper runs: the kind of query, the parameter that carries its text, the site inside that
   * runs it (its verb, read or write, client), and how sure the chain to it is: the weakest of that
   * site's confidence and of the calls from the helper down to it.
   */
  record Helper(ClientKind kind, int parameter, IoSite inner, Confidence confidence) {}

  private final ProjectIndex index;
  private final List<IndexedMethod> methods;

  QueryWrappers(ProjectIndex index, List<IndexedMethod> methods) {
    this.index = index;
    this.methods = methods;
  }

  private final Map<IndexedMethod, Optional<Helper>> helpers = new java.util.IdentityHashMap<>();
  private final Set<IndexedMethod> computing = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /** The query this method is a helper of, if any. */
  Optional<Helper> helper(IndexedMethod method) {
    synchronized (index) {
      Optional<Helper> known = helpers.get(method);
      if (known != null) {
        return known;
      }
      if (!computing.add(method)) {
        return Optional.empty(); // a helper calling itself: the other calls decide
      }
      try {
        Optional<Helper> found = computeHelper(method);
        helpers.put(method, found);
        return found;
      } finally {
        computing.remove(method);
      }
    }
  }

  private Optional<Helper> computeHelper(IndexedMethod method) {
    MethodFact fact = method.fact();
    if (fact.isAbstract()) {
      return Optional.empty();
    }
    if (fact.isQueryWrapper()) {
      return ownSite(fact, ClientKind.DB).map(site -> new Helper(ClientKind.DB, fact.sqlParameter(), site, site.confidence()));
    }
    if (fact.urlParameter() >= 0) {
      return ownSite(fact, ClientKind.API).map(site -> new Helper(ClientKind.API, fact.urlParameter(), site, site.confidence()));
    }
    // a helper of a helper: one of its parameters, as it got it, is the query text another helper runs
    Helper found = null;
    for (CallRef call : fact.calls()) {
      if (call.parameterArguments().isEmpty() || call.deferred()) {
        continue;
      }
      for (IndexedMethod target : index.targetsOf(call)) {
        Optional<Helper> inner = helper(target);
        if (inner.isEmpty() || inner.get().parameter() >= call.parameterArguments().size()) {
          continue;
        }
        int parameter = call.parameterArguments().get(inner.get().parameter());
        if (parameter < 0) {
          continue;
        }
        if (found != null && (found.parameter() != parameter || found.kind() != inner.get().kind())) {
          return Optional.empty(); // two parameters run as queries: one call site would be two statements
        }
        if (found == null) {
          found = new Helper(inner.get().kind(), parameter, inner.get().inner(),
              inner.get().confidence().min(call.confidence()));
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** The helper's own site of that kind whose text is its parameter (the one the facts traced no text for). */
  private static Optional<IoSite> ownSite(MethodFact fact, ClientKind kind) {
    return fact.ioSites().stream()
        .filter(site -> site.kind() == kind && (kind == ClientKind.DB ? site.sql() == null : site.url() == null))
        .findFirst();
  }

  /**
   * A call of a project query helper ({@code runner.update("UPDATE ...", id)}, {@code http.getJson(BASE +
   * "/users/" + id)}) with SQL or URL text at the helper's parameter is a query of its own: the call
   * site reports it, with that text for its tables or host and its read or write, and reachability
   * stops there instead of reaching the helper's own client call, whose text is whatever it is given.
   * Its confidence is the call's, the chain's down to the client, and the client site's, whichever is
   * lowest: a helper whose client was only named by its imports gives a low-confidence site.
   */
  Optional<IoSite> queryWrapperSite(CallRef call) {
    if (call.sql() == null && call.url() == null) {
      return Optional.empty();
    }
    for (IndexedMethod target : index.targetsOf(call)) {
      Optional<Helper> found = helper(target);
      if (found.isEmpty()) {
        continue;
      }
      Helper helper = found.get();
      IoSite inner = helper.inner();
      Confidence confidence = call.confidence().min(helper.confidence());
      String owner = simpleName(target.fact().ownerType());
      if (helper.kind() == ClientKind.DB && call.sql() != null && helper.parameter() == call.sqlArgument()) {
        Access access = dev.optkit.analyzers.facts.sites.SqlStatements.access(call.sql());
        if (access == Access.UNKNOWN) {
          access = inner.access() != Access.UNKNOWN ? inner.access() : target.fact().ioSites().stream()
              .map(IoSite::access).filter(a -> a != Access.UNKNOWN).findFirst().orElse(Access.UNKNOWN);
        }
        return Optional.of(new IoSite(ClientKind.DB, ProjectIndex.QUERY_WRAPPER, "query wrapper " + owner,
            access, confidence, target.fact().ownerType(), call.name(), null, null, null, call.sql(), false, false,
            call.deferred(), call.range(), call.snippet()).withArgumentCount(call.argumentCount()));
      }
      if (helper.kind() == ClientKind.API && call.url() != null && helper.parameter() == call.urlArgument()) {
        return Optional.of(new IoSite(ClientKind.API, HTTP_HELPER, "HTTP helper " + owner + " (" + inner.provider() + ")",
            inner.access(), confidence, target.fact().ownerType(), call.name(), inner.httpMethod(), call.url(),
            IoSite.hostOf(call.url()), null, inner.llm(), inner.async(),
            call.deferred(), call.range(), call.snippet()).withArgumentCount(call.argumentCount()));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether every call of this helper in the project passes it its text, or is a call from another
   * helper handing its own parameter on, itself so covered: its own client call then runs nothing but
   * what those call sites say, and they stand for its reads and writes.
   */
  boolean coveredByCallSites(IndexedMethod wrapper) {
    synchronized (index) {
      return covered(wrapper, new HashSet<>());
    }
  }

  private boolean covered(IndexedMethod wrapper, Set<IndexedMethod> visiting) {
    Optional<Helper> helper = helper(wrapper);
    if (helper.isEmpty()) {
      return false;
    }
    Boolean known = wrapperCoverage.get(wrapper);
    if (known != null) {
      return known;
    }
    if (!visiting.add(wrapper)) {
      return true; // a helper calling itself: its other callers decide
    }
    boolean called = false;
    boolean result = true;
    for (Call made : callsNamed(wrapper.fact().name())) {
      if (!index.targetsOf(made.call()).contains(wrapper)) {
        continue;
      }
      if (queryWrapperSite(made.call()).isPresent()) {
        called = true;
        continue;
      }
      int given = helper.get().parameter() < made.call().parameterArguments().size()
          ? made.call().parameterArguments().get(helper.get().parameter()) : -1;
      Optional<Helper> outer = helper(made.caller());
      if (given >= 0 && outer.isPresent() && outer.get().parameter() == given && covered(made.caller(), visiting)) {
        called = true; // queryOne(sql, ...) calling query(sql, ...): its callers say what query runs
        continue;
      }
      result = false; // text built at run time, or passed on from elsewhere
      break;
    }
    visiting.remove(wrapper);
    boolean answer = result && called;
    wrapperCoverage.put(wrapper, answer);
    return answer;
  }

  private record Call(IndexedMethod caller, CallRef call) {}

  private final Map<IndexedMethod, Boolean> wrapperCoverage = new java.util.IdentityHashMap<>();
  /** The project's calls of helpers' names, by name, built at the first question: each helper scanned them all. */
  private Map<String, List<Call>> callsByName;

  private List<Call> callsNamed(String name) {
    synchronized (index) {
      if (callsByName == null) {
        // only the names of helpers are asked for: the calls of other names are never listed
        callsByName = new HashMap<>();
        for (IndexedMethod method : methods) {
          if (helper(method).isPresent()) {
            callsByName.putIfAbsent(method.fact().name(), new ArrayList<>());
          }
        }
        for (IndexedMethod method : methods) {
          for (CallRef call : method.fact().calls()) {
            List<Call> named = callsByName.get(call.name());
            if (named != null) {
              named.add(new Call(method, call));
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
