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

  /**
   * Hostile review 96: the interceptor as a named subclass of a library interceptor (i01: extends WebContentInterceptor),
   * as an anonymous subclass of one (i02: new LocaleChangeInterceptor() {..}), and a lambda converter registered inline
   * (i03: registry.addConverter(String.class, DeptRef.class, id -> ..)): each loaded the department in every request,
   * and the cache kept the older instance. Each now runs around every request.
   */
  @Test
  void libraryInterceptorsAndInlineRegistrationsRunInEveryRequest() {
    for (String variant : java.util.List.of("i01", "i02", "i03")) {
      MigrationPlan plan = new MigrationFixture(dir.resolve(variant)).resources("/hostile94/interceptor")
          .resources("/hostile96/" + variant).plan();
      assertTrue(reasonOf(plan, "findByTitle(").map(r -> r.contains("also runs")).orElse(false),
          variant + ": " + reasonOf(plan, "findByTitle("));
    }
  }

  private static Optional<String> reasonOf(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method))
        .map(Refusal::reason).findFirst();
  }
}
