package dev.optkit.analyzers.findings;

import dev.optkit.analyzers.io.Hashes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stable identities for findings: derived from rule, file, enclosing member and the code itself
 * with whitespace removed, never from line numbers, so edits elsewhere in a file do not change them.
 * Identical code twice in one member is told apart by its order of appearance.
 */
public final class Fingerprints {
  private Fingerprints() {}

  public static List<Finding> assign(List<Finding> findings) {
    List<Finding> ordered = new ArrayList<>(findings);
    ordered.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line).thenComparingInt(Finding::column)
        .thenComparing(Finding::ruleId));
    Map<String, Integer> occurrences = new HashMap<>();
    List<Finding> result = new ArrayList<>(ordered.size());
    for (Finding finding : ordered) {
      String base = String.join("\u0000", finding.ruleId(), finding.path(), String.valueOf(finding.enclosingClass()),
          String.valueOf(finding.enclosingMethod()), normalize(finding.snippet()));
      int occurrence = occurrences.merge(base, 1, Integer::sum);
      result.add(finding.withFingerprint(Hashes.sha256(base + "\u0000" + occurrence).substring(0, 20)));
    }
    return result;
  }

  static String normalize(String code) {
    return code == null ? "" : code.replaceAll("\\s+", "");
  }

}
