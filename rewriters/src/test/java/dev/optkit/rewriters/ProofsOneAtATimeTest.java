package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.proof.Evidence;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.rewriters.caching.proofs.CachedCallerProof;
import dev.optkit.rewriters.caching.proofs.EntityResultProof;
import dev.optkit.rewriters.caching.proofs.GenericMethodProof;
import dev.optkit.rewriters.caching.proofs.GuardsWritesProof;
import dev.optkit.rewriters.caching.proofs.NotInAClassProof;
import dev.optkit.rewriters.caching.proofs.OwnWriteProof;
import dev.optkit.rewriters.caching.proofs.RequestHandlerProof;
import dev.optkit.rewriters.caching.proofs.SelfInvocationProof;
import dev.optkit.rewriters.caching.proofs.UncalledBesideHandlersProof;
import dev.optkit.rewriters.caching.proofs.WriterObligationsProof;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each of the planner's proofs decides alone: a method it refuses, with its id, beside one it lets through. */
class ProofsOneAtATimeTest extends SpringProjectPlans {

  @Test
  void aRequestHandlerIsRefusedAndTheServiceItCallsIsNot() {
    MigrationFixture project = spring("handler").java(MigrationFixture.NAMES_SERVICE).java("""
        package shop;

        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        public class NameController {
            private final Names names;

            public NameController(Names names) {
                this.names = names;
            }

            @GetMapping("/names")
            public String name(String id) throws Exception {
                return names.fetchName(id);
            }
        }
        """);
    assertEquals(Optional.of("cache.request-handler"),
        OneProof.refusalId(project, new RequestHandlerProof(), "shop.NameController", "name"));
    assertEquals(Optional.empty(), OneProof.refusalId(project, new RequestHandlerProof(), "shop.Names", "fetchName"));
  }

  /**
   * A count only writers read guards their writes (a usefulness trial's library: the borrow limit and the copies left,
   * read by borrowBook() before it inserts); the same count read by a page is an answer to cache.
   */
  @Test
  void aCheckOnlyWritersReadIsRefusedAndOneAReaderAsksIsNot() {
    MigrationFixture project = spring("guards").java("""
        package shop;

        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class Loans {
            private final JdbcTemplate jdbc;

            public Loans(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public int openLoans(long member) {
                return jdbc.queryForObject("SELECT count(*) FROM loan WHERE member_id = ?", Integer.class, member);
            }

            public int loansOfBook(long book) {
                return jdbc.queryForObject("SELECT count(*) FROM loan WHERE book_id = ?", Integer.class, book);
            }

            public void lend(long member, long book) {
                jdbc.update("INSERT INTO loan(member_id, book_id) VALUES (?, ?)", member, book);
            }
        }
        """).java("""
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class Lending {
            private final Loans loans;

            public Lending(Loans loans) {
                this.loans = loans;
            }

            public void borrow(long member, long book) {
                if (loans.openLoans(member) >= 3) {
                    throw new IllegalStateException("limit");
                }
                loans.lend(member, book);
            }

            public String popularity(long book) {
                return loans.loansOfBook(book) + " loans";
            }
        }
        """);
    assertEquals(Optional.of("cache.guards-writes"),
        OneProof.refusalId(project, new GuardsWritesProof(), "shop.Loans", "openLoans"));
    assertEquals(Optional.empty(), OneProof.refusalId(project, new GuardsWritesProof(), "shop.Loans", "loansOfBook"));
  }

