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
    assertTrue(target(plan).offInTests().stream().anyMatch(m -> m.fact().name().equals("setNames")),
        target(plan).offInTests().toString());
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
    // a fake holding a private String only its setter assigns: nothing outside its methods can change it
    String precise = FAKE.replace("private List<String> names = new ArrayList<>();", "private String name = \"\";")
        .replace("void setNames(List<String> names) { this.names = names; }", "void setNames(List<String> names) { this.name = names.get(0); }")
        .replace("@Override public List<String> names() { return names; }", "@Override public List<String> names() { return List.of(name); }");
    MigrationPlan plan = plan("setup", precise, setUp);
    assertEquals(List.of("setNames"), target(plan).clearedForTests().stream().map(m -> m.fact().name()).toList());
    assertEquals(List.of(), target(plan).offInTests());
  }

  @Test
  void aFakeAddingThroughItsFieldIsAWriterToo() throws Exception {
    String adding = FAKE.replace("void setNames(List<String> names) { this.names = names; }",
        "void remember(String name) { names.add(name); }");
    String test = SETS_INSIDE.replace("dao.setNames(List.of(n));", "dao.remember(n);");
    assertTrue(target(plan("adding", adding, test)).offInTests().stream().anyMatch(m -> m.fact().name().equals("remember")));
  }

  @Test
  void aFakeWhoseStateNeverChangesIsNoWriter() throws Exception {
    // a final String: nothing a test could change, from inside or outside (a final List could be changed through
    // what its getter hands out: hr36's fk1)
    String fixed = FAKE.replace("private List<String> names = new ArrayList<>();", "private final String name = \"lamp\";")
        .replace("void setNames(List<String> names) { this.names = names; }", "String first() { return name; }")
        .replace("@Override public List<String> names() { return names; }", "@Override public List<String> names() { return List.of(name); }");
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

  /**
   * The hostile review hr36's fakes changed from outside their own setters: through the list a getter hands out
   * (fk1), a field a test assigns (fk3), a static (fk4), a base class's setter (fk9), a read that changes what the
   * next one answers (fk10), and an anonymous class of the DAO made in the test configuration (fk6).
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"getter", "field", "static", "base", "scripted", "anonymous"})
  void aFakeChangedFromOutsideItsSettersTurnsTheCachesOffForTheTests(String how) throws Exception {
    String fake = switch (how) {
      case "getter" -> FAKE.replace("private List<String> names = new ArrayList<>();", "private final List<String> names = new ArrayList<>();")
          .replace("void setNames(List<String> names) { this.names = names; }", "");
      case "field" -> FAKE.replace("private List<String> names", "List<String> names").replace("void setNames(List<String> names) { this.names = names; }", "");
      case "static" -> FAKE.replace("private List<String> names = new ArrayList<>();", "static List<String> NAMES = new ArrayList<>();")
          .replace("void setNames(List<String> names) { this.names = names; }", "")
          .replace("@Override public List<String> names() { return names; }", "@Override public List<String> names() { return NAMES; }");
      case "base" -> FAKE.replace("class FakeItemDao extends ItemDao {", "class FakeItemDao extends ItemDao {\n  final Rows rows = new Rows();")
          .replace("void setNames(List<String> names) { this.names = names; }", "")
          .replace("@Override public List<String> names() { return names; }", "@Override public List<String> names() { return rows.all(); }");
      case "scripted" -> FAKE.replace("void setNames(List<String> names) { this.names = names; }",
          "private int reads;\n  void script(List<String> first) { names = first; }")
          .replace("@Override public List<String> names() { return names; }", "@Override public List<String> names() { reads++; return reads > 1 ? List.of() : names; }");
      default -> FAKE;
    };
    String test = SETS_INSIDE.replace("dao.setNames(List.of(n));", switch (how) {
      case "getter", "field" -> "dao.names().clear(); dao.names().add(n);";
      case "static" -> "FakeItemDao.NAMES = List.of(n);";
      case "base" -> "dao.rows.set(List.of(n));";
      case "scripted" -> "dao.script(List.of(n));";
      default -> "";
    });
    MigrationFixture fixture = new MigrationFixture(dir.resolve(how)).resources("/trial96/mocked").file(TEST, test)
        .file("src/test/java/demo/FakeItemDao.java", fake)
        .file("src/test/java/demo/Rows.java", "package demo;\nimport java.util.*;\nclass Rows {\n  private List<String> all = new ArrayList<>();\n"
            + "  void set(List<String> rows) { all = rows; }\n  List<String> all() { return all; }\n}\n");
    if (how.equals("anonymous")) {
      fixture.file("src/test/java/demo/FakeDaoConfig.java", """
          package demo;
          import java.util.List;
          import java.util.concurrent.atomic.AtomicReference;
          import org.springframework.boot.test.context.TestConfiguration;
          import org.springframework.context.annotation.Bean;
          import org.springframework.context.annotation.Primary;
          @TestConfiguration
          class FakeDaoConfig {
            static final AtomicReference<List<String>> NAMES = new AtomicReference<>(List.of());
            @Bean @Primary FakeItemDao fakeDao() { return new FakeItemDao(); }
            @Bean ItemDao other() { return new ItemDao(null) { @Override public List<String> names() { return NAMES.get(); } }; }
          }
          """);
    } else {
      fixture.file("src/test/java/demo/FakeDaoConfig.java", CONFIG);
    }
    MigrationPlan plan = fixture.plan();
    assertTrue(!target(plan).offInTests().isEmpty() || !target(plan).clearedForTests().isEmpty(), how + ": "
        + target(plan).offInTests());
  }
}
