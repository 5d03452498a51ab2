package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-Spring review of 2026-11-29, f14, on trial 96's shape (resources trial96/mocked): a test configuration puts
 * a hand-written fake of the DAO in the context, and each test sets the fake's names before reading them through the
 * cached service. The second test read the first one's names after apply. The fake's setter is a writer: inside a
 * test it turns the caches off for the module's tests, in a set-up it is emptied for; a fake whose state never
 * changes, and the fake's own read, are none.
 */
class HandWrittenFakesTest {
  @TempDir Path dir;

  private static final String TEST = "src/test/java/demo/ItemServiceMockTest.java";
  private static final String OFF_IN_TESTS = "src/test/resources/META-INF/optkit/caches-off-in-tests";

  private static final String FAKE = """
      package demo;
      import java.util.ArrayList;
      import java.util.List;
      class FakeItemDao extends ItemDao {
        private List<String> names = new ArrayList<>();
        FakeItemDao() { super(null); }
        void setNames(List<String> names) { this.names = names; }
        @Override public List<String> names() { return names; }
      }
      """;

  private static final String CONFIG = """
      package demo;
      import org.springframework.boot.test.context.TestConfiguration;
      import org.springframework.context.annotation.Bean;
      import org.springframework.context.annotation.Primary;
      @TestConfiguration
      class FakeDaoConfig {
        @Bean @Primary FakeItemDao fakeDao() { return new FakeItemDao(); }
      }
      """;

  private static final String SETS_INSIDE = """
      package demo;
      import static org.junit.jupiter.api.Assertions.assertEquals;
      import java.util.List;
      import org.junit.jupiter.params.ParameterizedTest;
      import org.junit.jupiter.params.provider.ValueSource;
      import org.springframework.beans.factory.annotation.Autowired;
      import org.springframework.boot.test.context.SpringBootTest;
      import org.springframework.context.annotation.Import;
      @SpringBootTest
      @Import(FakeDaoConfig.class)
      class ItemServiceMockTest {
        @Autowired ItemService service;
        @Autowired FakeItemDao dao;
        @ParameterizedTest
        @ValueSource(strings = {"a", "b", "c"})
        void namesComeFromTheFake(String n) {
          dao.setNames(List.of(n));
          assertEquals(List.of(n), service.names());
        }
      }
      """;

  @Test
  void aFakesSetterCalledInsideATestTurnsTheCachesOffForTheTests() throws Exception {
    MigrationPlan plan = plan("inside", FAKE, SETS_INSIDE);
    assertEquals(List.of("setNames"), target(plan).offInTests().stream().map(m -> m.fact().name()).toList());
    assertTrue(plan.changes().stream().anyMatch(c -> c.path().equals(OFF_IN_TESTS)), plan.changes().toString());
  }

  @Test
  void aFakesSetterCalledInTheSetUpIsEmptiedForBeforeEachTest() throws Exception {
    String setUp = SETS_INSIDE.replace("  @ParameterizedTest\n", """
          @org.junit.jupiter.api.BeforeEach
          void fillTheFake() {
            dao.setNames(List.of("x"));
          }
          @ParameterizedTest
        """).replace("    dao.setNames(List.of(n));\n", "").replace("List.of(n), service", "List.of(\"x\"), service");
    assertTrue(setUp.contains("void fillTheFake()") && !setUp.contains("setNames(List.of(n))"), setUp);
    MigrationPlan plan = plan("setup", FAKE, setUp);
    assertEquals(List.of("setNames"), target(plan).clearedForTests().stream().map(m -> m.fact().name()).toList());
    assertEquals(List.of(), target(plan).offInTests());
  }

  @Test
  void aFakeAddingThroughItsFieldIsAWriterToo() throws Exception {
    String adding = FAKE.replace("void setNames(List<String> names) { this.names = names; }",
        "void remember(String name) { names.add(name); }");
    String test = SETS_INSIDE.replace("dao.setNames(List.of(n));", "dao.remember(n);");
    assertEquals(List.of("remember"), target(plan("adding", adding, test)).offInTests().stream()
        .map(m -> m.fact().name()).toList());
  }

  @Test
  void aFakeWhoseStateNeverChangesIsNoWriter() throws Exception {
    String fixed = FAKE.replace("private List<String> names = new ArrayList<>();",
        "private final List<String> names = List.of(\"lamp\");").replace(
            "void setNames(List<String> names) { this.names = names; }", "String first() { return names.get(0); }");
    String test = SETS_INSIDE.replace("dao.setNames(List.of(n));", "assertEquals(\"lamp\", dao.first());")
        .replace("List.of(n), service", "List.of(\"lamp\"), service");
    MigrationPlan plan = plan("fixed", fixed, test);
    assertEquals(List.of(), target(plan).offInTests());
    assertEquals(List.of(), target(plan).clearedForTests());
    assertTrue(plan.changes().stream().noneMatch(c -> c.path().equals(OFF_IN_TESTS)), plan.changes().toString());
  }

  private MigrationPlan plan(String name, String fake, String test) {
    return new MigrationFixture(dir.resolve(name)).resources("/trial96/mocked").file(TEST, test)
        .file("src/test/java/demo/FakeItemDao.java", fake).file("src/test/java/demo/FakeDaoConfig.java", CONFIG).plan();
  }

  private static CachingTarget target(MigrationPlan plan) {
    return plan.targets().stream().filter(t -> t.method().fact().name().equals("names")
            && t.method().fact().ownerType().equals("demo.ItemService")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.refusals().stream().map(Refusal::reason).toList().toString()));
  }
}