  /**
   * A count a validation throws on guards whatever runs after the validation (a usefulness trial's library:
   * checkBorrowLimit throwing when a member has three books), in an if or in an assertion call; the same count choosing
   * a label is an answer to cache.
   */
  @Test
  void aCheckAValidationThrowsOnIsRefusedAndOneChoosingALabelIsNot() {
    MigrationFixture project = spring("validations").java("""
        package shop;

        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class Loans {
            private final JdbcTemplate jdbc;

            public Loans(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public int openLoans(long member) {
                return jdbc.queryForObject("SELECT count(*) FROM loan WHERE member_id = ?", Integer.class, member);
            }

            public int finesDue(long member) {
                return jdbc.queryForObject("SELECT count(*) FROM fine WHERE member_id = ?", Integer.class, member);
            }

            public int loansOfBook(long book) {
                return jdbc.queryForObject("SELECT count(*) FROM loan WHERE book_id = ?", Integer.class, book);
            }
        }
        """).java("""
        package shop;

        import org.springframework.stereotype.Service;
        import org.springframework.util.Assert;

        @Service
        public class Limits {
            private final Loans loans;

            public Limits(Loans loans) {
                this.loans = loans;
            }

            public void checkBorrowLimit(long member) {
                int open = loans.openLoans(member);
                if (open >= 3) {
                    throw new IllegalStateException("limit");
                }
            }

            public void checkNoFines(long member) {
                Assert.isTrue(loans.finesDue(member) == 0, "fines due");
            }

            public String label(long book) {
                if (loans.loansOfBook(book) > 10) {
                    return "popular";
                }
                return "new";
            }
        }
        """);
    assertEquals(Optional.of("cache.guards-writes"),
        OneProof.refusalId(project, new GuardsWritesProof(), "shop.Loans", "openLoans"));
    assertEquals(Optional.of("cache.guards-writes"),
        OneProof.refusalId(project, new GuardsWritesProof(), "shop.Loans", "finesDue"));
    // the facts the refusals rest on: the validations that throw on each count
    assertEquals(List.of(new Evidence(Evidence.Role.CALLER, "shop.Limits", "checkBorrowLimit",
        "src/main/java/shop/Limits.java", 14)), OneProof.ask(project, new GuardsWritesProof(), "shop.Loans", "openLoans")
        .orElseThrow().facts());
    assertEquals(Optional.empty(), OneProof.refusalId(project, new GuardsWritesProof(), "shop.Loans", "loansOfBook"));
  }

  /**
   * A read whose every caller only tests whether it found something, and writes or throws on that, is a presence
   * check guarding the write (a usefulness trial's duplicate-email check before an insert, cached with open-in-view
   * off); the same kind of read whose answer a caller keeps as data is not.
   */
  @Test
  void aPresenceCheckGuardingAnInsertIsRefusedAndAReadKeptAsDataIsNot() {
    MigrationFixture project = spring("presence").java("""
        package shop;

        import java.util.Optional;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class Users {
            private final JdbcTemplate jdbc;

            public Users(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public Optional<Long> findIdByEmail(String email) {
                return jdbc.queryForList("SELECT id FROM users WHERE email = ?", Long.class, email).stream().findFirst();
            }

            public Optional<Long> findIdByPhone(String phone) {
                return jdbc.queryForList("SELECT id FROM users WHERE phone = ?", Long.class, phone).stream().findFirst();
            }

            public Optional<String> findNameByEmail(String email) {
                return jdbc.queryForList("SELECT name FROM users WHERE email = ?", String.class, email).stream()
                        .findFirst();
            }

            public void insert(String email, String name) {
                jdbc.update("INSERT INTO users(email, name) VALUES (?, ?)", email, name);
            }
        }
        """).java("""
        package shop;

        import java.util.Optional;
        import org.springframework.stereotype.Service;

        @Service
        public class Registration {
            private final Users users;

            public Registration(Users users) {
                this.users = users;
            }

            public void register(String email, String name) {
                Optional<Long> taken = users.findIdByEmail(email);
                if (taken.isPresent()) {
                    throw new IllegalStateException("taken");
                }
                if (users.findNameByEmail(email).isPresent()) {
                    throw new IllegalStateException("named");
                }
                users.insert(email, name);
            }

            // a presence check through a boolean helper of the bean: the helper returns the test's outcome
            public boolean phoneTaken(String phone) {
                return users.findIdByPhone(phone).isPresent();
            }

            public void registerPhone(String phone, String name) {
                if (phoneTaken(phone)) {
                    throw new IllegalStateException("phone taken");
                }
                users.insert(phone, name);
            }

            public String greeting(String email) {
                return users.findNameByEmail(email).map(name -> "hi " + name).orElse("hi");
            }
        }
        """);
    assertEquals(Optional.of("cache.guards-writes"),
        OneProof.refusalId(project, new GuardsWritesProof(), "shop.Users", "findIdByEmail"));
    assertEquals(Optional.of("cache.guards-writes"),
        OneProof.refusalId(project, new GuardsWritesProof(), "shop.Users", "findIdByPhone"));
    assertEquals(Optional.empty(), OneProof.refusalId(project, new GuardsWritesProof(), "shop.Users",
        "findNameByEmail"));
  }

