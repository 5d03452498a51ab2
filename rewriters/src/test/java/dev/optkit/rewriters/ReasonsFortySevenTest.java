package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** False reasons found by trial 46 (2026-11-27), reduced to {@code src/test/resources/reasons47/}. */
class ReasonsFortySevenTest {
  @TempDir Path dir;

  /**
   * Trial 46's repro 2 (planning-api's countCourses): {@code em.createNativeQuery("select count(*) from days")} answers
   * a number and puts no Day in the request's persistence context, so a handler running it beside {@code getDays()}
   * shares no instance with it under open-session-in-view; both were refused as if it loaded days. The twin counts by
   * loading every day ({@code select d from Day d}) and stays refused.
   */
  @Test
  void aNativeCountLoadsNoEntityIntoTheRequestsContext() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("count")).resources("/reasons47/osivcount").plan();
    for (String cached : new String[] {"DayService.getDays", "DayService.countDays"}) {
      assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(cached)
          && t.toString().contains("name=saveDay")), cached + ": " + plan.targets() + " " + plan.refusals());
    }
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("which loads them too")),
        plan.refusals().toString());

    MigrationPlan twin = new MigrationFixture(dir.resolve("rows")).resources("/reasons47/osivcount")
        .resources("/reasons47/osivcountrows").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getDays")
        && r.reason().contains("also runs DayCountRepository.countDays(), which loads them too")),
        twin.targets() + " " + twin.refusals());
  }

  /**
   * Trial 46's repro 1 (planning-api's JwtFilter): Spring Boot binds the view's persistence context in an interceptor
   * inside the DispatcherServlet, so a servlet filter loading the caller's user runs before it with an EntityManager
   * of its own and shares no instance with the handler's {@code getDays()}, which was refused as if it did. Hostile
   * reviews 47 and 48 found the ways a filter does run inside the view's context (a forward or include inside the
   * servlet, a web.xml ordering an open-in-view filter ahead, a context bound by hand, a filter in a transaction or
   * handing its chain on); each twin keeps the refusal and names what it found. The controls (a {@code @Controller}
   * writing bodies, Thymeleaf's views rendered in place, a comment naming a forward) stay cached.
   */
  @Test
  void aServletFilterRunsBeforeTheViewsPersistenceContextUnlessTheProjectForwardsOrBindsOne() {
    for (String control : new String[] {"", "osivfilterbody", "osivfilterthymeleaf", "osivfiltercomment",
        "osivfiltervoidctl"}) {
      MigrationFixture fixture = new MigrationFixture(dir.resolve("filter" + control)).resources("/reasons47/osivfilter");
      MigrationPlan plan = (control.isEmpty() ? fixture : fixture.resources("/reasons47/" + control)).plan();
      assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("DayService.getDays")
          && t.toString().contains("name=saveDay")), control + ": " + plan.targets() + " " + plan.refusals());
    }

    java.util.Map<String, String> twins = new java.util.LinkedHashMap<>();
    twins.put("osivfilterforward", "src/main/java/demo/LegacyController.java names forward:");
    twins.put("osivfilterbound", "RequestEntityManagerFilter.java names EntityManagerHolder");
    twins.put("osivfilterwebxml", "src/main/webapp/WEB-INF/web.xml declares the servlet's filters");
    twins.put("osivfilterwelcome", "src/main/resources/static/index.html may be served (as it is, or copied by a "
        + "build) as Spring Boot's welcome page");
    twins.put("osivfilterbuiltpage", "frontend/build/index.html may be served");
    twins.put("osivfilterview", "DayPageController.java names ModelAndView");
    twins.put("osivfilterspringfox", "pom.xml uses springfox, which forwards inside the DispatcherServlet");
    twins.put("osivfilterreqmap", "LegacyPages.legacyDays() may render a view by name, which Spring's default view "
        + "resolver renders by a forward");
    twins.put("osivfilteradvice", "DayErrors.noSuchDay() may render a view by name");
    twins.put("osivfiltertx", "the filter AuditFilter runs in a transaction (@Transactional)");
    twins.put("osivfilterchain", "the filter AuditFilter hands its FilterChain to other code");
    twins.put("osivfilteroutpkg", "src/main/java/demo/adapter/out/web/LegacyUrls.java names forward:");
    // hostile review 49: a house annotation meta-annotated @Transactional, a transaction proxy set up in Java,
    // Thymeleaf's core without its view resolver, a mapped interface a plain bean implements, a Model returned
    twins.put("osivfiltermetatx", "the filter DayCountFilter runs in a transaction (@Transactional)");
    twins.put("osivfilterproxytx", "RequestUnitOfWork.java names TransactionInterceptor");
    twins.put("osivfilterthymeleafcore", "DayPages.days() may render a view by name");
    twins.put("osivfilteriface", "LegacyApi.legacyDays() may render a view by name");
    twins.put("osivfilterrestmodel", "LegacyPages.legacyDays() may render a view by name");
    for (var twin : twins.entrySet()) {
      MigrationPlan inside = new MigrationFixture(dir.resolve(twin.getKey())).resources("/reasons47/osivfilter")
          .resources("/reasons47/" + twin.getKey()).plan();
      assertTrue(inside.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getDays")
          && r.reason().contains("), which loads them too")
          && r.reason().contains("(a servlet filter runs inside the view's persistence context when")
          && r.reason().contains(twin.getValue())), twin.getKey() + ": " + inside.targets() + " " + inside.refusals());
    }
  }

  /**
   * Trial 46's planning-api: a native query whose text a static builder of another class returns
   * ({@code QueryGeneratorUtil.countCoursesQueryGenerator(search != null)}) was read as unknown SQL, so as a write:
   * the read evicted every count cache, and the generated code called it "this write changes". Its text is read now
   * (a select: no writer); the twin's builder returns a delete and stays a writer of the courses. And the course read
   * by {@code getById}, a lazy reference, is refused for that (trial 46: "a real blocker may exist, but optkit does
   * not name it").
   */
  @Test
  void aQueryABuilderReturnsIsReadAsItsTextAndALazyReferenceIsNoCachedEntity() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("builder")).resources("/reasons47/querybuilder").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CourseService.count")
        && t.toString().contains("name=saveCourse") && !t.toString().contains("name=countCourses")),
        plan.targets() + " " + plan.refusals());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getCourse(")
        && r.reason().contains("returns the persistent entity Course, and reads it by getById(), which answers a lazy "
            + "reference")), plan.refusals().toString());

    MigrationPlan twin = new MigrationFixture(dir.resolve("builderwrites")).resources("/reasons47/querybuilder")
        .resources("/reasons47/querybuilderwrites").plan();
    assertTrue(twin.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CourseService.count")
        && t.toString().contains("name=countCourses")), twin.targets() + " " + twin.refusals());
  }

  /**
   * Hostile review 49's L1, L2: a Session's {@code byId(Day.class).getReference(id)} and {@code bySimpleNaturalId}
   * answer proxies, as does the getter of a lazy to-one ({@code findById(id).map(Day::getPrevious)}); cached, a later
   * request's first read of one throws LazyInitializationException. And its false reason: a repository's own
   * derived query named {@code getById} on a CrudRepository loads the row, and is cached.
   */
  @Test
  void proxiesAreRefusedWhereverTheyComeFromAndADerivedGetByIdLoads() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("lazy")).resources("/reasons47/lazyrefs").plan();
    java.util.Map<String, String> refused = java.util.Map.of("byIdReference", "reads it by byId()",
        "byLabelReference", "reads it by bySimpleNaturalId()", "previousOf",
        "may answer it through getPrevious(), the getter of a lazy association", "referenceById",
        "reads it by getReferenceById()");
    for (var expected : refused.entrySet()) {
      assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith(expected.getKey() + "(")
          && r.reason().contains(expected.getValue() + ", which answers a lazy reference")),
          expected.getKey() + ": " + plan.refusals());
    }
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("DayLookup.derived")),
        plan.targets() + " " + plan.refusals());
  }
}
