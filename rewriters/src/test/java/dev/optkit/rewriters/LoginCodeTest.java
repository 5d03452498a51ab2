package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a login runs, and so what is login code whose reads are refused: a user details service's login and what it
 * calls, followed through other beans, an SPI factory or a base class. The cases are the false reason trial 59
 * (2026-11-27) found, reduced to {@code src/test/resources/trial59/}.
 */
class LoginCodeTest {
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

  /** A hostile review's login project: the entities and pom they share (logins/base), then the case's own files. */
  private MigrationPlan loginCase(String name, String resources) {
    return new MigrationFixture(dir.resolve(name)).resources("/logins/base").resources(resources).plan();
  }

  /**
   * Hostile review 59's three regressions of the narrowing, each a login running a method the walk from its class's
   * own callbacks missed: a tenant provider over AbstractUserDetailsAuthenticationProvider calling
   * UserService.findLogin (which answers Optional&lt;UserDetails&gt;, credentials too), a remember-me token repository
   * the same class implements, a JdbcDaoImpl subclass whose jar is not at hand. Each login failed its second run once
   * these were cached (the review ran both logins on the migrated code); all stay login code.
   */
  @Test
  void whatALoginRunsFromElsewhereStaysLoginCode() {
    MigrationPlan tenant = loginCase("tenant", "/hostile59/tenant");
    assertTrue(reasonFor(tenant, "UserService.findLogin").orElse("cached").startsWith("authentication code:"),
        tenant.targets().toString());
    assertTrue(reasonFor(tenant, "AppUserRepository.findOneByEmailAndTenant").orElse("cached")
        .startsWith("a login reads it (UserService.findLogin()"), tenant.targets().toString());
    assertTrue(reasonFor(tenant, "TenantAuthenticationProvider.account").orElse("cached")
        .startsWith("authentication code: TenantAuthenticationProvider extends AbstractUserDetailsAuthenticationProvider"),
        tenant.targets().toString());

    MigrationPlan remember = loginCase("remember", "/hostile59/rememberme");
    assertTrue(reasonFor(remember, "AccountService.getTokenForSeries").orElse("cached")
        .startsWith("authentication code: AccountService implements"), remember.targets().toString());

    MigrationPlan jdbc = loginCase("jdbc", "/hostile59/jdbcdao");
    assertTrue(reasonFor(jdbc, "AppUserDetailsService.loadUserAuthorities").orElse("cached")
        .startsWith("authentication code: AppUserDetailsService extends JdbcDaoImpl"), jdbc.targets().toString());
    assertTrue(jdbc.targets().isEmpty(), jdbc.targets().toString());
  }

  /**
   * Hostile review 60: what a login runs is computed over the whole call graph, so a login passing through another
   * bean (loadUserByUsername -> AccountLoader.load -> UserService.accountOf, whose record holds the Spring User a login
   * uses: the second login failed once it was cached) or a static helper of another class stays a login's; and a
   * project interface beside the SPI no longer makes every method of the class login code (the admin's findById of
   * a class declared UserServiceImpl implements UserService, UserDetailsService is cached).
   */
  @Test
  void aLoginIsFollowedThroughOtherBeansAndAProjectInterfaceNarrowsNothing() {
    MigrationPlan between = loginCase("between", "/hostile60/beanbetween");
    assertTrue(reasonFor(between, "UserService.accountOf").orElse("cached").startsWith("authentication code:"),
        between.targets().toString());
    assertTrue(reasonFor(between, "AccountLoader.load").orElse("cached")
        .startsWith("returns credentials (User, held in LoginAccount.principal)"), between.targets().toString());

    MigrationPlan helper = loginCase("helper", "/hostile60/statichelper");
    assertTrue(reasonFor(helper, "AppUserRepository.findOneByEmail").orElse("cached")
        .startsWith("a login reads it (LoginSupport.account(), which UserService.loadUserByUsername() runs"),
        helper.targets().toString());

    MigrationPlan iface = loginCase("iface", "/hostile60/projectinterface");
    assertTrue(iface.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("UserServiceImpl.findById")),
        iface.refusals().toString());
  }

  /**
   * Trial 98 (gtiwari333/spring-boot-blog-app): the answer is a project class implementing UserDetails alone, which no
   * login erases: the reason says the credentials stay in memory, not that the next login fails; the same class as a
   * CredentialsContainer says it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"UserDetails", "UserDetails, org.springframework.security.core.CredentialsContainer"})
  void onlyACredentialsContainerIsSaidToFailTheNextLogin(String implemented) {
    String user = """
        package demo;

        import jakarta.persistence.*;
        import java.util.Collection;
        import java.util.List;
        import org.springframework.security.core.GrantedAuthority;
        import org.springframework.security.core.userdetails.UserDetails;

        @Entity
        public class AppUser implements %s {
            @Id @GeneratedValue private Long id;
            private String email;
            private String password;
            private String tenant;
            @ManyToOne private Role role;
            public Long getId() { return id; }
            public String getEmail() { return email; }
            public String getPassword() { return password; }
            public String getUsername() { return email; }
            public String getTenant() { return tenant; }
            public Role getRole() { return role; }
            public Collection<? extends GrantedAuthority> getAuthorities() { return List.of(); }
            %s
        }
        """.formatted(implemented, implemented.contains("Credentials") ? "public void eraseCredentials() { password = null; }" : "");
    MigrationPlan plan = new MigrationFixture(dir.resolve(implemented.length() > 12 ? "container" : "details"))
        .resources("/logins/base").file("src/main/java/demo/AppUser.java", user)
        .file("src/main/java/demo/Accounts.java", """
            package demo;

            import org.springframework.stereotype.Service;

            @Service
            public class Accounts {
                private final AppUserRepository users;
                public Accounts(AppUserRepository users) { this.users = users; }
                public String tenantOf(String email) { return users.findOneByEmail(email).map(AppUser::getTenant).orElse(null); }
            }
            """).plan();
    String reason = reasonFor(plan, "AppUserRepository.findOneByEmail").orElse("cached");
    assertTrue(reason.startsWith("returns credentials (UserDetails); a cache would keep them in memory and hand one "
        + "object to every login"), reason);
    assertEquals(implemented.contains("Credentials"), reason.contains("fails the next login"), reason);
  }
}
