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

  private static boolean inLoop(IndexedMethod method, IoSite site) {
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
