package dev.optkit.analyzers;

import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.findings.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Suppressions written in code: {@code @SuppressWarnings("optkit:RuleId")} on a class or member
 * covers findings inside it; {@code // optkit:ignore RuleId reason} covers findings starting on its
 * line or the line below. {@code all} (or {@code *}) matches every rule.
 */
final class Suppressions {
  private final Map<String, List<FileFacts.Suppression>> byPath = new HashMap<>();

  Suppressions(List<FileFacts> files) {
    for (FileFacts file : files) {
      if (!file.suppressions().isEmpty()) {
        byPath.put(file.path(), file.suppressions());
      }
    }
  }

  boolean suppresses(Finding finding) {
    for (FileFacts.Suppression suppression : byPath.getOrDefault(finding.path(), List.of())) {
      String rule = suppression.ruleId();
      if (!rule.equals(finding.ruleId()) && !rule.equals("all") && !rule.equals("*")) {
        continue;
      }
      boolean comment = !suppression.reason().equals("@SuppressWarnings");
      if (comment && (finding.line() == suppression.range().line() || finding.line() == suppression.range().line() + 1)) {
        return true;
      }
      if (!comment && suppression.range().line() <= finding.line() && finding.endLine() <= suppression.range().endLine()) {
        return true;
      }
    }
    return false;
  }
}
