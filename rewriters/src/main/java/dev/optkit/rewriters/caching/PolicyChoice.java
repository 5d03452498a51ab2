package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.config.OptkitConfig.CachePolicy;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.findings.Finding;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Which of the configured cache policies ({@code .optkit.yml} {@code cache.policies}) a cached method gets. */
final class PolicyChoice {
  private PolicyChoice() {}

  /**
   * The policy named for the method: the llm one for a paid model's call, else the first whose method globs match a
   * word of the method's name ({@code report*} for {@code monthlyReport}), else the default.
   */
  static Map.Entry<String, CachePolicy> of(OptkitConfig config, Finding finding, MethodFact fact) {
    Map<String, CachePolicy> policies = config.effectiveCachePolicies();
    if (Boolean.TRUE.equals(finding.details().get("llm")) && policies.containsKey("llm")) {
      return Map.entry("llm", policies.get("llm"));
    }
    List<String> words = java.util.Arrays.stream(fact.name().split("(?<=[a-z0-9])(?=[A-Z])|_"))
        .map(w -> w.toLowerCase(Locale.ROOT)).toList();
    for (Map.Entry<String, CachePolicy> entry : policies.entrySet()) {
      List<String> patterns = entry.getValue().methods();
      if (patterns == null) {
        continue;
      }
      for (String glob : patterns) {
        Pattern pattern = Pattern.compile(Pattern.quote(glob.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q"));
        if (words.stream().anyMatch(w -> pattern.matcher(w).matches())) {
          return entry;
        }
      }
    }
    return Map.entry("default", policies.get("default"));
  }
}
