package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bean copy ({@code BeanUtils.copyProperties}, Spring's or Commons') reads only the properties its target can
 * set: an entity copied into a DTO without its lazy association reads none of it; one copied into a DTO that has
 * it, or a Commons copy into the entity, still refuses. Each case's comment names the audit of optkit's refusal
 * reasons on public projects (2026-11-25 on), the trial or the hostile review it came from, and its project (a case
 * naming none is from the first audit, a review of 30 refusals on four projects); each stands beside a true twin,
 * or a control: the code the reason names must do what it says.
 */
class BeanCopiesTest extends SpringProjectPlans {
  // ---- ninth audit: an entity copied into a DTO (techmart's UserController: BeanUtils.copyProperties(user,
  // userResponse)), read as reaching every lazy association of the entity: Spring's copier reads only what the DTO can
  // set

  private static final String CONTROLLER_WITH = """
      package r;
      import %s;
      import org.springframework.web.bind.annotation.*;
      @RestController public class AccountController {
        private final AccountService s; public AccountController(AccountService s){this.s=s;}
        @GetMapping("/accounts/{name}") public %s get(@PathVariable String name) { %s d = new %s(); %s; return d; }
      }
      """;

  @Test
  void anEntityCopiedIntoADtoWithoutItsLazyAssociationIsCached() {
    MigrationPlan plan = caseProject("audit9", "s21-copyprops").plan();
    assertTrue(cached(plan, "AccountService.byName"), plan.refusals().toString());
  }

  @Test
  void anEntityCopiedIntoADtoThatHasItsLazyAssociationStillRefuses() {
    // its true twin: the DTO has a grants property, so the copier reads the lazy collection and the serialiser walks it
    MigrationPlan plan = caseProject("audit9", "s21-copyprops").file("src/main/java/r/GrantsDto.java", """
        package r;
        public class GrantsDto { private String name; private java.util.List<Grant> grants;
          public void setName(String n){name=n;} public String getName(){return name;}
          public void setGrants(java.util.List<Grant> g){grants=g;} public java.util.List<Grant> getGrants(){return grants;} }
        """).file("src/main/java/r/AccountController.java", CONTROLLER_WITH.formatted("org.springframework.beans.BeanUtils",
        "GrantsDto", "GrantsDto", "GrantsDto", "BeanUtils.copyProperties(s.byName(name), d)")).plan();
    assertFalse(cached(plan, "AccountService.byName"), plan.targets().toString());
    assertTrue(plan.refusals().stream().map(Refusal::reason).anyMatch(r -> r.contains("copies its lazy association grants")),
        plan.refusals().toString());
  }

  @Test
  void aCommonsCopyIntoTheEntityStillRefuses() {
    // its true twin: Commons BeanUtils takes (dest, orig): the cached entity (no lazy association here) is what the
    // copy writes; before, every BeanUtils.copyProperties was read as Spring's, writing its second argument
    String account = """
        package r;
        import jakarta.persistence.*;
        @Entity public class Account { @Id Long id; String name;
          public Long getId(){return id;} public String getName(){return name;} public void setName(String n){name=n;} }
        """;
    String call = "try { BeanUtils.copyProperties(s.byName(name), d); } catch (Exception e) { throw new IllegalStateException(e); }";
    MigrationPlan commons = caseProject("audit9", "s21-copyprops").file("src/main/java/r/Account.java", account)
        .file("src/main/java/r/AccountController.java", CONTROLLER_WITH.formatted(
            "org.apache.commons.beanutils.BeanUtils", "AccountDto", "AccountDto", "AccountDto", call)).plan();
    assertFalse(cached(commons, "AccountService.byName"), commons.targets().toString());
    MigrationPlan spring = new MigrationFixture(dir.resolve("s21-spring")).resources("/audit9/s21-copyprops")
        .file("src/main/java/r/Account.java", account).file("src/main/java/r/AccountController.java",
            CONTROLLER_WITH.formatted("org.springframework.beans.BeanUtils", "AccountDto", "AccountDto", "AccountDto",
                call)).plan();
    assertTrue(cached(spring, "AccountService.byName"), spring.refusals().toString());
  }

  /**
   * A copy into a DTO whose run-time class has the lazy association's setter (c1), or which then holds the entity's
   * own eager tag list, changed through the DTO (c4).
   * (From hostile review 33, cases c1, c4.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"c1", "c4"})
  void aCopyThatReachesOrSharesWhatTheCacheHoldsRefuses(String attack) {
    MigrationPlan plan = casePlan("hostile33", attack);
    assertFalse(cached(plan, "AccountService.byName"), plan.targets().toString());
  }

  /** An entity copied into a DTO of plain values shares nothing: the read is cached. (From hostile review 33: its control c0.) */
  @Test
  void aCopyIntoADtoOfValuesLeavesTheReadCached() {
    MigrationPlan plan = casePlan("hostile33", "c0");
    assertTrue(cached(plan, "AccountService.byName"), plan.refusals().toString());
  }

  /**
   * A bean copy of a getter named for another field (c5), made in a project helper (c6), into an anonymous
   * subclass (c7), of an array property (c8).
   * (From hostile review 34, cases c5 to c8.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"c5", "c6", "c7", "c8"})
  void aBeanCopyOfAnotherFieldOrAnArrayRefuses(String attack) {
    MigrationPlan plan = casePlan("hostile34", attack);
    assertFalse(cached(plan, "AccountService.byName"), plan.targets().toString());
  }
}
