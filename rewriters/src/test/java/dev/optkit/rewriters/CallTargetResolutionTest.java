package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * Which code a call runs: the overload of a Spring Data query method, a repository's default method, the one bean a
 * {@code @Qualifier} field is wired to. Cases from the 2026-11-25 audits of optkit's refusal reasons on public
 * projects (the first a review of 30 refusals on four projects, then the fourth and fifth audits and hostile probes
 * of them; each case's comment names its project), each beside a true twin: the code the reason names must do what
 * it says.
 */
class CallTargetResolutionTest extends SpringProjectPlans {
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
}
