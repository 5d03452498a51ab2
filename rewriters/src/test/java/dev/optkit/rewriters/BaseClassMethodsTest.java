package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * A base class's method its subclasses reach: the reason says when every subclass overrides it, or when only its
 * subclasses call it, and a subclass that does not override it shares the base method's one cache. Each case's
 * comment names the audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile
 * review it came from, and its project (a case naming none is from the first audit, a review of 30 refusals on four
 * projects); each stands beside a true twin, or a control: the code the reason names must do what it says.
 */
class BaseClassMethodsTest extends SpringProjectPlans {
  // ---- tenth audit: s3: an abstract base controller's read, which each subclass overrides and reaches through
  // super.getAll()

  @Test
  void aBaseMethodEverySubclassOverridesSaysSo() {
    MigrationPlan plan = caseProject("audit10", "s3-abstract-controller").plan();
    assertTrue(reasons(plan).stream().anyMatch(r -> r.contains("each overrides it (AdminShopController.getAll(), "
        + "UserShopController.getAll())")), reasons(plan).toString());
    // its true twin: a subclass that does not override it shares the base method's one cache
    MigrationPlan inherited = caseProject("audit10", "s3-abstract-controller", "s3-twin").file("src/main/java/r/GuestShopController.java", """
        package r;
        @org.springframework.stereotype.Component public class GuestShopController extends AbstractShopController {}
        """).plan();
    assertTrue(reasons(inherited).stream().anyMatch(r -> r.contains("several beans or objects of different kinds")),
        reasons(inherited).toString());
  }

  // ---- eleventh audit: s3b: a base controller's read nobody overrides, called as super.getAllShops() from handlers of
  // other names

  @Test
  void aBaseMethodOnlyItsSubclassesCallSaysSo() {
    MigrationPlan plan = caseProject("audit11", "s3b-abstract-not-overridden", "s3b").plan();
    assertTrue(reasons(plan).stream().anyMatch(r -> r.contains("only their own methods call it")), reasons(plan).toString());
    // its true twin: another bean calls it through a subclass bean, and several kinds of bean would share the cache
    MigrationPlan outside = caseProject("audit11", "s3b-abstract-not-overridden", "s3b-twin").file("src/main/java/r/Report.java", """
        package r;
        @org.springframework.stereotype.Component public class Report {
          private final AdminShopController admin; Report(AdminShopController admin) { this.admin = admin; }
          public int count() { return admin.getAllShops().size(); }
        }
        """).plan();
    assertTrue(reasons(outside).stream().anyMatch(r -> r.contains("several beans or objects of different kinds")),
        reasons(outside).toString());
  }
}
