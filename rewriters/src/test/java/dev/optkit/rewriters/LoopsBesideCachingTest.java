package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loops rewritten in a file the caching rewrite changes too: the loop edits are placed by a line diff of the
 * two texts, so two methods holding the same loop text (real24's F1, AProject's getProductBySetId and
 * getProductMapBySetId) are each rewritten where they are, instead of refused as "moved".
 */
class LoopsBesideCachingTest {
  @TempDir Path dir;

  private static final String BEFORE = JdbcKeyQueryBatchRewriteTest.BEFORE;
  /** names() copied as namesAgain(): the same loop text twice in one file; and a cached read beside them. */
  private static final String TWINS = BEFORE.replace("    public List<String> regions(",
      BEFORE.substring(BEFORE.indexOf("    public List<String> names("), BEFORE.indexOf("    public List<String> regions("))
          .replace("names(List<Long> ids)", "namesAgain(List<Long> ids)")
          + "    public String name(long id) {\n"
          + "        return jdbc.queryForObject(\"SELECT name FROM customer WHERE id = ?\", String.class, id);\n"
          + "    }\n\n"
          + "    public List<String> regions(")
      .replace("import org.springframework.jdbc.core.RowMapper;\n",
          "import org.springframework.jdbc.core.RowMapper;\nimport org.springframework.stereotype.Repository;\n")
      .replace("public class Customers {", "@Repository\npublic class Customers {");

  @Test
  void twoMethodsWithTheSameLoopAreEachRewrittenBesideACache() throws Exception {
    assertTrue(TWINS.contains("namesAgain") && TWINS.contains("@Repository"));
    MigrationFixture fixture = new MigrationFixture(dir).java(JdbcKeyQueryBatchRewriteTest.CUSTOMER).java(TWINS)
        .config(OptkitConfig.defaults());
    MigrationPlan plan = fixture.plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("name")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    assertEquals(3, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("moved the loop")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Customers.java");
    for (String method : new String[] {"names", "namesAgain"}) {
      int at = after.indexOf("public List<String> " + method + "(");
      int next = after.indexOf("\n    }\n", at);
      assertTrue(at > 0 && after.substring(at, next).contains("// optkit migrate: one query per 1000 keys before the loop"),
          method + " is rewritten in place:\n" + after);
    }
    fixture.assertCompiles(plan);
  }

  /**
   * e2: the pool field went between @Cacheable and the class's first method, which then did not compile.
   * (From hostile review 40, case e2.)
   */
  @Test
  void thePoolGoesAboveAnAnnotationTheCachingAddedToTheFirstMember() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir.resolve("e2")).resources("/hostile40/spring-base").resources("/hostile40/e2");
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PetDao.name")));
    fixture.assertCompiles(plan);
  }
}
