package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which read of a transaction, or of a request's persistence context, is its first, and what a later read's
 * snapshot may answer: a read in a branch excluding the earlier ones, a call on an untyped value that cannot query,
 * MySQL's REPEATABLE READ only where the configuration may name MySQL, a transaction declared in XML as one
 * declared by annotation, a persistence context older than the miss, open-session-in-view only where one request
 * reads through the proxy and through {@code this}; a read of data nothing writes races no eviction, and a read the
 * transaction calls through {@code this} never consults the proxy's cache. Each case's comment names the audit of
 * optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review it came from, and
 * its project (a case naming none is from the first audit, a review of 30 refusals on four projects); each stands
 * beside a true twin, or a control: the code the reason names must do what it says.
 */
class TransactionSnapshotReadsTest extends SpringProjectPlans {
  // ---- a read in a branch that excludes the earlier ones is its transaction's first (petclinic-rest findOwners)

  private static final String JOBS = MigrationSafetyTest.bean("JobDao", "Repository",
      "import org.springframework.stereotype.Repository;", """
          public String nameOf(long id) {
              return jdbc.queryForObject("SELECT name FROM job WHERE id = ?", String.class, id);
          }

          public Long idOf(String name) {
              return jdbc.queryForObject("SELECT id FROM job WHERE name = ?", Long.class, name);
          }

          // a writer: a snapshot older than a write matters only where a write evicts
          public void rename(long id, String name) {
              jdbc.update("UPDATE job SET name = ? WHERE id = ?", name, id);
          }
      """);

  private static String lookup(String body) {
    return """
        package shop;

        import org.springframework.stereotype.Service;
        import org.springframework.transaction.annotation.Transactional;

        @Service
        public class JobLookup {
            private final JobDao jobs;

            public JobLookup(JobDao jobs) {
                this.jobs = jobs;
            }

            @Transactional
            public String find(long id, String name) {
        %s    }
        }
        """.formatted(body);
  }

  @Test
  void aReadInABranchThatExcludesTheEarlierReadIsItsTransactionsFirst() {
    MigrationPlan exclusive = new MigrationFixture(dir.resolve("exclusive")).file("pom.xml", TrueRefusalReasonsTest.MYSQL_POM)
        .java(JOBS).java(lookup("""
                    if (id > 0) {
                        return jobs.nameOf(id);
                    }
                    return String.valueOf(jobs.idOf(name));
            """)).plan();
    assertNotEquals(Optional.of(Proof.TRANSACTION_SNAPSHOT), RefusalIds.proofOf(exclusive, "JobDao", "idOf"),
        RefusalIds.listing(exclusive));
    MigrationPlan ternary = new MigrationFixture(dir.resolve("ternary")).file("pom.xml", TrueRefusalReasonsTest.MYSQL_POM)
        .java(JOBS).java(lookup("        return id > 0 ? jobs.nameOf(id) : String.valueOf(jobs.idOf(name));\n")).plan();
    assertNotEquals(Optional.of(Proof.TRANSACTION_SNAPSHOT), RefusalIds.proofOf(ternary, "JobDao", "idOf"),
        RefusalIds.listing(ternary));
    // the true twin: the branch does not return, so nameOf may read first on the way to idOf
    MigrationPlan both = new MigrationFixture(dir.resolve("both")).file("pom.xml", TrueRefusalReasonsTest.MYSQL_POM)
        .java(JOBS).java(lookup("""
                    if (id > 0) {
                        jobs.nameOf(id);
                    }
                    return String.valueOf(jobs.idOf(name));
            """)).plan();
    Refusal snapshot = RefusalIds.assertProof(Proof.TRANSACTION_SNAPSHOT, both, "JobDao", "idOf");
    // the name: no fact carries it yet
    assertTrue(snapshot.reason().contains("transaction of JobLookup.find()"), snapshot.reason());
  }

