package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refusal reasons a review of 30 refusals on four public projects found false (2026-11-25), each
 * beside a true twin: the code the reason names must do what it says.
 */
class AuditedReasonsTest {
  @TempDir Path dir;

  private MigrationFixture spring(String name) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM);
  }

  private static Optional<String> refusal(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

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
    String idOf = refusal(exclusive, "idOf").orElse("cached");
    assertFalse(idOf.contains("snapshot"), idOf);
    MigrationPlan ternary = new MigrationFixture(dir.resolve("ternary")).file("pom.xml", TrueRefusalReasonsTest.MYSQL_POM)
        .java(JOBS).java(lookup("        return id > 0 ? jobs.nameOf(id) : String.valueOf(jobs.idOf(name));\n")).plan();
    assertFalse(refusal(ternary, "idOf").orElse("cached").contains("snapshot"), refusal(ternary, "idOf").orElse(""));
    // the true twin: the branch does not return, so nameOf may read first on the way to idOf
    MigrationPlan both = new MigrationFixture(dir.resolve("both")).file("pom.xml", TrueRefusalReasonsTest.MYSQL_POM)
        .java(JOBS).java(lookup("""
                    if (id > 0) {
                        jobs.nameOf(id);
                    }
                    return String.valueOf(jobs.idOf(name));
            """)).plan();
    String why = refusal(both, "idOf").orElse("cached");
    assertTrue(why.contains("inside the transaction of JobLookup.find()"), why);
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
    String why = refusal(leftover, "idOf").orElse("cached");
    assertFalse(why.contains("MySQL"), why);
    // the true twins: a profile naming MySQL, or nothing named at all (the URL from the environment)
    MigrationPlan profile = bothReads("profile").file("src/main/resources/application.yml", postgres)
        .file("src/main/resources/application-prod.properties", "spring.datasource.url=jdbc:mysql://db/ewm\n").plan();
    why = refusal(profile, "idOf").orElse("cached");
    assertTrue(why.contains("MySQL (REPEATABLE READ by default)"), why);
    MigrationPlan environment = bothReads("environment").file("src/main/resources/application.yml",
        "spring.datasource.url: ${DB_URL}\n").file("src/test/resources/application.yml",
        "spring.datasource.url: jdbc:h2:mem:test\n").plan();
    why = refusal(environment, "idOf").orElse("cached");
    assertTrue(why.contains("MySQL (REPEATABLE READ by default)"), why);
  }

  // ---- an overload of a Spring Data query method is another query (petclinic-rest findByLastName)

  @Test
  void theCachedCallerOfASpringDataQueryMethodIsTheOneCallingThatOverload() {
    String store = """
        package shop;

        import java.util.List;
        import org.springframework.data.domain.Pageable;
        import org.springframework.data.repository.Repository;

        public interface NameStore extends Repository<Visit, Integer> {
            List<String> findNamesByKind(String kind);

            List<String> findNamesByKind(String kind, Pageable page);
        }
        """;
    String service = """
        package shop;

        import java.util.List;
        import org.springframework.data.domain.PageRequest;
        import org.springframework.stereotype.Service;

        @Service
        public class Names {
            private final NameStore store;

            public Names(NameStore store) {
                this.store = store;
            }

            public List<String> firstTen(String kind) {
                return List.copyOf(store.findNamesByKind(kind, PageRequest.of(0, 10)));
            }

            public List<String> all(String kind) {
                return List.copyOf(store.findNamesByKind(kind));
            }
        }
        """;
    MigrationPlan plan = spring("overloads").java(PreciseProofsTest.VISIT).java(store).java(service).plan();
    String single = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().equals("findNamesByKind(String)"))
        .map(Refusal::reason).findFirst().orElse("cached");
    assertFalse(single.contains("Names.firstTen()"), single);
    assertTrue(single.contains("called by Names.all()"), single);
    // through a project interface the Spring Data one implements (petclinic-rest's OwnerRepository)
    String repository = """
        package shop;

        import java.util.List;
        import org.springframework.data.domain.Pageable;

        public interface NameRepository {
            List<String> findNamesByKind(String kind);

            List<String> findNamesByKind(String kind, Pageable page);
        }
        """;
    MigrationPlan through = spring("through").java(PreciseProofsTest.VISIT).java(repository)
        .java(store.replace("extends Repository<Visit, Integer>", "extends NameRepository, Repository<Visit, Integer>"))
        .java(service.replace("NameStore", "NameRepository")).plan();
    String implemented = through.refusals().stream()
        .filter(r -> r.finding().enclosingClass().endsWith("NameStore")
            && r.finding().enclosingMethod().equals("findNamesByKind(String)"))
        .map(Refusal::reason).findFirst().orElse("cached");
    assertTrue(implemented.contains("called by Names.all()"), implemented);
  }

  // ---- a cache the project already has is the decisive reason (jpetstore's getAccount, getItem)

  @Test
  void readsMyBatisCachesAreRefusedForThatBeforeWhatCallersDoWithTheResult() {
    MigrationPlan plan = spring("mybatis")
        .file("src/main/resources/shop/ItemMapper.xml", """
            <?xml version="1.0" encoding="UTF-8" ?>
            <mapper namespace="shop.ItemMapper">
              <cache />
              <select id="item" resultType="shop.Item">SELECT id, name FROM item WHERE id = #{id}</select>
            </mapper>
            """)
        .java("""
            package shop;

            public class Item {
                private String name;

                public String getName() {
                    return name;
                }

                public void setName(String name) {
                    this.name = name;
                }
            }
            """)
        .java("""
            package shop;

            import org.apache.ibatis.annotations.Mapper;

            @Mapper
            public interface ItemMapper {
                Item item(String id);
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Catalog {
                private final ItemMapper items;

                public Catalog(ItemMapper items) {
                    this.items = items;
                }

                public Item item(String id) {
                    return items.item(id);
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Shop {
                private final Catalog catalog;

                public Shop(Catalog catalog) {
                    this.catalog = catalog;
                }

                public String shout(String id) {
                    Item item = catalog.item(id);
                    item.setName(item.getName().toUpperCase());
                    return item.getName();
                }
            }
            """)
        .plan();
    String why = refusal(plan, "item").orElse("cached");
    assertTrue(why.startsWith("its queries are already cached by MyBatis's second-level cache"), why);
  }

  // ---- a value read from an entity handed to a Spring Data query method (eladmin findByPidOrderByMenuSort)

  private static final String VISIT_STORE = """
      package shop;

      import org.springframework.data.repository.CrudRepository;

      public interface VisitStore extends CrudRepository<Visit, Integer> {
          long countByOwnerId(Integer ownerId);

          long countByOwner(Owner owner);

          void deleteByOwner(Owner owner);
      }
      """;

  private MigrationFixture owners(String name, String useOfEach) {
    String controller = PreciseProofsTest.ownerController("", useOfEach)
        .replace("private final OwnerMapper mapper;", "private final OwnerMapper mapper;\n    private final VisitStore visits = null;");
    return spring(name).java(PreciseProofsTest.OWNER).java(PreciseProofsTest.VISIT).java(PreciseProofsTest.OWNER_REPOSITORY)
        .java(controller).java(PreciseProofsTest.OWNER_MAPPER).java(VISIT_STORE);
  }

  @Test
  void anEntityOrItsIdHandedToASpringDataQueryMethodIsALibraryReadNotAMissingBuild() {
    MigrationPlan byId = owners("by-id", "names.add(owner.getName() + visits.countByOwnerId(owner.getId()));").plan();
    assertFalse(refusal(byId, "findAll").orElse("cached").contains("build the project first"),
        refusal(byId, "findAll").orElse(""));
    assertTrue(cached(byId, "OwnerRepository.findAll"), byId.refusals().toString());
    MigrationPlan byEntity = owners("by-entity", "names.add(owner.getName() + visits.countByOwner(owner));").plan();
    assertTrue(cached(byEntity, "OwnerRepository.findAll"), byEntity.refusals().toString());
    // the true twin: a derived delete writes with it
    MigrationPlan deletes = owners("deletes", "visits.deleteByOwner(owner);\n                    names.add(owner.getName());")
        .plan();
    String why = refusal(deletes, "findAll").orElse("cached");
    assertTrue(why.contains("hands it to VisitStore.deleteByOwner(), a query method that writes")
        || why.contains("writes"), why);
    assertFalse(why.contains("build the project first"), why);
  }

  // ---- a loop whose project call writes is not called a query (eladmin deleteOnlineUser)

  @Test
  void aLoopWhoseProjectCallWritesSaysItWrites() {
    MigrationPlan plan = spring("logout")
        .java("""
            package shop;

            import org.springframework.data.redis.core.StringRedisTemplate;
            import org.springframework.stereotype.Service;

            @Service
            public class Sessions {
                private final StringRedisTemplate redis;

                public Sessions(StringRedisTemplate redis) {
                    this.redis = redis;
                }

                public void logout(String token) {
                    if (Boolean.TRUE.equals(redis.hasKey("login:" + token))) {
                        redis.delete("login:" + token);
                    }
                }
            }
            """)
        .java("""
            package shop;

            import java.util.Set;
            import org.springframework.stereotype.Service;

            @Service
            public class Online {
                private final Sessions sessions;

                public Online(Sessions sessions) {
                    this.sessions = sessions;
                }

                public void kick(Set<String> tokens) {
                    for (String token : tokens) {
                        sessions.logout(token);
                    }
                }
            }
            """)
        .plan();
    String why = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElse("none");
    assertFalse(why.startsWith("its query runs inside"), why);
    assertTrue(why.contains("writes") && why.contains("delete()"), why);
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
    String why = refusal(counted, "idOf").orElse("cached");
    assertTrue(why.contains("inside the transaction of Accounts.saveAccount()"), why);
  }

  // ---- one cache level per data: a cache its own class calls through 'this' is no level below (filmorate getFilms)

  @Test
  void aSpringCacheItsClassCallsThroughThisIsNoLevelBelowTheCaller() {
    String dao = MigrationSafetyTest.bean("FilmDao", "Repository", "import org.springframework.stereotype.Repository;", """
            public java.util.List<String> names() {
                return jdbc.queryForList("SELECT name FROM film", String.class);
            }
        """);
    String service = """
        package shop;

        import java.util.ArrayList;
        import java.util.List;
        import org.springframework.stereotype.Service;

        @Service
        public class Films {
            private final FilmDao films;

            public Films(FilmDao films) {
                this.films = films;
            }

            public List<String> all() {
                return List.copyOf(films.names());
            }

            public List<String> popular(int count) {
                List<String> all = new ArrayList<>(all());
                return List.copyOf(all.subList(0, Math.min(count, all.size())));
            }
        }
        """;
    String controller = """
        package shop;

        import java.util.List;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        public class FilmController {
            private final Films films;

            public FilmController(Films films) {
                this.films = films;
            }

            @GetMapping("/films")
            public List<String> list() {
                return films.all();
            }

            @GetMapping("/films/popular")
            public List<String> popular() {
                return films.popular(10);
            }
        }
        """;
    MigrationPlan plan = spring("self").java(dao).java(service).java(controller).plan();
    assertTrue(cached(plan, "Films.all"), plan.refusals().toString());
    // the DAO below is refused naming a level that stays cached
    String names = refusal(plan, "names").orElse("cached");
    assertTrue(names.startsWith("called by Films."), names);
    assertFalse(names.contains("Films.popular()") && !cached(plan, "Films.popular"), names);
  }

  // ---- a loop reading a key-value store per element: the fix is a multi-get (eladmin OnlineUserService.getAll)

  @Test
  void aLoopReadingRedisThroughProjectCodeIsToldItsFixIsAMultiGet() {
    MigrationPlan plan = spring("redis-read")
        .java("""
            package shop;

            import org.springframework.data.redis.core.StringRedisTemplate;
            import org.springframework.stereotype.Component;

            @Component
            public class Sessions {
                private final StringRedisTemplate redis;

                public Sessions(StringRedisTemplate redis) {
                    this.redis = redis;
                }

                public String owner(String token) {
                    return redis.opsForValue().get("login:" + token);
                }
            }
            """)
        .java("""
            package shop;

            import java.util.ArrayList;
            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class Online {
                private final Sessions sessions;

                public Online(Sessions sessions) {
                    this.sessions = sessions;
                }

                public List<String> owners(List<String> tokens) {
                    List<String> owners = new ArrayList<>();
                    for (String token : tokens) {
                        String owner = sessions.owner(token);
                        owners.add(owner);
                    }
                    return owners;
                }
            }
            """)
        .plan();
    String why = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElse("none");
    assertTrue(why.contains("a multi-get"), why);
    assertFalse(why.contains("IN (...)) is the fix"), why);
  }

  // ---- a column value read off an entity and handed to a library call (explore-with-me List.of(event.getId()))

  @Test
  void aColumnValueOfAnEntityHandedToALibraryCallIsNoAssociation() {
    MigrationPlan ids = owners("ids", "names.add(owner.getName() + java.util.List.of(owner.getId()).size());").plan();
    assertTrue(cached(ids, "OwnerRepository.findAll"), ids.refusals().toString());
    // the true twin: the lazy association itself handed on
    MigrationPlan visits = owners("visits", "names.add(owner.getName() + java.util.List.of(owner.getVisits()).size());")
        .plan();
    String why = refusal(visits, "findAll").orElse("cached");
    assertTrue(why.contains("of()"), why);
  }

  // ---- a lazy to-one's id read off its proxy (explore-with-me RequestStorage.findByEventId)

  private MigrationFixture requests(String name, String requesterField, String use) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Person {
                @Id
                private Long id;
                private String name;

                public Long getId() {
                    return id;
                }

                public String getName() {
                    return name;
                }
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.FetchType;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToOne;

            @Entity
            public class Request {
                @Id
                private Long id;
                private Long eventId;
                %s
                private Person requester;

                public Long getId() {
                    return id;
                }

                public Person getRequester() {
                    return requester;
                }
            }
            """.formatted(requesterField))
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface RequestStorage extends JpaRepository<Request, Long> {
                List<Request> findByEventId(Long eventId);
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class Requests {
                private final RequestStorage storage;

                public Requests(RequestStorage storage) {
                    this.storage = storage;
                }

                public String firstRequester(Long eventId) {
                    List<Request> requests = storage.findByEventId(eventId);
                    return requests.isEmpty() ? "none" : "" + requests.get(0).getRequester().%s;
                }
            }
            """.formatted(use));
  }

  @Test
  void theIdOfALazyToOneIsReadOffItsProxyWithoutLoading() {
    String lazy = "@ManyToOne(fetch = FetchType.LAZY)";
    MigrationPlan id = requests("id", lazy, "getId()").plan();
    String why = refusal(id, "findByEventId").orElse("cached");
    assertFalse(why.contains("lazy association requester"), why);
    // the true twins: another getter loads the proxy; @LazyToOne(NO_PROXY) is no proxy at all
    MigrationPlan name = requests("name", lazy, "getName()").plan();
    why = refusal(name, "findByEventId").orElse("cached");
    assertTrue(why.contains("reads its lazy association requester (getRequester()) after the read"), why);
    MigrationPlan noProxy = requests("no-proxy", lazy + "\n    @org.hibernate.annotations.LazyToOne("
        + "org.hibernate.annotations.LazyToOneOption.NO_PROXY)", "getId()").plan();
    why = refusal(noProxy, "findByEventId").orElse("cached");
    assertTrue(why.contains("reads its lazy association requester (getRequester()) after the read"), why);
  }

  // ---- a Mockito stub of a save is no writer (fourth audit: ivoylov java-shareit UserService.getAll)

  private MigrationFixture usersWithTest(String name, String test) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Member {
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

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface MemberRepository extends JpaRepository<Member, Long> {
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class Members {
                private final MemberRepository repository;

                public Members(MemberRepository repository) {
                    this.repository = repository;
                }

                public List<String> names() {
                    return repository.findAll().stream().map(Member::getName).toList();
                }

                public void add(Member member) {
                    repository.save(member);
                }
            }
            """)
        .file("src/test/java/shop/MembersTest.java", test);
  }

  @Test
  void aSaveStubbedOnAMockInAUnitTestWritesNothing() {
    MigrationPlan stubbed = usersWithTest("stubbed", """
        package shop;

        import static org.mockito.ArgumentMatchers.any;
        import static org.mockito.Mockito.verify;
        import static org.mockito.Mockito.when;

        import org.junit.jupiter.api.Test;
        import org.mockito.InjectMocks;
        import org.mockito.Mock;

        class MembersTest {
            @Mock
            MemberRepository repository;
            @InjectMocks
            Members members;

            @Test
            void adds() {
                Member member = new Member();
                when(repository.save(any())).thenReturn(member);
                members.add(member);
                verify(repository).save(member);
                members.names();
            }
        }
        """).plan();
    String why = refusal(stubbed, "names").orElse("cached");
    assertFalse(why.contains("MembersTest"), why);
    // the true twin: a Spring test saving through the real repository writes the table under the cache
    MigrationPlan real = usersWithTest("real", """
        package shop;

        import org.junit.jupiter.api.Test;
        import org.springframework.beans.factory.annotation.Autowired;
        import org.springframework.boot.test.context.SpringBootTest;

        @SpringBootTest
        class MembersTest {
            @Autowired
            MemberRepository repository;
            @Autowired
            Members members;

            @Test
            void adds() {
                members.names();
                repository.save(new Member());
                members.names();
            }
        }
        """).plan();
    // its write inside the test is a writer no eviction follows: the module's tests run with the caches off (trial 88)
    assertTrue(real.targets().stream().anyMatch(t -> t.method().fact().name().equals("names")
        && t.offInTests().stream().anyMatch(m -> m.fact().name().equals("adds"))), real.targets().toString());
  }

  // ---- an entity appended to a new ArrayList is never hashed (fourth audit: ivoylov BookingService.getAll)

  private MigrationFixture teams(String name, String collected) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.OneToMany;
            import java.util.List;

            @lombok.Data
            @Entity
            public class Team {
                @Id
                private Long id;
                private String name;
                @OneToMany(mappedBy = "team")
                private List<Player> players;
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToOne;

            @Entity
            public class Player {
                @Id
                private Long id;
                @ManyToOne
                private Team team;
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface TeamRepository extends JpaRepository<Team, Long> {
                java.util.List<Team> findByName(String name);
            }
            """)
        .java("""
            package shop;

            import java.util.*;
            import org.springframework.stereotype.Service;

            @Service
            public class Teams {
                private final TeamRepository repository;

                public Teams(TeamRepository repository) {
                    this.repository = repository;
                }

                public int count(String name) {
                    %s
                    all.addAll(repository.findByName(name));
                    repository.findByName(name).forEach(all::add);
                    return all.size();
                }
            }
            """.formatted(collected));
  }

  @Test
  void anEntityAppendedToANewListIsNeverHashed() {
    MigrationPlan list = teams("list", "List<Team> all = new ArrayList<>();").plan();
    String why = refusal(list, "findByName").orElse("cached");
    assertFalse(why.contains("equals and hashCode"), why);
    // the true twin: a HashSet calls the Lombok hashCode, which reads the lazy players
    MigrationPlan set = teams("set", "Set<Team> all = new HashSet<>();").plan();
    why = refusal(set, "findByName").orElse("cached");
    assertTrue(why.contains("which calls its equals and hashCode, which Lombok writes over"), why);
  }

  /**
   * Lombok's equals and hashCode read only the fields its exclude, or @EqualsAndHashCode.Exclude, leaves in: one that
   * leaves the lazy association out hashes none (a trial on springframeworkguru's recipe app, Boot 2.1:
   * {@code @EqualsAndHashCode(exclude = {"recipes"})} was refused as hashing its lazy recipes).
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"exclude", "field", "of"})
  void lombokEqualsThatLeavesTheLazyAssociationOutHashesNone(String form) {
    String team = """
        package shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.OneToMany;
        import java.util.List;

        @lombok.Data
        %s
        @Entity
        public class Team {
            @Id
            private Long id;
            private String name;
            %s
            @OneToMany(mappedBy = "team")
            private List<Player> players;
        }
        """.formatted(switch (form) {
          case "exclude" -> "@lombok.EqualsAndHashCode(exclude = {\"players\"})";
          case "of" -> "@lombok.EqualsAndHashCode(of = \"id\")";
          default -> "";
        }, form.equals("field") ? "@lombok.EqualsAndHashCode.Exclude" : "");
    MigrationPlan set = teams("lombok-" + form, "Set<Team> all = new HashSet<>();").java(team).plan();
    String why = refusal(set, "findByName").orElse("cached");
    assertFalse(why.contains("equals and hashCode"), why);
  }

  // ---- a module inheriting Spring Boot through the project's own parent pom (fourth audit: Zagloba79 shareit)

  private static final String STORE_SERVICE = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Service;

      @Service
      public class EntryStore implements Store {
          private final JdbcTemplate jdbc;

          public EntryStore(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public String entry(String key) {
              return jdbc.queryForObject("SELECT value FROM entries WHERE name = ?", String.class, key);
          }
      }
      """;

  private MigrationFixture storeModule(String name, String parentPom) {
    String module = """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent><groupId>shop</groupId><artifactId>shop-parent</artifactId><version>1</version></parent>
          <artifactId>server</artifactId>
          <properties><maven.compiler.release>17</maven.compiler.release></properties>
          <dependencies>
            <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-jdbc</artifactId></dependency>
          </dependencies>
        </project>
        """;
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", parentPom).file("server/pom.xml", module)
        .file("server/src/main/java/shop/Store.java", "package shop;\n\npublic interface Store {\n"
            + "    String entry(String key);\n}\n")
        .file("server/src/main/java/shop/EntryStore.java", STORE_SERVICE)
        .file("server/src/main/java/shop/Importer.java", """
            package shop;

            @org.springframework.stereotype.Service
            public class Importer {
                private final EntryStore store;

                public Importer(EntryStore store) {
                    this.store = store;
                }

                public String first() {
                    return store.entry("first");
                }
            }
            """);
  }

  @Test
  void aModuleUnderTheProjectsBootParentIsSpringBoot() {
    String bootParent = """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
            <version>3.3.0</version><relativePath/></parent>
          <groupId>shop</groupId><artifactId>shop-parent</artifactId><version>1</version><packaging>pom</packaging>
          <modules><module>server</module></modules>
        </project>
        """;
    MigrationPlan boot = storeModule("boot", bootParent).plan();
    String why = refusal(boot, "entry").orElse("cached");
    assertFalse(why.contains("JDK proxy"), why);
    // the true twin: a parent that is no Boot project, where Spring's default proxy is a JDK proxy
    MigrationPlan plain = storeModule("plain", bootParent.replace("""
          <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
            <version>3.3.0</version><relativePath/></parent>
        """, "")).plan();
    why = refusal(plain, "entry").orElse("cached");
    assertTrue(why.contains("EntryStore implements interfaces and is injected by its class (Importer.store)"), why);
  }

  // ---- a repository's default method (fourth audit: jhipster findOneWithEagerRelationships)

  @Test
  void aRepositoryDefaultMethodIsToldApartFromAnInterfaceWithoutACache() {
    MigrationPlan plan = spring("default")
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Account {
                @Id
                private Long id;
                private String name;

                public Long getId() {
                    return id;
                }

                public String getName() {
                    return name;
                }
            }
            """)
        .java("""
            package shop;

            import java.util.Optional;
            import org.springframework.data.jpa.repository.JpaRepository;
            import org.springframework.data.jpa.repository.Query;
            import org.springframework.data.repository.query.Param;

            public interface AccountRepository extends JpaRepository<Account, Long> {
                default Optional<Account> findOneWithEagerRelationships(Long id) {
                    return this.findOneWithToOneRelationships(id);
                }

                @Query("select a from Account a where a.id = :id")
                Optional<Account> findOneWithToOneRelationships(@Param("id") Long id);
            }
            """)
        .java("""
            package shop;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PathVariable;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class AccountResource {
                private final AccountRepository accounts;

                public AccountResource(AccountRepository accounts) {
                    this.accounts = accounts;
                }

                @GetMapping("/accounts/{id}")
                public String get(@PathVariable Long id) {
                    return accounts.findOneWithEagerRelationships(id).map(Account::getName).orElse("none");
                }
            }
            """)
        .plan();
    String why = refusal(plan, "findOneWithEagerRelationships").orElse("cached");
    assertTrue(why.startsWith("a default method of the repository interface AccountRepository"), why);
    assertFalse(why.contains("caches need a class"), why);
  }

  // ---- a value sent to Kafka is serialised, not shared (fourth audit: GlazyrinAV StatsRepository.updateViews)

  private MigrationPlan sentViews(String name, String field, String send) {
    return spring(name)
        .java(MigrationSafetyTest.bean("ViewStore", "Repository", "import org.springframework.stereotype.Repository;", """
                public java.util.List<String> views() {
                    return jdbc.queryForList("SELECT uri FROM views", String.class);
                }
            """))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class ViewPublisher {
                private final ViewStore store;
                %s

                public ViewPublisher(ViewStore store) {
                    this.store = store;
                }

                public void publish() {
                    %s
                }
            }
            """.formatted(field, send))
        .plan();
  }

  @Test
  void aValueSentToKafkaIsSerialisedNotShared() {
    MigrationPlan kafka = sentViews("kafka",
        "private final org.springframework.kafka.core.KafkaTemplate<String, Object> kafka = null;",
        "kafka.send(\"views\", store.views());");
    String why = refusal(kafka, "views").orElse("cached");
    assertFalse(why.contains("whose receivers optkit cannot list"), why);
    // the true twin: an application event's listeners run in this process and get the object itself
    MigrationPlan event = sentViews("event",
        "private final org.springframework.context.ApplicationEventPublisher events = null;",
        "events.publishEvent(store.views());");
    why = refusal(event, "views").orElse("cached");
    assertTrue(why.contains("hands the result it gets to publishEvent(), whose receivers optkit cannot list"), why);
  }

  // ---- a field wired by @Qualifier runs one implementation (fourth audit: A-Cherm java-filmorate FilmService)

  private MigrationPlan films(String name, String parameter) {
    return films(name, parameter, "");
  }

  private MigrationPlan films(String name, String parameter, String inMemoryQualifier) {
    return spring(name)
        .java("""
            package shop;

            public interface FilmStorage {
                String title(int id);
            }
            """)
        .java("""
            package shop;

            import java.util.HashMap;
            import java.util.Map;
            import org.springframework.stereotype.Component;

            @Component
            %s
            public class InMemoryFilmStorage implements FilmStorage {
                private final Map<Integer, String> films = new HashMap<>();

                public String title(int id) {
                    return films.get(id);
                }

                public void put(int id, String title) {
                    films.put(id, title);
                }
            }
            """.formatted(inMemoryQualifier.isEmpty() ? "" : "@org.springframework.beans.factory.annotation."
                + inMemoryQualifier.substring(1)))
        .java(MigrationSafetyTest.bean("FilmDbStorage", "Component", "import org.springframework.stereotype.Component;", """
                public String title(int id) {
                    return jdbc.queryForObject("SELECT title FROM films WHERE id = ?", String.class, id);
                }
            """).replace("public class FilmDbStorage {", "public class FilmDbStorage implements FilmStorage {"))
        .java("""
            package shop;

            import org.springframework.beans.factory.annotation.Qualifier;
            import org.springframework.stereotype.Service;

            @Service
            public class FilmService {
                private final FilmStorage storage;

                public FilmService(%s FilmStorage storage) {
                    this.storage = storage;
                }

                public String title(int id) {
                    return storage.title(id);
                }
            }
            """.formatted(parameter))
        .plan();
  }

  @Test
  void aFieldWiredByQualifierRunsThatBeansClassOnly() {
    MigrationPlan wired = films("wired", "@Qualifier(\"filmDbStorage\")");
    assertTrue(cached(wired, "FilmService.title"), wired.refusals().toString());
    // the in-memory class qualified with that name too: Spring's candidates are both, and so are optkit's
    MigrationPlan twice = films("twice", "@Qualifier(\"filmDbStorage\")", "@Qualifier(\"filmDbStorage\")");
    assertFalse(cached(twice, "FilmService.title"), twice.targets().toString());
    // the true twin: unqualified, either implementation may be the one injected
    MigrationPlan either = films("either", "");
    String why = either.refusals().stream().filter(r -> r.finding().enclosingMethod().equals("FilmService.title(int)")
        || r.finding().enclosingMethod().startsWith("title(")).map(Refusal::reason)
        .filter(r -> r.contains("InMemoryFilmStorage")).findFirst().orElse("not refused for InMemoryFilmStorage: "
            + either.refusals());
    assertTrue(why.contains("InMemoryFilmStorage.title() reads field films"), why);
  }

  // ---- a method that changes what it loaded writes (fourth audit: Bolohonov RequestServiceImpl.confirmRequest)

  @Test
  void aMethodChangingTheEntityItLoadedIsAWrite() {
    String why = refusal(tickets("confirm", "ticket.setStatus(\"CONFIRMED\");").plan(), "confirm").orElse("cached");
    assertTrue(why.startsWith("it writes: it changes what findById() loaded (ticket), which JPA writes back at the "
        + "flush"), why);
    // through a method of the entity's own: raeperd realworld's user.favoriteArticle(article)
    why = refusal(tickets("method", "ticket.confirm();").plan(), "confirm").orElse("cached");
    assertTrue(why.startsWith("it writes: it hands what findById() loaded (ticket) to Ticket.confirm(), which changes "
        + "it"), why);
    // loaded by a helper of its own class and changed by the entity's method (raeperd's userFindService.findById)
    MigrationPlan helper = tickets("helper", "").java("""
        package shop;

        import org.springframework.stereotype.Service;
        import org.springframework.transaction.annotation.Transactional;

        @Service
        public class Confirmations {
            private final Tickets tickets;

            public Confirmations(Tickets tickets) {
                this.tickets = tickets;
            }

            @Transactional
            public String confirm(Long id) {
                Ticket ticket = tickets.load(id);
                ticket.confirm();
                return ticket.getStatus();
            }
        }
        """).plan();
    why = helper.refusals().stream().filter(r -> r.finding().enclosingClass().equals("shop.Confirmations"))
        .map(Refusal::reason).findFirst().orElse("cached");
    assertTrue(why.startsWith("it writes: it hands what Tickets.load() loaded (ticket) to Ticket.confirm()"), why);
    // the true twin of a read: only getters on what it loaded
    assertTrue(cached(tickets("read", "").plan(), "Tickets.confirm"));
  }

  private MigrationFixture tickets(String name, String change) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Ticket {
                @Id
                private Long id;
                private String status;

                public String getStatus() {
                    return status;
                }

                public void setStatus(String status) {
                    this.status = status;
                }

                public void confirm() {
                    status = "CONFIRMED";
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface TicketRepository extends JpaRepository<Ticket, Long> {
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class Tickets {
                private final TicketRepository tickets;

                public Tickets(TicketRepository tickets) {
                    this.tickets = tickets;
                }

                @Transactional
                public String confirm(Long id) {
                    Ticket ticket = tickets.findById(id).orElseThrow();
                    %s
                    return ticket.getStatus();
                }

                public Ticket load(Long id) {
                    return tickets.findById(id).orElseThrow();
                }
            }
            """.formatted(change));
  }
  // ---- a save writes its entity's table and what its cascades reach, not every association (java-shareit create)

  private MigrationFixture bookings(String name, String itemMapping) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.Table;

            @Entity
            @Table(name = "users")
            public class Person {
                @Id
                private Long id;
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToOne;
            import jakarta.persistence.Table;

            @Entity
            @Table(name = "items")
            public class Item {
                @Id
                private Long id;
                @ManyToOne
                private Person owner;
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.CascadeType;
            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToOne;
            import jakarta.persistence.Table;

            @Entity
            @Table(name = "bookings")
            public class Booking {
                @Id
                private Long id;
                private String status;
                %s
                private Item item;
                @ManyToOne
                private Person booker;

                public String getStatus() {
                    return status;
                }
            }
            """.formatted(itemMapping))
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface BookingRepository extends JpaRepository<Booking, Long> {
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class BookingReader {
                private final BookingRepository bookings;

                public BookingReader(BookingRepository bookings) {
                    this.bookings = bookings;
                }

                public List<String> statuses() {
                    return bookings.findAll().stream().map(Booking::getStatus).toList();
                }
            }
            """)
        .java("""
            package shop;

            import java.util.concurrent.CompletableFuture;
            import org.springframework.stereotype.Service;

            @Service
            public class BookingWriter {
                private final BookingRepository bookings;

                public BookingWriter(BookingRepository bookings) {
                    this.bookings = bookings;
                }

                public CompletableFuture<Booking> create(Booking booking) {
                    return CompletableFuture.completedFuture(bookings.save(booking));
                }
            }
            """);
  }

  @Test
  void aSaveWithoutCascadesWritesItsEntitysTableAndACascadeItsTargetsToo() {
    MigrationPlan plain = bookings("no-cascade", "@ManyToOne").plan();
    String why = refusal(plain, "statuses").orElse("cached");
    assertTrue(why.contains("BookingWriter.create() may write bookings (save(): its entity's table) but"), why);
    // the true twin: a cascade reaches the item, and no further (Item's owner has none)
    MigrationPlan cascaded = bookings("cascade", "@ManyToOne(cascade = CascadeType.ALL)").plan();
    why = refusal(cascaded, "statuses").orElse("cached");
    assertTrue(why.contains("BookingWriter.create() may write bookings, items (save(): its entity's table and the "
        + "tables its cascades reach) but"), why);
  }

  // ---- a Criteria API select in a repository fragment is a read, and the fragment is a Spring bean
  // (Bolohonov java-explore-with-me EventRepositoryCustomImpl.getCount())

  private MigrationFixture criteria(String name, String fragmentBody) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Event {
                @Id
                private Long id;
                private String title;

                public String getTitle() {
                    return title;
                }
            }
            """)
        .java("""
            package shop;

            public interface EventRepositoryCustom {
                long countAll();
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.EntityManager;
            import jakarta.persistence.PersistenceContext;
            import jakarta.persistence.criteria.*;

            public class EventRepositoryCustomImpl implements EventRepositoryCustom {
                @PersistenceContext
                private EntityManager entityManager;

                @Override
                public long countAll() {
                    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
                    CriteriaQuery<Long> countQuery = cb.createQuery(Long.class);
                    countQuery.select(cb.count(countQuery.from(Event.class)));
                    return entityManager.createQuery(countQuery).getSingleResult();
                }
            %s
            }
            """.formatted(fragmentBody))
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface EventRepository extends JpaRepository<Event, Long>, EventRepositoryCustom {
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class EventReader {
                private final EventRepository events;

                public EventReader(EventRepository events) {
                    this.events = events;
                }

                public List<String> titles() {
                    return events.findAll().stream().map(Event::getTitle).toList();
                }
            }
            """);
  }

  @Test
  void aCriteriaSelectIsAReadAndACriteriaDeleteStillAWriteThatItsFragmentBeanEvicts() {
    MigrationPlan select = criteria("select", "").plan();
    assertTrue(cached(select, "EventReader.titles"), refusal(select, "titles").orElse(""));
    CachingTarget target = select.targets().stream().filter(t -> t.method().fact().displayName().equals("EventReader.titles"))
        .findFirst().orElseThrow();
    assertTrue(target.evictions().stream().noneMatch(e -> e.writer().fact().name().equals("countAll")),
        target.evictions().toString());
    // the true twin: a CriteriaDelete writes, and the fragment, a bean Spring Data registers, evicts around it
    MigrationPlan delete = criteria("delete", """
                public int purge() {
                    CriteriaDelete<Event> delete = entityManager.getCriteriaBuilder().createCriteriaDelete(Event.class);
                    delete.from(Event.class);
                    return entityManager.createQuery(delete).executeUpdate();
                }
            """).plan();
    String why = refusal(delete, "titles").orElse("cached");
    assertFalse(why.contains("not a Spring bean"), why);
    CachingTarget evicted = delete.targets().stream().filter(t -> t.method().fact().displayName().equals("EventReader.titles"))
        .findFirst().orElseThrow(() -> new AssertionError(refusal(delete, "titles").orElse("")));
    assertTrue(evicted.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals("EventRepositoryCustomImpl.purge")),
        evicted.evictions().toString());
  }

  // ---- a setter on the entity a helper loads is written at the flush (Bolohonov RequestServiceImpl.revokeRequest)

  private MigrationFixture revoke(String name, String change) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Request {
                @Id
                private Long id;
                private String status;

                public String getStatus() {
                    return status;
                }

                public void setStatus(String status) {
                    this.status = status;
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface RequestRepository extends JpaRepository<Request, Long> {
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class Requests {
                private final RequestRepository requests;

                public Requests(RequestRepository requests) {
                    this.requests = requests;
                }

                @Transactional
                public String revoke(Long id) {
                    Request request = load(id);
                    %s
                    return request.getStatus();
                }

                private Request load(Long id) {
                    return requests.findById(id).orElseThrow();
                }
            }
            """.formatted(change));
  }

  @Test
  void aSetterOnTheEntityAHelperLoadsIsAWriteTheCacheWouldSkip() {
    MigrationPlan changed = revoke("changed", "request.setStatus(\"CANCELED\");").plan();
    String why = refusal(changed, "revoke").orElse("cached");
    assertTrue(why.contains("it writes: it changes what Requests.load() loaded (request), which JPA writes back at the "
        + "flush, and a cache hit would skip that write"), why);
    // the true twin: only read, it is a read
    MigrationPlan read = revoke("read", "").plan();
    assertFalse(refusal(read, "revoke").orElse("cached").contains("writes back at the flush"),
        refusal(read, "revoke").orElse(""));
  }

  // ---- a remote service's resources hang together (fifth audit, UNSAFE: SudarikovYaroslav view counts)

  @Test
  void aWriteToAServiceEvictsEveryCachedReadOfThatService() {
    MigrationPlan plan = spring("views")
        .java("""
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.web.client.RestTemplate;

            @Service
            public class Views {
                private final RestTemplate rest = new RestTemplate();

                public Long views(long id) {
                    return rest.getForObject("http://stats-server:9090/views/" + id, Long.class);
                }

                public void hit(long id) {
                    rest.postForObject("http://stats-server:9090/hit", id, Void.class);
                }

                public void charge(long id) {
                    rest.postForObject("http://billing:8080/charges", id, Void.class);
                }
            }
            """)
        .plan();
    CachingTarget views = plan.targets().stream().filter(t -> t.method().fact().name().equals("views")).findFirst()
        .orElseThrow(() -> new AssertionError("views() not cached: " + plan.refusals()));
    java.util.List<String> evicting = views.evictions().stream().map(e -> e.writer().fact().name()).toList();
    assertTrue(evicting.contains("hit"), "POST /hit changes GET /views/{id}: " + evicting);
    assertFalse(evicting.contains("charge"), "another service: " + evicting);
  }

  // ---- the clock read in a helper (fifth audit, UNSAFE: ymolyavkin getItemsLastNextBookingByUser)

  @Test
  void aClockReadInAHelperIsAClockRead() {
    MigrationPlan plan = spring("clock")
        .java(MigrationSafetyTest.bean("Bookings", "Service", "import org.springframework.stereotype.Service;", """
                public java.util.List<java.time.LocalDateTime> past(long itemId) {
                    return jdbc.queryForList("SELECT start_at FROM bookings WHERE item_id = ?",
                        java.time.LocalDateTime.class, itemId).stream().filter(this::started).toList();
                }

                private boolean started(java.time.LocalDateTime start) {
                    return start.isBefore(java.time.LocalDateTime.now());
                }
            """))
        .plan();
    String why = refusal(plan, "past").orElse("cached");
    assertTrue(why.startsWith("depends on the clock, a random source or a setting its key does not cover: "
        + "Bookings.started() reads java.time.LocalDateTime.now()"), why);
    // imported, and called directly from a loop's lambda
    MigrationPlan imported = spring("imported")
        .java(MigrationSafetyTest.bean("Bookings", "Service",
            "import java.time.LocalDateTime;\nimport org.springframework.stereotype.Service;", """
                public java.util.List<LocalDateTime> past(long itemId) {
                    return jdbc.queryForList("SELECT start_at FROM bookings WHERE item_id = ?",
                        LocalDateTime.class, itemId).stream().filter(start -> started(start)).toList();
                }

                private boolean started(LocalDateTime start) {
                    return start.isBefore(LocalDateTime.now());
                }
            """))
        .plan();
    why = refusal(imported, "past").orElse("cached");
    assertTrue(why.contains("Bookings.started() reads LocalDateTime.now()"), why);
  }

  // ---- separate applications on their own databases (third to fifth audits: explore-with-me stats, Korgerk,
  // in28minutes' sibling samples)

  private MigrationFixture twoApplications(String name, String statsUrl, String mainUrl, String mainDependency) {
    String modulePom = """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent><groupId>shop</groupId><artifactId>shop-parent</artifactId><version>1</version></parent>
          <artifactId>%s</artifactId>
          <properties><maven.compiler.release>17</maven.compiler.release></properties>
          <dependencies>
            <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-jdbc</artifactId></dependency>
            <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency>
            %s
          </dependencies>
        </project>
        """;
    String application = """
        package %s;

        @org.springframework.boot.autoconfigure.SpringBootApplication
        public class %sApplication {
        }
        """;
    return new MigrationFixture(dir.resolve(name))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
                <version>3.3.0</version><relativePath/></parent>
              <groupId>shop</groupId><artifactId>shop-parent</artifactId><version>1</version><packaging>pom</packaging>
              <modules><module>stats</module><module>main</module></modules>
            </project>
            """)
        .file("stats/pom.xml", modulePom.formatted("stats", ""))
        .file("main/pom.xml", modulePom.formatted("main", mainDependency))
        .file("stats/src/main/resources/application.properties", "spring.datasource.url=" + statsUrl + "\n")
        .file("main/src/main/resources/application.properties", "spring.datasource.url=" + mainUrl + "\n")
        .file("stats/src/main/java/stats/StatsApplication.java", application.formatted("stats", "Stats"))
        .file("main/src/main/java/main/MainApplication.java", application.formatted("main", "Main"))
        .file("stats/src/main/java/stats/Hits.java", MigrationSafetyTest.bean("Hits", "Service",
            "import org.springframework.stereotype.Service;", """
                public Integer count(String uri) {
                    return jdbc.queryForObject("SELECT count(*) FROM hits WHERE uri = ?", Integer.class, uri);
                }

                public void hit(String uri) {
                    jdbc.update("INSERT INTO hits (uri) VALUES (?)", uri);
                }
            """).replace("package shop;", "package stats;"))
        .file("main/src/main/java/main/Archive.java", MigrationSafetyTest.bean("Archive", "Service",
            "import org.springframework.stereotype.Service;", """
                public void archive(String uri) {
                    jdbc.update("INSERT INTO hits (uri) VALUES (?)", uri);
                }
            """).replace("package shop;", "package main;"));
  }

  @Test
  void anotherApplicationOnItsOwnDatabaseWritesNothingThisOneReads() {
    MigrationPlan separate = twoApplications("separate", "jdbc:postgresql://localhost:5432/stats",
        "jdbc:postgresql://localhost:5432/main", "").plan();
    String why = refusal(separate, "count").orElse("cached");
    assertFalse(why.contains("Archive.archive()"), why);
    // the true twins: one database for both, and a main module that runs the stats module's code
    MigrationPlan shared = twoApplications("shared", "jdbc:postgresql://db:5432/ewm",
        "jdbc:postgresql://localhost:5432/ewm", "").plan();
    why = refusal(shared, "count").orElse("cached");
    assertTrue(why.contains("Archive.archive()") && why.contains("in another Maven module"), why);
    MigrationPlan dependent = twoApplications("dependent", "jdbc:postgresql://localhost:5432/stats",
        "jdbc:postgresql://localhost:5432/main",
        "<dependency><groupId>shop</groupId><artifactId>stats</artifactId><version>1</version></dependency>").plan();
    why = refusal(dependent, "count").orElse("cached");
    assertTrue(why.contains("Archive.archive()"), why);
  }

  // ---- a remote read the project's other application answers (hostile probe of Hyacintholuscus explore-with-me:
  // views fetched over Feign from the stats service went stale when clients posted /hit to it)

  private MigrationFixture remoteReader(String name, String url) {
    String web = "<dependency><groupId>org.springframework.boot</groupId>"
        + "<artifactId>spring-boot-starter-web</artifactId></dependency>";
    return twoApplications(name, "jdbc:postgresql://localhost:5432/stats", "jdbc:postgresql://localhost:5432/main", web)
        .file("stats/src/main/java/stats/HitController.java", """
            package stats;

            import org.springframework.web.bind.annotation.PostMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class HitController {
                private final Hits hits;

                public HitController(Hits hits) {
                    this.hits = hits;
                }

                @PostMapping("/hit")
                public void hit(String uri) {
                    hits.hit(uri);
                }
            }
            """)
        .file("main/src/main/java/main/Views.java", """
            package main;

            import org.springframework.stereotype.Service;
            import org.springframework.web.client.RestTemplate;

            @Service
            public class Views {
                private final RestTemplate rest;

                public Views(RestTemplate rest) {
                    this.rest = rest;
                }

                public String views(String uri) {
                    return rest.getForObject("%s", String.class, uri);
                }
            }
            """.formatted(url));
  }

  @Test
  void aRemoteReadTheProjectsOtherApplicationMayAnswerHasThatApplicationsWritersWhateverItsDatabase() {
    MigrationPlan ours = remoteReader("ours", "http://stats-server:9090/stats?uri={uri}").plan();
    String why = refusal(ours, "views").orElse("cached");
    assertTrue(why.contains("Hits.hit()") && why.contains("another application of the project"), why);
    // the true twin: a public service's host is none of the project's applications
    MigrationPlan theirs = remoteReader("theirs", "https://stats.example.com/stats?uri={uri}").plan();
    why = refusal(theirs, "views").orElse("cached");
    assertFalse(why.contains("Hits.hit()"), why);
  }

  @Test
  void aComposeFileSettingTheDatasourceFromItsOwnEnvironmentOrAnEnvFileTellsNoDatabase() {
    String services = """
        services:
          stats:
            build: stats
            environment:
              %s
          main:
            build: main
            environment:
              - SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/main
        """;
    // the configuration's ${DB_URL}, filled by the compose file with another placeholder: nothing is told
    MigrationPlan placeholder = twoApplications("placeholder", "${DB_URL}", "${DB_URL}", "")
        .file("compose.yaml", services.formatted("- SPRING_DATASOURCE_URL=${STATS_DB}")).plan();
    String why = refusal(placeholder, "count").orElse("cached");
    assertTrue(why.contains("Archive.archive()"), why);
    // Spring's relaxed binding reads SPRING.DATASOURCE.URL as well: the compose file points both at one database
    MigrationPlan dotted = twoApplications("dotted", "jdbc:postgresql://localhost:5432/stats",
        "jdbc:postgresql://localhost:5432/main", "")
        .file("compose.yaml", services.formatted("SPRING.DATASOURCE.URL: jdbc:postgresql://db:5432/main")
            .replace("- SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/main",
                "SPRING_DATASOURCE_URL: jdbc:postgresql://db:5432/main")).plan();
    why = refusal(dotted, "count").orElse("cached");
    assertTrue(why.contains("Archive.archive()"), why);
    // an env_file optkit does not read may set it as well
    MigrationPlan envFile = twoApplications("env-file", "jdbc:postgresql://localhost:5432/stats",
        "jdbc:postgresql://localhost:5432/main", "")
        .file("compose.yaml", services.formatted("- SERVER_PORT=9090").replace("    build: stats\n",
            "    build: stats\n    env_file: stats.env\n")).plan();
    why = refusal(envFile, "count").orElse("cached");
    assertTrue(why.contains("Archive.archive()"), why);
    // the true twin: two databases the compose file names
    MigrationPlan named = twoApplications("named", "${DB_URL}", "${DB_URL}", "")
        .file("compose.yaml", services.formatted("- SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/stats")).plan();
    why = refusal(named, "count").orElse("cached");
    assertFalse(why.contains("Archive.archive()"), why);
  }

  // ---- a Lombok @Data key (hostile probe of Hyacintholuscus explore-with-me: "has no equals/hashCode over all its
  // fields" for search parameters whose @Data writes exactly that)

  private MigrationPlan searchBy(String name, String fields) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;

            import lombok.Data;

            @Data
            public class Search {
            %s
            }
            """.formatted(fields))
        .java(MigrationSafetyTest.bean("Events", "Service", "import org.springframework.stereotype.Service;", """
                public Integer count(Search search) {
                    return jdbc.queryForObject("SELECT count(*) FROM events WHERE text = ?", Integer.class,
                            search.getText());
                }
            """))
        .plan();
  }

  @Test
  void aLombokDataKeyIsRefusedForItsSettersNotForAMissingEquals() {
    MigrationPlan mutable = searchBy("mutable", "    private String text;\n    private Integer size;");
    String why = mutable.notCacheable().stream().filter(n -> n.contains("count")).findFirst().orElse("cached");
    assertTrue(why.contains("Lombok @Data class with fields that are not final"), why);
    assertFalse(why.contains("has no equals/hashCode"), why);
    // the true twin's opposite: @Data on final fields only writes no setters, and its equals covers them all
    MigrationPlan frozen = searchBy("frozen", "    private final String text;\n    private final Integer size;");
    assertTrue(cached(frozen, "Events.count"), frozen.notCacheable() + " " + frozen.refusals());
  }

  // ---- what a mapper makes is new (fifth audit: basilisk1869 explore-with-me getEvent)

  @Test
  void aSetterOnWhatAMapperMadeChangesNothingShared() {
    MigrationPlan plan = spring("mapped")
        .java("""
            package shop;

            public class EventDto {
                private String title;
                private long views;

                public String getTitle() {
                    return title;
                }

                public void setViews(long views) {
                    this.views = views;
                }
            }
            """)
        .java(MigrationSafetyTest.bean("Events", "Service",
            "import org.modelmapper.ModelMapper;\nimport org.springframework.stereotype.Service;", """
                private final ModelMapper mapper = new ModelMapper();

                public EventDto event(long id) {
                    String title = jdbc.queryForObject("SELECT title FROM events WHERE id = ?", String.class, id);
                    EventDto dto = mapper.map(title, EventDto.class);
                    dto.setViews(0L);
                    return dto;
                }
            """))
        .plan();
    String why = refusal(plan, "event").orElse("cached");
    assertFalse(why.contains("setViews on what map() returned"), why);
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
    String why = refusal(bookingLists("after", "bookers.findById(bookerId).orElseThrow();"), "findByBookerId")
        .orElse("cached");
    assertTrue(why.startsWith("it reads JPA entities inside the transaction of Bookings.bookerNames(), which may "
        + "load entities before it"), why);
    // the true twin: the transaction's first load is the read itself
    why = refusal(bookingLists("first", ""), "findByBookerId").orElse("cached");
    assertFalse(why.contains("persistence context"), why);
  }
}
