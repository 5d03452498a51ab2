package dev.optkit.rewriters.plan;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import java.nio.file.Path;
import java.util.List;

/** What a migration would do: the file changes, the methods cached, and what was refused and why. */
public record MigrationPlan(Path root, List<FileChange> changes, List<CachingTarget> targets, List<Refusal> refusals,
    List<String> notes, List<String> notCacheable) {

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
