package dev.optkit.rewriters.plan;

import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.indexes.IndexMigration;
import dev.optkit.rewriters.loops.LoopRewrite;
import java.nio.file.Path;
import java.util.List;

/**
 * What a migration would do: the file changes, the methods cached, the loops rewritten, and what was
 * refused and why.
 */
public record MigrationPlan(Path root, List<FileChange> changes, List<CachingTarget> targets, List<Refusal> refusals,
    List<String> notes, List<NotCacheable> notCacheable, List<LoopRewrite> loops, List<String> deployment,
    List<IndexMigration.Written> indexes) {

  /**
   * @param deployment what the project's deployment looks like, one conclusion each (several instances and why, a
   *     Redis at hand, an untimed Lettuce): the facts the warnings on local caches follow from, apart from the notes
   * @param indexes the indexes {@code --indexes} writes as new migrations
   */
  public MigrationPlan {
    deployment = deployment == null ? List.of() : List.copyOf(deployment);
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
  }

  /** A plan writing no index. */
  public MigrationPlan(Path root, List<FileChange> changes, List<CachingTarget> targets, List<Refusal> refusals,
      List<String> notes, List<NotCacheable> notCacheable, List<LoopRewrite> loops, List<String> deployment) {
    this(root, changes, targets, refusals, notes, notCacheable, loops, deployment, List.of());
  }

  /** The migrations {@code --indexes} adds, as a plan of their own: no cache, no loop. */
  public static MigrationPlan ofIndexes(Path root, IndexMigration.Plan indexes) {
    return new MigrationPlan(root, indexes.changes(), List.of(), indexes.refusals(), List.of(), List.of(), List.of(),
        List.of(), indexes.written());
  }

  /** A plan whose deployment tells nothing. */
  public MigrationPlan(Path root, List<FileChange> changes, List<CachingTarget> targets, List<Refusal> refusals,
      List<String> notes, List<NotCacheable> notCacheable, List<LoopRewrite> loops) {
    this(root, changes, targets, refusals, notes, notCacheable, loops, List.of());
  }

  /** A plan with no loop rewrites (the caching planner's). */
  public MigrationPlan(Path root, List<FileChange> changes, List<CachingTarget> targets, List<Refusal> refusals,
      List<String> notes, List<NotCacheable> notCacheable) {
    this(root, changes, targets, refusals, notes, notCacheable, List.of());
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