  /**
   * A bean's read nothing in production calls, in an application with request handlers, is dead code a cache saves
   * no call of (a usefulness trial's library: getAvailableCopies with no caller); the read a handler calls is not.
   */
  @Test
  void aReadNothingCallsIsRefusedAndOneAHandlerCallsIsNot() {
    MigrationFixture project = spring("uncalled").java("""
        package shop;

        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import org.springframework.stereotype.Service;

        @Service
        public class Names {
            private final HttpClient http = HttpClient.newHttpClient();

            public String fetchName(String id) throws Exception {
                return http.send(HttpRequest.newBuilder(URI.create("https://n.example.com/" + id)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }

            public String fetchNickname(String id) throws Exception {
                return http.send(HttpRequest.newBuilder(URI.create("https://n.example.com/nick/" + id)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
        }
        """).java("""
        package shop;

        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        public class NameController {
            private final Names names;

            public NameController(Names names) {
                this.names = names;
            }

            @GetMapping("/names")
            public String name(String id) throws Exception {
                return names.fetchName(id);
            }
        }
        """);
    assertEquals(Optional.of("cache.uncalled-beside-handlers"),
        OneProof.refusalId(project, new UncalledBesideHandlersProof(), "shop.Names", "fetchNickname"));
    assertEquals(Optional.empty(), OneProof.refusalId(project, new UncalledBesideHandlersProof(), "shop.Names",
        "fetchName"));
  }

  @Test
  void aGenericMethodIsRefusedAndAMethodOfOneAnswerTypeIsNot() {
    MigrationFixture project = spring("generic").java("""
        package shop;

        import java.util.Map;

        public class Settings {
            private final Map<String, Object> values = Map.of("limit", 10);

            public <T> T read(Class<T> type, String key) {
                return type.cast(values.get(key));
            }

            public String text(String key) {
                return String.valueOf(values.get(key));
            }
        }
        """);
    assertEquals(Optional.of("cache.generic-method"),
        OneProof.refusalId(project, new GenericMethodProof(), "shop.Settings", "read"));
    assertEquals(Optional.empty(), OneProof.refusalId(project, new GenericMethodProof(), "shop.Settings", "text"));
  }

  @Test
  void aMethodOfAnInterfaceOrARecordIsRefusedAndAClassMethodIsNot() {
    MigrationFixture project = spring("types").java("""
        package shop;

        public interface Labels {
            default String label(String code) {
                return code.trim();
            }
        }
        """).java("""
        package shop;

        public record Price(long cents) {
            public String shown(String currency) {
                return cents / 100 + " " + currency;
            }
        }
        """).java("""
        package shop;

        public class Codes {
            public String normalised(String code) {
                return code.trim();
            }
        }
        """);
    assertEquals(Optional.of("cache.not-in-a-class"),
        OneProof.refusalId(project, new NotInAClassProof(), "shop.Labels", "label"));
    assertEquals(Optional.of("cache.not-in-a-class"),
        OneProof.refusalId(project, new NotInAClassProof(), "shop.Price", "shown"));
    assertEquals(Optional.empty(), OneProof.refusalId(project, new NotInAClassProof(), "shop.Codes", "normalised"));
  }

  /** A setter on the entity a helper loaded, which JPA writes back at the flush (SpringProjectPlans.revoke). */
  @Test
  void aReadThatChangesTheEntityItLoadedWritesAndOneThatOnlyReadsDoesNot() {
    assertEquals(Optional.of("cache.writes"), OneProof.refusalId(revoke("changes", "request.setStatus(\"CANCELED\");"),
        new OwnWriteProof(), "shop.Requests", "revoke"));
    assertEquals(Optional.empty(), OneProof.refusalId(revoke("reads", ""), new OwnWriteProof(), "shop.Requests",
        "revoke"));
  }

  /**
   * The writers' proof holds with the eviction a writer in the same bean gives; a writer no proxy wraps cannot evict
   * (RefusalIdsTest's aWriterOutsideAnyBeanIsAWriterThatCannotEvict, asked alone).
   */
  @Test
  void aWriterInTheBeanObligesAnEvictionAndAWriterOutsideAnyBeanRefuses() {
    String read = """
            public String price(String sku) {
                return jdbc.queryForObject("SELECT price FROM prices WHERE sku = ?", String.class, sku);
            }
        """;
    MigrationFixture evicting = spring("evicting").java(MigrationSafetyTest.bean("PriceService", "Service",
        "import org.springframework.stereotype.Service;", read + """

            public void reprice(String sku) {
                jdbc.update("UPDATE prices SET price = price * 2 WHERE sku = ?", sku);
            }
        """));
    WriterObligationsProof.Verdict holds = OneProof.writers(evicting, "shop.PriceService", "price");
    assertEquals(List.of("PriceService.reprice"), ((WriterObligationsProof.Holds) holds).evictions().stream()
        .map(eviction -> eviction.writer().fact().displayName()).toList());

    MigrationFixture outside = spring("outside").java(MigrationSafetyTest.bean("PriceService", "Service",
        "import org.springframework.stereotype.Service;", read)).java("""
        package shop;

        import org.springframework.jdbc.core.JdbcTemplate;

        public class RepriceTool {
            public static void run(JdbcTemplate jdbc) {
                jdbc.update("UPDATE prices SET price = price * 2");
            }
        }
        """);
    WriterObligationsProof.Verdict refused = OneProof.writers(outside, "shop.PriceService", "price");
    assertEquals(Proof.WRITER_CANNOT_EVICT, ((WriterObligationsProof.Refused) refused).reason().proof());
    assertEquals(List.of(new Evidence(Evidence.Role.WRITER, "shop.RepriceTool", "run",
        "src/main/java/shop/RepriceTool.java", 6)), ((WriterObligationsProof.Refused) refused).reason().facts());
  }

