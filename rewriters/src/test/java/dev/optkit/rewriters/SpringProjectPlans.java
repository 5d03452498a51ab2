package dev.optkit.rewriters;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the refusal-reason tests share: a Spring project in a temporary directory, planned, and the two questions they
 * ask of its plan (the reason a method, or the first method whose name starts so, was refused; whether a method was
 * cached).
 */
abstract class SpringProjectPlans {
  @TempDir Path dir;

  MigrationFixture spring(String name) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM);
  }

  static Optional<String> refusal(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst();
  }

  /** The reason of the first refusal whose method's signature starts with {@code prefix} (a name's start, too). */
  static Optional<String> refusalStartingWith(MigrationPlan plan, String prefix) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(prefix))
        .map(Refusal::reason).findFirst();
  }

  static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }
}
