package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trial 88's false reasons (four public Spring services, /tmp/trial88/REPORT.md), each beside a true one. */
class TrialEightyEightTest {
  @TempDir Path dir;

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
      assertTrue(reasonOf(plan, "getAll(").map(r -> r.contains("test code")).orElse(false), reasonOf(plan, "getAll(").toString());
    }
    MigrationPlan old = new MigrationFixture(dir.resolve("old")).resources("/trial88/r1")
        .file("src/main/java/repro/one/OptkitCaching.java", """
            package repro.one;
            public final class OptkitCaching {
                public static boolean disabled() { return Boolean.getBoolean("optkit.cache.disabled"); }
            }
            """).plan();
    assertTrue(reasonOf(old, "getAll(").map(r -> r.contains("test code")).orElse(false), reasonOf(old, "getAll(").toString());
  }

  /**
   * Trial 88's second cause (workshop-springboot3-jpa's ProductController.findById): a DTO made by a constructor that
   * copies {@code getId()} and {@code getName()} into its own fields was "what holds" the entity, handed to
   * {@code body()} with its lazy {@code reviews}; a constructor keeping the lazy set still is.
   */
  @Test
  void aCopyOfAnEntitysColumnsHoldsNoAssociation() throws Exception {
    MigrationPlan copy = new MigrationFixture(dir.resolve("copy")).resources("/trial88/r2").plan();
    assertTrue(reasonOf(copy, "findById(").map(r -> !r.contains("passes what holds it")).orElse(true),
        reasonOf(copy, "findById(").toString());
    MigrationPlan keeps = new MigrationFixture(dir.resolve("keeps")).resources("/trial88/r2")
        .file("src/main/java/repro/two/ProductDto.java", """
            package repro.two;
            import java.util.Set;
            public class ProductDto {
                private Long id;
                private Set<Review> reviews;
                public ProductDto(Product product) {
                    this.id = product.getId();
                    this.reviews = product.getReviews();
                }
                public Long getId() { return id; }
                public Set<Review> getReviews() { return reviews; }
            }
            """).plan();
    assertTrue(reasonOf(keeps, "findById(").map(r -> r.contains("lazy")).orElse(false),
        reasonOf(keeps, "findById(").toString());
    // hostile review 92's c12: a basic column fetched lazily (loaded by its getter under bytecode enhancement)
    String product = new String(getClass().getResourceAsStream("/trial88/r2/src/main/java/repro/two/Product.java")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    MigrationPlan lazyColumn = new MigrationFixture(dir.resolve("lazyColumn")).resources("/trial88/r2")
        .file("src/main/java/repro/two/Product.java", product.replace("    private String name;",
            "    @Basic(fetch = FetchType.LAZY)\n    private String name;")).plan();
    assertTrue(reasonOf(lazyColumn, "findById(").map(r -> r.contains("passes what holds it")).orElse(false),
        reasonOf(lazyColumn, "findById(").toString());
  }

  /**
   * Trial 88's fourth cause (rentACar-Redis-Cache's BrandManager.update()): a read under a {@code @CachePut} method was
   * "called by BrandManager.update(), which is already cached", though a put always runs; under a {@code @Cacheable}
   * one it still is.
   */
  @Test
  void aReadUnderACachePutIsUnderNoCache() {
    MigrationPlan put = new MigrationFixture(dir.resolve("put")).resources("/trial88/r4").plan();
    assertTrue(reasonOf(put, "findByDeletedDate(").map(r -> !r.contains("already cached")).orElse(true),
        reasonOf(put, "findByDeletedDate(").toString());
    MigrationPlan cacheable = new MigrationFixture(dir.resolve("cacheable")).resources("/trial88/r4")
        .file("src/main/java/repro/four/BrandReader.java", """
            package repro.four;
            import org.springframework.cache.annotation.Cacheable;
            import org.springframework.stereotype.Service;
            @Service
            public class BrandReader {
                private final BrandRules rules;
                public BrandReader(BrandRules rules) { this.rules = rules; }
                @Cacheable("checked")
                public boolean check(java.time.LocalDateTime at) { rules.notDeleted(at); return true; }
            }
            """).plan();
    assertTrue(reasonOf(cacheable, "findByDeletedDate(").map(r -> r.contains("BrandReader.check(), which is already cached"))
        .orElse(false), reasonOf(cacheable, "findByDeletedDate(").toString());
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
    assertTrue(reasonOf(signUp, "findByDescription(").map(r -> !r.contains("login") && !r.contains("credentials"))
        .orElse(true), reasonOf(signUp, "findByDescription(").toString());
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
    assertTrue(reasonOf(hash, "hashOf(").map(r -> r.contains("password hash")).orElse(false),
        reasonOf(hash, "hashOf(").toString());
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
    assertTrue(reasonOf(holding, "findByDescription(").map(r -> r.contains("password hash")).orElse(false),
        reasonOf(holding, "findByDescription(").toString());
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
    assertTrue(reasonOf(login, "findByDescription(").map(r -> r.contains("a login reads it")).orElse(false),
        reasonOf(login, "findByDescription(").toString());
  }

  private static java.util.Optional<String> reasonOf(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method))
        .map(Refusal::reason).findFirst();
  }

}
