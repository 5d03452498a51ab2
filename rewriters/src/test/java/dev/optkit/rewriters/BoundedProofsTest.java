package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proofs end on code shaped to make them deep: optkit runs in CI on pull requests, where the
 * scanned code is anyone's. The timeouts stop a test that would otherwise run for hours; they are
 * no speed target.
 */
class BoundedProofsTest {
  @TempDir Path dir;

  private static final String TEXTS = """
      package shop;

      public final class Texts {
          private Texts() {}

          public static String join(String left, String right) {
              return left + right;
          }
      }
      """;

  /** A value built by calls whose arguments are both the previous call's result, {@code levels} deep. */
  private static String labels(int levels) {
    StringBuilder chain = new StringBuilder();
    for (int level = 1; level <= levels; level++) {
      chain.append("        String s").append(level).append(" = Texts.join(s").append(level - 1)
          .append(", s").append(level - 1).append(");\n");
    }
    return """
        package shop;

        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class Labels {
            private final JdbcTemplate jdbc;

            public Labels(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public String label(int id) {
                String s0 = jdbc.queryForObject("SELECT name FROM vets WHERE id = ?", String.class, id);
        %s        return s%d;
            }
        }
        """.formatted(chain, levels);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aValueBuiltFromItselfAtEveryLevelIsJudgedOncePerLevel() throws Exception {
    // each level asks twice about the level below: 2^40 questions unless each answer is kept
    // (an assess of langchain4j ran for more than 15 minutes on such code)
    MigrationPlan plan = new MigrationFixture(dir.resolve("doubling")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(TEXTS).java(labels(40)).plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("Labels.label")),
        "Labels.label was not cached; refused: " + plan.refusals().stream()
            .map(r -> r.finding().enclosingMethod() + ": " + r.reason()).toList());
  }
}
