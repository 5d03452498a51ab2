package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * A login's credentials: an entity that is a {@code UserDetails}, returned in an {@code Optional}, and what a
 * {@code UserDetailsService} reads through a DAO are the login's, refused as the service itself is; a role read at
 * sign-up is no login's read. Each case's comment names the audit of optkit's refusal reasons on public projects
 * (2026-11-25 on), the trial or the hostile review it came from, and its project (a case naming none is from the
 * first audit, a review of 30 refusals on four projects); each stands beside a true twin, or a control: the code
 * the reason names must do what it says.
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
    MigrationPlan plan = casePlan("audit14", "login");
    assertFalse(cached(plan, "PlayerDao.findByLogin"), plan.targets().toString());
    assertTrue(reason(plan, "findByLogin").contains("a login reads it"), reason(plan, "findByLogin"));
    assertTrue(cached(plan, "GameDao.getAllGames"), reason(plan, "getAllGames"));
  }

  /**
   * Trial 88's third cause (workshop-springboot3-jpa's PermissionRepository.findByDescription): a role read at sign-up
   * was "a login reads it (UserServiceImpl.insert(), returns credentials ...)", though no login runs insert() and a role
   * holds no secret. Text read by such a method (it may be the hash in the user it makes), a role holding another
   * object (the account, hostile review 94), and the role where a login runs the caller still refuse.
   */
  @Test
  void aRoleReadBySignUpIsNoLoginsRead() throws Exception {
    MigrationPlan signUp = new MigrationFixture(dir.resolve("signUp")).resources("/trial88/r3").plan();
    assertTrue(refusalStartingWith(signUp, "findByDescription(").map(r -> !r.contains("login") && !r.contains("credentials"))
        .orElse(true), refusalStartingWith(signUp, "findByDescription(").toString());
    String service = new String(getClass().getResourceAsStream(
        "/trial88/r3/src/main/java/repro/three/UserServiceImpl.java").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    MigrationPlan hash = new MigrationFixture(dir.resolve("hash")).resources("/trial88/r3")
        .file("src/main/java/repro/three/UserServiceImpl.java", service.replace("user.setPassword(password);",
            "user.setPassword(roleRepository.hashOf(username));"))
        .file("src/main/java/repro/three/RoleRepository.java", """
            package repro.three;
            import java.util.Optional;
            import org.springframework.data.jpa.repository.JpaRepository;
            import org.springframework.data.jpa.repository.Query;
            public interface RoleRepository extends JpaRepository<Role, Long> {
                Optional<Role> findByDescription(String description);
                @Query(value = "select crypt(?1, 'x')", nativeQuery = true)
                Optional<String> hashOf(String name);
            }
            """).plan();
    assertTrue(refusalStartingWith(hash, "hashOf(").map(r -> r.contains("password hash")).orElse(false),
        refusalStartingWith(hash, "hashOf(").toString());
    // hostile review 94's c44-c48: an authority holding the account (whose hash a hand-written login checks)
    String role = new String(getClass().getResourceAsStream("/trial88/r3/src/main/java/repro/three/Role.java")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    MigrationPlan holding = new MigrationFixture(dir.resolve("holding")).resources("/trial88/r3")
        .file("src/main/java/repro/three/Role.java", role.replace("    private String description;",
            "    private String description;\n    @ManyToOne private Account account;"))
        .file("src/main/java/repro/three/Account.java", """
            package repro.three;
            import jakarta.persistence.*;
            @Entity
            public class Account {
                @Id @GeneratedValue private Long id;
                private String passwordHash;
                public String getPasswordHash() { return passwordHash; }
            }
            """).plan();
    assertTrue(refusalStartingWith(holding, "findByDescription(").map(r -> r.contains("password hash")).orElse(false),
        refusalStartingWith(holding, "findByDescription(").toString());
    // hostile review 96's l01: an authority holding the login's hash as text beside its role's name
    String service96 = service.replace("        this.userRepository = userRepository;",
        "        this.userRepository = userRepository;\n        this.credentials = credentials;")
        .replace("UserRepository userRepository, RoleRepository roleRepository)",
            "UserRepository userRepository, RoleRepository roleRepository, CredentialRepository credentials)")
        .replace("public class UserServiceImpl", "public class UserServiceImpl")
        .replaceFirst("(public class UserServiceImpl[^{]*\\{)", "$1\n    private final CredentialRepository credentials;");
    MigrationPlan hashed = new MigrationFixture(dir.resolve("hashed")).resources("/trial88/r3")
        .file("src/main/java/repro/three/UserServiceImpl.java", service96.replaceFirst(
            "(public [^\\n]* insert\\([^\\n]*\\{\\n)", "$1        if (!credentials.findByUsername(username).isEmpty()) {\n"
                + "            throw new IllegalStateException(\"taken: \" + username);\n        }\n"))
        .file("src/main/java/repro/three/CredentialRepository.java", """
            package repro.three;
            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;
            public interface CredentialRepository extends JpaRepository<Credential, Long> {
                List<Credential> findByUsername(String username);
            }
            """)
        .file("src/main/java/repro/three/Credential.java", """
            package repro.three;
            import jakarta.persistence.*;
            import org.springframework.security.core.GrantedAuthority;
            @Entity
            public class Credential implements GrantedAuthority {
                @Id @GeneratedValue private Long id;
                private String authority;
                private String passwordHash;
                public String getPasswordHash() { return passwordHash; }
                @Override public String getAuthority() { return authority; }
            }
            """).plan();
    assertTrue(hashed.targets().stream().noneMatch(t -> t.method().fact().ownerType().endsWith("CredentialRepository")),
        hashed.targets().toString());
    assertTrue(hashed.refusals().stream().anyMatch(r -> r.finding().enclosingClass().endsWith("CredentialRepository")
        && r.reason().contains("password hash")), hashed.refusals().toString());
    MigrationPlan login = new MigrationFixture(dir.resolve("login")).resources("/trial88/r3")
        .file("src/main/java/repro/three/UserServiceImpl.java", service.replace(
            "return userRepository.findByUsername(username)", "insert(username, \"x\");\n        return userRepository.findByUsername(username)")).plan();
    assertTrue(refusalStartingWith(login, "findByDescription(").map(r -> r.contains("a login reads it")).orElse(false),
        refusalStartingWith(login, "findByDescription(").toString());
  }
}
