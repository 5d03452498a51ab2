package dev.optkit.analyzers.savings;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.config.SavingsSettings;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Savings;
import java.util.Locale;
import java.util.Map;

/**
 * Prices a finding's remedy: calls per day x latency x hit rate, and cost per call. Caching saves
 * the hit rate's share of calls; batching turns N calls into one; parallelising keeps the calls but
 * overlaps their waits.
 */
public final class SavingsModel {
  private final SavingsSettings settings;

  public SavingsModel(SavingsSettings settings) {
    this.settings = settings;
  }

  public Savings estimate(Finding finding) {
    Finding.SavingsBasis basis = finding.basis();
    if (basis == null || basis.remedy() == Finding.Remedy.NONE || basis.sites().isEmpty()) {
      return Savings.NONE;
    }
    SavingsSettings.Override rule = settings.rules().get(finding.ruleId());
    long invocations = first(rule == null ? null : rule.callsPerDay(), settings.callsPerDay());
    double hitRate = first(rule == null ? null : rule.hitRate(), settings.hitRate());
    int iterations = first(rule == null ? null : rule.loopIterations(), settings.loopIterations());
    double latency = 0;
    double cost = 0;
    for (IoSite site : basis.sites()) {
      SavingsSettings.Override specific = specific(site);
      if (basis.sites().size() == 1 && specific != null && specific.callsPerDay() != null) {
        invocations = specific.callsPerDay();
      }
      if (basis.sites().size() == 1 && specific != null && specific.hitRate() != null) {
        hitRate = specific.hitRate();
      }
      latency += first(specific == null ? null : specific.latencyMs(), settings.latencyMs().get(category(site)));
      cost += first(specific == null ? null : specific.costPerCallUsd(), settings.costPerCallUsd().get(category(site)));
    }
    int sites = basis.sites().size();
    return switch (basis.remedy()) {
      case CACHE -> {
        double saved = invocations * hitRate;
        yield new Savings(invocations * sites, Math.round(saved * sites), Math.round(saved * latency),
            Savings.round(saved * cost), String.format(Locale.ROOT,
                "%d calls/day x %.0f%% hit rate x %.0f ms, %s/call", invocations, hitRate * 100, latency, usd(cost)));
      }
      case BATCH -> {
        long saved = invocations * (iterations - 1L);
        yield new Savings(invocations * iterations * sites, saved * sites, Math.round(saved * latency),
            Savings.round(saved * cost), String.format(Locale.ROOT,
                "%d loop runs/day x %d iterations batched into 1 x %.0f ms, %s/call", invocations, iterations, latency, usd(cost)));
      }
      case PARALLELIZE -> {
        int parallelism = settings.parallelism();
        long waitsSaved = iterations - (iterations + parallelism - 1L) / parallelism;
        yield new Savings(invocations * iterations * sites, 0, Math.round(invocations * waitsSaved * latency), 0.0,
            String.format(Locale.ROOT, "%d loop runs/day x %d iterations at concurrency %d x %.0f ms (wall-clock time)",
                invocations, iterations, parallelism, latency));
      }
      case NONE -> Savings.NONE;
    };
  }

  private SavingsSettings.Override specific(IoSite site) {
    if (site.host() != null && settings.hosts().containsKey(site.host())) {
      return settings.hosts().get(site.host());
    }
    if (site.sql() != null) {
      String sql = site.sql().toLowerCase(Locale.ROOT);
      for (Map.Entry<String, SavingsSettings.Override> query : settings.queries().entrySet()) {
        if (sql.contains(query.getKey().toLowerCase(Locale.ROOT))) {
          return query.getValue();
        }
      }
    }
    return null;
  }

  private static String category(IoSite site) {
    if (site.llm()) {
      return "llm";
    }
    return site.kind() == ClientKind.API ? "api-call" : "db-query";
  }

  private static String usd(double cost) {
    return "$" + String.format(Locale.ROOT, "%.4f", cost).replaceAll("0+$", "").replaceAll("\\.$", ".0");
  }

  private static <T> T first(T override, T fallback) {
    return override != null ? override : fallback;
  }
}
