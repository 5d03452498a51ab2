package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trial 82's F1 (diamond2016/spring6-rest-mvc): {@code getBeerById} was refused because a {@code @Transactional} test
 * deleting every beer is in a class whose other tests read it, though that test never reads it and its delete is rolled
 * back. A test that commits, reads the method itself, or whose class's tear-down reads it still refuses.
 */
class TrialEightyTwoTest {
  @TempDir Path dir;

  private static final String TEST = "src/test/java/r1/ItemServiceTest.java";

  @Test
  void aRolledBackTestThatNeverReadsTheMethodIsNoWriterOfItsCache() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("rolled")).resources("/trial82/r1").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("getName")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("names(")
        && r.reason().contains("ItemServiceTest.emptyAfterDeleteAll()")), plan.refusals().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "@Test @Transactional @org.springframework.test.annotation.Commit",
      "@Test @Transactional @org.springframework.test.annotation.Rollback(false)",
      "@Test",
      "@Test @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)",
      "@Test @Transactional /* reads */ void readsBack() { repo.deleteAll(); service.getName(1L); } @Test"})
  void aTestWhoseWriteStaysOrThatReadsTheMethodStillRefuses(String annotations) {
    assertRefused(annotations, "");
  }

  @Test
  void aTearDownReadingTheMethodBeforeTheRollbackStillRefuses() {
    assertRefused("@Test @Transactional",
        "@org.junit.jupiter.api.AfterEach void after() { service.getName(1L); }");
  }

  private void assertRefused(String annotations, String more) {
    MigrationPlan plan = new MigrationFixture(dir.resolve("kept")).resources("/trial82/r1").file(TEST, """
        package r1;
        import static org.assertj.core.api.Assertions.assertThat;
        import org.junit.jupiter.api.Test;
        import org.springframework.beans.factory.annotation.Autowired;
        import org.springframework.boot.test.context.SpringBootTest;
        import org.springframework.transaction.annotation.Transactional;
        @SpringBootTest
        class ItemServiceTest {
            @Autowired ItemService service;
            @Autowired ItemRepository repo;
            MORE
            @Test
            void readsOneItem() {
                Long id = service.add("a");
                assertThat(service.getName(id)).isEqualTo("a");
            }
            ANNOTATIONS
            void emptyAfterDeleteAll() {
                repo.deleteAll();
                assertThat(service.names()).isEmpty();
            }
        }
        """.replace("ANNOTATIONS", annotations).replace("MORE", more)).plan();
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("getName("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: getName with " + annotations
            + more));
    assertTrue(reason.contains("ItemServiceTest."), reason);
  }
}