  /** A bean's read, called by another of its methods through 'this' and by a controller through that method. */
  private static final String GREETINGS = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Service;

      @Service
      public class Greetings {
          private final JdbcTemplate jdbc;

          public Greetings(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public String name(long id) {
              return jdbc.queryForObject("SELECT name FROM people WHERE id = ?", String.class, id);
          }

          %s
          public String greeting(long id) {
              return "hello " + name(id);
          }
      }
      """;

  private static final String GREETING_CONTROLLER = """
      package shop;

      import org.springframework.web.bind.annotation.GetMapping;
      import org.springframework.web.bind.annotation.RestController;

      @RestController
      public class GreetingController {
          private final Greetings greetings;

          public GreetingController(Greetings greetings) {
              this.greetings = greetings;
          }

          @GetMapping("/greeting")
          public String greeting(long id) {
              return greetings.greeting(id);
          }
      }
      """;

  /** A read only its own object calls, through 'this', would never be cached by the proxy: its facts name the callers. */
  @Test
  void aReadCalledOnlyThroughThisIsRefusedNamingItsCallersAndOneCalledFromOutsideIsNot() {
    MigrationFixture project = spring("self").java(GREETINGS.formatted("")).java(GREETING_CONTROLLER);
    assertEquals(List.of(new Evidence(Evidence.Role.SELF_CALLER, "shop.Greetings", "greeting",
        "src/main/java/shop/Greetings.java", 19)), OneProof.ask(project, new SelfInvocationProof(), "shop.Greetings", "name")
        .orElseThrow().facts());
    assertEquals(Proof.SELF_INVOCATION, OneProof.ask(project, new SelfInvocationProof(), "shop.Greetings", "name")
        .orElseThrow().proof());
    assertEquals(Optional.empty(), OneProof.refusalId(project, new SelfInvocationProof(), "shop.Greetings", "greeting"));
  }

  /** A read below a method the project already caches keeps that one cache level: its facts name the cached method. */
  @Test
  void aReadUnderAnExistingCacheIsRefusedNamingItAndOneOutsideItIsNot() {
    MigrationFixture project = spring("above").java(GREETINGS.formatted(
        "@org.springframework.cache.annotation.Cacheable(\"greetings\")")).java(GREETING_CONTROLLER);
    assertEquals(List.of(new Evidence(Evidence.Role.CACHED_ABOVE, "shop.Greetings", "greeting",
        "src/main/java/shop/Greetings.java", 18)), OneProof.ask(project, new CachedCallerProof(), "shop.Greetings", "name")
        .orElseThrow().facts());
    assertEquals(Optional.empty(), OneProof.refusalId(project, new CachedCallerProof(), "shop.Greetings", "greeting"));
  }

  /**
   * A Spring Data native query's {@code List<Object[]>} holds its columns' values, never an entity; the same rows of a
   * JPQL query may hold entities ({@code select r, r.status from Request r}). A usefulness trial's employee repository:
   * {@code select concat(first_name, ' ', last_name) ...} was said to return "List, which may hold a persistent entity
   * no type names".
   */
  @Test
  void untypedRowsOfAJpqlQueryMayHoldEntitiesAndANativeQuerysDoNot() {
    MigrationFixture project = revoke("rows", "").java("""
        package shop;

        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.jpa.repository.Query;

        public interface RequestRows extends JpaRepository<Request, Long> {
            @Query(value = "select concat(status, ' ', id) from request where id = ?1", nativeQuery = true)
            List<Object[]> labelOf(Long id);

            @Query("select r, r.status from Request r where r.id = ?1")
            List<Object[]> withStatus(Long id);
        }
        """);
    assertEquals(Optional.empty(), OneProof.refusalId(project, new EntityResultProof(), "shop.RequestRows", "labelOf"));
    assertEquals(Optional.of("cache.entity-result"),
        OneProof.refusalId(project, new EntityResultProof(), "shop.RequestRows", "withStatus"));
  }
}
