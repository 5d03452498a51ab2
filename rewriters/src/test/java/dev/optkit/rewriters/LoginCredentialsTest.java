package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * A login's credentials: an entity that is a {@code UserDetails}, returned in an {@code Optional}, and what a
 * {@code UserDetailsService} reads through a DAO are the login's, refused as the service itself is. Each case's
 * comment names the audit of optkit's refusal reasons on public projects it came from (2026-11-25 on; a case naming
 * no audit is from the first, a review of 30 refusals on four projects) and its project; each stands beside a true
 * twin: the code the reason names must do what it says.
 */
class LoginCredentialsTest extends SpringProjectPlans {
  // ---- sixth audit: an entity that is a UserDetails, returned in an Optional, is a login's credentials (Akej24
  // bookstore SecuredUserRepository.findByUserEmailEmail, read by a lambda UserDetailsService bean)

  private MigrationPlan securedUsers(String name, String implemented) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class SecuredUser%s {
                @Id
                private long id;
                private String email;
                private String password;

                public String getUsername() {
                    return email;
                }

                public String getPassword() {
                    return password;
                }
            }
            """.formatted(implemented))
        .java("""
            package shop;

            import java.util.Optional;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface SecuredUserRepository extends JpaRepository<SecuredUser, Long> {
                Optional<SecuredUser> findByEmail(String email);
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Logins {
                private final SecuredUserRepository users;

                public Logins(SecuredUserRepository users) {
                    this.users = users;
                }

                public String nameOf(String email) {
                    return users.findByEmail(email).map(SecuredUser::getUsername).orElse(null);
                }
            }
            """)
        .plan();
  }

  @Test
  void anOptionalOfAUserDetailsEntityIsALoginsCredentials() {
    MigrationPlan details = securedUsers("details",
        " implements org.springframework.security.core.userdetails.UserDetails");
    String why = refusalStartingWith(details, "findByEmail").orElse("cached");
    assertTrue(why.contains("returns credentials (UserDetails)"), why);
    // an entity implementing UserDetails alone is no CredentialsContainer: no login erases it (trial 98)
    assertFalse(why.contains("erases the credentials"), why);
    // the true twin: a plain entity is no credentials
    MigrationPlan plain = securedUsers("plain", "");
    why = refusalStartingWith(plain, "findByEmail").orElse("cached");
    assertFalse(why.contains("credentials"), why);
  }

  /**
   * Fourteenth audit, what a UserDetailsService reads through a DAO is the login's: refused as the service itself is.
   */
  @Test
  void aReadALoginMakesIsTheLogins() {
    MigrationPlan plan = auditPlan("audit14", "login");
    assertFalse(cached(plan, "PlayerDao.findByLogin"), plan.targets().toString());
    assertTrue(reason(plan, "findByLogin").contains("a login reads it"), reason(plan, "findByLogin"));
    assertTrue(cached(plan, "GameDao.getAllGames"), reason(plan, "getAllGames"));
  }
}
