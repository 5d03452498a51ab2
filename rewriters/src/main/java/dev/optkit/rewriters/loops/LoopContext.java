package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.source.ProjectSources;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What the loop proofs read beside the loop, made once per migration.
 *
 * @param index the project's model, the one assess read the loop from
 * @param interceptorProblem why the project's HTTP interceptors read the caller's context, judged when a loop first asks
 */
public record LoopContext(ProjectIndex index, Supplier<Optional<String>> interceptorProblem) {
  /** The context of a migration of the project at {@code root}: its interceptors judged once, when first asked. */
  public static LoopContext of(ProjectIndex index, Path root) {
    AtomicReference<Optional<String>> interceptors = new AtomicReference<>();
    return new LoopContext(index, () -> interceptors.updateAndGet(known ->
        known != null ? known : HttpInterceptors.problem(index, new ProjectSources(root))));
  }
}
