package dev.optkit.cli;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.rules.SequentialIoLoopRule;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.loops.LoopMigration;
import dev.optkit.rewriters.loops.LoopRewrite;
import dev.optkit.rewriters.plan.Migration;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * assess and migrate agree: a cacheable read is reported {@code fixable} only when migrate's own
 * planner would cache it, and otherwise carries the planner's reason. Nothing is written.
 */
final class PlannedFixes {
  /** How the call-site rules point at caching the method the call is in. */
  private static final String CACHING_THE_METHOD = "fixed by caching the enclosing method";

  private PlannedFixes() {}

  static Assessment apply(Path root, Assessment assessment, OptkitConfig config) {
    if (assessment.findings().stream().noneMatch(f -> f.ruleId().equals("CacheableReadMethod") || isRewritableLoop(f))) {
      // no method to cache: a call site's note must not point at caching the one it is in
      return judge(assessment, Map.of(), Map.of());
    }
    MigrationPlan plan;
    try {
      plan = Migration.prepare(root, assessment, config, f -> true);
    } catch (RuntimeException e) {
      // the assessment stands on its own: a planner failure makes nothing fixable rather than failing assess
      List<Finding> unplanned = new ArrayList<>();
      for (Finding finding : assessment.findings()) {
        unplanned.add((finding.ruleId().equals("CacheableReadMethod") && finding.fixable()) || isRewritableLoop(finding)
            ? finding.withFix(false, "migrate's planner failed on this project (" + e + ")") : finding);
      }
      return assessment.withFindings(unplanned);
    }
    Map<String, String> planned = new HashMap<>();
    for (CachingTarget target : plan.targets()) {
      planned.put(target.finding().fingerprint(), null);
    }
    for (LoopRewrite loop : plan.loops()) {
      planned.put(loop.finding().fingerprint(), "optkit migrate " + loop.action());
    }
    Map<String, String> refused = new HashMap<>();
    for (Refusal refusal : plan.refusals()) {
      refused.putIfAbsent(refusal.finding().fingerprint(), refusal.reason());
    }
    return judge(assessment, planned, refused);
  }

  /** A loop of the shape migrate rewrites: its fixable verdict is migrate's. */
  private static boolean isRewritableLoop(Finding finding) {
    return finding.ruleId().equals("SequentialIoLoop")
        && LoopMigration.rewritable((String) finding.details().get("classification"));
  }

  /**
   * Each finding with what migrate does about it: cacheable reads planned or refused (with the
   * reason), and call sites pointing at caching their method only when migrate would.
   */
  private static Assessment judge(Assessment assessment, Map<String, String> planned, Map<String, String> refused) {
    // a call site's note points at caching its method: say so only when migrate would
    Map<String, String> byMethod = new HashMap<>();
    for (Finding finding : assessment.findings()) {
      if (finding.ruleId().equals("CacheableReadMethod")) {
        String key = finding.path() + "#" + finding.enclosingMethod();
        byMethod.put(key, !finding.fixable() ? finding.fixNote() : planned.containsKey(finding.fingerprint()) ? null
            : "migrate refuses it: " + refused.getOrDefault(finding.fingerprint(), "not planned"));
      }
    }
    List<Finding> judged = new ArrayList<>();
    for (Finding finding : assessment.findings()) {
      if (!finding.ruleId().equals("CacheableReadMethod") && finding.fixNote() != null
          && finding.fixNote().startsWith(CACHING_THE_METHOD)) {
        String key = finding.path() + "#" + finding.enclosingMethod();
        String why = byMethod.containsKey(key) ? byMethod.get(key) : "it is no cacheable read (see migrate's "
            + "\"not cacheable\" lines)";
        if (why == null) {
          judged.add(finding);
        } else if (why.startsWith("migrate refuses it: called by ")) {
          // one cache level per data: the caller's cache answers for this call
          judged.add(finding.withFix(false, "fixed by caching a caller of " + finding.enclosingMethod() + " ("
              + why.substring("migrate refuses it: ".length()) + ")"));
        } else {
          judged.add(finding.withFix(false, "not fixed by caching " + finding.enclosingMethod() + ": " + why));
        }
      } else if (isRewritableLoop(finding)) {
        String batchNote = SequentialIoLoopRule.batchNote(finding.details().get("batchMethod"));
        judged.add(planned.containsKey(finding.fingerprint())
            ? finding.withFix(true, planned.get(finding.fingerprint()) + batchNote)
            : finding.withFix(false, "migrate refuses it: "
                + refused.getOrDefault(finding.fingerprint(), "not planned (a test source, or not selected)") + batchNote));
      } else if (!finding.ruleId().equals("CacheableReadMethod") || !finding.fixable()) {
        judged.add(finding);
      } else if (planned.containsKey(finding.fingerprint())) {
        judged.add(finding);
      } else {
        judged.add(finding.withFix(false, "migrate refuses it: "
            + refused.getOrDefault(finding.fingerprint(), "not planned (a test source, or not selected)")));
      }
    }
    return assessment.withFindings(judged);
  }
}
