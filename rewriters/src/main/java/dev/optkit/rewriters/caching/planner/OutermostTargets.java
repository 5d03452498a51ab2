package dev.optkit.rewriters.caching.planner;

import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.index.ReachedIo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One cache level per data: a cached method that another cached method calls would keep serving
 * its old entry when the outer one reloads, and the two TTLs would add up. The outer one stays
 * (handlers were refused before), the inner one is refused with the reason. The targets are
 * indexed by the methods their reads go through, once, instead of every target's reads being
 * searched for every other target (quadratic in the number of cached methods).
 */
final class OutermostTargets {
  private OutermostTargets() {}

  /**
   * The targets no other target reads through, and a refusal for each of the others. (A read nothing in production
   * calls never gets here: {@code UncalledBesideHandlersProof} refused it, where before it stood above another target
   * and took its place, as afisha's uncalled EventTypeService.getById stood above EventTypeRepository.findById, the
   * row mapper's N+1 lookup.)
   */
  static CachingPlanner.Plan keep(ProjectIndex index, List<CachingTarget> targets, List<Refusal> refusals) {
    // by method name as a chain of calls prints it: the targets whose reads go through it, in target order
    Map<String, List<CachingTarget>> reachingThrough = new HashMap<>();
    for (CachingTarget outer : targets) {
      for (ReachedIo reached : index.reachedIo(outer.method())) {
        // a Spring Data query method is the I/O site itself: the outer one reads through its call
        List<String> through = new ArrayList<>(reached.via());
        // with its arguments' count: an overload of a query method is another query
        int arity = reached.site().argumentCount();
        if (arity < 0) {
          // a query method the library implements: its site is the method's declaration, not a call
          arity = index.methods(reached.site().receiverType(), reached.site().method()).stream()
              .filter(m -> m.fact().range().equals(reached.site().range())).findFirst()
              .map(m -> m.fact().params().size()).orElse(-1);
        }
        through.add(siteKey(reached.site().receiverType(), reached.site().method()) + "/" + (arity < 0 ? "?" : arity));
        for (String each : through) {
          List<CachingTarget> found = reachingThrough.computeIfAbsent(each, k -> new ArrayList<>());
          if (found.isEmpty() || found.get(found.size() - 1) != outer) {
            found.add(outer);
          }
        }
      }
    }
    // the outer levels of each, found first, so that a refusal names one that stays cached, not one refused in turn
    Map<CachingTarget, List<CachingTarget>> outers = new java.util.LinkedHashMap<>();
    for (CachingTarget inner : targets) {
      outers.put(inner, new ArrayList<>(outersOf(index, inner, reachingThrough)));
    }
    List<CachingTarget> kept = new ArrayList<>();
    List<Refusal> refused = new ArrayList<>(refusals);
    for (CachingTarget inner : targets) {
      List<CachingTarget> found = outers.get(inner);
      if (found.isEmpty()) {
        kept.add(inner);
        continue;
      }
      CachingTarget outer = found.stream().filter(o -> outers.get(o).isEmpty()).findFirst().orElse(found.get(0));
      refused.add(new Refusal(inner.finding(), Proof.OUTER_LEVEL_CACHED, "called by " + outer.method().fact().displayName()
          + "(), which is cached in this migration: one cache level per data (the outer one), so the two "
          + "never disagree and their TTLs do not add up", List.of(dev.optkit.rewriters.caching.proofs.MethodEvidence.of(
              dev.optkit.analyzers.proof.Evidence.Role.OUTER_CACHE, outer.method()))));
    }
    return new CachingPlanner.Plan(List.copyOf(kept), List.copyOf(refused));
  }

  /** The targets whose reads go through the inner target's method: cache levels above it. */
  private static List<CachingTarget> outersOf(ProjectIndex index, CachingTarget inner,
      Map<String, List<CachingTarget>> reachingThrough) {
    List<CachingTarget> candidates = new ArrayList<>();
    if (inner.method().fact().isAbstract()) {
      String site = siteKey(inner.method().fact().ownerType(), inner.method().fact().name());
      candidates.addAll(reachingThrough.getOrDefault(site + "/" + inner.method().fact().params().size(), List.of()));
      candidates.addAll(reachingThrough.getOrDefault(site + "/?", List.of()));
    } else {
      candidates.addAll(reachingThrough.getOrDefault(inner.method().fact().displayName(), List.of()));
    }
    List<CachingTarget> outers = new ArrayList<>();
    for (CachingTarget candidate : candidates) {
      // the chains name methods without their parameters: an overload of the same name is another method;
      // a query method calls nothing: it is no outer level of another, an overload of its own name least of all
      if (candidate != inner && !candidate.method().fact().isAbstract() && !outers.contains(candidate)
          && (inner.method().fact().isAbstract() || calls(index, candidate, inner))) {
        outers.add(candidate);
      }
    }
    return outers;
  }

  /**
   * Whether the outer target's method calls the inner one's, directly or through project methods, so
   * that both caches answer on one path. A Spring cache called through {@code this} from its own class
   * is not on that path: the proxy never sees the call, and only the outer cache answers there.
   */
  private static boolean calls(ProjectIndex index, CachingTarget outer, CachingTarget inner) {
    java.util.Set<dev.optkit.analyzers.index.IndexedMethod> seen = new java.util.HashSet<>();
    java.util.ArrayDeque<dev.optkit.analyzers.index.IndexedMethod> next = new java.util.ArrayDeque<>();
    next.add(inner.method());
    boolean proxied = inner.form() == CacheForm.SPRING;
    while (!next.isEmpty() && seen.size() < 10_000) {
      dev.optkit.analyzers.index.IndexedMethod at = next.poll();
      for (dev.optkit.analyzers.index.IndexedMethod caller : index.callersOf(at)) {
        if (proxied && at == inner.method() && caller.fact().ownerType().equals(at.fact().ownerType())) {
          continue; // self-invocation: the inner cache is bypassed on this path
        }
        if (caller == outer.method()) {
          return true;
        }
        if (seen.add(caller)) {
          next.add(caller);
        }
      }
    }
    return false;
  }

  /** A call site's key: the receiver's declared type and the method, never a chain's display name. */
  private static String siteKey(String receiverType, String method) {
    return "site:" + receiverType + "#" + method;
  }
}
