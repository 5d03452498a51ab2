package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.LoopFact;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.IndexedMethod;
import java.util.ArrayList;
import java.util.List;

/** Shared walk of the rules that report every I/O site of one kind as its own finding. */
abstract class IoSiteRule implements Rule {
  private final ClientKind kind;

  IoSiteRule(ClientKind kind) {
    this.kind = kind;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (IndexedMethod method : context.index().methods()) {
      List<IoSite> sites = context.index().sitesOf(method);
      for (IoSite site : sites) {
        if (site.kind() == kind) {
          findings.add(describe(method, site, inLoop(method, site)));
        }
      }
    }
    return findings;
  }

  /**
   * Whether the site runs once per iteration of a loop: the loops' own sites, which leave out what runs once around
   * them ({@code repo.findAll().stream().map(..)}'s source, a for-each's iterable: trial 42's getAuthorities was
   * said to query "once per loop iteration"). A site the method's facts do not list is placed by its range.
   */
  private static boolean inLoop(IndexedMethod method, IoSite site) {
    int index = method.fact().ioSites().indexOf(site);
    if (index >= 0) {
      return method.fact().loops().stream().anyMatch(loop -> loop.ioSites().contains(index)
          && (!site.deferred() || loop.inlineSites().contains(index)));
    }
    // a repository's declared query is one of the method's calls: the loops list the calls they run per iteration
    // (repo.findByDate(d).stream().collect(toMap(..)): the source runs once)
    List<dev.optkit.analyzers.facts.CallRef> calls = method.fact().calls();
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).range().equals(site.range())) {
        int call = i;
        return method.fact().loops().stream().anyMatch(loop -> loop.calls().contains(call)
            && (!site.deferred() || loop.runsInline(call)));
      }
    }
    for (LoopFact loop : method.fact().loops()) {
      if (loop.range().contains(site.range()) && !site.deferred()) {
        return true;
      }
    }
    return false;
  }

  abstract Finding describe(IndexedMethod method, IoSite site, boolean inLoop);

  static String via(IoSite site) {
    return site.provider() + (site.method() == null ? "" : " " + site.method() + "()");
  }
}
