package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import org.junit.jupiter.api.Test;

/**
 * Which beans share a Spring context: a bean in another package the one Spring Boot application's {@code
 * @ComponentScan} lists is in its context, while one only another application scans is not. Each case's comment
 * names the audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review
 * it came from, and its project (a case naming none is from the first audit, a review of 30 refusals on four
 * projects); each stands beside a true twin, or a control: the code the reason names must do what it says.
 */
class ComponentScanContextsTest extends SpringProjectPlans {
  // ---- eleventh audit: s9: one application whose @ComponentScan lists three packages; a generated mapper bean moved
  // optkit's configuration into one of them, and every bean of the others was refused (PutosForks/logistic, built: 15)

  @Test
  void aBeanUnderAnotherScanOfTheOneApplicationIsInItsContext() {
    MigrationPlan plan = caseProject("audit11", "s9-explicit-scan", "s9").plan();
    assertTrue(cached(plan, "VehicleService.findAll"), reasons(plan).toString());
    // its true twin: a second application scanning only the service package starts a context of its own
    MigrationPlan two = caseProject("audit11", "s9-explicit-scan", "s9-twin").file("src/main/java/r/service/Worker.java", """
        package r.service;
        @org.springframework.boot.autoconfigure.SpringBootApplication
        @org.springframework.context.annotation.ComponentScan({"r.service"})
        public class Worker { public static void main(String[] a) { org.springframework.boot.SpringApplication.run(Worker.class, a); } }
        """).plan();
    assertFalse(cached(two, "VehicleService.findAll"), two.targets().toString());
  }

  /**
   * A plain Spring @Configuration scanning {@code blog} from {@code blog.config}: the beans of {@code blog} are in its
   * context, and their reads are cached. (From hostile review 46, its C2: case p4c.)
   */
  @Test
  void aScanOfAnOuterPackageFromAConfigurationReachesItsBeans() {
    MigrationPlan plain = caseProject("reasons44", "pagesize", "p4c").resources("/hostile46/p4c").plan();
    assertFalse(plain.refusals().stream().anyMatch(r -> r.proof() == Proof.OUTSIDE_COMPONENT_SCAN),
        plain.refusals().toString());
    assertTrue(plain.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PhotoService.getAllPhotos")),
        plain.targets() + " " + plain.refusals());
  }
}
