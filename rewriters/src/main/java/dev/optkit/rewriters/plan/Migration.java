package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.rewriters.loops.LoopMigration;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;

/** Everything a migration would do: the caches ({@link CachingMigration}), then the loop rewrites ({@link LoopMigration}). */
public final class Migration {
  private Migration() {}

  public static MigrationPlan prepare(Path root, Assessment assessment, OptkitConfig config, Predicate<Finding> selected) {
    return prepare(root, assessment, config, selected, Set.of());
  }

  /** @param acceptStale methods to cache although a writer of their data cannot evict them (--accept-stale) */
  public static MigrationPlan prepare(Path root, Assessment assessment, OptkitConfig config, Predicate<Finding> selected,
      Set<String> acceptStale) {
    return prepare(root, assessment, config, selected, acceptStale, Set.of());
  }

  /**
   * @param acceptStale methods to cache although a writer of their data cannot evict them (--accept-stale)
   * @param acceptReorder methods whose loops may run remote writes ahead, in another order (--accept-reorder)
   */
  public static MigrationPlan prepare(Path root, Assessment assessment, OptkitConfig config, Predicate<Finding> selected,
      Set<String> acceptStale, Set<String> acceptReorder) {
    MigrationPlan caching = CachingMigration.prepare(root, assessment, config, selected, acceptStale);
    LoopMigration.LoopPlan loops = LoopMigration.extend(caching.root(), caching.changes(), root, assessment, config,
        selected, acceptReorder);
    java.util.List<dev.optkit.rewriters.caching.Refusal> refusals = new java.util.ArrayList<>(caching.refusals());
    refusals.addAll(loops.refusals());
    java.util.List<dev.optkit.rewriters.loops.LoopRewrite> rewritten = new java.util.ArrayList<>(caching.loops());
    rewritten.addAll(loops.loops());
    MigrationPlan plan = new MigrationPlan(caching.root(), loops.changes(), caching.targets(),
        java.util.List.copyOf(refusals), caching.notes(), caching.notCacheable(), java.util.List.copyOf(rewritten),
        caching.deployment());
    java.util.Optional<String> format = plan.isEmpty() ? java.util.Optional.empty() : FormatCheckers.note(root);
    if (format.isEmpty()) {
      return plan;
    }
    java.util.List<String> notes = new java.util.ArrayList<>(plan.notes());
    notes.add(format.get());
    return new MigrationPlan(plan.root(), plan.changes(), plan.targets(), plan.refusals(), java.util.List.copyOf(notes),
        plan.notCacheable(), plan.loops(), plan.deployment());
  }
}
