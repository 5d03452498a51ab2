package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A project's own test writing rows under the application it reads back through: a test writing inside a test turns
 * the caches off for its module's tests (a marker in its test resources), and where the marker may not be read the
 * test write refuses; a test driving the application over HTTP (a random-port server, MockMvc, the application
 * started in {@code @BeforeAll}) or deleting rows before it reads them back through the handlers' caches refuses,
 * while one writing without reaching any handler or reader leaves the cache. Each case's comment names the audit of
 * optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review it came from, and
 * its project (a case naming none is from the first audit, a review of 30 refusals on four projects); each stands
 * beside a true twin, or a control: the code the reason names must do what it says.
 */
class TestsWritingUnderTheCacheTest extends SpringProjectPlans {
  /**
   * Twelfth audit, a test deleting rows before it reads them over HTTP reads back through the handlers' caches
   * (afisha's).
   */
  @Test
  void aTestWritingUnderTheApplicationItCallsOverHttpRefuses() {
    MigrationPlan plan = casePlan("audit12", "http");
    assertFalse(cached(plan, "EventService.getAll"), plan.targets().toString());
    assertTrue(reason(plan, "EventService.getAll").contains("test"), reason(plan, "EventService.getAll"));
  }

  /** Twelfth audit, the control: a test writing rows without reaching any handler or reader leaves the cache. */
  @Test
  void aTestWritingWithoutReadingBackLeavesTheCache() {
    MigrationPlan plan = casePlan("audit12", "http0");
    assertTrue(cached(plan, "EventService.getAll"), plan.refusals().toString());
  }

  /**
   * Trial 88's first cause (ikarpov64/afisha-spring-boot-jdbc, 14 refusals): its tests insert their rows with
   * {@code jdbcTemplate.update(..)} inside the test, then read through the service, which no eviction can follow.
   * The caches are now off while that module's tests run (a marker in its test resources the switch reads), as they
   * ran before the migration; production keeps them. A test in another module still refuses.
   */
  @Test
  void aTestWritingInsideATestTurnsTheCachesOffForThatModulesTests() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("first")).resources("/trial88/r1").plan();
    var cached = plan.targets().stream().filter(t -> t.method().fact().name().equals("getAll")
            && t.method().fact().ownerType().endsWith("PlaceService")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.refusals().stream().map(Refusal::reason).toList().toString()));
    assertTrue(cached.offInTests().stream().anyMatch(m -> m.fact().name().equals("readsAFixtureInsertedFirst")),
        cached.offInTests().toString());
    assertTrue(plan.changes().stream().anyMatch(change -> change.path()
        .equals("src/test/resources/META-INF/optkit/caches-off-in-tests")), plan.changes().toString());
  }

  /**
   * Hostile review 91's A1, A2, A3: where the tests' class path may lack the marker (a profile changing the build, the
   * resources plugin's own executions) or an earlier migration's switch does not read it, the test write refuses.
   */
  @Test
  void whereTheMarkerMayNotBeReadTheTestWriteRefuses() throws Exception {
    String pom = new String(getClass().getResourceAsStream("/trial88/r1/pom.xml").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    for (String build : List.of(
        "<profiles><profile><id>p</id><activation><activeByDefault>true</activeByDefault></activation><build>"
            + "<testResources><testResource><directory>src/test/x</directory></testResource></testResources>"
            + "</build></profile></profiles>",
        "<build><plugins><plugin><artifactId>maven-resources-plugin</artifactId><executions><execution>"
            + "<id>default-testResources</id><phase>none</phase></execution></executions></plugin></plugins></build>")) {
      MigrationPlan plan = new MigrationFixture(dir.resolve("p" + build.length())).resources("/trial88/r1")
          .file("pom.xml", pom.replace("</project>", build + "</project>")).plan();
      assertTrue(refusalStartingWith(plan, "getAll(").map(r -> r.contains("test code")).orElse(false), refusalStartingWith(plan, "getAll(").toString());
    }
    MigrationPlan old = new MigrationFixture(dir.resolve("old")).resources("/trial88/r1")
        .file("src/main/java/repro/one/OptkitCaching.java", """
            package repro.one;
            public final class OptkitCaching {
                public static boolean disabled() { return Boolean.getBoolean("optkit.cache.disabled"); }
            }
            """).plan();
    assertTrue(refusalStartingWith(old, "getAll(").map(r -> r.contains("test code")).orElse(false), refusalStartingWith(old, "getAll(").toString());
  }

  /**
   * Hostile review 36, Tests that call the application over HTTP and write under its caches: a RANDOM_PORT server read
   * with {@code @LocalServerPort} and a plain HttpClient (x0, x0t), the same through a meta-annotation (x1), MockMvc in
   * a local variable (x2), the application started in {@code @BeforeAll} (x5).
   */
  @ParameterizedTest
  @ValueSource(strings = {"x0", "x0t", "x1", "x2", "x5"})
  void aTestDrivingTheApplicationReadsBackThroughItsCaches(String attack) {
    // the application runs in the tests' JVM: since trial 88 its module's tests run with the caches off
    MigrationPlan plan = casePlan("hostile36", attack);
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatService.name")
        && !t.offInTests().isEmpty()), plan.targets().toString());
    assertTrue(plan.changes().stream().anyMatch(c -> c.path().endsWith("META-INF/optkit/caches-off-in-tests")));
  }

  /**
   * x2, x3: the test writes inside a test and reads over HTTP, in this JVM: its module's tests run with the caches off.
   * (From hostile review 37, cases x2, x3.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"x2", "x3"})
  void testsWritingUnderTheCacheTurnItOff(String attack) {
    MigrationPlan plan = casePlan("hostile37", attack);
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatService.name")
        && !t.offInTests().isEmpty()), plan.targets().toString());
    assertTrue(plan.changes().stream().anyMatch(c -> c.path().endsWith("META-INF/optkit/caches-off-in-tests")));
  }
}
