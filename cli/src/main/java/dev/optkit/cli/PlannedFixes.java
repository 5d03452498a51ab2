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
import dev.optkit.rewriters.plan.NotCacheable;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.proof.Proof;
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
  /** The refusals that say a caller's cache (one there already, or one this migration adds) answers for the method. */
  private static final java.util.Set<Proof> CACHED_ABOVE = java.util.EnumSet.of(Proof.CACHED_CALLER,
      Proof.OUTER_LEVEL_CACHED);

  private PlannedFixes() {}

  static Assessment apply(Path root, Assessment assessment, OptkitConfig config) {
    if (assessment.findings().stream().noneMatch(f -> f.ruleId().equals("CacheableReadMethod") || isRewritableLoop(f))) {
      // no method to cache: a call site's note says why its method is none, with the proof's id
      return judge(assessment, Map.of(), Map.of(), byMember(
          dev.optkit.rewriters.plan.CachingMigration.notCacheable(assessment, config)));
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
    Map<String, Refusal> refused = new HashMap<>();
    for (Refusal refusal : plan.refusals()) {
      refused.putIfAbsent(refusal.finding().fingerprint(), refusal);
    }
    return judge(assessment, planned, refused, byMember(plan.notCacheable()));
  }

  /** The reasons by the method they are of, as call sites name it ({@code path#member}). */
  private static Map<String, Reason> byMember(List<NotCacheable> reads) {
    Map<String, Reason> notCacheable = new HashMap<>();
    for (NotCacheable read : reads) {
      notCacheable.putIfAbsent(read.path() + "#" + read.member(), read.reason());
    }
    return notCacheable;
  }

  /**
   * A call site whose fix is caching the method it is in (a read of {@code DatabaseQuery} or {@code RemoteApiCall}):
   * the rule prices it as cached, and its note points at the method.
   */
  private static boolean fixedByCachingItsMethod(Finding finding) {
    return !finding.ruleId().equals("CacheableReadMethod") && finding.refusalId() == null && finding.basis() != null
        && finding.basis().remedy() == Finding.Remedy.CACHE;
  }

  /** A loop of the shape migrate rewrites: its fixable verdict is migrate's. */
  private static boolean isRewritableLoop(Finding finding) {
    return LoopMigration.rewritable(finding);
  }

  /**
   * Each finding with what migrate does about it: cacheable reads planned or refused (with the
   * reason), and call sites pointing at caching their method only when migrate would.
   */
  private static Assessment judge(Assessment assessment, Map<String, String> planned, Map<String, Refusal> refused,
      Map<String, Reason> notCacheable) {
    // a call site's note points at caching its method: say so only when migrate would
    Map<String, String> byMethod = new HashMap<>();
    Map<String, Refusal> refusedByMethod = new HashMap<>();
    for (Finding finding : assessment.findings()) {
      if (finding.ruleId().equals("CacheableReadMethod")) {
        String key = finding.path() + "#" + finding.enclosingMethod();
        byMethod.put(key, !finding.fixable() ? finding.fixNote() : planned.containsKey(finding.fingerprint()) ? null
            : "migrate refuses it: " + reason(refused.get(finding.fingerprint()), "not planned"));
        if (finding.fixable() && !planned.containsKey(finding.fingerprint()) && refused.containsKey(finding.fingerprint())) {
          refusedByMethod.put(key, refused.get(finding.fingerprint()));
        } else {
          refusedByMethod.remove(key); // the note above is this finding's, as byMethod's
        }
      }
    }
    List<Finding> judged = new ArrayList<>();
    for (Finding finding : assessment.findings()) {
      if (fixedByCachingItsMethod(finding)) {
        String key = finding.path() + "#" + finding.enclosingMethod();
        String why = byMethod.containsKey(key) ? byMethod.get(key)
            : notCacheable.containsKey(key) ? notCacheable.get(key).text()
            : "it is no cacheable read (see migrate's \"not cacheable\" lines)";
        Refusal refusal = refusedByMethod.get(key);
        if (why == null) {
          judged.add(finding);
        } else if (refusal != null && CACHED_ABOVE.contains(refusal.proof())) {
          // one cache level per data: the caller's cache answers for this call
          judged.add(finding.withFix(false, "fixed by caching a caller of " + finding.enclosingMethod() + " ("
              + refusal.reason() + ")", refusal.proof().id()));
        } else {
          // the method's own verdict: migrate's refusal, or the reason it is no cacheable read
          String id = refusal != null ? refusal.proof().id()
              : notCacheable.containsKey(key) ? notCacheable.get(key).proof().id() : null;
          judged.add(finding.withFix(false, "not fixed by caching " + finding.enclosingMethod() + ": " + why, id));
        }
      } else if (isRewritableLoop(finding)) {
        String batchNote = SequentialIoLoopRule.batchNote(finding.details().get("batchMethod"));
        Refusal refusal = refused.get(finding.fingerprint());
        judged.add(planned.containsKey(finding.fingerprint())
            ? finding.withFix(true, planned.get(finding.fingerprint()) + batchNote)
            : finding.withFix(false, "migrate refuses it: "
                + reason(refusal, "not planned (a test source, or not selected)") + batchNote, id(refusal)));
      } else if (!finding.ruleId().equals("CacheableReadMethod") || !finding.fixable()) {
        judged.add(finding);
      } else if (planned.containsKey(finding.fingerprint())) {
        judged.add(finding);
      } else {
        Refusal refusal = refused.get(finding.fingerprint());
        judged.add(finding.withFix(false, "migrate refuses it: "
            + reason(refusal, "not planned (a test source, or not selected)"), id(refusal)));
      }
    }
    return assessment.withFindings(judged);
  }

  private static String reason(Refusal refusal, String otherwise) {
    return refusal == null ? otherwise : refusal.reason();
  }

  private static String id(Refusal refusal) {
    return refusal == null ? null : refusal.proof().id();
  }
}
