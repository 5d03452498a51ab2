package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal names the proof that did not hold: the id reports carry and docs/rules.md's refusal table explains.
 * The fixtures are those of the tests that check each refusal's words (named in each case); here only the ids count.
 */
class RefusalIdsTest {
  @TempDir Path dir;

  private static Optional<Proof> proofOf(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::proof).findFirst();
  }

  private static String refusals(MigrationPlan plan) {
    return plan.refusals().stream().map(r -> r.finding().enclosingMethod() + " " + r.proof().id() + ": " + r.reason())
        .toList().toString();
  }

  private MigrationFixture spring(String name) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM);
  }

  /** MigrationSafetyTest's security case: a secured read, a read keyed by a secret. */
  @Test
  void aSecuredReadAndASecretKeyAreRefusedByTheirOwnProofs() {
    MigrationPlan plan = spring("secured").java(MigrationSafetyTest.bean("AccountService", "Service", """
            import org.springframework.security.access.prepost.PreAuthorize;
            import org.springframework.stereotype.Service;""", """
                @PreAuthorize("hasRole('ADMIN')")
                public String salary(String employee) {
                    return jdbc.queryForObject("SELECT salary FROM salaries WHERE who = ?", String.class, employee);
                }

                public String account(String apiToken) {
                    return jdbc.queryForObject("SELECT name FROM accounts WHERE token = ?", String.class, apiToken);
                }
            """)).plan();
    assertEquals(Optional.of(Proof.PER_USER), proofOf(plan, "salary"), refusals(plan));
    assertEquals(Optional.of(Proof.SECRET_PARAMETER), proofOf(plan, "account"), refusals(plan));
  }

  /** SpringCacheableRewriteTest's self-invocation: called only through 'this', @Cacheable would never apply. */
  @Test
  void aReadCalledOnlyThroughThisIsRefusedBySelfInvocation() {
    MigrationPlan plan = spring("self").java(MigrationSafetyTest.bean("PriceService", "Service",
        "import org.springframework.stereotype.Service;", """
                public String price(String sku) {
                    return jdbc.queryForObject("SELECT price FROM prices WHERE sku = ?", String.class, sku);
                }

                public String describe(String sku) {
                    return sku + " costs " + price(sku);
                }
            """)).plan();
    assertEquals(Optional.of(Proof.SELF_INVOCATION), proofOf(plan, "price"), refusals(plan));
  }

  /** PreciseProofsTest's writers: a writer no proxy wraps cannot evict a Spring cache. */
  @Test
  void aWriterOutsideAnyBeanIsAWriterThatCannotEvict() {
    MigrationPlan plan = spring("writer").java(MigrationSafetyTest.bean("PriceService", "Service",
        "import org.springframework.stereotype.Service;", """
                public String price(String sku) {
                    return jdbc.queryForObject("SELECT price FROM prices WHERE sku = ?", String.class, sku);
                }
            """)).java("""
            package shop;

            import org.springframework.jdbc.core.JdbcTemplate;

            public class RepriceTool {
                public static void run(JdbcTemplate jdbc) {
                    jdbc.update("UPDATE prices SET price = price * 2");
                }
            }
            """).plan();
    assertEquals(Optional.of(Proof.WRITER_CANNOT_EVICT), proofOf(plan, "price"), refusals(plan));
  }

  /**
   * ExistingCacheLevelsTest's groovy level (the false reasons of 2026-11-26): with a test spec unread no cache is
   * proven, and a read first refused for an outer level "cached in this migration" is refused for the unread source
   * instead (migrate tells the two apart by the proof now, not by the words).
   */
  @Test
  void noRefusalNamesAnOuterLevelWhenNothingIsCached() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("groovylevel")).resources("/reasons43/groovylevel").plan();
    assertTrue(plan.targets().isEmpty(), plan.targets().toString());
    assertFalse(plan.refusals().stream().anyMatch(r -> r.proof() == Proof.OUTER_LEVEL_CACHED), refusals(plan));
    assertEquals(Optional.of(Proof.UNREAD_SOURCE), proofOf(plan, "existsByName"), refusals(plan));
  }

  /** LoopsReadAsForEachTest's c29: two loops of one method, the second refused, one per method. */
  @Test
  void aSecondLoopOfAMethodIsRefusedOnePerMethod() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("c29")).resources("/hostile39/c29").plan();
    assertEquals(1, plan.loops().size(), refusals(plan));
    assertEquals(List.of(Proof.ONE_PER_METHOD), plan.refusals().stream().map(Refusal::proof)
        .filter(p -> p.stage() == dev.optkit.analyzers.proof.Stage.LOOP).toList(), refusals(plan));
  }

  /**
   * A read no production code calls, in an application with request handlers, steps aside for the read below it; one a
   * handler calls in code that does not type-check (a {@code Long} handed to its {@code String} parameter: the call
   * graph has no edge) is called all the same, and is not said to be uncalled. (A trial's card service.)
   */
  @Test
  void aReadAHandlerCallsThroughACallThatDoesNotTypeCheckIsNoUncalledRead() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("handlers")).file("pom.xml", MigrationSafetyTest.SPRING_POM
            .replace("</dependencies>", "<dependency><groupId>org.springframework</groupId><artifactId>spring-web</artifactId>"
                + "<version>6.2.12</version></dependency></dependencies>"))
        .java(MigrationSafetyTest.bean("CardDao", "Repository",
            "import org.springframework.stereotype.Repository;", """
                public String cards(String owner) {
                    return jdbc.queryForObject("SELECT cards FROM wallet WHERE owner = ?", String.class, owner);
                }

                public String limits(String owner) {
                    return jdbc.queryForObject("SELECT limits FROM wallet WHERE owner = ?", String.class, owner);
                }
            """))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class CardService {
                private final CardDao dao;

                public CardService(CardDao dao) {
                    this.dao = dao;
                }

                public String cards(String owner) {
                    return dao.cards(owner).trim();
                }

                public String limits(String owner) {
                    return dao.limits(owner).trim();
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class CardController {
                private final CardService service;

                public CardController(CardService service) {
                    this.service = service;
                }

                @GetMapping("/cards")
                public String cards(Long owner) {
                    return service.cards(owner);
                }
            }
            """).plan();
    assertEquals(Optional.of(Proof.UNCALLED_BESIDE_HANDLERS), proofOf(plan, "limits"),
        refusals(plan) + plan.targets().stream().map(t -> t.method().fact().name()).toList());
    assertTrue(proofOf(plan, "cards").filter(p -> p == Proof.UNCALLED_BESIDE_HANDLERS).isEmpty(), refusals(plan));
  }

  /**
   * A login written by hand (it checks the password itself, {@code passwordEncoder.matches(password, user.getPassword())})
   * is a login as much as a UserDetailsService's: the user it reads holds the password hash (here in a field no name
   * gives away, which cache.secret-in-answer would not see), which no cache keeps. A read
   * of the same table no login runs is cached. (A trial's bank service cached the user its loginUser() read.)
   */
  @Test
  void aReadAHandWrittenLoginRunsIsRefusedAsLoginCode() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("login")).file("pom.xml", MigrationSafetyTest.SPRING_POM
            .replace("</dependencies>", "<dependency><groupId>org.springframework.security</groupId>"
                + "<artifactId>spring-security-crypto</artifactId><version>6.4.5</version></dependency></dependencies>"))
        .java("""
            package shop;

            public record Account(long id, String username, String digest, String displayName) {}
            """)
        .java(MigrationSafetyTest.bean("AccountDao", "Repository",
            "import org.springframework.stereotype.Repository;", """
                public Account byUsername(String username) {
                    return jdbc.queryForObject("SELECT id, username, password_hash, display_name FROM account WHERE username = ?",
                        (rs, row) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), username);
                }

                public String displayName(long id) {
                    return jdbc.queryForObject("SELECT display_name FROM account WHERE id = ?", String.class, id);
                }
            """))
        .java("""
            package shop;

            import org.springframework.security.crypto.password.PasswordEncoder;
            import org.springframework.stereotype.Service;

            @Service
            public class LoginService {
                private final AccountDao accounts;
                private final PasswordEncoder passwords;

                public LoginService(AccountDao accounts, PasswordEncoder passwords) {
                    this.accounts = accounts;
                    this.passwords = passwords;
                }

                public long login(String username, String password) {
                    Account account = accounts.byUsername(username);
                    if (!passwords.matches(password, account.digest())) {
                        throw new IllegalArgumentException("wrong password");
                    }
                    return account.id();
                }
            }
            """).plan();
    assertEquals(Optional.of(Proof.LOGIN), proofOf(plan, "byUsername"), refusals(plan));
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("displayName")), refusals(plan));
  }

  /**
   * An answer holding a secret (a card's CVV, in a list) is not cached: a cache would keep it in memory for its TTL. An
   * answer whose names only look alike (a count of tokens, a shipping code) is, and so is one holding the secret only in
   * an object it holds in turn, mostly one nobody fills. (A trial's bank service had its cards and users cached.)
   */
  @Test
  void anAnswerHoldingASecretIsRefusedAndOneThatOnlyLooksLikeItIsCached() {
    MigrationPlan plan = spring("secrets")
        .java("package shop;\n\npublic record Card(long id, String number, String cvv) {}\n")
        .java("package shop;\n\npublic record Login(String username, String passwordHash) {}\n")
        .java("package shop;\n\npublic record Owner(long id, Login login) {}\n")
        .java("package shop;\n\npublic record Usage(long id, int totalTokens, String shippingCode) {}\n")
        .java("""
            package shop;

            public class Profile {
                private String name;
                private String password;

                public static Builder builder() {
                    return new Builder();
                }

                public static class Builder {
                    private final Profile made = new Profile();

                    public Builder name(String name) {
                        made.name = name;
                        return this;
                    }

                    public Builder password(String password) {
                        made.password = password;
                        return this;
                    }

                    public Profile build() {
                        return made;
                    }
                }
            }
            """)
        .java(MigrationSafetyTest.bean("WalletDao", "Repository", """
            import java.util.List;
            import org.springframework.stereotype.Repository;""", """
                public List<Card> cards(long owner) {
                    return jdbc.query("SELECT id, number, cvv FROM card WHERE owner = ?",
                        (rs, row) -> new Card(rs.getLong(1), rs.getString(2), rs.getString(3)), owner);
                }

                public Owner owner(long id) {
                    return jdbc.queryForObject("SELECT id, username, hash FROM owner WHERE id = ?",
                        (rs, row) -> new Owner(rs.getLong(1), new Login(rs.getString(2), rs.getString(3))), id);
                }

                public Profile profile(long id) {
                    String name = jdbc.queryForObject("SELECT name FROM owner WHERE id = ?", String.class, id);
                    return Profile.builder().name(name).build();
                }

                public Profile login(long id) {
                    String hash = jdbc.queryForObject("SELECT hash FROM owner WHERE id = ?", String.class, id);
                    return Profile.builder().password(hash).build();
                }

                public Usage usage(long id) {
                    return jdbc.queryForObject("SELECT id, tokens, code FROM usage WHERE id = ?",
                        (rs, row) -> new Usage(rs.getLong(1), rs.getInt(2), rs.getString(3)), id);
                }
            """)).plan();
    assertEquals(Optional.of(Proof.SECRET_IN_ANSWER), proofOf(plan, "cards"), refusals(plan));
    // a secret of a type the answer holds in turn is mostly one nobody fills: not read so deep
    assertTrue(proofOf(plan, "owner").filter(p -> p == Proof.SECRET_IN_ANSWER).isEmpty(), refusals(plan));
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("usage")), refusals(plan));
    // the method builds the answer itself and never sets its password: the answer holds none
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("profile")), refusals(plan));
    assertEquals(Optional.of(Proof.SECRET_IN_ANSWER), proofOf(plan, "login"), refusals(plan));
  }
}
