package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile review 94's c37 (stale with every earlier jar): an interceptor written as an anonymous class in
 * {@code WebConfig.addInterceptors} loads the caller's department in every request, inside open-session-in-view, before
 * the handler's {@code findByTitle}; its instance, older than a write committed meanwhile, was what the cache kept.
 * Code a method makes inline as an interceptor or filter now runs around every request; without the interceptor the
 * read is cached.
 */
class InlineInterceptorsTest {
  @TempDir Path dir;

  @Test
  void anInterceptorMadeInlineRunsInEveryRequest() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("inline")).resources("/hostile94/interceptor").plan();
    assertTrue(reasonOf(plan, "findByTitle(").map(r -> r.contains("WebConfig.addInterceptors()")).orElse(false),
        reasonOf(plan, "findByTitle(").toString());
    MigrationPlan none = new MigrationFixture(dir.resolve("none")).resources("/hostile94/interceptor")
        .file("src/main/java/d/WebConfig.java", "package d;\n").plan();
    assertTrue(none.targets().stream().anyMatch(t -> t.method().fact().name().equals("findByTitle")),
        reasonOf(none, "findByTitle(").toString());
  }

  private static Optional<String> reasonOf(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method))
        .map(Refusal::reason).findFirst();
  }
}