  private MigrationFixture bothReads(String name) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", TrueRefusalReasonsTest.MYSQL_POM)
        .java(JOBS).java(lookup("""
                    if (id > 0) {
                        jobs.nameOf(id);
                    }
                    return String.valueOf(jobs.idOf(name));
            """));
  }

  @Test
  void aMySqlDriverTheConfigurationNeverNamesIsNoMySql() {
    // fourth audit, Bolohonov explore-with-me: a leftover mysql-connector-java beside a PostgreSQL datasource
    String postgres = "spring:\n  datasource:\n    driverClassName: org.postgresql.Driver\n"
        + "    url: jdbc:postgresql://db:5432/ewm\n";
    MigrationPlan leftover = bothReads("leftover").file("src/main/resources/application.yml", postgres)
        .file("src/test/resources/application.yml", "spring.datasource.url: jdbc:h2:mem:test\n").plan();
    assertNotEquals(Optional.of(Proof.TRANSACTION_SNAPSHOT), RefusalIds.proofOf(leftover, "JobDao", "idOf"),
        RefusalIds.listing(leftover));
    // the true twins: a profile naming MySQL, or nothing named at all (the URL from the environment)
    MigrationPlan profile = bothReads("profile").file("src/main/resources/application.yml", postgres)
        .file("src/main/resources/application-prod.properties", "spring.datasource.url=jdbc:mysql://db/ewm\n").plan();
    RefusalIds.assertProof(Proof.TRANSACTION_SNAPSHOT, profile, "JobDao", "idOf");
    MigrationPlan environment = bothReads("environment").file("src/main/resources/application.yml",
        "spring.datasource.url: ${DB_URL}\n").file("src/test/resources/application.yml",
        "spring.datasource.url: jdbc:h2:mem:test\n").plan();
    RefusalIds.assertProof(Proof.TRANSACTION_SNAPSHOT, environment, "JobDao", "idOf");
  }

  // ---- a call on an unknown type is a read only if its name can be one (petclinic-rest saveUser's user.getRoles())

  private static final String ACCOUNT = """
      package shop;

      @lombok.Data
      public class Account {
          private String name;
          private java.util.List<String> roles;
          private UserDao dao;
      }
      """;

  private static String accounts(String check) {
    return """
        package shop;

        import org.springframework.stereotype.Service;
        import org.springframework.transaction.annotation.Transactional;

        @Service
        public class Accounts {
            private final UserDao users;

            public Accounts(UserDao users) {
                this.users = users;
            }

            @Transactional
            public void saveAccount(Account account) {
                if (%s) {
                    throw new IllegalArgumentException("no role");
                }
                users.save(account.getName());
            }
        }
        """.formatted(check);
  }

  @Test
  void aCallOnAnUntypedValueThatCannotQueryComesBeforeNoRead() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("untyped")).file("pom.xml", TrueRefusalReasonsTest.MYSQL_POM)
        .java(TrueRefusalReasonsTest.USERS).java(ACCOUNT).java(accounts("account.getRoles().isEmpty()")).plan();
    String idOf = refusal(plan, "idOf").orElse("cached");
    assertFalse(idOf.contains("snapshot"), idOf);
    // the true twin: an untyped call named like a project method that queries may be that query
    MigrationPlan counted = new MigrationFixture(dir.resolve("counted")).file("pom.xml", TrueRefusalReasonsTest.MYSQL_POM)
        .java(TrueRefusalReasonsTest.USERS).java(ACCOUNT).java(accounts("account.getDao().count() > 1000")).plan();
    Refusal snapshot = RefusalIds.assertProof(Proof.TRANSACTION_SNAPSHOT, counted, "UserDao", "idOf");
    // the name: no fact carries it yet
    assertTrue(snapshot.reason().contains("transaction of Accounts.saveAccount()"), snapshot.reason());
  }

  // ---- a persistence context older than the miss (hostile probe of java-shareit: a booker's old name)

  private MigrationPlan bookingLists(String name, String before) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Booker {
                @Id
                private Long id;
                private String name;

                public String getName() {
                    return name;
                }
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToOne;

            @Entity
            public class Booking {
                @Id
                private Long id;
                @ManyToOne
                private Booker booker;

                public Booker getBooker() {
                    return booker;
                }
            }
            """)
        .java("""
            package shop;

            public interface BookerRepository extends org.springframework.data.jpa.repository.JpaRepository<Booker, Long> {
            }
            """)
        .java("""
            package shop;

            public interface BookingRepository extends org.springframework.data.jpa.repository.JpaRepository<Booking, Long> {
                java.util.List<Booking> findByBookerId(Long bookerId);
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class Bookings {
                private final BookerRepository bookers;
                private final BookingRepository bookings;

                public Bookings(BookerRepository bookers, BookingRepository bookings) {
                    this.bookers = bookers;
                    this.bookings = bookings;
                }

                @Transactional(readOnly = true)
                public int bookerNames(Long bookerId) {
                    %s
                    return bookings.findByBookerId(bookerId).size();
                }
            }
            """.formatted(before))
        .plan();
  }

  @Test
  void aReadOfEntitiesAfterAnotherLoadInItsTransactionMayAnswerWithOlderInstances() {
    Refusal after = RefusalIds.assertProof(Proof.ENTITY_SNAPSHOT,
        bookingLists("after", "bookers.findById(bookerId).orElseThrow();"), "BookingRepository", "findByBookerId");
    // the name: no fact carries it yet
    assertTrue(after.reason().contains("transaction of Bookings.bookerNames()"), after.reason());
    // the true twin: the transaction's first load is the read itself
    MigrationPlan first = bookingLists("first", "");
    assertNotEquals(Optional.of(Proof.ENTITY_SNAPSHOT), RefusalIds.proofOf(first, "BookingRepository", "findByBookerId"),
        RefusalIds.listing(first));
  }

  /** Thirteenth audit, s18: a read of data nothing writes races no eviction, whatever snapshot its transaction took. */
  @Test
  void aSnapshotReadOfDataNothingWritesIsCached() {
    MigrationPlan plan = casePlan("audit13", "s18");
    assertTrue(cached(plan, "TaxDao.getRate"), reason(plan, "getRate"));
  }

  /** Fourteenth audit, s22: a transaction calling the read through 'this' never consults the proxy's cache. */
  @Test
  void aSelfInvokedReadIsNoCachedReadOfItsCallersTransaction() {
    MigrationPlan plan = casePlan("audit14", "s22");
    assertFalse(reason(plan, "NoteService.getNote").contains("inside the transaction of NoteService.update()"),
        reason(plan, "NoteService.getNote"));
  }

  /**
   * Sixteenth audit, S29: open-session-in-view makes a self-call's load the instance a proxied call cached only when
   * one request runs both; here no request does (the writer's request never reads through the proxy), so the read is
   * cached, evicted by the writer. The twin's update request reads through the proxy first, and stays refused for that.
   */
  @Test
  void theSessionInViewReasonNeedsOneRequestReadingThroughTheProxyAndThis() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s29")).resources("/audit16/s29").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("BrandService.getBrandById")
        && t.toString().contains("name=updateBrand")), plan.targets() + " " + plan.refusals());

    MigrationPlan twin = new MigrationFixture(dir.resolve("s29twin")).resources("/audit16/s29twin").plan();
    Refusal brand = RefusalIds.assertProof(Proof.RESULT_CHANGED, twin, "BrandService", "getBrandById");
    // that it holds only through open-session-in-view no id tells (a change in any call is RESULT_CHANGED too), so
    // the words are asserted, as in aSelfCallChangingAnEntityInAnOpenViewRefuses
    assertTrue(brand.reason().contains("open-session-in-view"), brand.reason());
  }

  // From the hostile review of issue 23's relaxed proofs (its case s1, as the reviewer wrote it).
  @Test
  void aTransactionDeclaredInXmlKeepsTheSnapshotRefusal() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s1"))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>h</groupId><artifactId>h</artifactId><version>1</version>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <dependencies>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-tx</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>com.mysql</groupId><artifactId>mysql-connector-j</artifactId><version>9.1.0</version></dependency>
              </dependencies>
            </project>
            """)
        .file("src/main/java/shop/Names.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;
            import org.springframework.transaction.annotation.Transactional;

            @Repository
            public class Names {
                private final JdbcTemplate jdbc;

                public Names(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                @Transactional(readOnly = true)
                public List<String> all(String kind) {
                    return jdbc.queryForList("SELECT name FROM specialties WHERE kind = ?", String.class, kind);
                }

                @Transactional
                public void rename(String kind, String name) {
                    jdbc.update("UPDATE specialties SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/ReportService.java", """
            package shop;

            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Service;

            @Service
            public class ReportService {
                private final Names names;
                private final JdbcTemplate jdbc;

                public ReportService(Names names, JdbcTemplate jdbc) {
                    this.names = names;
                    this.jdbc = jdbc;
                }

                public String report(String kind) {
                    Integer n = jdbc.queryForObject("SELECT count(*) FROM visits", Integer.class);
                    jdbc.update("INSERT INTO audit(kind) VALUES (?)", kind);
                    return n + ":" + names.all(kind);
                }
            }
            """)
        .file("src/main/resources/applicationContext.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="http://www.springframework.org/schema/beans"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xmlns:aop="http://www.springframework.org/schema/aop"
                   xmlns:tx="http://www.springframework.org/schema/tx"
                   xmlns:context="http://www.springframework.org/schema/context"
                   xsi:schemaLocation="http://www.springframework.org/schema/beans https://www.springframework.org/schema/beans/spring-beans.xsd
                     http://www.springframework.org/schema/aop https://www.springframework.org/schema/aop/spring-aop.xsd
                     http://www.springframework.org/schema/tx https://www.springframework.org/schema/tx/spring-tx.xsd
                     http://www.springframework.org/schema/context https://www.springframework.org/schema/context/spring-context.xsd">
              <context:component-scan base-package="shop"/>
              <tx:annotation-driven/>
              <tx:advice id="txAdvice">
                <tx:attributes>
                  <tx:method name="*" read-only="true"/>
                </tx:attributes>
              </tx:advice>
              <aop:config>
                <aop:advisor advice-ref="txAdvice" pointcut="execution(* shop.*Service.*(..))"/>
              </aop:config>
            </beans>
            """)
        .plan();
    assertTrue(refusal(plan, "Names", "all").startsWith("it reads the database inside the transaction"),
        refusal(plan, "Names", "all"));
  }

  /**
   * Open in view, Boot's default: a self-call's changed entity is the one a later call of the request caches (a2b).
   * (From hostile review 32, case a2b.)
   */
  @Test
  void aSelfCallChangingAnEntityInAnOpenViewRefuses() {
    MigrationPlan plan = casePlan("hostile32", "a2b");
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
    Refusal find = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("find("))
        .findFirst().orElseThrow();
    assertEquals(Proof.RESULT_CHANGED, find.proof(), find.toString());
    // the refusal says what makes it hold: only open in view (techmart's findCategoryById read as a false reason);
    // no id tells that condition from a change in any call, so its words are asserted
    assertTrue(find.reason().contains("only because of open-session-in-view on (Spring Boot's default)"), find.reason());
  }

  /**
   * {@code spring.jpa.open-in-view=false} only in test resources (v1), beside an imported file that sets it again
   * (v2), with the project's own {@code OpenEntityManagerInViewFilter} bean (v3), only in a profile's document (v4)
   * or a profile's file (v5): open in view is on, and a self-call's changed entity is what a later call caches.
   * (From hostile review 33, cases v1 to v5.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2", "v3", "v4", "v5"})
  void openInViewThatIsNotOffForTheApplicationRefuses(String attack) {
    MigrationPlan plan = casePlan("hostile33", attack);
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
  }

  /**
   * Open in view set back by an environment variable in the Dockerfile (v8); off only in another application's
   * folder (v9), in src/it (v12), or in a document for a cloud platform (v13); imports written as a list (v14) or an
   * indexed key (v15); the filter registered by its class literal (v10, v11).
   * (From hostile review 34, cases v8 to v15.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"v8", "v9", "v10", "v11", "v12", "v13", "v14", "v15"})
  void openInViewThatMayBeOnRefuses(String attack) {
    MigrationPlan plan = casePlan("hostile34", attack);
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
  }

  /**
   * Open in view set off where the application reads it leaves the read cached. (From hostile review 34: its control
   * v0c.)
   */
  @Test
  void openInViewSetOffForTheApplicationLeavesTheReadCached() {
    assertTrue(cached(casePlan("hostile34", "v0c"), "CatService.find"));
  }

  /**
   * c9: an event listener run in the request reads through the proxy while the handler's self-call flags the entity;
   * c6: under open-session-in-view another load of the same row in the request (the repository's, no self-call) is
   * the instance the cache keeps; c8b: the same in the other order, the listener caching after the flag was set.
   * (From hostile review 42, cases c9, c6, c8b.)
   */
  @Test
  void openSessionInViewSharesTheInstanceWithEveryLoadOfTheRequest() {
    for (String attack : new String[] {"c9", "c6", "c8b"}) {
      MigrationPlan plan = caseProject("hostile42", "jpa-base", attack).resources("/hostile42/" + attack).plan();
      String read = attack.equals("c8b") ? "PetLookup.byId" : "PetService.find";
      assertFalse(cached(plan, read), attack + ": " + plan.targets());
      // the read is refused by SAME_REQUEST (c6, c8b) or RESULT_CHANGED (c9: a self-call's change); that it holds
      // through open-session-in-view only the words say, so they are asserted
      assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith(read.substring(
          read.indexOf('.') + 1) + "(") && (r.proof() == Proof.SAME_REQUEST || r.proof() == Proof.RESULT_CHANGED)
          && r.reason().contains("open-session-in-view")), attack + ": " + plan.refusals());
    }
  }

  /**
   * Under open-session-in-view the handler loaded the featured category first, so the cached titles read (outside any
   * transaction, or in one that loaded only an account) answered from that instance while a rename committed (o1,
   * o2); an argument resolver loads the pet and sets the viewer's @Transient flag in the request (r2). (From hostile
   * review 43, cases o1, o2, r2.)
   */
  @ParameterizedTest
  @CsvSource({"o1, CatalogService.titles", "o2, CatalogService.titles", "r2, PetService.find"})
  void aLoadOfTheRequestBeforeTheReadIsTheInstanceItAnswers(String attack, String read) {
    MigrationFixture fixture = attack.startsWith("o") ? caseProject("hostile43", "catalog-base", attack)
        : new MigrationFixture(dir.resolve(attack));
    MigrationPlan plan = fixture.resources("/hostile43/" + attack).plan();
    assertFalse(cached(plan, read), attack + ": " + plan.targets());
  }

  /**
   * D1: a handler's entity argument, loaded by Spring Data's DomainClassConverter inside open-in-view.
   * (From hostile review 50, its D1.)
   */
  @Test
  void aHandlersEntityArgumentIsALoadOfTheRequest() {
    MigrationPlan plan = casePlan("hostile50", "domainparam");
    assertFalse(cached(plan, "DayService.getDays"), plan.targets().toString());
  }

  /**
   * F2 (mtopolovec's Ingemark assignment): a request adding a product reads findByName, then saves a new product;
   * the refusal said addProduct() "loads them too", which it does not: it saves one, and a saved entity stays in the
   * request's persistence context as a loaded one does (so the refusal holds, for that reason). The twin loads a
   * product first (ingemark's updateProduct) and keeps the "loads" reason.
   * (From trial 54's false reason, F2.)
   */
  @Test
  void aMethodThatOnlySavesTheEntitiesIsSaidToSaveThem() {
    MigrationPlan plan = caseProject("trial54", "osivsave", "save").plan();
    // both refusals are SAME_REQUEST; the case is what their words say the other method does, so they are asserted
    Refusal saves = refusalOf(plan, "findByName");
    assertEquals(Proof.SAME_REQUEST, saves.proof(), saves.toString());
    assertTrue(saves.reason().contains("also runs ProductService.addProduct(), which saves them too (an entity it "
        + "saves stays in the request's persistence context, as a loaded one does)"), saves.reason());

    MigrationPlan twin = caseProject("trial54", "osivsave", "load").resources("/trial54/osivload").plan();
    Refusal loads = refusalOf(twin, "findByName");
    assertEquals(Proof.SAME_REQUEST, loads.proof(), loads.toString());
    assertTrue(loads.reason().contains("also runs ProductService.addProduct(), which loads them too"), loads.reason());
  }

  /**
   * Audit 16's S16e: a transaction that loaded an account before reading categories was said to hold "instances that
   * transaction's persistence context already holds", though it holds no category nor anything reaching one. The twin
   * loads a category first, whose instance Hibernate then answers with, and stays refused for that.
   * (From the false reasons of 2026-11-26: audit 16's S16e.)
   */
  @Test
  void aTransactionThatLoadedOnlyOtherEntitiesHoldsNoneOfTheRead() {
    MigrationPlan plan = caseProject("reasons43", "s16e").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.proof() == Proof.ENTITY_SNAPSHOT),
        plan.refusals().toString());
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatalogService.titles")
        && t.toString().contains("name=rename")), plan.targets() + " " + plan.refusals());

    MigrationPlan twin = caseProject("reasons43", "s16e", "s16etwin").resources("/reasons43/s16etwin").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("titles")
        && r.proof() == Proof.ENTITY_SNAPSHOT), twin.refusals().toString());
  }

  /**
   * The open-session-in-view rule and a handler calling one of two reads per request (techmart's order list by user
   * or by user and status, petclinic-rest's owners by name or all): no request loads both, so both are cached. The
   * twin reads both in one request, and both stay refused.
   * (From the false reasons of 2026-11-26 (techmart, petclinic-rest).)
   */
  @Test
  void readsInExclusiveBranchesOfAHandlerShareNoRequest() {
    MigrationPlan plan = caseProject("reasons43", "branches").plan();
    for (String read : new String[] {"OrderService.byUser", "OrderService.byUserAndStatus"}) {
      assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(read)),
          read + ": " + plan.targets() + " " + plan.refusals());
    }
    MigrationPlan twin = caseProject("reasons43", "branches", "branchestwin")
        .resources("/reasons43/branchestwin").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("byUser(")
        && r.proof() == Proof.SAME_REQUEST), twin.refusals().toString());
  }

  /**
   * spring-petclinic-rest: a read whose loads reach tables optkit cannot tell (an entity with a {@code @Formula})
   * was refused under open-session-in-view as if a JDBC query beside it in the request ({@code
   * JdbcOwnerRepositoryImpl.findAll()} there, {@code VisitCounter.visits()} here) loaded its entities into the
   * persistence context: JDBC keeps no instances, whatever the read's tables are.
   * (From the false reasons on spring-petclinic-rest.)
   */
  @Test
  void aJdbcQueryBesideAReadPutsNoInstanceInTheRequestsContext() {
    MigrationPlan plan = caseProject("reasons44", "osivjdbc").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.proof() == Proof.SAME_REQUEST),
        plan.refusals().toString());
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("ItemService.activeNames")),
        plan.targets() + " " + plan.refusals());
  }

  /**
   * Trial 46: two runs on one tree named a different "other load" in the open-session-in-view reason, since the
   * request's methods were a hash set whose order differs from run to run. The reason names the first in the source's
   * order: of AuditService and ZoningService, both loading the items beside the read, AuditService.
   * (From trial 46's two runs.)
   */
  @Test
  void theOtherLoadNamedIsTheFirstInTheSourcesOrder() {
    MigrationPlan plan = caseProject("reasons44", "osivtwo").plan();
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("activeNames")
        && r.proof() == Proof.SAME_REQUEST
        // the case is which other load the words name (the first in the sources' order), which no id says
        && r.reason().contains("also runs AuditService.touch(), which loads them too")), plan.refusals().toString());
  }

  /**
   * Trial 46's repro 2 (planning-api's countCourses): {@code em.createNativeQuery("select count(*) from days")} answers
   * a number and puts no Day in the request's persistence context, so a handler running it beside {@code getDays()}
   * shares no instance with it under open-session-in-view; both were refused as if it loaded days. The twin counts by
   * loading every day ({@code select d from Day d}) and stays refused.
   * (From trial 46's repro 2.)
   */
  @Test
  void aNativeCountLoadsNoEntityIntoTheRequestsContext() {
    MigrationPlan plan = caseProject("reasons47", "osivcount", "count").plan();
    for (String cached : new String[] {"DayService.getDays", "DayService.countDays"}) {
      assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(cached)
          && t.toString().contains("name=saveDay")), cached + ": " + plan.targets() + " " + plan.refusals());
    }
    assertFalse(plan.refusals().stream().anyMatch(r -> r.proof() == Proof.SAME_REQUEST),
        plan.refusals().toString());

    MigrationPlan twin = caseProject("reasons47", "osivcount", "rows")
        .resources("/reasons47/osivcountrows").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getDays")
        && r.proof() == Proof.SAME_REQUEST),
        twin.targets() + " " + twin.refusals());
  }

  /**
   * Trial 46's repro 1 (planning-api's JwtFilter): Spring Boot binds the view's persistence context in an interceptor
   * inside the DispatcherServlet, so a servlet filter loading the caller's user runs before it with an EntityManager
   * of its own and shares no instance with the handler's {@code getDays()}, which was refused as if it did. Hostile
   * reviews 47 and 48 found the ways a filter does run inside the view's context (a forward or include inside the
   * servlet, a web.xml ordering an open-in-view filter ahead, a context bound by hand, a filter in a transaction or
   * handing its chain on); each twin keeps the refusal and names what it found. The controls (a {@code @Controller}
   * writing bodies, Thymeleaf's views rendered in place, a comment naming a forward) stay cached.
   * (From trial 46's repro 1 and hostile reviews 47 to 49.)
   */
  @Test
  void aServletFilterRunsBeforeTheViewsPersistenceContextUnlessTheProjectForwardsOrBindsOne() {
    for (String control : new String[] {"", "osivfilterbody", "osivfilterthymeleaf", "osivfiltercomment",
        "osivfiltervoidctl"}) {
      MigrationFixture fixture = new MigrationFixture(dir.resolve("filter" + control)).resources("/reasons47/osivfilter");
      MigrationPlan plan = (control.isEmpty() ? fixture : fixture.resources("/reasons47/" + control)).plan();
      assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("DayService.getDays")
          && t.toString().contains("name=saveDay")), control + ": " + plan.targets() + " " + plan.refusals());
    }

    java.util.Map<String, String> twins = new java.util.LinkedHashMap<>();
    twins.put("osivfilterforward", "src/main/java/demo/LegacyController.java names forward:");
    twins.put("osivfilterbound", "RequestEntityManagerFilter.java names EntityManagerHolder");
    twins.put("osivfilterwebxml", "src/main/webapp/WEB-INF/web.xml declares the servlet's filters");
    twins.put("osivfilterwelcome", "src/main/resources/static/index.html may be served (as it is, or copied by a "
        + "build) as Spring Boot's welcome page");
    twins.put("osivfilterbuiltpage", "frontend/build/index.html may be served");
    twins.put("osivfilterview", "DayPageController.java names ModelAndView");
    twins.put("osivfilterspringfox", "pom.xml uses springfox, which forwards inside the DispatcherServlet");
    twins.put("osivfilterreqmap", "LegacyPages.legacyDays() may render a view by name, which Spring's default view "
        + "resolver renders by a forward");
    twins.put("osivfilteradvice", "DayErrors.noSuchDay() may render a view by name");
    twins.put("osivfiltertx", "the filter AuditFilter runs in a transaction (@Transactional)");
    twins.put("osivfilterchain", "the filter AuditFilter hands its FilterChain to other code");
    twins.put("osivfilteroutpkg", "src/main/java/demo/adapter/out/web/LegacyUrls.java names forward:");
    // hostile review 49: a house annotation meta-annotated @Transactional, a transaction proxy set up in Java,
    // Thymeleaf's core without its view resolver, a mapped interface a plain bean implements, a Model returned
    twins.put("osivfiltermetatx", "the filter DayCountFilter runs in a transaction (@Transactional)");
    twins.put("osivfilterproxytx", "RequestUnitOfWork.java names TransactionInterceptor");
    twins.put("osivfilterthymeleafcore", "DayPages.days() may render a view by name");
    twins.put("osivfilteriface", "LegacyApi.legacyDays() may render a view by name");
    twins.put("osivfilterrestmodel", "LegacyPages.legacyDays() may render a view by name");
    for (var twin : twins.entrySet()) {
      MigrationPlan inside = new MigrationFixture(dir.resolve(twin.getKey())).resources("/reasons47/osivfilter")
          .resources("/reasons47/" + twin.getKey()).plan();
      // each twin is SAME_REQUEST; what the words name (the file or the filter found) is the case, which no id says
      assertTrue(inside.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getDays")
          && r.proof() == Proof.SAME_REQUEST
          && r.reason().contains("(a servlet filter runs inside the view's persistence context when")
          && r.reason().contains(twin.getValue())), twin.getKey() + ": " + inside.targets() + " " + inside.refusals());
    }
  }

  /**
   * A read made as the argument of a mapper call is its transaction's first read: findByTitle was refused "inside the
   * transaction of getDepartmentByTitle(), which may load entities before it". Made in a lambda the mapper call takes,
   * it may run after other reads, and still refuses. (From trial 85's F4 on Krit-90/department-service, resources
   * trial85/r3.)
   */
  @Test
  void aReadInAnArgumentOfAnotherCallIsTheTransactionsFirst() {
    String counted = caseText("trial85", "r3/" + DEPARTMENT_SERVICE).replace(
        "    public DepartmentDto getDepartmentByTitle(String title) {\n",
        "    private int asked;\n    public DepartmentDto getDepartmentByTitle(String title) {\n        asked++;\n");
    MigrationPlan argument = departmentPlan("argument", counted);
    assertTrue(proofStartingWith(argument, "findByTitle(").map(p -> p != Proof.ENTITY_SNAPSHOT).orElse(true),
        refusalStartingWith(argument, "findByTitle(").toString());
    MigrationPlan lambda = departmentPlan("lambda", counted.replace(
        "return mapper.toDto(departmentRepository.findByTitle(title).orElseThrow(() -> new IllegalArgumentException(title)));",
        "return mapper.later(() -> departmentRepository.findByTitle(title).orElseThrow());"));
    assertEquals(Optional.of(Proof.ENTITY_SNAPSHOT), proofStartingWith(lambda, "findByTitle("),
        refusalStartingWith(lambda, "findByTitle(").toString());
  }
}
