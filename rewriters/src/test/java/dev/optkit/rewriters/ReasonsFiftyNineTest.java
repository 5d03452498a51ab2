package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A false reason trial 59 (2026-11-27) found, reduced to {@code src/test/resources/trial59/}. */
class ReasonsFiftyNineTest {
  @TempDir Path dir;

  private static Optional<String> reasonFor(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> (r.finding().enclosingClass() + "." + r.finding().enclosingMethod())
        .endsWith(method + "(" + r.finding().enclosingMethod().replaceAll(".*\\(", ""))).map(Refusal::reason).findFirst();
  }

  /**
   * F2 (devictoralmeida's dscatalog): every method of a class implementing UserDetailsService was login code, so its
   * sign-up made the role it reads "a login's", and its admin read of a DTO without password was refused as
   * "authentication code". A login runs loadUserByUsername and what it calls in its class: those stay refused.
   */
  @Test
  void onlyWhatALoginRunsOfAUserDetailsServiceIsLoginCode() {
    MigrationPlan plan = new MigrationFixture(dir).resources("/trial59/signup").plan();
    String login = reasonFor(plan, "UserService.loadUserByUsername").orElseThrow(() -> new AssertionError(plan.targets()));
    assertTrue(login.startsWith("authentication code: UserService implements UserDetailsService"), login);
    // the login's helper is login code: what it reads, a login reads
    String byEmail = reasonFor(plan, "AppUserRepository.findByEmail").orElseThrow(() -> new AssertionError(plan.targets()));
    assertTrue(byEmail.startsWith("a login reads it (UserService.account()"), byEmail);

    Optional<String> admin = reasonFor(plan, "UserService.findById");
    assertFalse(admin.orElse("").contains("authentication code") || admin.orElse("").contains("a login"),
        admin.toString());
    Optional<String> role = reasonFor(plan, "RoleRepository.findByAuthority");
    assertFalse(role.orElse("").contains("a login reads it"), role.toString());
  }

  /**
   * What stays login code besides the callbacks: a @Bean method making the SPI (its lambda is the login, so what it
   * reads a login reads), and every method of a class over a superclass (a library's base class calls back hooks of
   * its own, as DaoAuthenticationProvider's authenticate calls retrieveUser).
   */
  @Test
  void aFactoryOfTheSpiAndAClassOverABaseClassStayLoginCode() {
    MigrationPlan plan = new MigrationFixture(dir).resources("/trial59/signup").resources("/trial59/factory").plan();
    String lambda = reasonFor(plan, "OperatorRepository.findByLogin").orElseThrow(() -> new AssertionError(plan.targets()));
    assertTrue(lambda.startsWith("a login reads it (LoginConfig.operators(), it makes the UserDetailsService a login "
        + "runs;"), lambda);
    String based = reasonFor(plan, "LegacyLogin.operator").orElseThrow(() -> new AssertionError(plan.targets()));
    assertTrue(based.startsWith("authentication code: LegacyLogin implements UserDetailsService"), based);
  }
}
